import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { request, startConsole, type ConsoleServer } from '../../../test-support/console-server';
import { consumerProgress } from '../../../test-support/mqadmin';
import { DEFAULT_PORTS, LIVE, testPort } from '../../../test-support/sandbox';
import { liveConsole } from '../../../test-support/live-console';
import { labMasters } from '../../../test-support/reset';
import { sendMessage } from '../../rocketmq/send-message';
import { getTopicStatsInfo } from '../../rocketmq/get-topic-stats-info';
import { updateAndCreateSubscriptionGroup } from '../../rocketmq/update-and-create-subscriptiongroup';
import { updateAndCreateTopic } from '../../rocketmq/update-and-create-topic';
import { updateConsumerOffset } from '../../rocketmq/update-consumer-offset';
import type { AdminClient } from '../core/admin';
import { CHANGE_LOCK_TTL_MS } from '../changes/guard';

const key = (r: { brokerName: string; queueId: number }) => `${r.brokerName}/${r.queueId}`;
// ports of its own per version: the 4.9.8 and 5.5.0 live suites may run side by side
const consolePorts = LIVE.isV5 ? DEFAULT_PORTS.crashConsoles.v5 : DEFAULT_PORTS.crashConsoles.v4;

const QUEUES_PER_MASTER = 32;

/**
 * A topic of its own with 32 queues on each master (64 in all), 2 messages in each, and an offline group whose
 * offset is at the end of every queue: a reset to the earliest moves all 64. Returns brokerName/queueId -> offset.
 */
async function groupOn64Queues(admin: AdminClient, group: string, topic: string): Promise<Map<string, number>> {
  const offsets = new Map<string, number>();
  for (const m of labMasters()) {
    await updateAndCreateTopic(admin, m.addr, { topic, readQueueNums: QUEUES_PER_MASTER, writeQueueNums: QUEUES_PER_MASTER });
    await updateAndCreateSubscriptionGroup(admin, m.addr, { groupName: group });
    await updateAndCreateTopic(admin, m.addr, { topic: `%RETRY%${group}`, readQueueNums: 1, writeQueueNums: 1 });
    for (let i = 0; i < QUEUES_PER_MASTER * 2; i++) {
      const queueId = i % QUEUES_PER_MASTER;
      await sendMessage(admin, m.addr, { producerGroup: 'reset_crash_pg', topic, queueId, brokerName: m.brokerName, body: Buffer.from(`crash ${i}`), properties: { UNIQ_KEY: `CRASH${Date.now()}${m.brokerName}${i}` }, bornTimestamp: Date.now() }, 5000);
    }
    // the broker dispatches the commit log to the consume queues in the background: on a busy machine a queue's max
    // offset lags the sends, so wait until every queue shows both of its messages
    let stats = await getTopicStatsInfo(admin, m.addr, topic);
    for (const until = Date.now() + 30_000; stats.some((q) => q.maxOffset < 2) && Date.now() < until; stats = await getTopicStatsInfo(admin, m.addr, topic)) await new Promise((r) => setTimeout(r, 200));
    for (const q of stats) {
      await updateConsumerOffset(admin, m.addr, { consumerGroup: group, topic, queueId: q.queueId, commitOffset: q.maxOffset });
      offsets.set(`${m.brokerName}/${q.queueId}`, q.maxOffset);
    }
  }
  return offsets;
}

