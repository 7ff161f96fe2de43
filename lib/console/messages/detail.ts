import type { ClusterContext } from '../context';
import { groupsConnectionsViaProxies } from '../proxies/list';
import type { BrokerFailure } from '../core/fanout';
import { findMessageById, type LookupResult } from './lookup';
import { withholdBody, type MessageView } from './model';
import { batchOf, type BatchView } from './batch';
import { messageSchedule, type MessageSchedule } from './schedule';
import { routeTargets } from './targets';
import { trackMessage, type GroupTrack } from './tracks';

export interface MessageDetail {
  id: string;
  kind: LookupResult['kind'];
  topicFrom: LookupResult['topicFrom'];
  message: MessageView;
  /** Other stored copies of the same client msgId (a producer retry), newest first. */
  copies: Array<Pick<MessageView, 'offsetMsgId' | 'brokerName' | 'queueId' | 'queueOffset' | 'storeTimestamp'>>;
  groups: GroupTrack[];
  /** A delayed or timer message: when it is (was) due and whether it reached its real topic. */
  schedule?: MessageSchedule;
  /** Sent in one batch with other messages: all of them, in order. */
  batch?: BatchView;
  failures: BrokerFailure[];
  asOf: number;
}

/**
 * One message with everything the message page shows: fields, properties, body, and each group's standing. Without
 * `bodies` (a viewer) the body is withheld: its size stays, its bytes do not leave the server.
 */
export async function getMessageDetail(ctx: ClusterContext, input: { msgId: string; topic?: string; bodies: boolean }): Promise<MessageDetail> {
  const { admin } = ctx;
  const found = await findMessageById(admin, input.msgId, input.topic);
  const [message, ...others] = found.messages;
  if (!message) throw new Error('lookup returned no message');
  const targets = await routeTargets(admin, message.topic).catch(() => [{ brokerName: message.brokerName, addr: message.storeHost }]);
  const [tracked, schedule, batch] = await Promise.all([
    trackMessage(admin, message, targets),
    messageSchedule(admin, message).catch(() => undefined),
    // the page stands without it when the queue cannot be read around the message
    batchOf(admin, message).catch(() => undefined),
  ]);
  return {
    id: found.id,
    kind: found.kind,
    topicFrom: found.topicFrom,
    message: input.bodies ? message : withholdBody(message, 'message bodies need the operator role'),
    copies: others.map((m) => ({ offsetMsgId: m.offsetMsgId, brokerName: m.brokerName, queueId: m.queueId, queueOffset: m.queueOffset, storeTimestamp: m.storeTimestamp })),
    groups: await withProxiedClients(ctx, tracked.tracks),
    schedule,
    batch,
    failures: [...found.failures, ...tracked.failures],
    asOf: Date.now(),
  };
}

/** A group the brokers call offline may have gRPC clients on a proxy: the page says so (and offers no resend to them). */
async function withProxiedClients(ctx: ClusterContext, tracks: GroupTrack[]): Promise<GroupTrack[]> {
  const offline = tracks.filter((t) => t.trackType === 'NOT_ONLINE').map((t) => t.group);
  const proxied = await groupsConnectionsViaProxies(ctx, offline).catch(() => new Map<string, never[]>());
  return tracks.map((t) => {
    const first = proxied.get(t.group)?.[0];
    return first ? { ...t, viaProxy: { proxy: first.proxy, clients: first.connection.connections.length } } : t;
  });
}

/** The whole body of a message (inflated when it was compressed), for the download. */
export async function getMessageBody(ctx: ClusterContext, input: { msgId: string; topic?: string }): Promise<{ msgId: string; body: Buffer }> {
  const { raw } = await findMessageById(ctx.admin, input.msgId, input.topic);
  const m = raw[0]!;
  return { msgId: m.msgId, body: m.body };
}
