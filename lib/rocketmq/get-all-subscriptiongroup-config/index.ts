import type { RemotingCommand, RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
import { asObject, entries, forEachMember, optBoolean, optNumber, optObject, optString } from '../fastjson';
import { call, requireBody, type Invoker } from '../invoke';

/** GET_ALL_SUBSCRIPTIONGROUP_CONFIG (201) at one broker: every consumer group defined there. */
export interface SubscriptionGroupConfig {
  groupName: string;
  consumeEnable: boolean;
  /** Whether the broker allows broadcasting consumption (not the model the clients use). */
  consumeBroadcastEnable: boolean;
  consumeMessageOrderly: boolean;
  /** Start from the queue's min offset rather than its max when the group has no offset there. */
  consumeFromMinEnable: boolean;
  retryQueueNums: number;
  retryMaxTimes: number;
  brokerId: number;
  whichBrokerWhenConsumeSlowly: number;
  notifyConsumerIdsChangedEnable: boolean;
  groupSysFlag: number;
  /** 5.x */
  consumeTimeoutMinute?: number;
  attributes: Record<string, string>;
  /** 5.x: how long the broker waits before each redelivery of a failed message (absent on 4.x). */
  groupRetryPolicy?: GroupRetryPolicy;
}

/**
 * 5.x GroupRetryPolicy: CUSTOMIZED waits `next[i]` ms before the i-th retry (absent: the broker's delay levels,
 * 1s 5s 10s 30s 1m … 2h); EXPONENTIAL waits initial × multiplier^i ms, at most max (absent: the broker's defaults).
 */
export type GroupRetryPolicy =
  | { type: 'CUSTOMIZED'; next?: number[] }
  | { type: 'EXPONENTIAL'; initial?: number; max?: number; multiplier?: number };

export function getAllSubscriptionGroupConfigRequest(): RemotingRequest {
  // no paging fields: a 5.3.3+ master then answers with the whole table
  return { code: RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG };
}

export function decodeSubscriptionGroupTable(reply: RemotingCommand): Map<string, SubscriptionGroupConfig> {
  const out = new Map<string, SubscriptionGroupConfig>();
  // member by member, as the offset table: the whole table is 50,000 members at 50,000 groups
  forEachMember(requireBody(reply, 'SubscriptionGroupWrapper'), 'subscriptionGroupTable', (name, value) => {
    out.set(name, decodeSubscriptionGroupConfig(value, name));
  });
  return out;
}

export function decodeSubscriptionGroupConfig(value: Parameters<typeof asObject>[0], name?: string): SubscriptionGroupConfig {
  const o = asObject(value, `subscriptionGroup ${name ?? ''}`);
  const attributes: Record<string, string> = {};
  for (const [k, v] of entries(optObject(o.attributes) ?? {})) attributes[String(k)] = String(v);
  return {
    groupName: optString(o.groupName) ?? name ?? '',
    consumeEnable: optBoolean(o.consumeEnable) ?? true,
    consumeBroadcastEnable: optBoolean(o.consumeBroadcastEnable) ?? true,
    consumeMessageOrderly: optBoolean(o.consumeMessageOrderly) ?? false,
    consumeFromMinEnable: optBoolean(o.consumeFromMinEnable) ?? false,
    retryQueueNums: optNumber(o.retryQueueNums) ?? 1,
    retryMaxTimes: optNumber(o.retryMaxTimes) ?? 16,
    brokerId: optNumber(o.brokerId) ?? 0,
    whichBrokerWhenConsumeSlowly: optNumber(o.whichBrokerWhenConsumeSlowly) ?? 1,
    notifyConsumerIdsChangedEnable: optBoolean(o.notifyConsumerIdsChangedEnable) ?? true,
    groupSysFlag: optNumber(o.groupSysFlag) ?? 0,
    consumeTimeoutMinute: optNumber(o.consumeTimeoutMinute),
    attributes,
    ...(o.groupRetryPolicy !== undefined && o.groupRetryPolicy !== null ? { groupRetryPolicy: decodeGroupRetryPolicy(o.groupRetryPolicy) } : {}),
  };
}

function decodeGroupRetryPolicy(value: Parameters<typeof asObject>[0]): GroupRetryPolicy {
  const o = asObject(value, 'groupRetryPolicy');
  if (optString(o.type) === 'EXPONENTIAL') {
    const e = optObject(o.exponentialRetryPolicy);
    return { type: 'EXPONENTIAL', ...(e ? { initial: optNumber(e.initial), max: optNumber(e.max), multiplier: optNumber(e.multiplier) } : {}) };
  }
  const next = optObject(o.customizedRetryPolicy)?.next;
  return { type: 'CUSTOMIZED', ...(Array.isArray(next) ? { next: next.map((n) => Number(n)) } : {}) };
}

export function getAllSubscriptionGroupConfig(invoker: Invoker, brokerAddr: string, timeoutMs?: number): Promise<Map<string, SubscriptionGroupConfig>> {
  return call(invoker, brokerAddr, getAllSubscriptionGroupConfigRequest(), decodeSubscriptionGroupTable, timeoutMs);
}
