import type { RemotingCommand, RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
import { asObject, entries, optBoolean, optNumber, optObject, optString, parseFastjson } from '../fastjson';
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
}

export function getAllSubscriptionGroupConfigRequest(): RemotingRequest {
  // no paging fields: a 5.3.3+ master then answers with the whole table
  return { code: RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG };
}

export function decodeSubscriptionGroupTable(reply: RemotingCommand): Map<string, SubscriptionGroupConfig> {
  const root = asObject(parseFastjson(requireBody(reply, 'SubscriptionGroupWrapper')), 'SubscriptionGroupWrapper');
  const out = new Map<string, SubscriptionGroupConfig>();
  for (const [name, value] of entries(asObject(root.subscriptionGroupTable ?? {}, 'subscriptionGroupTable'))) {
    out.set(String(name), decodeSubscriptionGroupConfig(value, String(name)));
  }
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
  };
}

export function getAllSubscriptionGroupConfig(invoker: Invoker, brokerAddr: string, timeoutMs?: number): Promise<Map<string, SubscriptionGroupConfig>> {
  return call(invoker, brokerAddr, getAllSubscriptionGroupConfigRequest(), decodeSubscriptionGroupTable, timeoutMs);
}
