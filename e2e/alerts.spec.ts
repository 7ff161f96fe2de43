import path from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { consumerProgress } from '../test-support/mqadmin';
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
