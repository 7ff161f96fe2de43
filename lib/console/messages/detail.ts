import type { AdminClient } from '../core/admin';
import type { BrokerFailure } from '../core/fanout';
import { findMessageById, type LookupResult } from './lookup';
import type { MessageView } from './model';
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
  failures: BrokerFailure[];
  asOf: number;
}

/** One message with everything the message page shows: fields, properties, body, and each group's standing. */
export async function getMessageDetail(admin: AdminClient, id: string, topic?: string): Promise<MessageDetail> {
  const found = await findMessageById(admin, id, topic);
  const [message, ...others] = found.messages;
  if (!message) throw new Error('lookup returned no message');
  const targets = await routeTargets(admin, message.topic).catch(() => [{ brokerName: message.brokerName, addr: message.storeHost }]);
  const tracked = await trackMessage(admin, message, targets);
  return {
    id: found.id,
    kind: found.kind,
    topicFrom: found.topicFrom,
    message,
    copies: others.map((m) => ({ offsetMsgId: m.offsetMsgId, brokerName: m.brokerName, queueId: m.queueId, queueOffset: m.queueOffset, storeTimestamp: m.storeTimestamp })),
    groups: tracked.tracks,
    failures: [...found.failures, ...tracked.failures],
    asOf: Date.now(),
  };
}
