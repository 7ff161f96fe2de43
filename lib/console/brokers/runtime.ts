import { getBrokerRuntimeInfo, type BrokerRuntimeInfo } from '../../rocketmq/get-broker-runtime-info';
import type { BrokerNode } from '../core/admin';
import { BadInputError, NotFoundError } from '../core/errors';
import type { ClusterContext } from '../context';

export interface BrokerRuntime {
  addr: string;
  node: BrokerNode;
  /** Every key/value of the runtime table, as `mqadmin brokerStatus` prints them. */
  entries: BrokerRuntimeInfo;
  asOf: number;
}

/** Runtime table of one broker. Only addresses the namesrv lists are accepted: the console dials no other host. */
export async function getBrokerRuntime(ctx: ClusterContext, input: { addr: string }): Promise<BrokerRuntime> {
  const { admin } = ctx;
  const { addr } = input;
  if (!/^[A-Za-z0-9.\-[\]:]+:\d{1,5}$/.test(addr)) throw new BadInputError(`addr: "${addr}" is not a broker address (host:port)`, 'addr');
  const node = (await admin.brokerNodes()).find((n) => n.addr === addr);
  if (!node) throw new NotFoundError(`no broker at ${addr} is registered with the namesrv`, 'addr');
  const entries = await admin.onBroker(() => getBrokerRuntimeInfo(admin, addr, admin.config.requestTimeoutMs), node);
  return { addr, node, entries, asOf: Date.now() };
}
