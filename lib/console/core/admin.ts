import { aclSigner, ConnectionPool, isRemotingError, type RemotingCommand, type RemotingRequest } from '../../remoting';
import { getBrokerClusterInfo, type ClusterInfo } from '../../rocketmq/get-broker-cluster-info';
import type { Invoker } from '../../rocketmq/invoke';
import type { ClusterConfig } from './config';
import { BrokerCallError } from './errors';

/** A broker process: brokerName + brokerId (0 = master) at an address. */
export interface BrokerNode {
  clusterName: string;
  brokerName: string;
  brokerId: number;
  addr: string;
}

/** Told about every remoting call when it ends: the metrics count calls without the client knowing them. */
export type CallObserver = (call: { addr: string; code: number; outcome: string; ms: number }) => void;

/**
 * The console's one long-lived client per cluster: the connection pool, namesrv failover, and a short-lived cache
 * of the cluster layout (every page needs it; the namesrv is asked at most once per CLUSTER_INFO_TTL_MS).
 */
export class AdminClient implements Invoker {
  readonly pool: ConnectionPool;
  private clusterInfo: { at: number; value: Promise<ClusterInfo> } | undefined;
  private preferredNamesrv = 0;
  /** Every broker process seen registered, with when: a broker that vanishes from the namesrv is reported, not forgotten. */
  private readonly seen = new Map<string, { node: BrokerNode; lastSeen: number }>();
  /** brokerNames each topic's route listed, so a topic page can name a broker that dropped out of its route. */
  private readonly routeBrokers = new Map<string, Set<string>>();

  constructor(
    readonly config: ClusterConfig,
    private readonly onCall?: CallObserver,
  ) {
    this.pool = new ConnectionPool({
      maxFrameBytes: config.maxFrameBytes,
      connectTimeoutMs: Math.min(3000, config.requestTimeoutMs),
      // a cluster with ACL: every request signed with its account, as the official clients do (namesrvs ignore it)
      ...(config.credentials ? { beforeRequest: aclSigner(config.credentials) } : {}),
    });
  }

  invoke(addr: string, request: RemotingRequest, options: { timeoutMs: number }): Promise<RemotingCommand> {
    const observe = this.onCall;
    if (!observe) return this.pool.invoke(addr, request, options);
    const started = performance.now();
    return this.pool.invoke(addr, request, options).then(
      (reply) => {
        observe({ addr, code: request.code, outcome: reply.code === 0 ? 'ok' : `code_${reply.code}`, ms: performance.now() - started });
        return reply;
      },
      (error: unknown) => {
        observe({ addr, code: request.code, outcome: isRemotingError(error) ? error.kind : 'error', ms: performance.now() - started });
        throw error;
      },
    );
  }

  /** Runs fn against the namesrvs in turn until one answers (a refused or late namesrv is skipped). */
  async namesrv<T>(fn: (addr: string) => Promise<T>): Promise<T> {
    const addrs = this.config.namesrvAddrs;
    let lastError: unknown;
    for (let i = 0; i < addrs.length; i++) {
      const index = (this.preferredNamesrv + i) % addrs.length;
      try {
        const value = await fn(addrs[index]!);
        this.preferredNamesrv = index;
        return value;
      } catch (error) {
        // only transport failures move on to the next namesrv; an answer (even an error code) is final
        if (!isRemotingError(error) || error.kind === 'response') throw error;
        lastError = error;
      }
    }
    throw isRemotingError(lastError) ? new BrokerCallError(lastError, 'namesrv') : lastError;
  }

  clusterInfoCached(maxAgeMs = CLUSTER_INFO_TTL_MS): Promise<ClusterInfo> {
    const now = Date.now();
    if (!this.clusterInfo || now - this.clusterInfo.at > maxAgeMs) {
      const value = this.namesrv((addr) => getBrokerClusterInfo(this, addr, this.config.requestTimeoutMs));
      this.clusterInfo = { at: now, value };
      value.catch(() => {
        if (this.clusterInfo?.value === value) this.clusterInfo = undefined;
      });
    }
    return this.clusterInfo.value;
  }

