import { getBrokerConfig } from '../../rocketmq/get-broker-config';
import type { AdminClient } from '../core/admin';
import { DEFAULT_DELAY_LEVELS, parseDelayLevels } from '../core/delays';
import { SCHEDULE_TOPIC, TIMER_TOPIC } from '../core/names';
import { routeIfExists } from '../core/routes';
import { queryIndex } from './index-query';
import type { MessageSummary, MessageView } from './model';
import { routeTargets } from './targets';

type CopyOf = Pick<MessageSummary, 'offsetMsgId' | 'topic' | 'brokerName' | 'queueId' | 'queueOffset' | 'storeTimestamp'>;

/**
 * A delayed (delay level) or 5.x timer message: stored first in a waiting topic (SCHEDULE_TOPIC_XXXX or the timer
 * wheel's rmq_sys_wheel_timer), then, when due, stored again in its real topic with the same client msgId.
 */
export interface MessageSchedule {
  kind: 'delay-level' | 'timer';
  level?: number;
  /** The level's delay as the broker's messageDelayLevel spells it. */
  delay?: string;
  realTopic: string;
  /** When the broker delivers it to the real topic; undefined when the waiting copy is gone and it had a level. */
  dueAt?: number;
  state: 'waiting' | 'delivered';
  waiting?: CopyOf;
  delivered?: CopyOf;
}

function copyOf(m: MessageSummary): CopyOf {
  return { offsetMsgId: m.offsetMsgId, topic: m.topic, brokerName: m.brokerName, queueId: m.queueId, queueOffset: m.queueOffset, storeTimestamp: m.storeTimestamp };
}

/** The topic a delayed or timer message waits in, from its properties; undefined for any other message. */
export function waitingTopicOf(properties: Record<string, string>): string | undefined {
  if (Number(properties.DELAY) > 0) return SCHEDULE_TOPIC;
  if (Number(properties.TIMER_DELIVER_MS) > 0) return TIMER_TOPIC;
  return undefined;
}

/** Finds the other copy of a delayed or timer message and says when it is (was) due and whether it was delivered. */
export async function messageSchedule(admin: AdminClient, message: MessageView): Promise<MessageSchedule | undefined> {
  const p = message.properties;
  const waitingTopic = waitingTopicOf(p);
  if (!waitingTopic) return undefined;
  const realTopic = p.REAL_TOPIC ?? message.topic;
  const isWaitingCopy = message.topic === waitingTopic;
  const other = p.UNIQ_KEY ? await findCopy(admin, isWaitingCopy ? realTopic : waitingTopic, p.UNIQ_KEY, message.offsetMsgId) : undefined;
  const waiting = isWaitingCopy ? copyOf(message) : other;
  const delivered = isWaitingCopy ? other : copyOf(message);
  const out: MessageSchedule = { kind: waitingTopic === SCHEDULE_TOPIC ? 'delay-level' : 'timer', realTopic, state: delivered ? 'delivered' : 'waiting', waiting, delivered };
  if (out.kind === 'timer') return { ...out, dueAt: Number(p.TIMER_DELIVER_MS) };
  const level = Number(p.DELAY);
  const levels = await delayLevelsOf(admin, waiting?.brokerName ?? message.brokerName);
  const known = levels.find((l) => l.level === level);
  return { ...out, level, delay: known?.delay, dueAt: known && waiting ? waiting.storeTimestamp + known.delayMs : undefined };
}

async function findCopy(admin: AdminClient, topic: string, uniqKey: string, notOffsetMsgId: string): Promise<CopyOf | undefined> {
  if (!(await routeIfExists(admin, topic))) return undefined;
  const targets = await routeTargets(admin, topic);
  const result = await queryIndex(admin, targets, { topic, key: uniqKey, begin: 0, end: Date.now() + 86_400_000, limit: 4, uniqueKey: true }, admin.config.fanOutDeadlineMs);
  const hit = result.hits.find((h) => h.message.offsetMsgId !== notOffsetMsgId);
  if (!hit) return undefined;
  const m = hit.message;
  return { offsetMsgId: m.offsetMsgId, topic: m.topic, brokerName: hit.brokerName, queueId: m.queueId, queueOffset: m.queueOffset, storeTimestamp: m.storeTimestamp };
}

async function delayLevelsOf(admin: AdminClient, brokerName: string) {
  const nodes = (await admin.brokerNodes()).filter((n) => n.brokerName === brokerName);
  const node = nodes.find((n) => n.brokerId === 0) ?? nodes[0];
  const text = node ? await getBrokerConfig(admin, node.addr, admin.config.requestTimeoutMs).then((c) => c.properties.messageDelayLevel, () => undefined) : undefined;
  return parseDelayLevels(text ?? DEFAULT_DELAY_LEVELS);
}
