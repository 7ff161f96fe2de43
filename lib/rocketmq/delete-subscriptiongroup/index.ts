import { extFields, type RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
import { DEFAULT_TIMEOUT_MS, expectCode, type Invoker } from '../invoke';

/**
 * DELETE_SUBSCRIPTIONGROUP (207) at a master: removes the group's config there; with cleanOffset also its consumer
 * offsets. 5.x reads the flag as `cleanOffset`, 4.9 as `removeOffset`: both are sent, each version ignores the other.
 */
export function deleteSubscriptionGroupRequest(groupName: string, cleanOffset: boolean): RemotingRequest {
  return { code: RequestCode.DELETE_SUBSCRIPTIONGROUP, extFields: extFields({ groupName, cleanOffset, removeOffset: cleanOffset }) };
}

export async function deleteSubscriptionGroup(invoker: Invoker, brokerAddr: string, input: { groupName: string; cleanOffset: boolean }, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
  const request = deleteSubscriptionGroupRequest(input.groupName, input.cleanOffset);
  expectCode(await invoker.invoke(brokerAddr, request, { timeoutMs }), brokerAddr, request.code);
}
