import { expect, test, type APIRequestContext } from '@playwright/test';
import { topicStatus } from '../test-support/mqadmin';
import { queryMsgById } from '../test-support/mqadmin-messages';
import { open } from './support';

const GROUP = 'lab_cg_dlq';
const DLQ = `%DLQ%${GROUP}`;

/** Dead letters of lab_cg_dlq no redrive has sent back yet, oldest first (each run of these tests sends some back). */
async function notYetRedriven(request: APIRequestContext): Promise<string[]> {
  const plan = await request.post('/api/clusters/local/changes/preview', { data: { action: 'dlq.redrive', request: { group: GROUP, target: 'retry' } } });
  expect(plan.status()).toBe(200);
  return ((await plan.json()).detail.messages as Array<{ offsetMsgId: string }>).map((m) => m.offsetMsgId);
}

// traffic.sh: lab_cg_dlq failed the 11 messages keyed K-r1-1* straight to %DLQ%lab_cg_dlq
test.describe('dead letters', () => {
  test('shows a group\'s dead letters as mqadmin topicStatus counts them, and previews sending them back message by message', async ({ page, request }) => {
    const theirs = (await topicStatus(DLQ, undefined, false)).reduce((n, r) => n + r.maxOffset - r.minOffset, 0);
    expect(theirs).toBeGreaterThanOrEqual(11);
    await open(page, `/groups/${GROUP}`);
    await expect(page.getByTestId('backlog-dlq').getByTestId('backlog-count')).toHaveText(String(theirs));
    await expect(page.getByTestId('backlog-dlq').getByRole('link', { name: 'Browse' })).toHaveAttribute('href', /mode=range&topic=%25DLQ%25lab_cg_dlq/);
    const pending = (await notYetRedriven(request)).length;
    expect(pending).toBeGreaterThanOrEqual(1);
    await page.getByTestId('redrive').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel("To the group's retry topic").check();
    // the default window (the last 24 h) holds every dead letter traffic.sh made
    await dialog.getByLabel('Dead letters stored in a time range').check();
    await dialog.getByRole('button', { name: /Preview/ }).click();
    await expect(dialog).toContainText(`only ${GROUP} receives them again`);
    // every dead letter not sent back yet is a line; the ones an earlier run sent back are named as left out
    await expect(dialog.getByText(/dead letter of LabTopic, consumed \d+ times?/)).toHaveCount(pending);
    if (pending < theirs) await expect(dialog).toContainText(`${theirs - pending} already sent back by an earlier redrive`);

    const bad = await request.post('/api/clusters/local/changes/preview', { data: { action: 'dlq.redrive', request: { group: GROUP, target: 'elsewhere' } } });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.field).toMatch(/target/);
    const badWindow = await request.post('/api/clusters/local/changes/preview', { data: { action: 'dlq.redrive', request: { group: GROUP, target: 'retry', begin: 2000, end: 1000 } } });
    expect(badWindow.status()).toBe(400);
    expect((await badWindow.json()).error.field).toBe('begin');
  });

  test('sends one dead letter back from its message page: the apply streams its progress and mqadmin reads the copy in the retry topic', async ({ page, request }) => {
    const [offsetMsgId] = await notYetRedriven(request);
    expect(offsetMsgId).toBeDefined();
    await open(page, `/messages/${offsetMsgId}?topic=${encodeURIComponent(DLQ)}`);
    const note = page.getByTestId('dead-letter-note');
    await expect(note).toContainText(`Dead letter of ${GROUP}`);
    await expect(note).toContainText('from LabTopic');
    await note.getByTestId('redrive-one').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('redrive-selected')).toContainText(offsetMsgId!);
    await dialog.getByRole('button', { name: /Preview/ }).click();
    await expect(dialog.getByText(/dead letter of LabTopic, consumed \d+ times?/)).toHaveCount(1);
    await dialog.getByLabel('Type the group name to confirm').fill(GROUP);
    const applied = page.waitForResponse((r) => r.url().endsWith('/api/clusters/local/changes') && r.request().method() === 'POST');
    await dialog.getByTestId('apply-change').click();
    const response = await applied;
    // the dialog asked for the streamed apply (Chromium keeps no body of a streamed answer; the API test reads one)
    expect(response.request().headers()['accept']).toContain('application/x-ndjson');
    expect(response.headers()['content-type']).toContain('application/x-ndjson');

    await expect(dialog.getByTestId('change-status')).toHaveText('completed');
    const step = dialog.getByTestId('change-step');
    await expect(step).toHaveCount(1);
    await expect(step).toContainText('done');
    await expect(step).toContainText(`%RETRY%${GROUP}`);
    const copyId = (await step.getByTestId('step-result').textContent())!.match(/offsetMsgId ([0-9A-F]{32,40})/)![1]!;
    const printed = await queryMsgById(copyId, `%RETRY%${GROUP}`);
    expect(printed).toMatchObject({ topic: `%RETRY%${GROUP}`, reconsumeTimes: 0 });
    expect(printed.properties.RETRY_TOPIC).toBe('LabTopic');
    // sent back once: it is no longer offered
    expect(await notYetRedriven(request)).not.toContain(offsetMsgId);
  });

  test('streams an apply over the API as NDJSON (started, a step per message, done), and refuses a wrong confirmation as a plain JSON error', async ({ request }) => {
    const ids = (await notYetRedriven(request)).slice(0, 2);
    expect(ids).toHaveLength(2);
    const plan = await (await request.post('/api/clusters/local/changes/preview', { data: { action: 'dlq.redrive', request: { group: GROUP, target: 'retry', offsetMsgIds: ids } } })).json();
    expect(plan.expectedSteps).toBe(2);
    const headers = { accept: 'application/x-ndjson' };
    const wrong = await request.post('/api/clusters/local/changes', { headers, data: { previewId: plan.previewId, confirm: 'someone-else' } });
    expect(wrong.status()).toBe(400);
    expect(wrong.headers()['content-type']).toContain('application/json');
    expect((await wrong.json()).error.field).toBe('confirm');

    const streamed = await request.post('/api/clusters/local/changes', { headers, data: { previewId: plan.previewId, confirm: GROUP } });
    expect(streamed.status()).toBe(200);
    const events = (await streamed.text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(events[0]).toMatchObject({ type: 'started', action: 'dlq.redrive', expectedSteps: 2, target: { kind: 'group', name: GROUP } });
    expect(events.slice(1, 3).map((e) => [e.type, e.index, e.step.where, e.step.outcome])).toEqual([
      ['step', 0, ids[0], 'done'],
      ['step', 1, ids[1], 'done'],
    ]);
    expect(events[3]).toMatchObject({ type: 'done', result: { auditId: events[0].auditId, status: 'completed' } });
    expect(events).toHaveLength(4);
    for (const e of events.slice(1, 3)) expect(e.step.result.topic).toBe(`%RETRY%${GROUP}`);
    const entry = await (await request.get(`/api/clusters/local/audit/${events[0].auditId}`)).json();
    expect(entry.status).toBe('completed');
  });
});
