import { expect, test, type Page } from '@playwright/test';
import { queryMsgByKey, sentOne } from '../test-support/mqadmin-messages';
import { open } from './support';

// The command palette, driven with the keyboard only: Control+K opens it, typing ranks, Enter opens the selected
// line, Escape closes. Every line it leads to is checked on the page it opens.

const cluster = process.env.E2E_CLUSTER ?? 'local';
const palette = (page: Page) => page.getByTestId('command-palette');
const selected = (page: Page) => palette(page).locator('[cmdk-item][data-selected="true"]');

async function openPalette(page: Page) {
  await page.keyboard.press('Control+K');
  await expect(palette(page).getByRole('combobox')).toBeFocused();
}

test.describe('command palette', () => {
  test('in Chinese: the headings and pages are Chinese, an English page name still finds its page, and a pasted msgId reads 打开消息', async ({ page, baseURL }) => {
    await page.context().addCookies([{ name: 'console_locale', value: 'zh-CN', url: baseURL! }]);
    await open(page, `/clusters/${cluster}`);
    await openPalette(page);
    await expect(palette(page).locator('[cmdk-group-heading]').filter({ hasText: '页面' })).toBeVisible();
    await expect(selected(page)).toHaveText(/Broker/);
    await page.keyboard.type('audit log');
    await expect(selected(page).locator('span').first()).toHaveText('审计日志');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/clusters/${cluster}/audit`));
    await openPalette(page);
    await page.keyboard.type('7F0000010A0B18B4AAC27A5C9B4D0000');
    await expect(selected(page)).toContainText('打开消息 7F0000010A0B18B4AAC27A5C9B4D0000');
    await page.screenshot({ path: 'test-results/palette-zh.png' });
    await page.keyboard.press('Escape');
    await page.context().clearCookies({ name: 'console_locale' });
  });

  test('opens with Control+K, closes with Escape, jumps to a topic by a fuzzy name, and lists it first when opened again', async ({ page }) => {
    await open(page, `/clusters/${cluster}`);
    await expect(page.getByTestId('palette-button')).toContainText('Ctrl K');
    // the names are asked for when the palette first opens, not with the page
    const namesAnswer = page.waitForResponse((r) => r.url().endsWith(`/api/clusters/${cluster}/names`));
    await openPalette(page);
    const names = await namesAnswer;
    const body = (await names.json()) as { topics: Array<{ topic: string }>; groups: Array<{ group: string }> };
    expect(body.topics.map((t) => t.topic)).toContain('LabTopic');
    expect(body.groups.map((g) => g.group)).toContain('lab_cg_cluster');
    console.log(`palette: /names answered ${body.topics.length} topics, ${body.groups.length} groups in ${Math.round(names.request().timing().responseEnd)} ms`);
    await page.keyboard.press('Escape');
    await expect(palette(page)).toHaveCount(0);

    const started = Date.now();
    await openPalette(page);
    // no text: the pages of the cluster, the first one selected
    await expect(selected(page)).toHaveText(/Brokers/);
    // letters of LabTopic, not a substring of it: the fuzzy rank
    await page.keyboard.type('lbtopc');
    await expect(selected(page)).toHaveAttribute('data-kind', 'topic');
    await expect(selected(page).locator('span').first()).toHaveText('LabTopic');
    console.log(`palette: Control+K to the first topic ranked, ${Date.now() - started} ms`);
    await page.screenshot({ path: '/tmp/palette.png' });
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/clusters/${cluster}/topics/LabTopic$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('LabTopic');
    await expect(palette(page)).toHaveCount(0);

    // nothing matches text with a space that is no name (and no key: keys have no spaces)
    await openPalette(page);
    await page.keyboard.type('zq xj');
    await expect(palette(page).getByText('No match')).toBeVisible();
    await page.keyboard.press('Escape');

    // the arrows move the selection; Enter opens the selected group
    await openPalette(page);
    await page.keyboard.type('lab_cg_');
    const groups = palette(page).locator('[cmdk-group]').filter({ hasText: 'Consumer groups' }).locator('[cmdk-item]');
    await expect(groups.first()).toHaveAttribute('data-selected', 'true');
    const second = (await groups.nth(1).locator('span').first().textContent())!;
    expect(second).toMatch(/^lab_cg_/);
    await page.keyboard.press('ArrowDown');
    await expect(groups.nth(1)).toHaveAttribute('data-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/groups/${second}$`));

    // reopened empty: the recent items first, newest first
    await openPalette(page);
    const recent = palette(page).locator('[cmdk-group]').filter({ hasText: 'Recent' }).locator('[cmdk-item]');
    await expect(recent.locator('span:first-child')).toHaveText([second, 'LabTopic']);
    await expect(recent.first()).toHaveAttribute('data-selected', 'true');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/topics/LabTopic$`));
  });

  test('opens a pasted msgId and a pasted offsetMsgId on the message page', async ({ page }) => {
    const sent = sentOne('normal', (s) => s.brokerName === 'broker-a');
    await open(page, `/clusters/${cluster}/topics`);
    await openPalette(page);
    await page.keyboard.insertText(sent.msgId.toLowerCase());
    await expect(selected(page)).toContainText(`Open message ${sent.msgId}`);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/messages/${sent.msgId}$`));
    await expect(page.locator('[data-field="offsetMsgId"]')).toHaveText(sent.offsetMsgId);

    await openPalette(page);
    await page.keyboard.insertText(sent.offsetMsgId);
    // an offsetMsgId names the broker that stored it
    await expect(selected(page)).toContainText(/stored on \d+\.\d+\.\d+\.\d+:\d+/);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/messages/${sent.offsetMsgId}$`));
    await expect(page.getByText('offsetMsgId, read from the broker it names')).toBeVisible();
    await expect(page.locator('[data-field="msgId"]')).toContainText(sent.msgId);
  });

  test('searches a key in the topic on screen, with the rows mqadmin queryMsgByKey lists', async ({ page }) => {
    const listed = await queryMsgByKey('LabTopic', 'CUST-1');
    expect(listed.length).toBeGreaterThan(0);
    await open(page, `/clusters/${cluster}/topics/LabTopic`);
    await openPalette(page);
    await page.keyboard.insertText('CUST-1');
    await expect(selected(page)).toContainText('Search messages by key CUST-1 in LabTopic');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/messages\?mode=key&topic=LabTopic&key=CUST-1$/);
    await expect(page.getByTestId('message-row')).toHaveCount(listed.length);
    for (const r of listed) await expect(page.getByTestId('message-row').filter({ hasText: r.msgId })).toHaveCount(1);
  });

  test('on a group page, a pasted time opens the reset preview of that group at that time', async ({ page }) => {
    const group = 'lab_cg_cluster';
    await open(page, `/clusters/${cluster}/groups/${group}`);
    await expect(page.getByTestId('progress-row').first()).toBeVisible();
    const at = Math.floor((Date.now() - 3_600_000) / 60_000) * 60_000;
    const typed = new Date(at).toISOString().replace(':00.000Z', 'Z');
    await openPalette(page);
    await page.keyboard.insertText(typed);
    await expect(selected(page)).toHaveAttribute('data-kind', 'reset');
    await expect(selected(page)).toContainText(`Reset ${group} to`);
    const preview = page.waitForRequest((r) => r.url().endsWith(`/groups/${group}/reset/preview`) && r.method() === 'POST');
    await page.keyboard.press('Enter');
    expect((await preview).postDataJSON()).toMatchObject({ topic: 'LabTopic', mode: 'timestamp', timestamp: at });
    await expect(page).toHaveURL(new RegExp(`resetAt=${at}`));
    const dialog = page.getByRole('dialog', { name: `Reset offsets of ${group}` });
    await expect(dialog.getByTestId('preview-row').first()).toBeVisible();
    expect(await dialog.getByTestId('preview-row').count()).toBeGreaterThan(0);
    // the confirmation is the usual one: nothing applied, the button waits for it
    await expect(dialog.getByRole('button', { name: 'Apply reset' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(page).not.toHaveURL(/resetAt=/);
  });
});
