import { extFields, type RemotingCommand, type RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
import { asArray, asObject, entries, optBoolean, optNumber, optObject, optString, parseFastjson } from '../fastjson';
import { call, requireBody, type Invoker } from '../invoke';
import { compareMessageQueues, decodeMessageQueue, type MessageQueue } from '../message-queue';
import { decodeSubscriptionData, type SubscriptionData } from '../subscription-data';

/**
 * GET_CONSUMER_RUNNING_INFO (307): the broker relays the call to one client of the group and returns what the
 * *client* reports: its config, subscriptions, the queues it holds with its own offsets (the only place the offsets
 * of a BROADCASTING group live), and per-topic consume rates. Code 1 "not online" when the client is gone;
 * the broker waits up to ~10 s for the client, so callers need a long deadline.
 */
export interface ProcessQueueInfo extends MessageQueue {
  /** The client's offset for the queue (committed on clustering, local on broadcasting). */
  commitOffset: number;
  cachedMsgCount: number;
  cachedMsgMinOffset: number;
  cachedMsgMaxOffset: number;
  /** Orderly clients: whether the client holds the queue's lock on its master. */
  locked: boolean;
  /** When the client last took or renewed the lock (every 20 s while it holds it); 0 when it never did. */
  lastLockTimestamp: number;
  tryUnlockTimes: number;
  droped: boolean;
  lastPullTimestamp: number;
  lastConsumeTimestamp: number;
}

export interface ConsumeStatus {
  topic: string;
  pullRT: number;
  pullTPS: number;
  consumeRT: number;
  consumeOKTPS: number;
  consumeFailedTPS: number;
  consumeFailedMsgs: number;
}

export interface ConsumerRunningInfo {
  /** Client settings as text: PROP_CLIENT_VERSION, PROP_CONSUMEORDERLY, PROP_CONSUME_TYPE, messageModel, ... */
  properties: Record<string, string>;
  subscriptions: SubscriptionData[];
  queues: ProcessQueueInfo[];
  status: ConsumeStatus[];
  jstack?: string;
}

export const RUNNING_INFO_TIMEOUT_MS = 15_000;

export function getConsumerRunningInfoRequest(consumerGroup: string, clientId: string, jstackEnable = false): RemotingRequest {
  return { code: RequestCode.GET_CONSUMER_RUNNING_INFO, extFields: extFields({ consumerGroup, clientId, jstackEnable }) };
}

export function decodeConsumerRunningInfo(reply: RemotingCommand): ConsumerRunningInfo {
  const root = asObject(parseFastjson(requireBody(reply, 'ConsumerRunningInfo')), 'ConsumerRunningInfo');
  const properties: Record<string, string> = {};
  for (const [k, v] of entries(optObject(root.properties) ?? {})) properties[String(k)] = v === null ? '' : String(v);
  const queues = entries(optObject(root.mqTable) ?? {}).map(([key, value]): ProcessQueueInfo => {
    const o = optObject(value) ?? {};
    return {
      ...decodeMessageQueue(key, 'mqTable key'),
      commitOffset: optNumber(o.commitOffset) ?? 0,
      cachedMsgCount: optNumber(o.cachedMsgCount) ?? 0,
      cachedMsgMinOffset: optNumber(o.cachedMsgMinOffset) ?? 0,
      cachedMsgMaxOffset: optNumber(o.cachedMsgMaxOffset) ?? 0,
      locked: optBoolean(o.locked) ?? false,
      lastLockTimestamp: optNumber(o.lastLockTimestamp) ?? 0,
      tryUnlockTimes: optNumber(o.tryUnlockTimes) ?? 0,
      droped: optBoolean(o.droped) ?? false,
      lastPullTimestamp: optNumber(o.lastPullTimestamp) ?? 0,
      lastConsumeTimestamp: optNumber(o.lastConsumeTimestamp) ?? 0,
    };
  });
  const status = entries(optObject(root.statusTable) ?? {}).map(([topic, value]): ConsumeStatus => {
    const o = optObject(value) ?? {};
    return {
      topic: String(topic),
      pullRT: optNumber(o.pullRT) ?? 0,
      pullTPS: optNumber(o.pullTPS) ?? 0,
      consumeRT: optNumber(o.consumeRT) ?? 0,
      consumeOKTPS: optNumber(o.consumeOKTPS) ?? 0,
      consumeFailedTPS: optNumber(o.consumeFailedTPS) ?? 0,
      consumeFailedMsgs: optNumber(o.consumeFailedMsgs) ?? 0,
    };
  });
  return {
    properties,
    subscriptions: asArray(root.subscriptionSet ?? [], 'subscriptionSet').map(decodeSubscriptionData),
    queues: queues.sort(compareMessageQueues),
    status,
    jstack: optString(root.jstack),
  };
}

export function getConsumerRunningInfo(
  invoker: Invoker,
  brokerAddr: string,
  consumerGroup: string,
  clientId: string,
  { jstack = false, timeoutMs = RUNNING_INFO_TIMEOUT_MS }: { jstack?: boolean; timeoutMs?: number } = {},
): Promise<ConsumerRunningInfo> {
  return call(invoker, brokerAddr, getConsumerRunningInfoRequest(consumerGroup, clientId, jstack), decodeConsumerRunningInfo, timeoutMs);
}
