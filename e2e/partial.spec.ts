import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { open } from './support';
import { LIVE, sandboxPid, withBrokerFrozen } from '../test-support/sandbox';

// A broker that is slow (SIGSTOP) or stopped (SIGTERM) must give a partial page that names it, within the deadline.
test.describe.serial('partial answers', () => {
  test('a broker that does not answer is named on the cluster and topic pages', async ({ page }) => {
    await open(page, '/topics/LabTopic');
    await expect(page.getByTestId('queue-row')).toHaveCount(8);
    await withBrokerFrozen('broker-b-0', async () => {
      const started = Date.now();
      await open(page, '/cluster');
      await expect(page.getByTestId('partial-failures')).toContainText('broker-b');
      await expect(page.getByTestId('partial-failures')).toContainText(LIVE.brokerBMaster);
      expect(Date.now() - started).toBeLessThan(10_000);
      const row = page.getByTestId('broker-row').filter({ hasText: LIVE.brokerBMaster });
      await expect(row).toContainText('not answering');
      await expect(page.getByTestId('broker-row').filter({ hasText: LIVE.brokerAMaster })).toContainText(`V${LIVE.version.replaceAll('.', '_')}`);

      await open(page, '/topics/LabTopic');
      await expect(page.getByTestId('partial-failures')).toContainText('broker-b');
      await expect(page.getByTestId('queue-row')).toHaveCount(4);
    });
  });

  test('a stopped broker is named as no longer registered, then comes back', async ({ page }) => {
    test.setTimeout(150_000);
    await open(page, '/topics/LabTopic');
    await expect(page.getByTestId('queue-row')).toHaveCount(8);
    const pid = sandboxPid('broker-b-0');
    process.kill(pid, 'SIGTERM');
    await expect.poll(() => { try { process.kill(pid, 0); return 'alive'; } catch { return 'gone'; } }, { timeout: 60_000 }).toBe('gone');
    try {
      await expect.poll(async () => {
        await open(page, '/cluster');
        return page.getByTestId('broker-row').filter({ hasText: LIVE.brokerBMaster }).textContent();
      }, { timeout: 30_000 }).toContain('not registered');
      await expect(page.getByTestId('partial-failures')).toContainText('broker-b');
      await expect(page.getByTestId('partial-failures')).toContainText('no longer registered');

      await open(page, '/topics/LabTopic');
      await expect(page.getByTestId('partial-failures')).toContainText('broker-b');
      await expect(page.getByTestId('queue-row')).toHaveCount(4);
    } finally {
      execFileSync('bash', [path.resolve('sandbox/scripts/start-cluster.sh')], { stdio: 'inherit', env: process.env });
    }
    await expect.poll(async () => {
      await open(page, '/topics/LabTopic');
      return page.getByTestId('queue-row').count();
    }, { timeout: 60_000 }).toBe(8);
    await open(page, '/cluster');
    await expect(page.getByTestId('partial-failures')).toHaveCount(0);
  });
});
