import { getBrokerConfig } from '../../rocketmq/get-broker-config';
import { getBrokerHaStatus, type HaStatusResult } from '../../rocketmq/get-broker-ha-status';
import { getBrokerRuntimeInfo } from '../../rocketmq/get-broker-runtime-info';
import { viewMessageById } from '../../rocketmq/view-message-by-id';
import type { AdminClient, BrokerNode } from '../core/admin';
import { describeFailure } from '../core/errors';
import type { ClusterContext } from '../context';

export interface ReplicaView {
  brokerId: number;
  addr: string;
  role: 'master' | 'slave';
  commitLogMaxOffset?: number;
  /** Slaves: commit-log bytes the master has and this slave has not (5.x: the master's own figure for it). */
  behindBytes?: number;
  /** Slaves: how old the oldest message it lacks is (0 when it has everything). */
  behindMs?: number;
  /** Slaves: within haMaxGapNotInSync of the master (5.x, as the master judges); undefined on 4.x. */
  inSync?: boolean;
  /** Where the figures come from: the master's HA status (5.x) or the two brokers' commit-log offsets (4.x). */
  source?: 'ha-status' | 'offsets';
  /** As the broker reports it (brokerVersionDesc), e.g. V5_5_0. */
  version?: string;
  error?: string;
}

export interface BrokerGroupHa {
  clusterName: string;
  brokerName: string;
  /** No master is registered: it is stopped, crashed or cut off (5.x controller mode elects another). */
  masterDown: boolean;
  /** The console saw the master at this address, until this time. */
  lastSeenMaster?: { addr: string; lastSeen: number };
  replicas: ReplicaView[];
  /** The node reads of this broker group go to: the master, else a slave. */
  readsFrom?: string;
  controllerMode?: boolean;
  /** What cannot be done while the master is down. */
  unavailable: string[];
}

export interface HaOverview {
  groups: BrokerGroupHa[];
  asOf: number;
}

const WHILE_MASTER_DOWN = [
  'sending to its queues (producers move to the other masters)',
  'committing consumer offsets and resetting them: consumers read from the slave, their progress is kept locally until the master is back',
  'creating, changing or deleting topics and groups on it',
  'changing its configuration',
  'redelivering failed messages through it (retries need a master)',
];

// observed on 5.5.0: a slave answers GET_ALL_CONSUMER_OFFSET and GET_CONSUME_STATS with nothing (a 4.9 slave
// keeps a copy it syncs from its master), so lag on this broker group is unknown until the master is back
const FIVE_X_SLAVE_LAG = 'reading consumer lag on its queues: a 5.x slave keeps no consumer offsets (mqadmin consumerProgress prints 0 for them)';

/** Each broker group's master and slaves: how far behind each slave is, in bytes and in time, and what a missing master means. */
export async function getHaOverview(ctx: ClusterContext): Promise<HaOverview> {
  const { admin } = ctx;
  const info = await admin.clusterInfoCached(0);
  const nodes = await admin.brokerNodes();
  const missing = await admin.missingBrokers();
  const names = [...new Set([...nodes.map((n) => n.brokerName), ...missing.map((m) => m.node.brokerName)])].sort();
  const groups = await Promise.all(
    names.map(async (brokerName): Promise<BrokerGroupHa> => {
      const members = nodes.filter((n) => n.brokerName === brokerName).sort((a, b) => a.brokerId - b.brokerId);
      const master = members.find((n) => n.brokerId === 0);
      const clusterName = members[0]?.clusterName ?? [...info.clusters].find(([, bs]) => bs.includes(brokerName))?.[0] ?? missing.find((m) => m.node.brokerName === brokerName)!.node.clusterName;
      const seen = missing.find((m) => m.node.brokerName === brokerName && m.node.brokerId === 0);
      const replicas = await replicaViews(admin, master, members);
      const controllerMode = await (master ?? members[0]
        ? getBrokerConfig(admin, (master ?? members[0])!.addr, admin.config.requestTimeoutMs).then((c) => c.properties.enableControllerMode === 'true', () => undefined)
        : Promise.resolve(undefined));
      return {
        clusterName,
        brokerName,
        masterDown: !master,
        lastSeenMaster: !master && seen ? { addr: seen.node.addr, lastSeen: seen.lastSeen } : undefined,
        replicas,
        readsFrom: (master ?? members[0])?.addr,
        controllerMode,
        unavailable: master ? [] : [...WHILE_MASTER_DOWN, ...(replicas.some((r) => r.version?.startsWith('V4_')) || replicas.length === 0 ? [] : [FIVE_X_SLAVE_LAG])],
      };
    }),
  );
  return { groups, asOf: Date.now() };
}

async function replicaViews(admin: AdminClient, master: BrokerNode | undefined, members: BrokerNode[]): Promise<ReplicaView[]> {
  const timeout = admin.config.requestTimeoutMs;
  const offsets = new Map<string, number | string>();
  const versions = new Map<string, string | undefined>();
  await Promise.all(
    members.map(async (n) => {
      try {
        const runtime = await getBrokerRuntimeInfo(admin, n.addr, timeout);
        offsets.set(n.addr, Number(runtime.commitLogMaxOffset));
        versions.set(n.addr, runtime.brokerVersionDesc);
      } catch (error) {
        offsets.set(n.addr, describeFailure(error, n.brokerName));
      }
    }),
  );
  const ha: HaStatusResult | undefined = master ? await getBrokerHaStatus(admin, master.addr, timeout).catch(() => undefined) : undefined;
  const masterMax = master ? offsets.get(master.addr) : undefined;
  return Promise.all(
    members.map(async (n): Promise<ReplicaView> => {
      const max = offsets.get(n.addr) ?? 'no answer';
      const base: ReplicaView = { brokerId: n.brokerId, addr: n.addr, role: n.brokerId === 0 ? 'master' : 'slave', version: versions.get(n.addr) };
      if (typeof max === 'string') return { ...base, error: max };
      if (n.brokerId === 0 || typeof masterMax !== 'number') return { ...base, commitLogMaxOffset: max };
      // 5.x: the master's view of this slave. Its HA connection is on another port, so it is matched by the offset the
      // slave reports having (one slave per master in the usual setup; with several the closest ack is taken)
      const connection = ha?.kind === 'status' ? [...ha.slaves].sort((x, y) => Math.abs(x.slaveAckOffset - max) - Math.abs(y.slaveAckOffset - max))[0] : undefined;
      const behindBytes = connection ? connection.diff : Math.max(0, masterMax - max);
      return {
        ...base,
        commitLogMaxOffset: max,
        behindBytes,
        behindMs: await behindTime(admin, master!, max, masterMax),
        inSync: connection?.inSync,
        source: connection ? 'ha-status' : 'offsets',
      };
    }),
  );
}

/** How old the first message the slave lacks is: read at the slave's max offset on the master. */
async function behindTime(admin: AdminClient, master: BrokerNode, slaveMax: number, masterMax: number): Promise<number | undefined> {
  if (slaveMax >= masterMax) return 0;
  const found = await viewMessageById(admin, master.addr, slaveMax, undefined, admin.config.requestTimeoutMs).catch(() => undefined);
  return found?.found ? Math.max(0, Date.now() - found.message.storeTimestamp) : undefined;
}
