import path from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { consumerProgress } from '../test-support/mqadmin';
import { startHttpReceivers } from '../test-support/receivers';
import { open } from './support';

const alertsPage = '/clusters/local/alerts';

/** The alert row of a rule name and group, once the page shows it in that phase (the console evaluates every 2 s). */
async function alertRow(page: Page, group: string, phase: string) {
  const row = page.locator(`[data-testid="alert-row"][data-group="${group}"][data-phase="${phase}"]`);
  await expect(async () => {
    await page.reload();
    await expect(row).toHaveCount(1, { timeout: 3000 });
  }).toPass({ timeout: 60_000 });
  return row;
}

test.describe('lag alerts', () => {
  test('a rule is previewed, saved, fires with the lag of mqadmin consumerProgress, is acknowledged, silenced, exported, and resolves once deleted', async ({ page, request, baseURL }) => {
    test.setTimeout(240_000);
    const theirs = await consumerProgress('lab_cg_dlq', undefined, false);
    expect(theirs.diffTotal).toBeGreaterThan(0);
    const lag = theirs.diffTotal.toLocaleString('en-US');
    await open(page, alertsPage);
    await page.getByTestId('new-rule').click();
    const dialog = page.getByRole('dialog', { name: 'New alert rule' });
    await dialog.getByLabel('Rule name').fill('DLQ group lag');
    await dialog.getByLabel('Threshold').fill('1');
    await dialog.getByLabel('Group pattern').fill('lab_cg_dlq');
    await dialog.getByLabel('For minutes').fill('0');
    await dialog.getByLabel('Severity').selectOption('critical');
    await dialog.getByLabel('Note').fill('Page the payments on-call');
    await dialog.getByTestId('preview-rule').click();
    await expect(dialog.getByTestId('preview-summary')).toContainText('Would fire now for 1 of 1 groups in scope');
    await expect(dialog.getByTestId('preview-group')).toHaveCount(1);
    await expect(dialog.getByTestId('preview-group').locator('td').nth(1)).toHaveText(lag);
    await dialog.screenshot({ path: path.join('test-results', 'screens', 'alert-rule-preview.png') });
    await dialog.getByTestId('save-rule').click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('rule-row')).toContainText(['DLQ group lag']);
    const ruleId = (await page.getByTestId('rule-row').filter({ hasText: 'DLQ group lag' }).getAttribute('data-rule'))!;

    const firing = await alertRow(page, 'lab_cg_dlq', 'firing');
    await expect(firing.getByTestId('alert-figure')).toContainText(lag);
    await expect(firing).toContainText('Page the payments on-call');
    await firing.getByTestId('ack').click();
    await expect(firing.getByTestId('alert-handled')).toContainText('acknowledged by admin');
    await firing.getByTestId('silence').click();
    const silence = page.getByRole('dialog', { name: 'Silence alerts' });
    await silence.getByLabel('Silence reason').fill('draining the DLQ by hand');
    await silence.getByTestId('confirm-silence').click();
    await expect(firing.getByTestId('alert-handled')).toContainText('silenced by admin');
    await expect(page.getByTestId('silence-row')).toContainText(['draining the DLQ by hand']);
    await expect(page.getByTestId('history-row').first()).toContainText('inactive → firing');
    await page.screenshot({ path: path.join('test-results', 'screens', 'alerts.png'), fullPage: true });

    // export, then import the file back: the same rule, replaced rather than doubled
    const exported = await request.get('/api/clusters/local/alerts/rules/export');
    expect(exported.headers()['content-disposition']).toContain('alert-rules-local.json');
    const file = (await exported.json()) as { rules: Array<{ name: string; threshold: number }> };
    expect(file.rules).toEqual([expect.objectContaining({ name: 'DLQ group lag', threshold: 1, kind: 'lag', groupPattern: 'lab_cg_dlq' })]);
    const saved = path.join('test-results', 'alert-rules-local.json');
    writeFileSync(saved, JSON.stringify(file));
    await page.getByTestId('import-file').setInputFiles(saved);
    await expect(page.getByTestId('import-result')).toHaveText('Imported: 0 new, 1 replaced.');
    expect(JSON.parse(readFileSync(saved, 'utf8')).rules).toHaveLength(1);

    await page.getByTestId('end-silence').click();
    await expect(page.getByTestId('silence-row')).toHaveCount(0);
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('rule-row').filter({ hasText: 'DLQ group lag' }).getByTestId('delete-rule').click();
    await expect(page.getByTestId('rule-row')).toHaveCount(0);
    // the deleted rule's alert resolves at the next evaluation: gone from the alerts, kept in the history
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId('history-row').first()).toContainText('firing → resolved', { timeout: 3000 });
    }).toPass({ timeout: 60_000 });
    await expect(page.getByTestId('alert-row')).toHaveCount(0);

    // every rule change is in the audit log, by whom and through what
    const audit = await request.get('/api/clusters/local/audit?action=alert-rule', { headers: { origin: baseURL! } });
    const entries = ((await audit.json()) as { items: Array<{ actor: string; channel: string; status: string; params: { op: string; ruleId: string } }> }).items.filter((e) => e.params.ruleId === ruleId);
    expect(entries.map((e) => e.params.op).sort()).toEqual(['create', 'delete', 'update']);
    expect(entries.every((e) => e.actor === 'admin' && e.channel === 'ui' && e.status === 'succeeded')).toBe(true);
  });

  test('a webhook channel is made, tested against a real receiver that checks its signature, and a firing alert reaches it with a link to the group page marked where it fired', async ({ page, request, baseURL }) => {
    test.setTimeout(180_000);
    const receivers = await startHttpReceivers({ webhook: 'e2e-signing-key', dingtalk: 'unused', feishu: 'unused' });
    const headers = { origin: baseURL! };
    let ruleId: string | undefined;
    try {
      await open(page, alertsPage);
      await page.getByTestId('new-channel').click();
      const dialog = page.getByRole('dialog', { name: 'New notification channel' });
      await dialog.getByLabel('Channel name').fill('On-call webhook');
      await dialog.getByLabel('Channel kind').selectOption('webhook');
      await dialog.getByLabel('URL').fill(receivers.url('webhook', '/oncall'));
      await dialog.getByLabel('Secret').fill('e2e-signing-key');
      await dialog.getByLabel('Minimum interval seconds').fill('0');
      await dialog.getByLabel('Minimum severity').selectOption('critical');
      await dialog.getByTestId('save-channel').click();
      await expect(dialog).toHaveCount(0);
      const row = page.getByTestId('channel-row').filter({ hasText: 'On-call webhook' });
      await expect(row).toContainText('(signed)');
      await expect(row).toContainText('127.0.0.1:');
      const channelId = (await row.getAttribute('data-channel'))!;

      // the test message: sent, the receiver's answer shown, and the receiver verified the signature
      await row.getByTestId('test-channel').click();
      await expect(row.getByTestId('channel-test-result')).toContainText('sent', { timeout: 20_000 });
      await expect(row.getByTestId('channel-test-result')).toContainText('HTTP 200 {"received":true}');
      expect(receivers.received.map((r) => [r.refused ?? 'accepted', (r.json as { test?: boolean }).test])).toEqual([['accepted', true]]);
      // the API never shows the secret; editing without typing it keeps it (the receiver would refuse otherwise)
      const listed = await request.get('/api/clusters/local/alerts/channels');
      expect(JSON.stringify(await listed.json())).not.toContain('e2e-signing-key');
      await row.getByTestId('edit-channel').click();
      const edit = page.getByRole('dialog', { name: 'Edit channel On-call webhook' });
      await expect(edit.getByLabel('Secret')).toHaveAttribute('placeholder', 'set: leave empty to keep it');
      await edit.getByTestId('save-channel').click();
      await expect(edit).toHaveCount(0);

      // a rule that fires for the DLQ group: its message reaches the receiver, signed, with the group's link
      const created = await request.post('/api/clusters/local/alerts/rules', { data: { name: 'DLQ lag for the webhook', kind: 'lag', groupPattern: 'lab_cg_dlq', threshold: 1, forMs: 0, severity: 'critical' }, headers });
      expect(created.status()).toBe(200);
      ruleId = ((await created.json()) as { id: string }).id;
      await expect.poll(() => receivers.received.filter((r) => !(r.json as { test?: boolean }).test).length, { timeout: 60_000 }).toBeGreaterThan(0);
      const message = receivers.received.find((r) => !(r.json as { test?: boolean }).test)!;
      expect(message.refused).toBeUndefined();
      const alert = (message.json as { alerts: Array<{ subject: string; phase: string; value: number; firedAt: number; link: string }> }).alerts.find((a) => a.subject === 'lab_cg_dlq')!;
      expect(alert.phase).toBe('firing');
      expect(alert.value).toBe((await consumerProgress('lab_cg_dlq', undefined, false)).diffTotal);
      expect(alert.link).toMatch(new RegExp(`/clusters/local/groups/lab_cg_dlq\\?alertAt=${alert.firedAt}$`));
      await page.reload();
      await expect(page.getByTestId('delivery-row').first()).toContainText('sent');
      await expect(page.getByTestId('delivery-row').first()).toContainText('1 firing');
      await page.screenshot({ path: path.join('test-results', 'screens', 'alert-channels.png'), fullPage: true });

      // the link opens the group page with the chart marked at the moment the alert fired
      await open(page, new URL(alert.link).pathname + new URL(alert.link).search);
      await expect(page.getByTestId('alert-marker')).toContainText('Opened from an alert that fired');
      await expect(page.getByTestId('lag-chart').locator('.recharts-reference-line')).toHaveCount(1, { timeout: 20_000 });
      await page.screenshot({ path: path.join('test-results', 'screens', 'group-alert-marker.png') });

      // every channel change is audited, without the secret
      const audit = await request.get('/api/clusters/local/audit?action=alert-channel', { headers });
      const entries = ((await audit.json()) as { items: Array<{ params: { op: string; channelId: string }; plan: unknown }> }).items.filter((e) => e.params.channelId === channelId);
      expect(entries.map((e) => e.params.op).sort()).toEqual(['create', 'update']);
      expect(JSON.stringify(entries)).not.toContain('e2e-signing-key');
      expect((await request.delete(`/api/clusters/local/alerts/channels/${channelId}`, { headers })).status()).toBe(200);
    } finally {
      if (ruleId) await request.delete(`/api/clusters/local/alerts/rules/${ruleId}`, { headers });
      await receivers.close();
    }
  });

  test('answers bad channel input with 400 naming the field', async ({ request, baseURL }) => {
    const headers = { origin: baseURL! };
    const post = (data: unknown) => request.post('/api/clusters/local/alerts/channels', { data, headers });
    const noUrl = await post({ name: 'x', kind: 'webhook' });
    expect(noUrl.status()).toBe(400);
    expect((await noUrl.json()).error).toMatchObject({ field: 'url' });
    expect((await (await post({ name: 'x', kind: 'slack', url: 'https://hooks.example/x', secret: 'y' })).json()).error).toMatchObject({ field: 'secret' });
    expect((await (await post({ name: 'x', kind: 'email', email: { host: 'smtp', port: 25, from: 'a@b', to: ['not an address'] } })).json()).error).toMatchObject({ field: 'email.to.0' });
    expect((await (await post({ name: 'x', kind: 'webhook', url: 'ftp://x' })).json()).error).toMatchObject({ field: 'url' });
    const missing = await request.post('/api/clusters/local/alerts/channels/no-such-channel/test', { headers });
    expect(missing.status()).toBe(404);
    expect((await missing.json()).error).toMatchObject({ field: 'channelId' });
  });

  test('answers bad rule input with 400 naming the field, and an unknown rule with 404', async ({ request, baseURL }) => {
    const headers = { origin: baseURL! };
    const bad = await request.post('/api/clusters/local/alerts/rules', { data: { name: 'x', kind: 'lag', threshold: -1, forMs: 0, severity: 'warning' }, headers });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error).toMatchObject({ field: 'threshold' });
    const kind = await request.post('/api/clusters/local/alerts/rules', { data: { name: 'x', kind: 'disk', threshold: 1, forMs: 0, severity: 'warning' }, headers });
    expect((await kind.json()).error).toMatchObject({ field: 'kind' });
    const missing = await request.delete('/api/clusters/local/alerts/rules/no-such-rule', { headers });
    expect(missing.status()).toBe(404);
    expect((await missing.json()).error).toMatchObject({ field: 'ruleId' });
    const ack = await request.post('/api/clusters/local/alerts/ack', { data: { ruleId: 'no-such-rule', subject: 'lab_cg_dlq' }, headers });
    expect(ack.status()).toBe(404);
  });
});
