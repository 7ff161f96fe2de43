import { expect, test } from '@playwright/test';
import { brokerStatus } from '../test-support/mqadmin';
import { SANDBOXES } from '../test-support/sandbox';
import { open } from './support';

// traffic.sh leaves 2 messages at delay level 18 (2 h) in each sandbox and, on 5.x, 2 timer messages due in 2 h
test.describe('scheduled messages', () => {
  test('shows each master\'s delay levels with the waiting counts of mqadmin brokerStatus, and the 5.x timer wheel with its pending topic', async ({ page }) => {
    const five = SANDBOXES.v5;
    await open(page, `/clusters/${five.cluster}/scheduled`);
    let waiting18 = 0;
    for (const [brokerName, addr] of [['broker-a', five.brokerAMaster], ['broker-b', five.brokerBMaster]] as const) {
      const card = page.getByTestId(`schedule-${brokerName}`);
      await expect(card.getByTestId('delay-level')).toHaveCount(18);
      const theirs = await brokerStatus(addr, false, five);
      const line = theirs.scheduleMessageOffset_18;
      const row = card.getByTestId('delay-level').nth(17);
      await expect(row.locator('td').nth(1)).toHaveText('2h');
      if (line === undefined) {
        await expect(row.locator('td').nth(2)).toHaveText('—');
        continue;
      }
      const [delivered, max] = line.split(',').map(Number) as [number, number];
      waiting18 += max - delivered;
      await expect(row.locator('td').nth(2)).toHaveText(String(max - delivered));
      if (max > delivered) await expect(row.getByRole('link', { name: 'LabDelayTopic' })).toBeVisible();
    }
    expect(waiting18).toBe(2);
    await expect(page.getByTestId('timer-wheel')).toHaveCount(2);
    await expect(page.getByTestId('timer-topic').filter({ hasText: 'LabDelayTopic' }).first()).toBeVisible();
  });

  test('says a 4.9 broker has no timer wheel', async ({ page }) => {
    await open(page, `/clusters/${SANDBOXES.v4.cluster}/scheduled`);
    await expect(page.getByTestId('timer-unavailable')).toHaveCount(2);
    await expect(page.getByTestId('timer-unavailable').first()).toHaveText('Timer wheel: the broker has no timer wheel (4.x).');
  });
});
