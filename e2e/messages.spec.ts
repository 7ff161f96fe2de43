import { expect, test } from '@playwright/test';
import { queryMsgById, queryMsgByKey, queryMsgTraceById, sentMessages, sentOne } from '../test-support/mqadmin-messages';
import { open } from './support';

test.describe('message search and trace', () => {
  test('finds a message by client msgId without a topic, and shows its fields, properties, body and groups as mqadmin', async ({ page }) => {
    const sent = sentOne('normal', (s) => s.brokerName === 'broker-b');
    const printed = await queryMsgById(sent.offsetMsgId, 'LabTopic');
    await open(page, '/messages');
    await page.getByLabel('Message ID (msgId or offsetMsgId)').fill('nope');
    await page.getByRole('button', { name: 'Find message' }).click();
    await expect(page.getByText('a message id is hexadecimal')).toBeVisible();
    await page.getByLabel('Message ID (msgId or offsetMsgId)').fill(sent.msgId.toLowerCase());
    await page.getByRole('button', { name: 'Find message' }).click();
    await expect(page).toHaveURL(new RegExp(`/messages/${sent.msgId}$`));
    await expect(page.locator('[data-field="offsetMsgId"]')).toHaveText(sent.offsetMsgId);
    await expect(page.locator('[data-field="Queue"]')).toContainText(`broker-b · queueId ${printed.queueId} · queueOffset ${printed.queueOffset.toLocaleString('en-US')}`);
    await expect(page.locator('[data-field="Commit-log offset"]')).toHaveText(printed.commitLogOffset.toLocaleString('en-US'));
    await expect(page.locator('[data-field="Tags"]')).toHaveText(printed.tags);
    await expect(page.locator('[data-field="Stored"]')).toContainText(printed.storeHost);
    for (const [k, v] of Object.entries(printed.properties)) await expect(page.locator(`tr[data-prop="${k}"] td`).nth(1)).toHaveText(v);
    // body: pretty JSON by default, hex on demand
    await expect(page.getByTestId('message-body')).toContainText('"note": "hello from the demo producer"');
    await page.getByRole('tab', { name: 'hex' }).click();
    await expect(page.getByTestId('message-body')).toContainText('00000000  7b 22');
    const download = page.waitForEvent('download');
    await page.getByTestId('body-download').click();
    expect((await download).suggestedFilename()).toMatch(/\.bin$/);
    // the groups' standing equals mqadmin's MessageTracks for the seeded groups
    // (the live tests before this make groups of their own on LabTopic: only the ones traffic.sh seeds are compared)
    const SEEDED = ['lab_cg_broadcast', 'lab_cg_cluster', 'lab_cg_dlq', 'lab_cg_online', 'lab_cg_sql'];
    const seeded = printed.tracks.filter((x) => SEEDED.includes(x.consumerGroup));
    expect(seeded.map((t) => t.consumerGroup).sort()).toEqual(SEEDED);
    for (const t of seeded) {
      const label = { CONSUMED: 'consumed', NOT_ONLINE: 'not online', CONSUME_BROADCASTING: 'broadcasting', NOT_CONSUME_YET: 'not consumed yet', CONSUMED_BUT_FILTERED: 'filtered out' }[t.trackType];
      await expect(page.getByTestId('group-track').filter({ has: page.getByText(t.consumerGroup, { exact: true }) })).toContainText(label ?? t.trackType);
    }
  });

  test('opens a message by offsetMsgId deep link', async ({ page }) => {
    const sent = sentOne('batch');
    await open(page, `/messages/${sent.offsetMsgId}`);
    await expect(page.getByText('offsetMsgId, read from the broker it names')).toBeVisible();
    await expect(page.locator('[data-field="msgId"]')).toContainText(sent.msgId);
  });

  test('searches by key, second keys included, with the rows mqadmin queryMsgByKey lists', async ({ page }) => {
    const listed = await queryMsgByKey('LabTopic', 'CUST-1');
    await open(page, '/messages?mode=key');
    await page.getByLabel('Topic').fill('LabTopic');
    await page.getByLabel("Key (any of the message's keys)").fill('CUST-1');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page).toHaveURL(/topic=LabTopic/);
    await expect(page.getByTestId('message-row')).toHaveCount(listed.length);
    await expect(page.getByTestId('result-count')).toContainText(`${listed.length} messages`);
    for (const r of listed) await expect(page.getByTestId('message-row').filter({ hasText: r.msgId })).toHaveCount(1);
    await expect(page.getByTestId('more-results')).toHaveCount(0);
    // a limit below the count says more exist
    await page.getByLabel('At most').selectOption('100');
    await open(page, '/messages?mode=key&topic=LabTopic&key=CUST-1&limit=100');
    await expect(page.getByTestId('message-row')).toHaveCount(Math.min(listed.length, 100));
    await open(page, '/messages?mode=key&topic=NoSuchTopic_e2e&key=x');
    await expect(page.getByText('topic NoSuchTopic_e2e does not exist')).toBeVisible();
  });

  test('shows the trace timeline with the rows of mqadmin queryMsgTraceById', async ({ page }) => {
    const sent = sentOne('normal', (s) => s.brokerName === 'broker-a');
    const rows = await queryMsgTraceById(sent.msgId);
    await open(page, `/traces/${sent.msgId}`);
    await expect(page.getByTestId('trace-timeline')).toBeVisible();
    const pub = rows.find((r) => r.type === 'Pub')!;
    await expect(page.getByTestId('trace-pub')).toContainText(pub.group);
    await expect(page.getByTestId('trace-pub')).toContainText(sent.offsetMsgId);
    const subs = rows.filter((r) => r.type === 'Sub');
    // every seeded group without a filter consumed it, with trace on
    expect([...new Set(subs.map((r) => r.group))]).toEqual(expect.arrayContaining(['lab_cg_broadcast', 'lab_cg_cluster', 'lab_cg_online']));
    expect((await page.getByTestId('trace-attempt').count())).toBeGreaterThanOrEqual(subs.length);
    for (const g of new Set(subs.map((r) => r.group))) await expect(page.getByTestId('trace-consumes')).toContainText(g);
    // one lane per send, the store, and each group
    await expect(page.getByTestId('trace-lane')).toHaveCount(2 + new Set(subs.map((r) => r.group)).size);
  });

  test('lists the traces of the messages with a key', async ({ page }) => {
    const ids = sentMessages().filter((s) => s.kind === 'normal' && s.keys.includes('CUST-4')).map((s) => s.msgId);
    await open(page, '/traces');
    await page.getByLabel('Key', { exact: true }).fill('CUST-4');
    await page.getByRole('button', { name: 'Find traces' }).click();
    await expect(page.getByTestId('key-trace-row')).toHaveCount(ids.length);
  });

  test('resends a message to an online client after typing the group name, and the audit log has it', async ({ page }) => {
    const sent = sentOne('normal');
    await open(page, `/messages/${sent.msgId}?topic=LabTopic`);
    const offline = page.getByTestId('group-track').filter({ hasText: 'lab_cg_cluster' });
    await expect(offline.getByRole('button', { name: 'Resend…' })).toHaveCount(0);
    await page.getByTestId('group-track').filter({ hasText: 'lab_cg_online' }).getByRole('button', { name: 'Resend…' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('resend-warnings')).toContainText('runs its listener on the message again');
    const resend = dialog.getByRole('button', { name: 'Resend' });
    await expect(resend).toBeDisabled();
    await dialog.getByLabel(/Type .* to confirm/).fill('lab_cg_online');
    await resend.click();
    await expect(dialog.getByTestId('resend-result')).toContainText('CR_SUCCESS');
    await dialog.getByRole('link', { name: /#\d+/ }).click();
    await expect(page.getByText('resend-message')).toBeVisible();
  });

  test('answers bad message requests with 400/404 naming the field', async ({ request }) => {
    const bad = async (url: string, status: number, field: string) => {
      const r = await request.get(url);
      expect(r.status(), url).toBe(status);
      expect((await r.json()).error.field, url).toBe(field);
    };
    await bad('/api/messages/XYZ', 400, 'msgId');
    await bad('/api/messages/0123456789ABCDEF', 400, 'msgId');
    await bad('/api/messages?topic=LabTopic', 400, 'key');
    await bad('/api/messages?topic=LabTopic&key=a&begin=2000&end=1000', 400, 'end');
    await bad('/api/messages?topic=LabTopic&key=a&limit=99999', 400, 'limit');
    await bad('/api/messages?topic=NoSuchTopic_e2e&key=a', 404, 'topic');
    await bad(`/api/messages/7F000001${'0'.repeat(24)}`, 404, 'topic');
    await bad(`/api/traces/XYZ`, 400, 'msgId');
    const r = await request.post(`/api/messages/${sentOne('normal').msgId}/resend/preview`, { data: { group: 'lab_cg_cluster', topic: 'LabTopic' } });
    expect(r.status()).toBe(409);
    expect((await r.json()).error).toMatchObject({ code: 'no_online_client', field: 'group' });
  });
});
