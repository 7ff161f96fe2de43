import { expect, test } from '@playwright/test';
import { sandboxAdmin } from '../test-support/admin';
import { offlineGroupWithOffsets } from '../test-support/reset';
import { consumerProgress, topicStatus } from '../test-support/mqadmin';
import { open } from './support';

const key = (r: { brokerName: string; queueId: number }) => `${r.brokerName}/${r.queueId}`;
const mqadminOffsets = async (group: string) => new Map((await consumerProgress(group, 'LabTopic', false)).rows.map((r) => [key(r), r.consumerOffset]));

test.describe('offset reset', () => {
  test('preview, confirm, audit entry, undo: mqadmin shows the original offsets again', async ({ page }) => {
    test.setTimeout(180_000);
    const group = `e2e_reset_${Date.now().toString(36)}`;
    const admin = sandboxAdmin();
    const original = await offlineGroupWithOffsets(admin, group);
    admin.close();
    const status = await topicStatus('LabTopic');
    const mins = new Map(status.map((r) => [key(r), r.minOffset]));

    await open(page, `/groups/${group}`);
    await expect(page.getByTestId('progress-row')).toHaveCount(8);
    await page.getByRole('button', { name: 'Reset offsets…' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('zone')).toContainText('UTC');
    await dialog.getByLabel('Earliest').check();
    await dialog.getByRole('button', { name: 'Preview' }).click();

    // the preview: current offsets as mqadmin prints them, targets at each queue's min offset
    const rows = dialog.getByTestId('preview-row');
    await expect(rows).toHaveCount(8);
    for (let i = 0; i < 8; i++) {
      const cells = rows.nth(i).locator('td');
      const k = `${await cells.nth(1).textContent()}/${await cells.nth(2).textContent()}`;
      await expect(cells.nth(3)).toHaveText(original.get(k)!.toLocaleString('en-US'));
      await expect(cells.nth(4)).toHaveText(mins.get(k)!.toLocaleString('en-US'));
    }
    const replay = [...original].reduce((n, [k, v]) => n + v - mins.get(k)!, 0);
    await expect(dialog.getByTestId('preview-replay')).toHaveText(replay.toLocaleString('en-US'));
    // how far back each queue goes: its oldest stored message, for every queue that holds one
    await expect(dialog.getByTestId('preview-horizon').filter({ hasText: / ago$/ })).toHaveCount(status.filter((r) => r.maxOffset > r.minOffset).length);
    const apply = dialog.getByRole('button', { name: 'Apply reset' });
    await expect(apply).toBeDisabled();
    await dialog.getByLabel('Type the group name to confirm').fill(group);
    await apply.click();
    await expect(dialog.getByTestId('reset-result')).toContainText('completed');
    const after = await mqadminOffsets(group);
    for (const [k] of original) expect(after.get(k), k).toBe(mins.get(k));

    // the audit entry, then undo
    await dialog.getByTestId('audit-link').click();
    await expect(page).toHaveURL(/\/audit\/\d+$/);
    await expect(page.getByTestId('audit-queue-row')).toHaveCount(8);
    await expect(page.getByTestId('audit-queue-row').first()).toContainText('reset');
    await page.getByRole('button', { name: 'Undo…' }).click();
    await expect(page.getByTestId('preview-row')).toHaveCount(8);
    await page.getByLabel('Type the group name to confirm').fill(group);
    await page.getByRole('button', { name: /^Undo audit #/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(/#1$/);
    await expect(page.getByText(/undoes #\d+/)).toBeVisible();
    expect(await mqadminOffsets(group)).toEqual(original);

    // the audit log lists both, newest first, filtered by group
    await open(page, `/audit?group=${group}`);
    await expect(page.getByTestId('audit-row')).toHaveCount(2);
    await expect(page.getByTestId('audit-row').first()).toContainText('undo-reset-offset');
  });

  test('keeps a reset that cannot run visible with its reason', async ({ page, request }) => {
    await open(page, '/groups/lab_cg_cluster');
    await page.getByRole('button', { name: 'Reset offsets…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reset to time').fill('2099-01-01T00:00:00');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect(dialog.getByTestId('error-state')).toContainText('in the future');
    await expect(dialog.getByRole('button', { name: 'Preview' })).toBeVisible();

    const future = await request.post('/api/groups/lab_cg_cluster/reset/preview', { data: { topic: 'LabTopic', mode: 'timestamp', timestamp: Date.now() + 3_600_000 } });
    expect(future.status()).toBe(400);
    expect((await future.json()).error.field).toBe('timestamp');
    const badMode = await request.post('/api/groups/lab_cg_cluster/reset/preview', { data: { topic: 'LabTopic', mode: 'yesterday' } });
    expect(badMode.status()).toBe(400);
    expect((await badMode.json()).error.field).toBe('mode');
    const garbled = await request.post('/api/groups/lab_cg_cluster/reset/preview', { data: { topic: 'LabTopic', mode: 'timestamp', timestamp: 'last tuesday' } });
    expect(garbled.status()).toBe(400);
    expect((await garbled.json()).error.field).toBe('timestamp');
    const range = await request.post('/api/groups/lab_cg_cluster/reset/preview', { data: { topic: 'LabTopic', mode: 'offset', offsets: [{ brokerName: 'broker-b', queueId: 2, offset: 123456 }] } });
    expect(range.status()).toBe(400);
    expect(await range.json()).toMatchObject({ error: { field: 'offsets[broker-b/2]', message: expect.stringContaining('broker-b queue 2') } });
    const unknown = await request.post('/api/groups/no_such_group_e2e/reset/preview', { data: { topic: 'LabTopic', mode: 'latest' } });
    expect(unknown.status()).toBe(404);
    const noTopic = await request.post('/api/groups/lab_cg_cluster/reset/preview', { data: { topic: 'NoSuchTopicE2E', mode: 'latest' } });
    expect(noTopic.status()).toBe(404);
    const notSubscribed = await request.post('/api/groups/lab_cg_cluster/reset/preview', { data: { topic: 'LabOrderTopic', mode: 'latest' } });
    expect(notSubscribed.status()).toBe(409);
    expect((await notSubscribed.json()).error.code).toBe('not_subscribed');
    const stale = await request.post('/api/groups/lab_cg_cluster/reset', { data: { previewId: 'nope', confirm: 'lab_cg_cluster' } });
    expect(stale.status()).toBe(404);
    expect((await stale.json()).error.field).toBe('previewId');
  });

  test('offers no reset for a broadcasting group, saying why', async ({ page }) => {
    await open(page, '/groups/lab_cg_broadcast');
    const button = page.getByRole('button', { name: 'Reset offsets…' });
    await expect(button).toBeDisabled();
    // the reason shows on keyboard focus as on hover (aria-disabled keeps the button focusable)
    await button.focus();
    await expect(page.getByRole('tooltip')).toContainText(/keeps its offsets on its clients/);
  });
});
