import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { request, startConsole, type ConsoleServer } from '../../../test-support/console-server';
import { consumerProgress } from '../../../test-support/mqadmin';
import { DEFAULT_PORTS, LIVE, testPort } from '../../../test-support/sandbox';
import { liveConsole } from '../../../test-support/live-console';
import { offlineGroupWithOffsets } from '../../../test-support/reset';
import { CHANGE_LOCK_TTL_MS } from '../changes/guard';

const key = (r: { brokerName: string; queueId: number }) => `${r.brokerName}/${r.queueId}`;
// ports of its own per version: the 4.9.8 and 5.5.0 live suites may run side by side
const consolePorts = LIVE.isV5 ? DEFAULT_PORTS.crashConsoles.v5 : DEFAULT_PORTS.crashConsoles.v4;

// A real console process (next start) is killed with SIGKILL in the middle of a reset: after broker-a's queues and
// before broker-b's. Restarted on the same store, it shows the entry as interrupted, and undo restores the offsets.
describe(`reset interrupted by a crash (${LIVE.version})`, () => {
  const { admin } = liveConsole();
  const servers: ConsoleServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.stop('SIGKILL');
  });

  it('leaves an interrupted audit entry that undo restores after a restart', async () => {
    const group = `reset_crash_${Date.now().toString(36)}`;
    const original = await offlineGroupWithOffsets(admin, group);
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'crash-console-'));
    const env = { DATA_DIR: dataDir, CONSOLE_BACKGROUND: 'off', CONSOLE_TEST_PAUSE_BETWEEN_BROKERS_MS: '20000' };
    const first = await startConsole(LIVE.namesrv, testPort(consolePorts[0]), env);
    servers.push(first);
    const base = first.url;
    const preview = await request<{ previewId: string }>(`${base}/api/groups/${group}/reset/preview`, 'POST', { topic: 'LabTopic', mode: 'earliest' });
    expect(preview.status).toBe(200);
    const applying = request(`${base}/api/groups/${group}/reset`, 'POST', { previewId: preview.body.previewId, confirm: group }).catch(() => undefined);

    // wait until broker-a's queues are reset (the server then pauses before broker-b), then kill it
    const deadline = Date.now() + 30_000;
    for (;;) {
      const now = new Map((await consumerProgress(group, 'LabTopic', false)).rows.map((r) => [key(r), r.consumerOffset]));
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

    const undoPreview = await request<{ previewId: string; queues: Array<{ brokerName: string; queueId: number; currentOffset: number; targetOffset: number }> }>(`${second.url}/api/audit/${entry.auditId}/undo/preview`, 'POST');
    expect(undoPreview.status).toBe(200);
    // every planned queue is restored: broker-a's changed, broker-b's did not (their target is their offset)
    for (const q of undoPreview.body.queues) expect(q.targetOffset, key(q)).toBe(original.get(key(q)));
    const undone = await request<{ status: string; undoOf: number }>(`${second.url}/api/audit/${entry.auditId}/undo`, 'POST', { previewId: undoPreview.body.previewId, confirm: group });
    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({ status: 'completed', undoOf: entry.auditId });
    expect(new Map((await consumerProgress(group, 'LabTopic', false)).rows.map((r) => [key(r), r.consumerOffset]))).toEqual(original);
  });
});
