import { getBrokerConfig } from '../../rocketmq/get-broker-config';
import { getBrokerRuntimeInfo, type BrokerRuntimeInfo } from '../../rocketmq/get-broker-runtime-info';
import { viewMessageById } from '../../rocketmq/view-message-by-id';
import type { AdminClient, BrokerNode } from '../core/admin';
import { fanOut, type BrokerFailure } from '../core/fanout';
import type { ClusterContext } from '../context';

export interface LatencyBucket {
  /** As the broker names it: "<=0ms", "0~10ms", ..., "10s~". */
  range: string;
  count: number;
}

export interface BrokerStorage {
  brokerName: string;
  brokerId: number;
  addr: string;
  /** Fractions 0..1 of the disks holding the commit log and the consume queues (the broker's own figures). */
  commitLogDiskRatio?: number;
  consumeQueueDiskRatio?: number;
  /** "Total : 252.0 GiB, Free : 73.3 GiB." as the broker reports the commit-log disk. */
  diskCapacity?: string;
  /** Bytes of commit log kept: max - min physical offset. */
  commitLogBytes?: number;
  commitLogMinOffset?: number;
  commitLogMaxOffset?: number;
  /** Store time of the oldest message in the commit log: nothing older can be read or reset to. */
  earliestMessageTime?: number;
  /** Commit-log bytes not yet dispatched to the consume queues and index (consumers cannot see them yet). */
  dispatchBehindBytes?: number;
  /** Put latencies since the broker started (putMessageDistributeTime); undefined before a broker reports them. */
  putLatency?: LatencyBucket[];
  /** Retention and the disk limits of the broker's store configuration. */
  fileReservedHours?: number;
  deleteWhen?: string;
  /** Percent: above it the broker deletes the oldest files whatever their age. */
  diskMaxUsedSpaceRatio?: number;
  /** Fractions: above cleanForcibly the broker deletes files early; above warning it refuses new messages. */
  diskSpaceCleanForciblyRatio?: number;
  diskSpaceWarningLevelRatio?: number;
  warnings: string[];
}

export interface StorageOverview {
  brokers: BrokerStorage[];
  failures: BrokerFailure[];
  asOf: number;
}

/** Disk use, retention and the retroactive window of every broker process (masters and slaves). */
export async function getStorageOverview(ctx: ClusterContext): Promise<StorageOverview> {
  const { admin } = ctx;
  const nodes = await admin.brokerNodes();
  const { results, failures } = await fanOut(nodes, (node) => brokerStorage(admin, node), admin.config.fanOutDeadlineMs);
  const brokers = results.map((r) => r.value).sort((a, b) => (a.brokerName < b.brokerName ? -1 : a.brokerName > b.brokerName ? 1 : a.brokerId - b.brokerId));
  return { brokers, failures: failures.map((f) => f.failure), asOf: Date.now() };
}

const num = (v: string | undefined): number | undefined => {
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
};

/** "[<=0ms]:3 [0~10ms]:1 ..." -> buckets; "null" (a 4.9 broker before its first put) -> undefined. */
export function parsePutLatency(text: string | undefined): LatencyBucket[] | undefined {
  if (!text || !text.includes('[')) return undefined;
  return [...text.matchAll(/\[([^\]]+)\]:(\d+)/g)].map((m) => ({ range: m[1]!, count: Number(m[2]) }));
}

async function brokerStorage(admin: AdminClient, node: BrokerNode): Promise<BrokerStorage> {
  const timeout = admin.config.requestTimeoutMs;
  const [runtime, config] = await Promise.all([getBrokerRuntimeInfo(admin, node.addr, timeout), getBrokerConfig(admin, node.addr, timeout)]);
  const p = config.properties;
  const min = num(runtime.commitLogMinOffset);
  const max = num(runtime.commitLogMaxOffset);
  const out: BrokerStorage = {
    brokerName: node.brokerName,
    brokerId: node.brokerId,
    addr: node.addr,
    commitLogDiskRatio: num(runtime.commitLogDiskRatio),
    consumeQueueDiskRatio: num(runtime.consumeQueueDiskRatio),
    diskCapacity: runtime.commitLogDirCapacity,
    commitLogBytes: min !== undefined && max !== undefined ? max - min : undefined,
    commitLogMinOffset: min,
    commitLogMaxOffset: max,
    earliestMessageTime: await earliestMessageTime(admin, node, runtime, min, max),
    dispatchBehindBytes: num(runtime.dispatchBehindBytes),
    putLatency: parsePutLatency(runtime.putMessageDistributeTime),
    fileReservedHours: num(p.fileReservedTime),
    deleteWhen: p.deleteWhen,
    diskMaxUsedSpaceRatio: num(p.diskMaxUsedSpaceRatio),
    diskSpaceCleanForciblyRatio: num(p.diskSpaceCleanForciblyRatio) !== undefined ? num(p.diskSpaceCleanForciblyRatio)! / 100 : undefined,
    diskSpaceWarningLevelRatio: num(p.diskSpaceWarningLevelRatio) !== undefined ? num(p.diskSpaceWarningLevelRatio)! / 100 : undefined,
    warnings: [],
  };
  out.warnings = storageWarnings(out);
  return out;
}

/**
 * The broker's earliestMessageTimeStamp, or (4.9 reports -1) the store time of the message at the commit log's
 * minimum offset, read there.
 */
async function earliestMessageTime(admin: AdminClient, node: BrokerNode, runtime: BrokerRuntimeInfo, min: number | undefined, max: number | undefined): Promise<number | undefined> {
  const reported = num(runtime.earliestMessageTimeStamp);
  if (reported !== undefined && reported > 0) return reported;
  if (min === undefined || max === undefined || max <= min) return undefined;
  const found = await viewMessageById(admin, node.addr, min, undefined, admin.config.requestTimeoutMs).catch(() => undefined);
  return found?.found ? found.message.storeTimestamp : undefined;
}

export function storageWarnings(s: BrokerStorage): string[] {
  const ratio = Math.max(s.commitLogDiskRatio ?? 0, s.consumeQueueDiskRatio ?? 0);
  const pct = (r: number) => `${Math.round(r * 100)}%`;
  const out: string[] = [];
  if (s.diskSpaceWarningLevelRatio !== undefined && ratio >= s.diskSpaceWarningLevelRatio) {
    out.push(`disk ${pct(ratio)} full, above diskSpaceWarningLevelRatio ${pct(s.diskSpaceWarningLevelRatio)}: the broker refuses new messages`);
  } else if (s.diskSpaceCleanForciblyRatio !== undefined && ratio >= s.diskSpaceCleanForciblyRatio) {
    out.push(`disk ${pct(ratio)} full, above diskSpaceCleanForciblyRatio ${pct(s.diskSpaceCleanForciblyRatio)}: the broker deletes the oldest files now, before fileReservedTime`);
  } else if (s.diskMaxUsedSpaceRatio !== undefined && ratio * 100 >= s.diskMaxUsedSpaceRatio) {
    out.push(`disk ${pct(ratio)} full, above diskMaxUsedSpaceRatio ${s.diskMaxUsedSpaceRatio}%: the broker deletes the oldest files whatever their age, shortening the retroactive window`);
  }
  if (s.dispatchBehindBytes !== undefined && s.dispatchBehindBytes > 16 * 1024 * 1024) {
    out.push(`${s.dispatchBehindBytes} commit-log bytes not yet dispatched: consumers do not see the newest messages yet`);
  }
  return out;
}
