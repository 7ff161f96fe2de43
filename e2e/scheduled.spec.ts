import { expect, test } from '@playwright/test';
import { brokerStatus, topicStatus } from '../test-support/mqadmin';
import { SANDBOXES } from '../test-support/sandbox';
import { open } from './support';

// traffic.sh leaves 2 messages at delay level 18 (2 h) in each sandbox and, on 5.x, 2 timer messages due in 2 h
test.describe('scheduled messages', () => {
  test('shows each master\'s delay levels with the waiting counts of mqadmin brokerStatus, and the 5.x timer wheel with its pending topic', async ({ page }) => {
    const five = SANDBOXES.v5;
    await open(page, `/clusters/${five.cluster}/scheduled`);
    const stored = await topicStatus('SCHEDULE_TOPIC_XXXX', five, false);
    let waiting18 = 0;
    for (const [brokerName, addr] of [['broker-a', five.brokerAMaster], ['broker-b', five.brokerBMaster]] as const) {
      const card = page.getByTestId(`schedule-${brokerName}`);
      await expect(card.getByTestId('delay-level')).toHaveCount(18);
      const row = card.getByTestId('delay-level').nth(17);
      await expect(row.locator('td').nth(1)).toHaveText('2h');
      // stored up to topicStatus's max offset of queue 17, delivered up to brokerStatus's scheduleMessageOffset_18
      const queue = stored.find((r) => r.brokerName === brokerName && r.queueId === 17);
      const line = (await brokerStatus(addr, false, five)).scheduleMessageOffset_18;
      const max = queue?.maxOffset ?? 0;
      const delivered = line === undefined ? (queue?.minOffset ?? 0) : Number(line.split(',')[0]);
      if (max === 0) {
        await expect(row.locator('td').nth(2)).toHaveText('—');
        continue;
      }
      waiting18 += max - delivered;
      await expect(row.locator('td').nth(2)).toHaveText(String(max - delivered));
      if (max > delivered) await expect(row.getByRole('link', { name: 'LabDelayTopic' })).toBeVisible();
    }
    expect(waiting18).toBe(2);
    await expect(page.getByTestId('timer-wheel')).toHaveCount(2);
    await expect(page.getByTestId('timer-topic').filter({ hasText: 'LabDelayTopic' }).first()).toBeVisible();
  });

  test('a waiting delayed message\'s page says when it is due and that it has not reached its topic yet', async ({ page }) => {
    await open(page, `/clusters/${SANDBOXES.v5.cluster}/scheduled`);
    await page.getByTestId('delay-level').getByRole('link', { name: 'LabDelayTopic' }).first().click();
    const note = page.getByTestId('schedule-note');
    await expect(note).toHaveAttribute('data-state', 'waiting');
    await expect(note).toContainText('Delayed message, level 18 (2h): waiting to LabDelayTopic');
    await expect(note.getByTestId('due-at')).toContainText(/in (1 h \d+ min|2 h)/);
    await expect(page.locator('[data-field="Topic"]')).toHaveText('SCHEDULE_TOPIC_XXXX');
  });

  test('on 4.9 shows the delay levels too (the demo\'s two level-18 messages waiting) and says the broker has no timer wheel', async ({ page }) => {
    await open(page, `/clusters/${SANDBOXES.v4.cluster}/scheduled`);
    const level18 = page.getByTestId('delay-level').filter({ has: page.locator('td:nth-child(1)', { hasText: /^18$/ }) });
    await expect(level18).toHaveCount(2);
    const waiting = (await level18.locator('td:nth-child(3)').allTextContents()).map((t) => (t === '—' ? 0 : Number(t)));
    expect(waiting.reduce((n, w) => n + w, 0)).toBe(2);
    await expect(page.getByTestId('timer-unavailable')).toHaveCount(2);
    await expect(page.getByTestId('timer-unavailable').first()).toHaveText('Timer wheel: the broker has no timer wheel (4.x).');
  });
});
