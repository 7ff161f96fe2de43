import type { RemotingCommand, RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
import type { GroupRetryPolicy } from '../get-all-subscriptiongroup-config';
import { expectCode, type Invoker, DEFAULT_TIMEOUT_MS } from '../invoke';

/** UPDATE_AND_CREATE_SUBSCRIPTIONGROUP (200) at a master: creates or replaces a group's config (request body). */
export interface SubscriptionGroupSpec {
  groupName: string;
  consumeEnable?: boolean;
  consumeBroadcastEnable?: boolean;
  consumeMessageOrderly?: boolean;
  consumeFromMinEnable?: boolean;
  retryQueueNums?: number;
  retryMaxTimes?: number;
  brokerId?: number;
  whichBrokerWhenConsumeSlowly?: number;
  notifyConsumerIdsChangedEnable?: boolean;
  groupSysFlag?: number;
  /** 5.x fields: sent only when given, so a 4.x broker sees the body it knows. */
  consumeTimeoutMinute?: number;
  attributes?: Record<string, string>;
  groupRetryPolicy?: GroupRetryPolicy;
}

export function updateAndCreateSubscriptionGroupRequest(spec: SubscriptionGroupSpec): RemotingRequest {
  const body = {
    consumeEnable: true,
    consumeBroadcastEnable: true,
    consumeMessageOrderly: false,
    consumeFromMinEnable: false,
    retryQueueNums: 1,
    retryMaxTimes: 16,
    brokerId: 0,
    whichBrokerWhenConsumeSlowly: 1,
    notifyConsumerIdsChangedEnable: true,
    ...spec,
    ...(spec.groupRetryPolicy ? { groupRetryPolicy: retryPolicyJson(spec.groupRetryPolicy) } : {}),
  };
  return { code: RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP, body: Buffer.from(JSON.stringify(body), 'utf8') };
}

/** GroupRetryPolicy as the broker's fastjson reads it: the type, and the policy of that type when one is given. */
function retryPolicyJson(policy: GroupRetryPolicy): Record<string, unknown> {
  if (policy.type === 'EXPONENTIAL') {
    const { initial, max, multiplier } = policy;
    return initial === undefined ? { type: 'EXPONENTIAL' } : { type: 'EXPONENTIAL', exponentialRetryPolicy: { initial, max, multiplier } };
  }
  return policy.next ? { type: 'CUSTOMIZED', customizedRetryPolicy: { next: policy.next } } : { type: 'CUSTOMIZED' };
}

export function decodeUpdateAck(reply: RemotingCommand, addr: string, requestCode: number): void {
  expectCode(reply, addr, requestCode);
}

export async function updateAndCreateSubscriptionGroup(
  invoker: Invoker,
  brokerAddr: string,
  spec: SubscriptionGroupSpec,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<void> {
  const request = updateAndCreateSubscriptionGroupRequest(spec);
  decodeUpdateAck(await invoker.invoke(brokerAddr, request, { timeoutMs }), brokerAddr, request.code);
}
