import { getAllProducerInfo, type ProducerInfo } from '../../rocketmq/get-all-producer-info';
import { versionDesc } from '../../rocketmq/mq-version';
import { fanOut, type BrokerFailure } from '../core/fanout';
import { masters } from '../core/routes';
import type { ClusterContext } from '../context';

/** One channel of a client to a master: a client has one per master it heartbeats to (the masters of its topics). */
export interface ProducerConnection {
  brokerName: string;
  /** host:port as the broker sees the channel. */
  remoteAddr: string;
  lastHeartbeat: number;
}

export interface ProducerClient {
  clientId: string;
  language: string;
  /** V5_5_0, as mqadmin prints it. */
  version: string;
  /**
   * Its channels, by master. Processes on one host with the same instance name share a clientId (the Java client's
   * trace producers do), so one clientId can have several channels to a master: each is listed.
   */
  connections: ProducerConnection[];
  lastHeartbeat: number;
}

export interface ProducerGroup {
  group: string;
  /** Client-internal groups: CLIENT_INNER_PRODUCER (every Java client instance), trace producers. */
  inner: boolean;
  clients: ProducerClient[];
}

export interface ProducerList {
  groups: ProducerGroup[];
  /** Masters that cannot list producers (older than 4.9.4), with why. */
  unsupported: Array<{ brokerName: string; reason: string }>;
  failures: BrokerFailure[];
  asOf: number;
}

/** RocketMQ's client-internal producer groups: shown apart, they are not an application's. */
export function isInnerProducerGroup(group: string): boolean {
  return group === 'CLIENT_INNER_PRODUCER' || group.startsWith('_INNER_TRACE_PRODUCER') || group === 'TOOLS_CONSUMER' || group.startsWith('PID_RMQ_SYS_');
}

/**
 * Every producer group connected to the cluster's masters (GET_ALL_PRODUCER_INFO), merged over the masters: a
 * producer heartbeats only to the masters of the topics it sends to, so one broker alone does not see them all.
 * Brokers do not record which topics a producer sends to.
 */
export async function listProducers(ctx: ClusterContext): Promise<ProducerList> {
  const { admin } = ctx;
  const nodes = masters(await admin.brokerNodes());
  const { results, failures } = await fanOut(nodes, (n) => getAllProducerInfo(admin, n.addr, admin.config.requestTimeoutMs), admin.config.fanOutDeadlineMs);
  const groups = new Map<string, Map<string, ProducerClient>>();
  const unsupported: ProducerList['unsupported'] = [];
  for (const { target, value } of results) {
    if (value.kind === 'unsupported') {
      unsupported.push({ brokerName: target.brokerName, reason: value.reason });
      continue;
    }
    for (const [group, producers] of value.groups) {
      const clients = groups.get(group) ?? new Map<string, ProducerClient>();
      for (const p of producers) addChannel(clients, target.brokerName, p);
      groups.set(group, clients);
    }
  }
  return {
    groups: [...groups]
      .map(([group, clients]): ProducerGroup => ({ group, inner: isInnerProducerGroup(group), clients: [...clients.values()].sort((a, b) => (a.clientId < b.clientId ? -1 : 1)) }))
      .sort((a, b) => Number(a.inner) - Number(b.inner) || (a.group < b.group ? -1 : 1)),
    unsupported,
    failures: failures.map((f) => f.failure),
    asOf: Date.now(),
  };
}

function addChannel(clients: Map<string, ProducerClient>, brokerName: string, p: ProducerInfo): void {
  const client = clients.get(p.clientId) ?? { clientId: p.clientId, language: p.language, version: versionDesc(p.version), connections: [], lastHeartbeat: 0 };
  client.connections.push({ brokerName, remoteAddr: p.remoteAddr, lastHeartbeat: p.lastUpdateTimestamp });
  client.connections.sort((a, b) => (a.brokerName < b.brokerName ? -1 : a.brokerName > b.brokerName ? 1 : a.remoteAddr < b.remoteAddr ? -1 : 1));
  client.lastHeartbeat = Math.max(client.lastHeartbeat, p.lastUpdateTimestamp);
  clients.set(p.clientId, client);
}
