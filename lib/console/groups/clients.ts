import { ResponseCode } from '../../rocketmq/codes';
import { getConsumerRunningInfo, RUNNING_INFO_TIMEOUT_MS, type ConsumerRunningInfo } from '../../rocketmq/get-consumer-running-info';
import { getTopicStatsInfo } from '../../rocketmq/get-topic-stats-info';
import { failureOf, fanOut, type BrokerFailure } from '../core/fanout';
import { checkGroupName } from '../core/names';
import { queueKey } from '../core/routes';
import type { ClusterContext } from '../context';
import { findConnection, groupBrokers } from './brokers';

export interface ClientView {
  clientId: string;
  /** Set when the client could not be asked. */
  error?: string;
  orderly?: boolean;
  messageModel?: string;
  version?: string;
  startedAt?: number;
  /** The client's own offset per queue, with the broker's max offset and the lag it implies. */
  queues: Array<{ topic: string; brokerName: string; queueId: number; clientOffset: number; brokerOffset?: number; lag?: number; cachedMsgCount: number }>;
  status: ConsumerRunningInfo['status'];
}

/**
 * What each online client reports about itself (GET_CONSUMER_RUNNING_INFO, relayed by a broker): its consume rates
 * and its own offsets. For a BROADCASTING group these are the only offsets there are.
 */
export async function getGroupClients(ctx: ClusterContext, input: { group: string }): Promise<{ group: string; clients: ClientView[]; failures: BrokerFailure[]; asOf: number }> {
  const { group } = input;
  checkGroupName(group);
  const { masters } = await groupBrokers(ctx, group);
  const found = await findConnection(group, masters, ctx.admin);
  if (!found) return { group, clients: [], failures: [], asOf: Date.now() };
  const { admin } = ctx;
  const infos = await Promise.all(
    found.connection.connections.map(async (c) => {
      try {
        return { clientId: c.clientId, info: await getConsumerRunningInfo(admin, found.node.addr, group, c.clientId, { timeoutMs: RUNNING_INFO_TIMEOUT_MS }) };
      } catch (error) {
        return { clientId: c.clientId, error: failureOf(found.node, error).error };
      }
    }),
  );
  // broker max offsets of every topic the clients hold queues of
  const topics = [...new Set(infos.flatMap((i) => ('info' in i && i.info ? i.info.queues.map((q) => q.topic) : [])))];
  const maxOffsets = new Map<string, number>();
  const failures: BrokerFailure[] = [];
  await Promise.all(
    topics.map(async (topic) => {
      const stats = await fanOut(masters, (m) => getTopicStatsInfo(admin, m.addr, topic, admin.config.requestTimeoutMs), admin.config.fanOutDeadlineMs);
      for (const r of stats.results) for (const q of r.value) maxOffsets.set(queueKey(q), q.maxOffset);
      // a master without the topic answers 17: not a failure of the page
      failures.push(...stats.failures.filter((f) => f.failure.code !== ResponseCode.TOPIC_NOT_EXIST).map((f) => f.failure));
    }),
  );
  const clients: ClientView[] = infos.map((i) => {
    if (!('info' in i) || !i.info) return { clientId: i.clientId, error: 'error' in i ? i.error : undefined, queues: [], status: [] };
    const p = i.info.properties;
    return {
      clientId: i.clientId,
      orderly: p.PROP_CONSUMEORDERLY === 'true',
      messageModel: p.messageModel,
      version: p.PROP_CLIENT_VERSION,
      startedAt: Number(p.PROP_CONSUMER_START_TIMESTAMP) || undefined,
      queues: i.info.queues.map((q) => {
        const brokerOffset = maxOffsets.get(queueKey(q));
        return {
          topic: q.topic,
          brokerName: q.brokerName,
          queueId: q.queueId,
          clientOffset: q.commitOffset,
          brokerOffset,
          lag: brokerOffset === undefined ? undefined : Math.max(0, brokerOffset - q.commitOffset),
          cachedMsgCount: q.cachedMsgCount,
        };
      }),
      status: i.info.status,
    };
  });
  return { group, clients, failures, asOf: Date.now() };
}

