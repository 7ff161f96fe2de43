import { expect, test } from '@playwright/test';
import { topicStatus } from '../test-support/mqadmin';
import { open } from './support';

// traffic.sh: lab_cg_dlq failed the 11 messages keyed K-r1-1* straight to %DLQ%lab_cg_dlq
test.describe('dead letters', () => {
  test('shows a group\'s dead letters as mqadmin topicStatus counts them, and previews sending them back message by message', async ({ page, request }) => {
    const theirs = (await topicStatus('%DLQ%lab_cg_dlq', undefined, false)).reduce((n, r) => n + r.maxOffset - r.minOffset, 0);
    expect(theirs).toBeGreaterThanOrEqual(11);
    await open(page, '/groups/lab_cg_dlq');
    await expect(page.getByTestId('backlog-dlq').getByTestId('backlog-count')).toHaveText(String(theirs));
    await expect(page.getByTestId('backlog-dlq').getByRole('link', { name: 'Browse' })).toHaveAttribute('href', /mode=range&topic=%25DLQ%25lab_cg_dlq/);
    await page.getByTestId('redrive').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel("To the group's retry topic").check();
    await dialog.getByRole('button', { name: /Preview/ }).click();
    await expect(dialog).toContainText('only lab_cg_dlq receives them again');
    await expect(dialog.getByText(/dead letter of LabTopic, consumed \d+ times/)).toHaveCount(theirs);

    const bad = await request.post('/api/clusters/local/changes/preview', { data: { action: 'dlq.redrive', request: { group: 'lab_cg_dlq', target: 'elsewhere' } } });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.field).toMatch(/target/);
  });
});
