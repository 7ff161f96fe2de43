import { expect, test } from '@playwright/test';
import { producerConnection } from '../test-support/mqadmin';
import { SANDBOXES } from '../test-support/sandbox';
import { until } from '../test-support/wait';
import { open } from './support';

// online-consumers.sh keeps the producer group lab_pg_online connected in each sandbox
test.describe('producers', () => {
  for (const sandbox of [SANDBOXES.v5, SANDBOXES.v4]) {
    test(`lists lab_pg_online with the client, language and version of mqadmin producerConnection, inner groups on demand (${sandbox.version})`, async ({ page }) => {
      await open(page, `/clusters/${sandbox.cluster}/producers`);
      // mqadmin asks one broker of the topic: one the producer has not yet sent a heartbeat to says the group does not exist
      const theirs = (await until('lab_pg_online known to the broker mqadmin asks', () => producerConnection('lab_pg_online', 'LabOrderTopic', sandbox), 45_000))[0]!;
      const row = page.locator('[data-testid="producer-client"][data-group="lab_pg_online"]');
      await expect(row).toHaveCount(1);
      await expect(row.locator('td').nth(1)).toHaveText(theirs.clientId);
      await expect(row.locator('td').nth(3)).toHaveText(theirs.language);
      await expect(row.locator('td').nth(4)).toHaveText(theirs.version);
      // a broker restarted moments ago (partial.spec restarts broker-b) hears from the producer at its next heartbeat
      // (30 s): until then the masters truly list it on broker-a only
      await expect(async () => {
        await page.reload();
        await expect(row.locator('td').nth(5)).toHaveText('broker-a, broker-b', { timeout: 3000 });
      }).toPass({ timeout: 60_000 });
      const inner = page.locator('[data-testid="producer-client"][data-group="CLIENT_INNER_PRODUCER"]');
      await expect(inner).toHaveCount(0);
      await page.getByTestId('show-inner').check();
      await expect(inner.first()).toBeVisible();
    });
  }
});
