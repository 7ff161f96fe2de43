import { extFields, type RemotingCommand, type RemotingRequest } from '../remoting';
import { asNumber } from './fastjson';
import { DEFAULT_TIMEOUT_MS, expectCode, type Invoker } from './invoke';

/** The shape SEARCH_OFFSET_BY_TIMESTAMP, GET_MAX_OFFSET, GET_MIN_OFFSET and QUERY_CONSUMER_OFFSET share: a queue in, an `offset` header out. */
export function queueOffsetRequest(code: number, fields: Record<string, string | number | boolean | undefined>): RemotingRequest {
  return { code, extFields: extFields(fields) };
}

export function decodeOffsetHeader(reply: RemotingCommand, addr: string, requestCode: number): number {
  expectCode(reply, addr, requestCode);
  return asNumber(reply.extFields.offset, 'offset header');
}

export async function callForOffset(invoker: Invoker, addr: string, request: RemotingRequest, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<number> {
  return decodeOffsetHeader(await invoker.invoke(addr, request, { timeoutMs }), addr, request.code);
}