// A real console process (next start) is killed with SIGKILL in the middle of a reset of 64 queues across both
// masters: after broker-a's 32 queues and before broker-b's. Restarted on the same store, it shows the entry as
// interrupted with broker-a's queues known to be reset (each broker's outcome is recorded as it ends) and
// broker-b's unknown, and undo restores every queue (= mqadmin consumerProgress).
describe(`reset interrupted by a crash (${LIVE.version})`, () => {
  const { admin } = liveConsole();
  const servers: ConsoleServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.stop('SIGKILL');
  });

  it('leaves an interrupted audit entry that undo restores after a restart', async () => {
    const group = `reset_crash_${Date.now().toString(36)}`;
    const topic = `ResetCrash64_${Date.now().toString(36)}`;
    const original = await groupOn64Queues(admin, group, topic);
    expect(original.size).toBe(2 * QUEUES_PER_MASTER);
    for (const [queue, offset] of original) expect(offset, queue).toBeGreaterThan(0);
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'crash-console-'));
    const env = { DATA_DIR: dataDir, CONSOLE_BACKGROUND: 'off', CONSOLE_TEST_PAUSE_BETWEEN_BROKERS_MS: '20000' };
    const first = await startConsole(LIVE.namesrv, testPort(consolePorts[0]), env);
    servers.push(first);
    const base = first.url;
    const preview = await request<{ previewId: string }>(`${base}/api/groups/${group}/reset/preview`, 'POST', { topic, mode: 'earliest' });
    expect(preview.status).toBe(200);
    const applying = request(`${base}/api/groups/${group}/reset`, 'POST', { previewId: preview.body.previewId, confirm: group }).catch(() => undefined);

    // wait until broker-a's queues are reset (the server then pauses before broker-b), then kill it
    const deadline = Date.now() + 30_000;
    for (;;) {
      const now = new Map((await consumerProgress(group, topic, false)).rows.map((r) => [key(r), r.consumerOffset]));
      if (now.get('broker-a/0') !== original.get('broker-a/0')) break;
      if (Date.now() > deadline) throw new Error('broker-a was not reset');
      await new Promise((r) => setTimeout(r, 500));
    }
    await first.stop('SIGKILL');
    await applying;

    const second = await startConsole(LIVE.namesrv, testPort(consolePorts[1]), { DATA_DIR: dataDir, CONSOLE_BACKGROUND: 'off' });
    servers.push(second);
    // the dead process's lock on the group lapses after CHANGE_LOCK_TTL_MS: until then the entry shows as running
    const entries = async () => (await request<{ items: Array<{ auditId: number; status: string; group: string }> }>(`${second.url}/api/audit?group=${group}`)).body.items;
    expect(['started', 'interrupted']).toContain((await entries())[0]?.status);
    const lapse = Date.now() + CHANGE_LOCK_TTL_MS + 5_000;
    while ((await entries())[0]!.status === 'started' && Date.now() < lapse) await new Promise((r) => setTimeout(r, 1000));
    const list = await entries();
    expect(list).toHaveLength(1);
    const entry = list[0]!;
    expect(entry.status).toBe('interrupted');
    // broker-a finished before the kill and its outcome was recorded then; broker-b's never ran
    const detail = await request<{ planned: unknown[]; results: Array<{ brokerName: string; queueId: number; outcome: string; error?: string }> }>(`${second.url}/api/audit/${entry.auditId}`);
    expect(detail.body.planned).toHaveLength(2 * QUEUES_PER_MASTER);
    const outcomes = (brokerName: string) => [...new Set(detail.body.results.filter((r) => r.brokerName === brokerName).map((r) => r.outcome))];
    expect(detail.body.results.filter((r) => r.brokerName === 'broker-a')).toHaveLength(QUEUES_PER_MASTER);
    expect(outcomes('broker-a')).toEqual(['reset']);
    expect(outcomes('broker-b')).toEqual(['unknown']);
    expect(detail.body.results.find((r) => r.brokerName === 'broker-b')!.error).toMatch(/not recorded/);
    // = mqadmin: broker-a's queues are at 0 now, broker-b's untouched
    const during = new Map((await consumerProgress(group, topic, false)).rows.map((r) => [key(r), r.consumerOffset]));
    for (const [queue, offset] of during) expect(offset, queue).toBe(queue.startsWith('broker-a/') ? 0 : original.get(queue));

    const undoPreview = await request<{ previewId: string; queues: Array<{ brokerName: string; queueId: number; currentOffset: number; targetOffset: number }> }>(`${second.url}/api/audit/${entry.auditId}/undo/preview`, 'POST');
    expect(undoPreview.status).toBe(200);
    // every planned queue is restored: broker-a's changed, broker-b's did not (their target is their offset)
    expect(undoPreview.body.queues).toHaveLength(2 * QUEUES_PER_MASTER);
    for (const q of undoPreview.body.queues) expect(q.targetOffset, key(q)).toBe(original.get(key(q)));
    const undone = await request<{ status: string; undoOf: number }>(`${second.url}/api/audit/${entry.auditId}/undo`, 'POST', { previewId: undoPreview.body.previewId, confirm: group });
    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({ status: 'completed', undoOf: entry.auditId });
    expect(new Map((await consumerProgress(group, topic, false)).rows.map((r) => [key(r), r.consumerOffset]))).toEqual(original);
  });
});
