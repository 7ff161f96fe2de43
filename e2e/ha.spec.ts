import { expect, test } from '@playwright/test';
import { brokerStatus } from '../test-support/mqadmin';
import { SANDBOXES } from '../test-support/sandbox';
import { open } from './support';

test.describe('high availability', () => {
  for (const sandbox of [SANDBOXES.v5, SANDBOXES.v4]) {
    test(`shows broker-a's master and slave with mqadmin brokerStatus's commit-log offsets and the slave's lag (${sandbox.version})`, async ({ page }) => {
      await open(page, `/clusters/${sandbox.cluster}/ha`);
      const a = page.getByTestId('ha-group-broker-a');
      await expect(a).toHaveAttribute('data-master-down', 'false');
      await expect(a.getByTestId('ha-replica')).toHaveCount(2);
      const slave = a.locator('[data-testid="ha-replica"][data-role="slave"]');
      // the sandbox's delayed messages come due now and then, moving the commit log between the page's read and
      // mqadmin's: the page is read afresh until the two agree on a commit log at rest
      await expect(async () => {
        await page.reload();
        const ours = await slave.getByTestId('max-offset').textContent({ timeout: 15_000 });
        const theirs = await brokerStatus(sandbox.brokerASlave, false, sandbox);
        expect(ours).toBe(Number(theirs.commitLogMaxOffset).toLocaleString('en-US'));
      }).toPass({ timeout: 60_000 });
      await expect(slave.getByTestId('sync')).toHaveText(sandbox.isV5 ? 'in sync' : 'from the commit-log offsets (4.x reports no HA status)');
      await expect(page.getByTestId('ha-group-broker-b').getByTestId('ha-replica')).toHaveCount(1);
    });
  }
});
