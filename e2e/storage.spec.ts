import { expect, test } from '@playwright/test';
import { brokerConfig, brokerStatus } from '../test-support/mqadmin';
import { SANDBOXES } from '../test-support/sandbox';
import { open } from './support';

test.describe('storage', () => {
  for (const sandbox of [SANDBOXES.v5, SANDBOXES.v4]) {
    test(`shows each broker process with the disk ratio of mqadmin brokerStatus, the retention of getBrokerConfig and its oldest message (${sandbox.version})`, async ({ page }) => {
      await open(page, `/clusters/${sandbox.cluster}/storage`);
      await expect(page.getByTestId('storage-broker')).toHaveCount(3);
      const row = page.locator('[data-testid="storage-broker"][data-broker="broker-a-0"]');
      const [status, config] = await Promise.all([brokerStatus(sandbox.brokerAMaster, false, sandbox), brokerConfig(sandbox.brokerAMaster, sandbox)]);
      await expect(row.getByTestId('disk-ratio')).toContainText(`${(Number(status.commitLogDiskRatio) * 100).toFixed(0)}%`);
      await expect(row.getByTestId('retention')).toContainText(`${config.fileReservedTime} h`);
      await expect(row.getByTestId('earliest')).toContainText(/ ago/);
      await expect(row.getByTestId('earliest')).toContainText('a window of');
      await expect(page.getByTestId('put-latency-broker-a-0')).toBeVisible();
    });
  }
});
