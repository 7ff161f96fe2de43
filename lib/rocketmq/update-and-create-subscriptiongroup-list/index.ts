import type { RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
import { DEFAULT_TIMEOUT_MS, expectCode, type Invoker } from '../invoke';
import { updateAndCreateSubscriptionGroupRequest, type SubscriptionGroupSpec } from '../update-and-create-subscriptiongroup';

/** UPDATE_AND_CREATE_SUBSCRIPTIONGROUP_LIST (225, 5.3.1+) at a master: many group configs in one call. */
export function updateAndCreateSubscriptionGroupListRequest(specs: SubscriptionGroupSpec[]): RemotingRequest {
  // each config gets the same defaults as the single-group call
  const groupConfigList = specs.map((s) => JSON.parse(updateAndCreateSubscriptionGroupRequest(s).body!.toString('utf8')) as unknown);
  return { code: RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP_LIST, body: Buffer.from(JSON.stringify({ groupConfigList }), 'utf8') };
}

export async function updateAndCreateSubscriptionGroupList(invoker: Invoker, brokerAddr: string, specs: SubscriptionGroupSpec[], timeoutMs = DEFAULT_TIMEOUT_MS * 6): Promise<void> {
  const request = updateAndCreateSubscriptionGroupListRequest(specs);
  expectCode(await invoker.invoke(brokerAddr, request, { timeoutMs }), brokerAddr, request.code);
}
