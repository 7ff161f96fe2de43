/**
 * Waits until every message of sent.tsv (but batches) has its Pub trace record in the trace topic's index: the
 * tests look messages up through their traces, and a trace the client failed to send is lost for good, so fail the
 * seeding loudly rather than let a test find nothing much later.
 *   tsx wait-traced.ts <namesrv> <sent.tsv> [traceTopic]   (timeout WAIT_TIMEOUT_S, default 60)
 */
import { readFileSync } from 'node:fs';
import { sandboxPool } from './pool';
import { getRouteInfoByTopic } from '../../lib/rocketmq/get-route-info-by-topic';
import { queryMessage } from '../../lib/rocketmq/query-message';
import { decodeTraceBody } from '../../lib/rocketmq/trace-records';

const [namesrv, sentFile, traceTopic = 'RMQ_SYS_TRACE_TOPIC'] = process.argv.slice(2);
const deadline = Date.now() + Number(process.env.WAIT_TIMEOUT_S ?? 60) * 1000;
// a batch gets one Pub record whose msgId joins its members' ids (SendMessageTraceHookImpl): leave batches out
const pending = new Set(
  readFileSync(sentFile!, 'utf8').split('\n').map((line) => line.split('\t')).filter((f) => f.length >= 4 && f[0] !== 'batch').map((f) => f[3]!),
);
const pool = sandboxPool();

async function traced(masters: string[], msgId: string): Promise<boolean> {
  const results = await Promise.all(masters.map((addr) => queryMessage(pool, addr, { topic: traceTopic, key: msgId })));
  return results.some((r) => r.messages.some((m) => decodeTraceBody(m.body).records.some((rec) => rec.type === 'Pub' && rec.msgId === msgId)));
}

while (pending.size > 0 && Date.now() < deadline) {
  const route = await getRouteInfoByTopic(pool, namesrv!, traceTopic);
  const masters = route.brokerDatas.map((b) => b.brokerAddrs.get(0)).filter((a): a is string => Boolean(a));
  for (const msgId of [...pending]) if (await traced(masters, msgId)) pending.delete(msgId);
  if (pending.size > 0) await new Promise((r) => setTimeout(r, 1000));
}
pool.close();
if (pending.size > 0) {
  console.error(`${pending.size} sent messages have no Pub trace record in ${traceTopic}: ${[...pending].slice(0, 5).join(', ')}${pending.size > 5 ? ', ...' : ''}`);
  process.exit(1);
}
