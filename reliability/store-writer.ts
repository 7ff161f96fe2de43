/**
 * The child process of the store crash check (store-crash.ts): opens the console's store and writes as the console
 * does, as fast as it can, until it is killed: audit entries (begin, a progress part, the outcome) and lag history
 * samples (a round of group and queue rows), concurrently. Each write is acknowledged on stdout only after its
 * promise resolved, so the parent knows exactly what the store said it had kept.
 *   tsx reliability/store-writer.ts '<StoreOptions JSON>' <groups per sample>
 */
import { openStore } from '../lib/console/store';

const options = JSON.parse(process.argv[2]!) as { sqlitePath?: string; databaseUrl?: string };
const groups = Number(process.argv[3] ?? 200);
const store = await openStore(options);
const ack = (line: string) => process.stdout.write(`${line}\n`);

async function audit(): Promise<never> {
  for (let n = 0; ; n++) {
    const id = await store.audit.begin({ at: Date.now(), actor: 'crash', channel: 'api', cluster: 'c', action: 'reset-offset', group: `g${n}`, topic: 'T', params: { n }, plan: { queues: [{ brokerName: 'broker-a', queueId: 0, before: n, target: 0 }] } });
    ack(`begin ${id} ${n}`);
    await store.audit.progress(id, 1, { at: Date.now(), result: { queues: [{ brokerName: 'broker-a', queueId: 0, outcome: 'reset' }] } });
    ack(`progress ${id}`);
    await store.audit.finish(id, { at: Date.now(), status: 'completed', result: { n }, durationMs: 1 });
    ack(`finish ${id}`);
  }
}

async function lag(): Promise<never> {
  for (let t = Date.now(); ; t += 1000) {
    const rows = Array.from({ length: groups }, (_, g) => ({ cluster: 'c', group: `lag_g${g}`, t, lag: g, oldestAgeMs: null, resolutionMs: 0 }));
    const queues = rows.flatMap((r) => [0, 1, 2, 3].map((queueId) => ({ cluster: 'c', group: r.group, topic: 'T', brokerName: 'broker-a', queueId, t, lag: queueId, resolutionMs: 0 })));
    await store.lag.insert(rows, queues);
    ack(`lag ${t}`);
  }
}

ack(`open ${process.pid}`);
await Promise.all([audit(), lag()]);
