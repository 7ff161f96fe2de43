import { expect, test } from '@playwright/test';
import { sentMessages } from '../test-support/mqadmin-messages';
import { open } from './support';

test.describe('batches and 5.5 topic types', () => {
  test('a batched message\'s page lists the whole batch in the order it was sent (the producer\'s SendResult)', async ({ page }) => {
    const batch = sentMessages().filter((m) => m.kind === 'batch' && m.keys[0]!.startsWith('B-r1-'));
    expect(batch).toHaveLength(10);
    await open(page, `/messages/${batch[2]!.msgId}?topic=LabTopic`);
    await expect(page.getByText('Sent in one batch: message 3 of 10')).toBeVisible();
    await expect(page.getByTestId('batch-member')).toHaveText(batch.map((m, i) => `${i + 1}.${m.keys[0]}@${m.queueOffset}`));
  });

  test('shows the PRIORITY and LITE topics of a 5.5 cluster with their type and what the console does not do with them yet', async ({ page }) => {
    await open(page, '/topics/LabPriorityTopic');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('PRIORITY');
    await expect(page.getByTestId('new-type-note')).toContainText('Not yet here: lag or backlog per priority level');
    await open(page, '/topics/LabLiteTopic');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('LITE');
    await expect(page.getByTestId('new-type-note')).toContainText('lite sub-topics');
  });
});
