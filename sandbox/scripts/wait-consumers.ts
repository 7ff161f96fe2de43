/**
 * Waits until consumer groups are online (GET_CONSUMER_CONNECTION_LIST answers on a master) and, for clustering
 * groups, have consumed everything (no lag), so tests start from a settled state.
 *   tsx wait-consumers.ts <namesrv> <group>[:caught-up] ...   (timeout WAIT_TIMEOUT_S, default 90)
 */
import { sandboxPool } from './pool';
import { getBrokerClusterInfo } from '../../lib/rocketmq/get-broker-cluster-info';
import { getConsumeStats } from '../../lib/rocketmq/get-consume-stats';
import { getConsumerConnectionList } from '../../lib/rocketmq/get-consumer-connection-list';

const [namesrv, ...specs] = process.argv.slice(2);
const deadline = Date.now() + Number(process.env.WAIT_TIMEOUT_S ?? 90) * 1000;
const pool = sandboxPool({ retryAfterFailureMs: 0 });
let waitingFor = '';
while (Date.now() < deadline) {
  const info = await getBrokerClusterInfo(pool, namesrv!);
  const masters = [...info.brokers.values()].map((b) => b.brokerAddrs.get(0)).filter((a): a is string => Boolean(a));
  waitingFor = '';
  for (const spec of specs) {
    const [group, caughtUp] = spec.split(':') as [string, string | undefined];
    const online = (await Promise.all(masters.map((m) => getConsumerConnectionList(pool, m, group)))).every((c) => c && c.connections.length > 0);
    if (!online) { waitingFor = `${group} online`; break; }
    if (caughtUp) {
      const stats = await Promise.all(masters.map((m) => getConsumeStats(pool, m, group)));
      const lag = stats.flatMap((s) => s.queues).reduce((n, q) => n + q.brokerOffset - q.consumerOffset, 0);
      const queues = stats.flatMap((s) => s.queues).length;
      if (lag > 0 || queues === 0) { waitingFor = `${group} to catch up (lag ${lag}, ${queues} queues)`; break; }
    }
  }
  if (!waitingFor) { pool.close(); process.exit(0); }
  await new Promise((r) => setTimeout(r, 500));
}
console.error(`still waiting for ${waitingFor}`);
pool.close();
process.exit(1);
