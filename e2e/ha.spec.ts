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
      const theirs = await brokerStatus(sandbox.brokerASlave, false, sandbox);
      await expect(slave.getByTestId('max-offset')).toHaveText(Number(theirs.commitLogMaxOffset).toLocaleString('en-US'));
      await expect(slave.getByTestId('sync')).toHaveText(sandbox.isV5 ? 'in sync' : 'from the commit-log offsets (4.x reports no HA status)');
      await expect(page.getByTestId('ha-group-broker-b').getByTestId('ha-replica')).toHaveCount(1);
    });
  }
});
