import { getBrokerConfig } from '../../rocketmq/get-broker-config';
import { getBrokerRuntimeInfo, type BrokerRuntimeInfo } from '../../rocketmq/get-broker-runtime-info';
import { getTimerMetrics } from '../../rocketmq/get-timer-metrics';
import { getTopicStatsInfo, type QueueStats } from '../../rocketmq/get-topic-stats-info';
import { pullMessage } from '../../rocketmq/pull-message';
import type { AdminClient, BrokerNode } from '../core/admin';
import { DEFAULT_DELAY_LEVELS, parseDelayLevels } from '../core/delays';
import { fanOut, type BrokerFailure } from '../core/fanout';
import { SCHEDULE_TOPIC } from '../core/names';
import { isTopicNotExist, masters } from '../core/routes';
import type { ClusterContext } from '../context';

export interface DelayLevel {
  level: number;
  /** As the broker's messageDelayLevel spells it, e.g. 5s. */
  delay: string;
  delayMs: number;
  /**
   * Offsets in the level's queue of SCHEDULE_TOPIC_XXXX: up to `deliveredOffset` the broker has delivered to the real
   * topics, up to `maxOffset` it has stored. Absent: the level's queue has never held a message.
   */
  deliveredOffset?: number;
  maxOffset?: number;
  waiting: number;
  /** The next message of the level to be delivered: its real topic and when it is due. */
  next?: { realTopic: string; msgId: string; storedAt: number; dueAt: number };
}

/** 5.x timer wheel, from the broker's runtime figures and its timer metrics. */
export interface TimerWheel {
  /** Seconds the delivery out of the wheel lags behind now. */
  readBehindSeconds: number;
  /** Timer messages stored but not yet put into the wheel. */
  offsetBehind: number;
  /** Messages in the wheel from its current read time on. */
  congestion: number;
  enqueueTps: number;
  dequeueTps: number;
  /** Pending timer messages per real topic (GET_TIMER_METRICS). */
  topics: Array<{ topic: string; count: number; updatedAt: number }>;
}

export interface BrokerSchedule {
  brokerName: string;
  addr: string;
  levels: DelayLevel[];
  waiting: number;
  /** Absent on 4.x brokers, or when the wheel is off: `timerUnavailable` says which. */
  timer?: TimerWheel;
  timerUnavailable?: string;
}

export interface ScheduleOverview {
  brokers: BrokerSchedule[];
  failures: BrokerFailure[];
  asOf: number;
}

/**
 * Delayed messages on every master: per delay level its delay, how many messages wait and when the next is due;
 * on 5.x the timer wheel's progress and the pending timer messages per topic. A master that fails or is late is
 * named in `failures` (the others are still shown).
 */
export async function getScheduleOverview(ctx: ClusterContext): Promise<ScheduleOverview> {
  const { admin } = ctx;
  const nodes = masters(await admin.brokerNodes());
  const { results, failures } = await fanOut(nodes, (node) => brokerSchedule(admin, node), admin.config.fanOutDeadlineMs);
  return { brokers: results.map((r) => r.value), failures: failures.map((f) => f.failure), asOf: Date.now() };
}

async function brokerSchedule(admin: AdminClient, node: BrokerNode): Promise<BrokerSchedule> {
  const timeout = admin.config.requestTimeoutMs;
  const [config, runtime, queues] = await Promise.all([getBrokerConfig(admin, node.addr, timeout), getBrokerRuntimeInfo(admin, node.addr, timeout), scheduleQueues(admin, node.addr, timeout)]);
  const levels = parseDelayLevels(config.properties.messageDelayLevel ?? DEFAULT_DELAY_LEVELS).map((l) => withOffsets(l, runtime, queues.get(l.level - 1)));
  await Promise.all(levels.filter((l) => l.waiting > 0).map(async (l) => (l.next = await nextDue(admin, node.addr, l, timeout))));
  const out: BrokerSchedule = { brokerName: node.brokerName, addr: node.addr, levels, waiting: levels.reduce((n, l) => n + l.waiting, 0) };
  const metrics = await getTimerMetrics(admin, node.addr, timeout);
  if (metrics.kind === 'unsupported' || runtime.timerReadBehind === undefined) {
    out.timerUnavailable = metrics.kind === 'unsupported' ? metrics.reason : 'the broker reports no timer figures';
    return out;
  }
  out.timer = {
    readBehindSeconds: Number(runtime.timerReadBehind),
    offsetBehind: Number(runtime.timerOffsetBehind ?? 0),
    congestion: Number(runtime.timerCongestNum ?? 0),
    enqueueTps: Number(runtime.timerEnqueueTps ?? 0),
    dequeueTps: Number(runtime.timerDequeueTps ?? 0),
    topics: metrics.topics.filter((t) => t.count > 0),
  };
  return out;
}

/** The queues of SCHEDULE_TOPIC_XXXX on a broker by queueId; none when the broker has not created the topic yet. */
async function scheduleQueues(admin: AdminClient, addr: string, timeoutMs: number): Promise<Map<number, QueueStats>> {
  try {
    return new Map((await getTopicStatsInfo(admin, addr, SCHEDULE_TOPIC, timeoutMs)).map((q) => [q.queueId, q]));
  } catch (error) {
    if (isTopicNotExist(error)) return new Map();
    throw error;
  }
}

/**
 * The level's stored offset from its queue's stats and its delivered offset from scheduleMessageOffset_<L> =
 * "<delivered>,<max>" in the runtime figures. A 4.9 broker has no key for a level until it first delivers from it:
 * then nothing was delivered beyond the queue's min offset.
 */
function withOffsets(level: Pick<DelayLevel, 'level' | 'delay' | 'delayMs'>, runtime: BrokerRuntimeInfo, queue: QueueStats | undefined): DelayLevel {
  const value = runtime[`scheduleMessageOffset_${level.level}`];
  const max = queue?.maxOffset ?? Number(value?.split(',')[1] ?? Number.NaN);
  if (!Number.isFinite(max) || max === 0) return { ...level, waiting: 0 };
  const delivered = value !== undefined ? Number(value.split(',')[0]) : (queue?.minOffset ?? 0);
  return { ...level, deliveredOffset: delivered, maxOffset: max, waiting: Math.max(0, max - delivered) };
}

/** The level's next message: stored at `deliveredOffset` of queue L-1, due its store time plus the level's delay. */
async function nextDue(admin: AdminClient, addr: string, level: DelayLevel, timeoutMs: number): Promise<DelayLevel['next']> {
  try {
    const pulled = await pullMessage(admin, addr, { topic: SCHEDULE_TOPIC, queueId: level.level - 1, queueOffset: level.deliveredOffset!, maxMsgNums: 1 }, timeoutMs);
    const m = pulled.messages[0];
    if (!m) return undefined;
    return { realTopic: m.properties.REAL_TOPIC ?? m.topic, msgId: m.properties.UNIQ_KEY ?? m.msgId, storedAt: m.storeTimestamp, dueAt: m.storeTimestamp + level.delayMs };
  } catch {
    // the counts stand without it; the page shows no due time for this level
    return undefined;
  }
}