  /** Every broker process the namesrv knows, ordered by cluster, brokerName, brokerId. */
  async brokerNodes(maxAgeMs = CLUSTER_INFO_TTL_MS): Promise<BrokerNode[]> {
    const info = await this.clusterInfoCached(maxAgeMs);
    const nodes: BrokerNode[] = [];
    for (const [clusterName, brokerNames] of [...info.clusters].sort(([a], [b]) => a.localeCompare(b))) {
      for (const brokerName of brokerNames) {
        const data = info.brokers.get(brokerName);
        if (!data) continue;
        for (const [brokerId, addr] of data.brokerAddrs) nodes.push({ clusterName, brokerName, brokerId, addr });
      }
    }
    const now = Date.now();
    for (const node of nodes) this.seen.set(node.addr, { node, lastSeen: now });
    return nodes;
  }

  /**
   * Brokers that were registered earlier (within MISSING_RETENTION_MS) and are not now: stopped, crashed or cut
   * off. A namesrv forgets a broker as soon as its connection drops, so only the console can say it is gone.
   */
  async missingBrokers(maxAgeMs = CLUSTER_INFO_TTL_MS): Promise<Array<{ node: BrokerNode; lastSeen: number }>> {
    const current = new Set((await this.brokerNodes(maxAgeMs)).map((n) => n.addr));
    const now = Date.now();
    const missing: Array<{ node: BrokerNode; lastSeen: number }> = [];
    for (const [addr, entry] of this.seen) {
      if (current.has(addr)) continue;
      if (now - entry.lastSeen > MISSING_RETENTION_MS) this.seen.delete(addr);
      else missing.push(entry);
    }
    return missing.sort((a, b) => a.node.brokerName.localeCompare(b.node.brokerName) || a.node.brokerId - b.node.brokerId);
  }

  /**
   * Records the brokers of a topic's route and returns those that left it because the broker itself is gone
   * (a topic deleted from one broker on purpose is simply forgotten).
   */
  async droppedFromRoute(topic: string, brokerNames: string[]): Promise<Array<{ node: BrokerNode; lastSeen: number }>> {
    const before = this.routeBrokers.get(topic) ?? new Set<string>();
    const dropped = [...before].filter((b) => !brokerNames.includes(b));
    // the route is fresh and the cached layout may not be: when a broker left the route, ask the namesrv again
    const missing = dropped.length > 0 ? await this.missingBrokers(0) : [];
    const gone = dropped.flatMap((brokerName) => {
      const entries = missing.filter((m) => m.node.brokerName === brokerName);
      const master = entries.find((m) => m.node.brokerId === 0) ?? entries[0];
      return master ? [master] : [];
    });
    this.routeBrokers.set(topic, new Set([...brokerNames, ...gone.map((g) => g.node.brokerName)]));
    return gone;
  }

  /** One node per broker group to read from: the master, or any replica when the master is gone. */
  async readableBrokers(): Promise<BrokerNode[]> {
    const byName = new Map<string, BrokerNode>();
    for (const node of await this.brokerNodes()) {
      const current = byName.get(node.brokerName);
      if (!current || node.brokerId === 0) byName.set(node.brokerName, node);
    }
    return [...byName.values()];
  }

  /** Runs one call to a broker; a transport failure becomes a BrokerCallError naming the broker. */
  async onBroker<T>(fn: () => Promise<T>, node: { brokerName: string }): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (isRemotingError(error)) throw new BrokerCallError(error, node.brokerName);
      throw error;
    }
  }

  close(): void {
    this.pool.close();
  }
}

const CLUSTER_INFO_TTL_MS = 5000;
const MISSING_RETENTION_MS = 30 * 60 * 1000;
