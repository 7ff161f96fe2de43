/**
 * Waits until the namesrv lists every sandbox broker: "boot success" is printed before a 5.x broker's first
 * registration reaches the namesrv, and a topic created in that gap lands on fewer brokers.
 *   tsx wait-brokers.ts <namesrv> <addr> [addr...]   (timeout WAIT_TIMEOUT_S, default 60)
 */
import { sandboxPool } from './pool';
import { getBrokerClusterInfo } from '../../lib/rocketmq/get-broker-cluster-info';

const [namesrv, ...expected] = process.argv.slice(2);
const deadline = Date.now() + Number(process.env.WAIT_TIMEOUT_S ?? 60) * 1000;
const pool = sandboxPool({ retryAfterFailureMs: 0 });
let registered: string[] = [];
while (Date.now() < deadline) {
  try {
    const info = await getBrokerClusterInfo(pool, namesrv!, 2000);
    registered = [...info.brokers.values()].flatMap((b) => [...b.brokerAddrs.values()]);
    if (expected.every((a) => registered.includes(a))) {
      pool.close();
      process.exit(0);
    }
  } catch {
    // namesrv not answering yet
  }
  await new Promise((r) => setTimeout(r, 300));
}
console.error(`namesrv ${namesrv} lists ${registered.join(', ') || 'no broker'}; expected ${expected.join(', ')}`);
pool.close();
process.exit(1);
