import { expect, request as apiRequest, test, type APIRequestContext } from '@playwright/test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { clusterList, consumerProgress, topicRoute } from '../test-support/mqadmin';
import { queryMsgTraceById, sentMessages } from '../test-support/mqadmin-messages';
import { offlineGroups } from '../test-support/offline-groups';
import { LIVE } from '../test-support/sandbox';
import { open } from './support';

// The MCP endpoint, called by the official SDK's client over Streamable HTTP with an API token, as an assistant
// would: its read tools must say what mqadmin says, its change tools must change nothing and hand back a link where
// a person confirms in the web console, and the token's role must hold.
const c = LIVE.cluster;

interface Text { type: string; text: string }
interface Called { content: Text[]; isError?: boolean }

async function connect(baseURL: string, token: string): Promise<Client> {
  const client = new Client({ name: 'e2e-mcp', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL('/api/mcp', baseURL), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
  return client;
}

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<{ value: unknown; more: string[]; raw: Called }> {
  const raw = (await client.callTool({ name, arguments: { cluster: c, ...args } })) as Called;
  expect(raw.content.length).toBeGreaterThan(0);
  const [json, ...rest] = raw.content[0]!.text.split('\n');
  if (raw.isError) return { value: undefined, more: [], raw };
  return { value: JSON.parse(json!), more: rest.filter((l) => l.startsWith('MORE: ')), raw };
}

async function tokenOf(api: APIRequestContext, name: string): Promise<string> {
  const made = await api.post('/api/auth/tokens', { data: { name } });
  expect(made.status(), await made.text()).toBe(200);
  return (await made.json()).token as string;
}

test.describe.configure({ mode: 'serial' });

test.describe('the MCP endpoint', () => {
  let client: Client;
  const groups = offlineGroups();
  const offlineGroup = groups.make;
  test.beforeAll(async ({ request, baseURL }) => {
    client = await connect(baseURL!, await tokenOf(request, `e2e-mcp-${Date.now().toString(36)}`));
  });
  // the groups end with no lag (offlineGroups().drain)
  test.afterAll(async () => {
    await client?.close();
    await groups.drain();
  });

  test('read tools answer what mqadmin says, and a long list ends with a MORE line saying how to get the rest', async () => {
    test.setTimeout(120_000);
    const tools = (await client.listTools()).tools.map((t) => t.name);
    expect(tools).toEqual(expect.arrayContaining(['clusters', 'cluster_health', 'groups', 'group_lag', 'why_group_lags', 'find_message', 'trace_message', 'preview_reset_offsets', 'preview_change']));

    const health = (await call(client, 'cluster_health', {})).value as { clusters: Array<{ brokers: Array<{ brokerName: string; brokerId: number; addr: string }> }> };
    const printed = await clusterList();
    expect(printed.length).toBeGreaterThan(0);
    expect(health.clusters.flatMap((k) => k.brokers).map((b) => `${b.brokerName}/${b.brokerId}/${b.addr}`).sort()).toEqual(printed.map((b) => `${b.brokerName}/${b.brokerId}/${b.addr}`).sort());

    const group = `x_e2e_mcp_read_${Date.now().toString(36)}`;
    await offlineGroup(group);
    const lag = (await call(client, 'group_lag', { group })).value as { queues: Array<{ topic: string; brokerName: string; queueId: number; brokerOffset: number; consumerOffset: number }>; totalLag: number };
    const theirs = (await consumerProgress(group, 'LabTopic', false)).rows;
    expect(theirs.length).toBeGreaterThan(0);
    const key = (q: { topic: string; brokerName: string; queueId: number; brokerOffset: number; consumerOffset: number }) => `${q.topic} ${q.brokerName} ${q.queueId} ${q.brokerOffset} ${q.consumerOffset}`;
    expect(lag.queues.filter((q) => q.topic === 'LabTopic').map(key).sort()).toEqual(theirs.map(key).sort());
    expect(lag.totalLag).toBe(theirs.reduce((sum, r) => sum + (r.brokerOffset - r.consumerOffset), 0));

    const why = (await call(client, 'why_group_lags', { group })).value as { group: string };
    expect(why.group).toBe(group);

    // a page of two groups of the many the sandbox has: the rest is announced, with the page to ask for
    const groups = await call(client, 'groups', { pageSize: 2 });
    const page = groups.value as { items: Array<{ group: string }>; total: number };
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
    expect(groups.more).toEqual([`MORE: items: 2 of ${page.total} shown; call again with page=2 for the next 2 groups`]);

    // a message by its msgId, and by a time range holding every message the official producer sent
    const sent = sentMessages(LIVE.dir).filter((m) => m.kind === 'normal');
    expect(sent.length).toBeGreaterThan(0);
    const one = (await call(client, 'find_message', { msgId: sent[0]!.msgId, topic: 'LabTopic' })).value as { message: { msgId: string; offsetMsgId: string; storeTimestamp: number }; webUrl: string };
    expect(one.message.offsetMsgId).toBe(sent[0]!.offsetMsgId);
    expect(one.webUrl).toMatch(new RegExp(`/clusters/${c}/messages/${sent[0]!.msgId}$`));
    const stored = one.message.storeTimestamp;
    const around = (await call(client, 'find_message', { topic: 'LabTopic', begin: stored - 1000, end: stored + 1000 })).value as { messages: Array<{ msgId: string }> };
    expect(around.messages.map((m) => m.msgId)).toContain(sent[0]!.msgId);
    // the whole day: every message the producer sent is counted, the rows beyond what a model is handed announced
    const day = await call(client, 'find_message', { topic: 'LabTopic', begin: Date.now() - 86_400_000, end: Date.now(), limit: 10_000 });
    const scanned = day.value as { messages: Array<{ msgId: string }>; done: { reason: string; matched: number } };
    expect(scanned.done.reason).toBe('complete');
    expect(scanned.done.matched).toBeGreaterThanOrEqual(sent.length);
    expect(day.more).toEqual(scanned.done.matched > scanned.messages.length ? [`MORE: messages: ${scanned.messages.length} of ${scanned.done.matched} shown; narrow the range, or add a tag or text filter`] : []);

    // its trace: the producer group and the consuming groups mqadmin queryMsgTraceById lists, and a link to the timeline
    const rows = await queryMsgTraceById(sent[0]!.msgId);
    expect(rows.filter((r) => r.type === 'Sub').length).toBeGreaterThan(0);
    const trace = (await call(client, 'trace_message', { msgId: sent[0]!.msgId })).value as { pubs: Array<{ producerGroup: string }>; groups: Array<{ group: string }>; webUrl: string };
    expect(trace.pubs.map((p) => p.producerGroup)).toEqual(rows.filter((r) => r.type === 'Pub').map((r) => r.group));
    expect(trace.groups.map((g) => g.group)).toEqual(expect.arrayContaining([...new Set(rows.filter((r) => r.type === 'Sub').map((r) => r.group))]));
    expect(trace.webUrl).toMatch(new RegExp(`/clusters/${c}/traces/${sent[0]!.msgId}$`));

    const missing = await call(client, 'group_lag', { group: 'x_no_such_group_mcp' });
    expect(missing.raw.isError).toBe(true);
    expect(missing.raw.content[0]!.text).toMatch(/^not_found: .*x_no_such_group_mcp/);
    const bad = await call(client, 'group_lag_history', { group, range: '2y' });
    expect(bad.raw.isError).toBe(true);
  });

  test('a reset tool changes nothing and links to a page where a person confirms it; then it is applied and audited', async ({ page }) => {
    test.setTimeout(150_000);
    const group = `x_e2e_mcp_${Date.now().toString(36)}`;
    const middle = await offlineGroup(group);
    const planned = (await call(client, 'preview_reset_offsets', { group, topic: 'LabTopic', mode: 'earliest' })).value as {
      confirmUrl: string; status: string; queues: Array<{ brokerName: string; queueId: number; currentOffset: number; targetOffset: number }>; requiresTypedConfirmation: boolean;
    };
    expect(planned.status).toMatch(/^Nothing was changed/);
    expect(planned.queues.length).toBe(middle.size);
    for (const q of planned.queues) expect(q.currentOffset).toBe(middle.get(`${q.brokerName}/${q.queueId}`));
    // mqadmin: the offsets did not move
    for (const r of (await consumerProgress(group, 'LabTopic', false)).rows) expect(r.consumerOffset).toBe(middle.get(`${r.brokerName}/${r.queueId}`));

    const url = new URL(planned.confirmUrl);
    expect(url.pathname).toMatch(new RegExp(`^/clusters/${c}/previews/[0-9a-f-]{36}$`));
    await open(page, url.pathname);
    await expect(page.getByRole('heading', { name: 'Review a planned change' })).toBeVisible();
    await expect(page.getByTestId('preview-expiry')).toContainText('Nothing has changed yet');
    await expect(page.getByTestId('prepared-by')).toContainText('Prepared through the MCP endpoint with an API token of admin');
    await page.screenshot({ path: 'test-results/mcp-confirm-reset.png', fullPage: true });
    if (planned.requiresTypedConfirmation) await page.getByLabel(/type the group name|Type .* to confirm/i).fill(group);
    await page.getByRole('button', { name: /^Apply|^Reset|^Confirm/ }).click();
    await expect(page).toHaveURL(/\/audit\/\d+$/, { timeout: 60_000 });
    const auditId = Number(/\/audit\/(\d+)$/.exec(new URL(page.url()).pathname)?.[1] ?? NaN);
    expect(auditId).toBeGreaterThan(0);
    const target = new Map(planned.queues.map((q) => [`${q.brokerName}/${q.queueId}`, q.targetOffset]));
    const after = (await consumerProgress(group, 'LabTopic', false)).rows;
    expect(after.length).toBe(middle.size);
    for (const r of after) expect(r.consumerOffset).toBe(target.get(`${r.brokerName}/${r.queueId}`));

    // a plan is confirmed once: the link then says it is gone
    await open(page, url.pathname);
    await expect(page.getByText(/no such preview on this cluster/)).toBeVisible();

    // the audit entry names the person who confirmed, on the web; its undo puts the offsets back
    const entry = await page.request.get(`/api/clusters/${c}/audit/${auditId}`);
    expect(await entry.json()).toMatchObject({ auditId, actor: 'admin', channel: 'ui', action: 'reset-offset' });
    const undo = await page.request.post(`/api/clusters/${c}/audit/${auditId}/undo/preview`);
    expect(undo.status(), await undo.text()).toBe(200);
    const undoPlan = (await undo.json()) as { previewId: string; requiresTypedConfirmation: boolean };
    const undone = await page.request.post(`/api/clusters/${c}/audit/${auditId}/undo`, { data: { previewId: undoPlan.previewId, confirm: undoPlan.requiresTypedConfirmation ? group : true } });
    expect(undone.status(), await undone.text()).toBe(200);
    for (const r of (await consumerProgress(group, 'LabTopic', false)).rows) expect(r.consumerOffset).toBe(middle.get(`${r.brokerName}/${r.queueId}`));
  });

  test('a topic change planned through MCP is made by the person who confirms it on the linked page', async ({ page }) => {
    test.setTimeout(120_000);
    const topic = `E2eMcp${Date.now().toString(36)}`;
    const plan = async (action: string, request: Record<string, unknown>) => {
      const answer = (await call(client, 'preview_change', { action, request })).value as { confirmUrl: string; lines: unknown[]; status: string; typedConfirmation: boolean };
      expect(answer.lines.length).toBeGreaterThan(0);
      return answer;
    };
    const confirmOn = async (answer: { confirmUrl: string; typedConfirmation: boolean }, typed: string) => {
      await open(page, new URL(answer.confirmUrl).pathname);
      if (answer.typedConfirmation) await page.getByRole('textbox').last().fill(typed);
      await page.getByRole('button', { name: /^Apply|^Confirm/ }).click();
      await expect(page).toHaveURL(/\/audit\/\d+$/, { timeout: 60_000 });
    };
    const created = await plan('topic.upsert', { topic, brokerNames: ['broker-a', 'broker-b'], readQueueNums: 4, writeQueueNums: 4 });
    await expect.poll(async () => (await topicRoute(topic, LIVE, false).catch(() => ({ queueDatas: [] }))).queueDatas.length).toBe(0);
    await confirmOn(created, topic);
    expect((await topicRoute(topic, LIVE, false)).queueDatas.map((q) => `${q.brokerName} ${q.readQueueNums}/${q.writeQueueNums}`).sort()).toEqual(['broker-a 4/4', 'broker-b 4/4']);
    await confirmOn(await plan('topic.delete', { topic }), topic);
    await expect.poll(async () => (await topicRoute(topic, LIVE, false).catch(() => ({ queueDatas: [] }))).queueDatas.length).toBe(0);
  });

  test('the token\'s role holds: a viewer reads but cannot plan a reset; no token and a browser session are refused', async ({ request, baseURL }) => {
    const user = `mcpviewer${Date.now().toString(36)}`;
    const password = `${user}-pass-123`;
    const created = await request.post('/api/admin/users', { data: { username: user, password, bindings: [{ cluster: c, role: 'viewer' }], mustChangePassword: false } });
    expect(created.status(), await created.text()).toBe(200);
    const viewer = await apiRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! }, storageState: { cookies: [], origins: [] } });
    try {
      expect((await viewer.post('/api/auth/login', { data: { username: user, password } })).status()).toBe(200);
      const viewing = await connect(baseURL!, await tokenOf(viewer, 'mcp'));
      try {
        const health = await call(viewing, 'cluster_health', {});
        expect(health.raw.isError).toBeFalsy();
        const refused = await call(viewing, 'preview_reset_offsets', { group: 'lab_cg_cluster', topic: 'LabTopic', mode: 'latest' });
        expect(refused.raw.isError).toBe(true);
        expect(refused.raw.content[0]!.text).toBe(`forbidden: offset:reset needs the operator role on cluster ${c}; you are viewer on cluster ${c}`);
      } finally {
        await viewing.close();
      }
      const session = await viewer.post('/api/mcp', { data: { jsonrpc: '2.0', id: 1, method: 'tools/list' }, headers: { accept: 'application/json, text/event-stream' } });
      expect(session.status()).toBe(403);
      expect((await session.json()).error.code).toBe('token_required');
    } finally {
      await viewer.dispose();
    }
    // the project's storageState would sign this context in: none here
    const anonymous = await apiRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    try {
      const none = await anonymous.post('/api/mcp', { data: { jsonrpc: '2.0', id: 1, method: 'tools/list' }, headers: { accept: 'application/json, text/event-stream' } });
      expect(none.status(), await none.text()).toBe(401);
    } finally {
      await anonymous.dispose();
    }
  });
});
