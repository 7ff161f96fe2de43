import type { RemotingCommand, RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
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
  };
  return { code: RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP, body: Buffer.from(JSON.stringify(body), 'utf8') };
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
