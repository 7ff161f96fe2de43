/**
 * Waits until a topic holds at least N messages across the brokers of its route (sum of maxOffset): delayed and
 * timer messages reach their topic seconds after they were sent, and the tests need a settled sandbox.
 *   tsx wait-delivered.ts <namesrv> <topic> <N>   (timeout WAIT_TIMEOUT_S, default 60)
 */
import { sandboxPool } from './pool';
import { getRouteInfoByTopic } from '../../lib/rocketmq/get-route-info-by-topic';
import { getTopicStatsInfo } from '../../lib/rocketmq/get-topic-stats-info';

const [namesrv, topic, wanted] = process.argv.slice(2);
const deadline = Date.now() + Number(process.env.WAIT_TIMEOUT_S ?? 60) * 1000;
const pool = sandboxPool();
let held = 0;
while (Date.now() < deadline) {
  const route = await getRouteInfoByTopic(pool, namesrv!, topic!);
  const masters = route.brokerDatas.map((b) => b.brokerAddrs.get(0)).filter((a): a is string => Boolean(a));
  const stats = await Promise.all(masters.map((addr) => getTopicStatsInfo(pool, addr, topic!)));
  held = stats.flat().reduce((n, q) => n + q.maxOffset, 0);
  if (held >= Number(wanted)) {
    pool.close();
    process.exit(0);
  }
  await new Promise((r) => setTimeout(r, 500));
}
console.error(`${topic} holds ${held} messages, expected ${wanted}`);
pool.close();
process.exit(1);
