import { missingText } from '../core/routes';
import { getBrokerRuntimeInfo, firstTps, type BrokerRuntimeInfo } from '../../rocketmq/get-broker-runtime-info';
import type { BrokerNode } from '../core/admin';
import type { ClusterContext } from '../context';
import { fanOut, type BrokerFailure } from '../core/fanout';

/** One row of the cluster overview: what `mqadmin clusterList` (and -m) prints, from GET_BROKER_RUNTIME_INFO. */
export interface BrokerSummary {
  clusterName: string;
  brokerName: string;
  brokerId: number;
  addr: string;
  role: 'MASTER' | 'SLAVE';
  version?: string;
  /** putTps, first (10 s) window: mqadmin's #InTPS. */
  inTps?: number;
  /** getTransferredTps (getTransferedTps on 4.x), first window: mqadmin's #OutTPS. */
  outTps?: number;
  /** commitLogDiskRatio: mqadmin's #SPACE. */
  diskRatio?: number;
  putToday?: number;
  getToday?: number;
  putYesterday?: number;
  getYesterday?: number;
  /** Store time of the oldest message (mqadmin's #Hour is the age of it), or undefined on an empty broker. */
  earliestMessageTimestamp?: number;
  pageCacheLockTimeMills?: number;
  sendThreadPoolQueueSize?: number;
  pullThreadPoolQueueSize?: number;
  commitLogMaxOffset?: number;
  /** 5.x: whether the broker serves (false on slaves unless acting master). */
  activated?: boolean;
  bootTimestamp?: number;
  /** Set when this broker did not answer: the row stays, without figures. */
  error?: string;
  /** The namesrv no longer lists this broker, though the console saw it registered earlier. */
  missing?: boolean;
}


export interface ClusterOverview {
  clusters: Array<{ clusterName: string; brokers: BrokerSummary[] }>;
  failures: BrokerFailure[];
  asOf: number;
}

/** Every broker the namesrv knows with its runtime figures (= mqadmin clusterList); late brokers are named. */
export async function getClusterOverview(ctx: ClusterContext): Promise<ClusterOverview> {
  const { admin } = ctx;
  const nodes = await admin.brokerNodes();
  const missing = await admin.missingBrokers();
  const { results, failures } = await fanOut(
    nodes,
    (node) => getBrokerRuntimeInfo(admin, node.addr, admin.config.requestTimeoutMs),
    admin.config.fanOutDeadlineMs,
  );
  const runtime = new Map(results.map((r) => [r.target, r.value]));
  const failed = new Map(failures.map((f) => [f.target, f.failure.error]));
  const clusters = new Map<string, BrokerSummary[]>();
  for (const node of nodes) {
    const row = summarize(node, runtime.get(node));
    if (failed.has(node)) row.error = failed.get(node);
    const list = clusters.get(node.clusterName) ?? [];
    list.push(row);
    clusters.set(node.clusterName, list);
  }
  const gone: BrokerFailure[] = [];
  for (const { node, lastSeen } of missing) {
    const error = missingText(lastSeen);
    const list = clusters.get(node.clusterName) ?? [];
    list.push({ ...summarize(node, undefined), error, missing: true });
    clusters.set(node.clusterName, list);
    gone.push({ brokerName: node.brokerName, addr: node.addr, error });
  }
  for (const list of clusters.values()) list.sort((a, b) => a.brokerName.localeCompare(b.brokerName) || a.brokerId - b.brokerId);
  return {
    clusters: [...clusters].map(([clusterName, brokers]) => ({ clusterName, brokers })),
    failures: [...failures.map((f) => f.failure), ...gone],
    asOf: Date.now(),
  };
}

export function summarize(node: BrokerNode, kv: BrokerRuntimeInfo | undefined): BrokerSummary {
  const row: BrokerSummary = { ...node, role: node.brokerId === 0 ? 'MASTER' : 'SLAVE' };
  if (!kv) return row;
  const num = (key: string): number | undefined => {
    const v = kv[key];
    if (v === undefined || v.trim() === '') return undefined;
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  };
  const diff = (a: string, b: string): number | undefined => {
    const x = num(a);
    const y = num(b);
    return x === undefined || y === undefined ? undefined : x - y;
  };
  const earliest = num('earliestMessageTimeStamp');
  row.version = kv.brokerVersionDesc;
  row.inTps = firstTps(kv.putTps);
  row.outTps = firstTps(kv.getTransferredTps ?? kv.getTransferedTps);
  row.diskRatio = num('commitLogDiskRatio');
  row.putToday = diff('msgPutTotalTodayNow', 'msgPutTotalTodayMorning');
  row.getToday = diff('msgGetTotalTodayNow', 'msgGetTotalTodayMorning');
  row.putYesterday = diff('msgPutTotalTodayMorning', 'msgPutTotalYesterdayMorning');
  row.getYesterday = diff('msgGetTotalTodayMorning', 'msgGetTotalYesterdayMorning');
  row.earliestMessageTimestamp = earliest !== undefined && earliest > 0 ? earliest : undefined;
  row.pageCacheLockTimeMills = num('pageCacheLockTimeMills');
  row.sendThreadPoolQueueSize = num('sendThreadPoolQueueSize');
  row.pullThreadPoolQueueSize = num('pullThreadPoolQueueSize');
  row.commitLogMaxOffset = num('commitLogMaxOffset');
  row.bootTimestamp = num('bootTimestamp');
  if (kv.brokerActive !== undefined) row.activated = kv.brokerActive === 'true';
  return row;
}
