import { RemotingResponseError } from '../../remoting';
import { getConsumerConnectionList } from '../../rocketmq/get-consumer-connection-list';
import { queryConsumerOffset } from '../../rocketmq/query-consumer-offset';
import { queryTopicConsumeByWho } from '../../rocketmq/query-topic-consume-by-who';
import type { AdminClient } from '../core/admin';
import { fanOut, type BrokerFailure } from '../core/fanout';
import type { MessageView } from './model';
import type { ReadTarget } from './targets';

/** mqadmin's MessageTrack types. */
export type TrackType = 'CONSUMED' | 'CONSUMED_BUT_FILTERED' | 'NOT_CONSUME_YET' | 'NOT_ONLINE' | 'CONSUME_BROADCASTING' | 'PULL' | 'UNKNOWN';

export interface GroupTrack {
  group: string;
  trackType: TrackType;
  /** The group's committed offset on the message's queue (undefined: none committed, or broadcasting). */
  consumerOffset?: number;
  /** From the offset alone, whether the group is past the message: also answered for an offline group. */
  pastMessage?: boolean;
  clients: number;
  /** None on the brokers, but gRPC clients on a 5.x proxy (mqadmin still calls the group NOT_ONLINE). */
  viaProxy?: { proxy: string; clients: number };
  messageModel?: string;
  subscription?: string;
  error?: string;
}

/**
 * For every group consuming the message's topic, where it stands with this message (mqadmin's MessageTrack, from
 * MQAdminExtImpl.messageTrackDetail): offline groups are NOT_ONLINE, broadcasting ones keep offsets on clients,
 * pull consumers are PULL; a push group is CONSUMED once its committed offset on the queue is past the message,
 * CONSUMED_BUT_FILTERED when its tag subscription does not take the message's tag.
 */
export async function trackMessage(admin: AdminClient, message: MessageView, targets: Array<Pick<ReadTarget, 'brokerName' | 'addr'>>): Promise<{ tracks: GroupTrack[]; failures: BrokerFailure[] }> {
  const deadline = admin.config.fanOutDeadlineMs;
  const timeout = admin.config.requestTimeoutMs;
  const who = await fanOut(targets, (t) => queryTopicConsumeByWho(admin, t.addr, message.topic, timeout), deadline);
  const groups = [...new Set(who.results.flatMap((r) => r.value))].sort();
  const home = targets.find((t) => t.brokerName === message.brokerName) ?? { brokerName: message.brokerName, addr: message.storeHost };
  const per = await fanOut(
    groups.map((group) => ({ ...home, group })),
    async ({ addr, group }): Promise<GroupTrack> => {
      const [connection, offset] = await Promise.all([
        getConsumerConnectionList(admin, addr, group, timeout),
        queryConsumerOffset(admin, addr, group, message.topic, message.queueId, timeout).catch((error: unknown) => {
          if (error instanceof RemotingResponseError) return undefined;
          throw error;
        }),
      ]);
      const base = { group, consumerOffset: offset, pastMessage: offset === undefined ? undefined : offset > message.queueOffset, clients: connection?.connections.length ?? 0 };
      if (!connection || connection.connections.length === 0) return { ...base, trackType: 'NOT_ONLINE' };
      const sub = connection.subscriptions.find((s) => s.topic === message.topic);
      const shared = { ...base, messageModel: connection.messageModel, ...(sub ? { subscription: sub.subString } : {}) };
      if (connection.consumeType === 'CONSUME_ACTIVELY') return { ...shared, trackType: 'PULL' };
      if (connection.messageModel === 'BROADCASTING') return { ...shared, trackType: 'CONSUME_BROADCASTING' };
      if (!base.pastMessage) return { ...shared, trackType: 'NOT_CONSUME_YET' };
      const tags = sub?.tagsSet ?? [];
      const takes = !sub || sub.expressionType !== 'TAG' || tags.length === 0 || tags.includes('*') || (message.tags !== undefined && tags.includes(message.tags));
      return { ...shared, trackType: takes ? 'CONSUMED' : 'CONSUMED_BUT_FILTERED' };
    },
    deadline,
  );
  const tracks = per.results.map((r) => r.value);
  for (const f of per.failures) tracks.push({ group: f.target.group, trackType: 'UNKNOWN', clients: 0, error: f.failure.error });
  tracks.sort((a, b) => a.group.localeCompare(b.group));
  return { tracks, failures: [...who.failures.map((f) => f.failure), ...per.failures.map((f) => f.failure)] };
}
