import { isRemotingError } from '../../remoting';
import { getConsumerConnectionList } from '../../rocketmq/get-consumer-connection-list';
import { versionDesc } from '../../rocketmq/mq-version';
import type { AdminClient } from '../core/admin';
import { masters } from '../core/routes';
import { describeFailure } from '../core/errors';
import { fanOut, type BrokerFailure } from '../core/fanout';
import type { ClusterContext } from '../context';

/** Each cluster-mode proxy runs a broadcasting consumer of this group, so the brokers list every proxy as its client. */
export const PROXY_SYNCER_GROUP = 'CID_DefaultHeartBeatSyncerTopic';
const DEFAULT_PROXY_REMOTING_PORT = 8080;

export interface ProxyRow {
  /** The proxy's remoting address (where the console asks it about its clients). */
  addr: string;
  /** configured: named in the clusters file; discovered: seen by the brokers as a heartbeat-syncer client. */
  source: 'configured' | 'discovered' | 'both';
  /** The proxy's RocketMQ version as its syncer client reports it. */
  version?: string;
  /** Whether its remoting port answered (any answer counts). */
  reachable: boolean;
  error?: string;
}

export interface ProxyList {
  proxies: ProxyRow[];
  notes: string[];
  failures: BrokerFailure[];
  asOf: number;
}

const hostOf = (addr: string) => addr.slice(0, addr.lastIndexOf(':'));

/** Proxies named in the clusters file and those the brokers see (remoting address, where from, version); no probe. */
async function knownProxies(ctx: ClusterContext): Promise<{ rows: ProxyRow[]; failures: BrokerFailure[] }> {
  const { admin } = ctx;
  const timeout = admin.config.requestTimeoutMs;
  const targets = masters(await admin.brokerNodes());
  const { results, failures } = await fanOut(targets, (node) => getConsumerConnectionList(admin, node.addr, PROXY_SYNCER_GROUP, timeout), admin.config.fanOutDeadlineMs);
  const seen = new Map<string, string>();
  for (const r of results) for (const c of r.value?.connections ?? []) seen.set(hostOf(c.clientAddr), versionDesc(c.version));
  const rows = new Map<string, ProxyRow>();
  for (const addr of admin.config.proxies ?? []) rows.set(addr, { addr, source: 'configured', reachable: false });
  for (const [host, version] of seen) {
    const match = [...rows.values()].find((r) => hostOf(r.addr) === host);
    if (match) Object.assign(match, { source: 'both', version });
    else {
      const addr = `${host}:${admin.config.proxyRemotingPort ?? DEFAULT_PROXY_REMOTING_PORT}`;
      rows.set(addr, { addr, source: 'discovered', version, reachable: false });
    }
  }
  return { rows: [...rows.values()].sort((a, b) => a.addr.localeCompare(b.addr)), failures: failures.map((f) => f.failure) };
}

/** Proxies named in the clusters file and those the brokers see, with whether each answers on its remoting port. */
export async function listProxies(ctx: ClusterContext): Promise<ProxyList> {
  const { rows: proxies, failures } = await knownProxies(ctx);
  await Promise.all(proxies.map(async (row) => Object.assign(row, await probe(ctx.admin, row.addr))));
  return {
    proxies,
    notes: proxies.length === 0 ? ['no proxy: none is named in the clusters file, and no broker lists a heartbeat-syncer client (cluster-mode proxies of RocketMQ 5.x run one)'] : [],
    failures,
    asOf: Date.now(),
  };
}

/** A proxy answers its remoting port: any answer, even "not online", means it is there. */
async function probe(admin: AdminClient, addr: string): Promise<{ reachable: boolean; error?: string }> {
  try {
    await getConsumerConnectionList(admin, addr, PROXY_SYNCER_GROUP, Math.min(2000, admin.config.requestTimeoutMs));
    return { reachable: true };
  } catch (error) {
    if (isRemotingError(error) && error.kind === 'response') return { reachable: true };
    return { reachable: false, error: describeFailure(error) };
  }
}

export interface ProxyConnections {
  proxy: string;
  connection: NonNullable<Awaited<ReturnType<typeof getConsumerConnectionList>>>;
}

/**
 * A group's clients as the proxies see them (gRPC clients of a cluster-mode proxy heartbeat only to it, so the
 * brokers call the group not online). Each proxy answers for all of them (they share heartbeats); one that does
 * not answer is passed over.
 */
export async function groupConnectionsViaProxies(ctx: ClusterContext, group: string): Promise<ProxyConnections[]> {
  return (await groupsConnectionsViaProxies(ctx, [group])).get(group) ?? [];
}

/** The same for several groups, the proxies discovered once (a message page asks it of every group the brokers call offline). */
export async function groupsConnectionsViaProxies(ctx: ClusterContext, groups: string[]): Promise<Map<string, ProxyConnections[]>> {
  const out = new Map<string, ProxyConnections[]>();
  if (groups.length === 0) return out;
  // the question itself tells whether a proxy answers: no separate probe first
  const { rows } = await knownProxies(ctx);
  await Promise.all(
    groups.map(async (group) => {
      const found: ProxyConnections[] = [];
      for (const p of rows) {
        const connection = await getConsumerConnectionList(ctx.admin, p.addr, group, ctx.admin.config.requestTimeoutMs).catch(() => undefined);
        if (connection && connection.connections.length > 0) found.push({ proxy: p.addr, connection });
      }
      out.set(group, found);
    }),
  );
  return out;
}
