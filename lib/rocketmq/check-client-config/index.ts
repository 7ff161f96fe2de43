import type { RemotingCommand, RemotingRequest } from '../../remoting';
import { RequestCode, ResponseCode } from '../codes';
import { DEFAULT_TIMEOUT_MS, expectCode, type Invoker } from '../invoke';
import { TOOLS_CONSUMER_GROUP } from '../pull-message';

/**
 * CHECK_CLIENT_CONFIG (46) at a broker: compiles a subscription as the broker would, so a SQL92 selector is known
 * to work before it is used (a pull with one that does not compile matches every message). TAG is always ok.
 */
export type ClientConfigCheck =
  | { ok: true }
  /** The broker runs with enablePropertyFilter=false (code 1): it refuses SQL92 subscriptions. */
  | { ok: false; kind: 'unsupported'; reason: string }
  /** The expression does not compile (code 23), with the compiler's words. */
  | { ok: false; kind: 'invalid'; reason: string };

export function checkClientConfigRequest(topic: string, expressionType: 'TAG' | 'SQL92', expression: string, group = TOOLS_CONSUMER_GROUP): RemotingRequest {
  const body = {
    clientId: 'rocketmq-console',
    group,
    subscriptionData: { classFilterMode: false, topic, subString: expression, tagsSet: [], codeSet: [], subVersion: Date.now(), expressionType },
  };
  return { code: RequestCode.CHECK_CLIENT_CONFIG, body: Buffer.from(JSON.stringify(body), 'utf8') };
}

export function decodeClientConfigCheck(reply: RemotingCommand, addr = ''): ClientConfigCheck {
  if (reply.code === ResponseCode.SUBSCRIPTION_PARSE_FAILED) return { ok: false, kind: 'invalid', reason: reply.remark ?? 'the expression does not compile' };
  if (reply.code === ResponseCode.SYSTEM_ERROR && /does not support/i.test(reply.remark ?? '')) return { ok: false, kind: 'unsupported', reason: reply.remark! };
  expectCode(reply, addr, RequestCode.CHECK_CLIENT_CONFIG);
  return { ok: true };
}

export async function checkClientConfig(
  invoker: Invoker,
  brokerAddr: string,
  topic: string,
  expressionType: 'TAG' | 'SQL92',
  expression: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<ClientConfigCheck> {
  return decodeClientConfigCheck(await invoker.invoke(brokerAddr, checkClientConfigRequest(topic, expressionType, expression), { timeoutMs }), brokerAddr);
}
