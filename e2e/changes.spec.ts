import { expect, test, type Locator, type Page } from '@playwright/test';
import { brokerConfig, consumerConfig, mqadmin, topicList, topicRoute } from '../test-support/mqadmin';
import { queryMsgByUniqueKey } from '../test-support/mqadmin-messages';
import { LIVE } from '../test-support/sandbox';
import { open } from './support';

const c = LIVE.cluster;
const queues = async (topic: string) => new Map((await topicRoute(topic, LIVE, false)).queueDatas.map((q) => [q.brokerName, `${q.readQueueNums}/${q.writeQueueNums}/${q.perm}`]));

async function planLines(page: Page | Locator, testId: string) {
  // the table renders once the plan is in: wait for its first row
  await expect(page.getByTestId(testId).getByTestId('plan-line').first()).toBeVisible();
  return page.getByTestId(testId).getByTestId('plan-line').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
}

test.describe.serial('topic changes', () => {
  const topic = `E2eTopic_${Date.now().toString(36)}`;

  test('creates a topic from the list, edits it on one broker with its name typed, and undoes the edit from the audit page; mqadmin topicRoute agrees at each step', async ({ page }) => {
    test.setTimeout(180_000);
    await open(page, `/clusters/${c}/topics`);
    await page.getByTestId('create-topic').click();
    const dialog = page.getByRole('dialog', { name: 'Create topic' });
    await dialog.getByLabel('Topic name').fill(topic);
    await dialog.getByLabel('readQueueNums').fill('4');
    await dialog.getByLabel('writeQueueNums').fill('4');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    expect(await planLines(dialog, 'plan-lines')).toEqual(
      ['broker-a', 'broker-b'].flatMap((b) => [[b, 'readQueueNums', 'absent', '4'], [b, 'writeQueueNums', 'absent', '4'], [b, 'perm', 'absent', '6']]),
    );
    await expect(dialog.getByTestId('plan-undo')).toContainText('Cannot be undone: the topic is new');
    await dialog.getByTestId('apply-change').click();
    await expect(dialog.getByTestId('change-status')).toHaveText('completed');
    await expect(dialog.getByTestId('change-step')).toHaveCount(2);
    expect(await queues(topic)).toEqual(new Map([['broker-a', '4/4/6'], ['broker-b', '4/4/6']]));
    await dialog.getByRole('button', { name: 'Done' }).click();

    await open(page, `/clusters/${c}/topics/${topic}`);
    await page.getByTestId('edit-topic').click();
    const edit = page.getByRole('dialog', { name: `Edit topic ${topic}` });
    await edit.getByLabel('Where').selectOption('*brokers');
    await edit.getByRole('checkbox', { name: 'broker-b' }).uncheck();
    await edit.getByLabel('readQueueNums').fill('2');
    await edit.getByLabel('writeQueueNums').fill('2');
    await edit.getByRole('button', { name: 'Preview' }).click();
    expect(await planLines(edit, 'plan-lines')).toEqual([['broker-a', 'readQueueNums', '4', '2'], ['broker-a', 'writeQueueNums', '4', '2']]);
    await expect(edit.getByTestId('plan-warnings')).toContainText('broker-a: consumers stop reading queues 2–3, which hold 0 messages');
    const apply = edit.getByTestId('apply-change');
    await expect(apply).toHaveAttribute('aria-disabled', 'true');
    await apply.focus();
    await expect(apply).toHaveAccessibleDescription(`type ${topic} to confirm`);
    await edit.getByLabel('Type the topic name to confirm').fill(topic);
    await apply.click();
    await expect(edit.getByTestId('change-status')).toHaveText('completed');
    expect(await queues(topic)).toEqual(new Map([['broker-a', '2/2/6'], ['broker-b', '4/4/6']]));

    await edit.getByRole('link', { name: /^audit #\d+$/ }).click();
    await expect(page).toHaveURL(/\/audit\/\d+$/);
    const editId = Number(/\/audit\/(\d+)$/.exec(page.url())![1]);
    await expect(page.getByTestId('audit-actor')).toHaveText('admin');
    expect(await planLines(page, 'audit-change-lines')).toEqual([['broker-a', 'readQueueNums', '4', '2'], ['broker-a', 'writeQueueNums', '4', '2']]);
    await page.getByTestId('undo-button').click();
    expect(await planLines(page, 'plan-lines')).toEqual([['broker-a', 'readQueueNums', '2', '4'], ['broker-a', 'writeQueueNums', '2', '4']]);
    // growing the queues back on one broker is neither destructive nor cluster-wide: a click confirms it
    await expect(page.getByLabel('Type the topic name to confirm')).toHaveCount(0);
    await page.getByRole('button', { name: `Undo audit #${editId}` }).click();
    await expect(page.getByRole('link', { name: `undoes #${editId}` })).toBeVisible();
    expect(await queues(topic)).toEqual(new Map([['broker-a', '4/4/6'], ['broker-b', '4/4/6']]));
  });

  test('sends a message to a chosen queue from the topic page; the result links to the message, which mqadmin finds by its msgId', async ({ page }) => {
    await open(page, `/clusters/${c}/topics/${topic}`);
    await page.getByTestId('send-message').click();
    const dialog = page.getByRole('dialog', { name: `Send a message to ${topic}` });
    await dialog.getByLabel('Tag').fill('TagE2E');
    await dialog.getByLabel('Keys').fill('E2E-1 E2E-2');
    await dialog.getByLabel('Body', { exact: true }).fill('{"hello":"console"}');
    await dialog.getByLabel('Body format').selectOption('json');
    await dialog.getByLabel('Queue').selectOption('broker-a/0');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect(dialog.getByTestId('plan-lines').getByTestId('plan-line').first()).toContainText('broker-a queue 0');
    await expect(dialog.getByTestId('plan-undo')).toContainText('Cannot be undone');
    await dialog.getByTestId('apply-change').click();
    await expect(dialog.getByTestId('change-status')).toHaveText('completed');
    const text = await dialog.getByTestId('step-result').textContent();
    const msgId = /msgId\s*([0-9A-F]{32})/.exec(text ?? '')![1]!;
    const found = await queryMsgByUniqueKey(msgId, topic);
    expect(found).toMatchObject({ topic, tags: 'TagE2E', keys: 'E2E-1 E2E-2', queueId: 0 });
    await dialog.getByRole('link', { name: 'message', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/messages/${msgId}`));
    // the message page pretty-prints a JSON body
    await expect(page.getByTestId('message-body')).toHaveText(JSON.stringify({ hello: 'console' }, null, 2));
  });

  test('the delete preview in Chinese: what the topic holds, the warnings and why it cannot be undone, from the plan\'s catalog sentences', async ({ page, baseURL }) => {
    await page.context().addCookies([{ name: 'console_locale', value: 'zh-CN', url: baseURL! }]);
    await open(page, `/clusters/${c}/topics/${topic}`);
    await page.getByTestId('delete-topic').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('plan-warnings')).toContainText(`删除 ${topic} 在 broker-a (1), broker-b (0) 上保存的 1 条消息`);
    await expect(dialog.getByTestId('plan-warnings')).toContainText('所在 Broker 开启了 autoCreateTopicEnable 的生产者会在下一次发送时重新创建该主题');
    await expect(dialog.getByTestId('plan-undo')).toContainText('RocketMQ 会随主题一起删除消息');
    await page.screenshot({ path: 'test-results/changes-delete-topic-zh.png' });
    await page.keyboard.press('Escape');
    await page.context().clearCookies({ name: 'console_locale' });
  });

  test('deletes the topic after showing what it holds and that it cannot be undone; mqadmin topicList no longer has it', async ({ page }) => {
    await open(page, `/clusters/${c}/topics/${topic}`);
    await page.getByTestId('delete-topic').click();
    const dialog = page.getByRole('dialog', { name: `Delete topic ${topic}` });
    await expect(dialog.getByTestId('plan-warnings')).toContainText(`deletes 1 message ${topic} holds on broker-a (1), broker-b (0)`);
    await expect(dialog.getByTestId('plan-undo')).toContainText('Cannot be undone');
    await dialog.getByLabel('Type the topic name to confirm').fill(topic);
    await dialog.getByTestId('apply-change').click();
    await expect(dialog.getByTestId('change-status')).toHaveText('completed');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(page).toHaveURL(new RegExp(`/clusters/${c}/topics$`));
    expect(await topicList()).not.toContain(topic);
  });
});

test.describe.serial('subscription group changes', () => {
  const group = `e2e_change_cg_${Date.now().toString(36)}`;
  const config = async () => new Map((await consumerConfig(group).catch(() => [])).map((b) => [/broker-[ab]/.exec(b._header ?? '')?.[0] ?? '', b]));

  test('creates a group from the list, disables it on one broker with its name typed, as mqadmin getConsumerConfig shows', async ({ page }) => {
    await open(page, `/clusters/${c}/groups`);
    await page.getByTestId('create-group').click();
    const dialog = page.getByRole('dialog', { name: 'Create group' });
    await dialog.getByLabel('Group name').fill(group);
    await dialog.getByLabel('retryMaxTimes').fill('7');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect(dialog.getByTestId('plan-line')).toHaveCount(12);
    await dialog.getByTestId('apply-change').click();
    await expect(dialog.getByTestId('change-status')).toHaveText('completed');
    const created = await config();
    expect([...created.keys()].sort()).toEqual(['broker-a', 'broker-b']);
    for (const b of created.values()) expect(b).toMatchObject({ retryMaxTimes: '7', consumeEnable: 'true' });
    await dialog.getByRole('button', { name: 'Done' }).click();

    // the group page reads the lag snapshot: ask for a fresh one so the new group is there
    await page.request.get(`/api/clusters/${c}/groups?refresh=1&search=${group}`);
    await open(page, `/clusters/${c}/groups/${group}`);
    await page.getByTestId('edit-group').click();
    const edit = page.getByRole('dialog', { name: `Edit group ${group}` });
    await edit.getByLabel('Where').selectOption('*brokers');
    await edit.getByRole('checkbox', { name: 'broker-b' }).uncheck();
    await edit.getByLabel('consumeEnable').uncheck();
    await edit.getByRole('button', { name: 'Preview' }).click();
    expect(await planLines(edit, 'plan-lines')).toEqual([['broker-a', 'consumeEnable', 'true', 'false']]);
    await expect(edit.getByTestId('plan-warnings')).toContainText('consumption stops on broker-a: no client is online now');
    await edit.getByLabel('Type the group name to confirm').fill(group);
    await edit.getByTestId('apply-change').click();
    await expect(edit.getByTestId('change-status')).toHaveText('completed');
    const edited = await config();
    expect([edited.get('broker-a')?.consumeEnable, edited.get('broker-b')?.consumeEnable]).toEqual(['false', 'true']);
  });

  test('sets an exponential retry policy (5.x) from the group page, which then shows it per broker as mqadmin getConsumerConfig does', async ({ page }) => {
    await open(page, `/clusters/${c}/groups/${group}`);
    await page.getByTestId('edit-group').click();
    const edit = page.getByRole('dialog', { name: `Edit group ${group}` });
    await edit.getByLabel('Retry policy').selectOption('exponential');
    await edit.getByLabel('retryPolicy.initial').fill('2s');
    await edit.getByLabel('retryPolicy.multiplier').fill('3');
    await edit.getByLabel('retryPolicy.max').fill('10m');
    await edit.getByRole('button', { name: 'Preview' }).click();
    expect(await planLines(edit, 'plan-lines')).toEqual(['broker-a', 'broker-b'].map((b) => [b, 'retryPolicy', "CUSTOMIZED (the broker's delay levels)", 'EXPONENTIAL 2s ×3 up to 10m']));
    await edit.getByTestId('apply-change').click();
    await expect(edit.getByTestId('change-status')).toHaveText('completed');
    const policy = 'GroupRetryPolicy{type=EXPONENTIAL, exponentialRetryPolicy=ExponentialRetryPolicy{initial=2000, max=600000, multiplier=3}, customizedRetryPolicy=null}';
    expect([...(await config()).values()].map((b) => b.groupRetryPolicy)).toEqual([policy, policy]);
    await edit.getByRole('button', { name: 'Done' }).click();
    await page.request.get(`/api/clusters/${c}/groups?refresh=1&search=${group}`);
    await page.reload();
    await expect(page.getByTestId('group-config-row')).toHaveCount(2);
    for (const row of await page.getByTestId('group-config-row').all()) await expect(row).toContainText('EXPONENTIAL 2s ×3 up to 10m');
  });

  test('deleting it keeping its offsets is refused while the 5.x brokers would create it again; with autoCreateSubscriptionGroup off it is deleted and undone from the audit page', async ({ page }) => {
    test.setTimeout(180_000);
    await open(page, `/clusters/${c}/groups/${group}`);
    await page.getByTestId('delete-group').click();
    let dialog = page.getByRole('dialog', { name: `Delete group ${group}` });
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect(dialog.getByTestId('plan-blockers')).toContainText('create a group deleted without its offsets again at once');
    await expect(dialog.getByTestId('apply-change')).toHaveAttribute('aria-disabled', 'true');
    await dialog.getByRole('button', { name: 'Close' }).click();

    const flag = (value: string) => Promise.all([LIVE.brokerAMaster, LIVE.brokerBMaster].map((addr) => mqadmin(['updateBrokerConfig', '-b', addr, '-k', 'autoCreateSubscriptionGroup', '-v', value], { cache: false })));
    await flag('false');
    try {
      await page.getByTestId('delete-group').click();
      dialog = page.getByRole('dialog', { name: `Delete group ${group}` });
      await dialog.getByRole('button', { name: 'Preview' }).click();
      await expect(dialog.getByTestId('plan-undo')).toContainText('Can be undone');
      await dialog.getByLabel('Type the group name to confirm').fill(group);
      await dialog.getByTestId('apply-change').click();
      await expect(dialog.getByTestId('change-status')).toHaveText('completed');
      expect((await config()).size).toBe(0);

      await dialog.getByRole('link', { name: /^audit #\d+$/ }).click();
      await expect(page).toHaveURL(/\/audit\/\d+$/);
      const deleteId = Number(/\/audit\/(\d+)$/.exec(page.url())![1]);
      await page.getByTestId('undo-button').click();
      await page.getByTestId('apply-change').click();
      await expect(page.getByRole('link', { name: `undoes #${deleteId}` })).toBeVisible();
      const back = await config();
      expect([back.get('broker-a')?.consumeEnable, back.get('broker-b')?.consumeEnable, back.get('broker-a')?.retryMaxTimes]).toEqual(['false', 'true', '7']);
    } finally {
      await flag('true');
    }
  });
});

test.describe('configuration', () => {
  test('shows a key on every broker as mqadmin getBrokerConfig does, edits it on one broker with its name typed, marks the drift, and undoes it from the audit page', async ({ page }) => {
    test.setTimeout(180_000);
    const [a, b] = await Promise.all([brokerConfig(LIVE.brokerAMaster), brokerConfig(LIVE.brokerBMaster)]);
    const before = b.fileReservedTime!;
    expect(a.fileReservedTime).toBe(before);
    await open(page, `/clusters/${c}/config?search=fileReservedTime`);
    const row = page.locator('[data-testid="config-row"][data-key="fileReservedTime"]');
    await expect(row).toHaveCount(1);
    await expect(row.locator('td').nth(2)).toHaveText(before);
    await expect(row).not.toHaveAttribute('data-differs', 'true');
    await row.getByRole('checkbox').check();
    await page.getByTestId('edit-config').click();
    const dialog = page.getByRole('dialog', { name: 'Edit broker configuration' });
    await dialog.getByLabel('On').selectOption('broker:broker-b');
    const next = String(Number(before) + 2);
    await dialog.getByLabel('New value of fileReservedTime').fill(next);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    expect(await planLines(dialog, 'plan-lines')).toEqual([[`broker-b (master, ${LIVE.brokerBMaster})`, 'fileReservedTime', before, next]]);
    await dialog.getByLabel('Type the broker name to confirm').fill('broker-b');
    await dialog.getByTestId('apply-change').click();
    await expect(dialog.getByTestId('change-status')).toHaveText('completed');
    expect((await brokerConfig(LIVE.brokerBMaster)).fileReservedTime).toBe(next);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(row).toHaveAttribute('data-differs', 'true');

    await open(page, `/clusters/${c}/audit`);
    await page.getByTestId('audit-row').first().getByRole('link').first().click();
    await expect(page).toHaveURL(/\/audit\/\d+$/);
    await page.getByTestId('undo-button').click();
    await page.getByLabel('Type the broker name to confirm').fill('broker-b');
    await page.getByTestId('apply-change').click();
    await expect(page.getByRole('link', { name: /^undoes #\d+$/ })).toBeVisible();
    expect((await brokerConfig(LIVE.brokerBMaster)).fileReservedTime).toBe(before);
  });
});
