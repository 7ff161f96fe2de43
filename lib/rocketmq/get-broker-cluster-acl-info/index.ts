import { signedAs, type RemotingCommand, type RemotingRequest } from '../../remoting';
import { RequestCode, ResponseCode } from '../codes';
import { DEFAULT_TIMEOUT_MS, expectCode, type Invoker } from '../invoke';

/** DataVersion of an ACL file: the counter counts the changes this broker made or loaded since it started. */
export interface AclDataVersion {
  counter: number;
  timestamp: number;
}

/**
 * What GET_BROKER_CLUSTER_ACL_INFO (52, ACL 1.0) tells of one broker: the version of its ACL data and of each ACL
 * file it reads (full paths on the broker's host). Never the accounts: the code that listed them (54) is gone in
 * 4.9.8 and 5.2.0. `unsupported` on brokers without ACL 1.0 (5.3.3 and later).
 */
export type BrokerAclInfo =
  | { kind: 'acl1'; brokerName: string; brokerAddr: string; clusterName: string; version: AclDataVersion; files: Record<string, AclDataVersion> }
  | { kind: 'unsupported'; reason: string };

export function getBrokerClusterAclInfoRequest(): RemotingRequest {
  return { code: RequestCode.GET_BROKER_CLUSTER_ACL_INFO };
}

function dataVersion(value: unknown, what: string): AclDataVersion {
  const o = (value ?? {}) as Record<string, unknown>;
  const counter = Number(o.counter);
  const timestamp = Number(o.timestamp);
  if (!Number.isFinite(counter) || !Number.isFinite(timestamp)) throw new TypeError(`${what}: not a DataVersion`);
  return { counter, timestamp };
}

function json(text: string | undefined, what: string): unknown {
  if (text === undefined) throw new TypeError(`GET_BROKER_CLUSTER_ACL_INFO: no ${what} in the reply`);
  try {
    return JSON.parse(text);
  } catch {
    throw new TypeError(`GET_BROKER_CLUSTER_ACL_INFO: ${what} is not JSON`);
  }
}

export function decodeBrokerClusterAclInfo(reply: RemotingCommand, addr = ''): BrokerAclInfo {
  if (reply.code === ResponseCode.REQUEST_CODE_NOT_SUPPORTED) return { kind: 'unsupported', reason: 'the broker has no ACL 1.0 (removed in RocketMQ 5.3.3)' };
  expectCode(reply, addr, RequestCode.GET_BROKER_CLUSTER_ACL_INFO);
  const f = reply.extFields ?? {};
  const files = json(f.allAclFileVersion, 'allAclFileVersion');
  if (typeof files !== 'object' || files === null || Array.isArray(files)) throw new TypeError('GET_BROKER_CLUSTER_ACL_INFO: allAclFileVersion is not a map');
  return {
    kind: 'acl1',
    brokerName: f.brokerName ?? '',
    brokerAddr: f.brokerAddr ?? addr,
    clusterName: f.clusterName ?? '',
    version: dataVersion(json(f.version, 'version'), 'version'),
    files: Object.fromEntries(Object.entries(files).map(([file, v]) => [file, dataVersion(v, file)])),
  };
}

export async function getBrokerClusterAclInfo(invoker: Invoker, brokerAddr: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<BrokerAclInfo> {
  return decodeBrokerClusterAclInfo(await invoker.invoke(brokerAddr, getBrokerClusterAclInfoRequest(), { timeoutMs }), brokerAddr);
}

/**
 * Whether an ACL 1.0 broker has an account, told without its secret: the request is signed for that account with a
 * wrong secret, and the broker's refusal says which check failed ("No acl config for X": none; "Check signature
 * failed": it has one). The broker logs the failed check. A reply without a refusal means the check was skipped
 * (the console's address is white-listed, globally or for that account): then it cannot be told.
 */
export type AccountPresence = { kind: 'present' } | { kind: 'absent' } | { kind: 'unknown'; reason: string };

export function decodeAccountProbe(reply: RemotingCommand, accessKey: string): AccountPresence {
  const remark = reply.remark ?? '';
  if (reply.code === 1 && remark.includes(`No acl config for ${accessKey}`)) return { kind: 'absent' };
  if (reply.code === 1 && remark.includes(`Check signature failed for accessKey=${accessKey}`)) return { kind: 'present' };
  if (reply.code === 0) return { kind: 'unknown', reason: 'the broker skipped the check (the console\'s address is on a white list)' };
  return { kind: 'unknown', reason: `the broker answered ${reply.code}${remark ? `: ${remark.split(',')[0]}` : ''}` };
}

/** The secret the probe signs with: not a secret of anybody's, so the signature check fails whenever it is made. */
const PROBE_SECRET = 'rocketmq-console-presence-probe';

export function accountProbeRequest(accessKey: string): RemotingRequest {
  return signedAs(getBrokerClusterAclInfoRequest(), { accessKey, secretKey: PROBE_SECRET });
}

export async function probeAcl1Account(invoker: Invoker, brokerAddr: string, accessKey: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<AccountPresence> {
  return decodeAccountProbe(await invoker.invoke(brokerAddr, accountProbeRequest(accessKey), { timeoutMs }), accessKey);
}

/**
 * Whether `secretKey` is the account's current secret on this broker: a request signed with it passes the
 * signature check (0) or fails it. `unknown` when the broker did not check (white-listed) or refused for another reason.
 */
export type SecretCheck = 'matches' | 'differs' | 'unknown';

export function decodeSecretCheck(reply: RemotingCommand, accessKey: string): SecretCheck {
  if (reply.code === 1 && (reply.remark ?? '').includes(`Check signature failed for accessKey=${accessKey}`)) return 'differs';
  return reply.code === 0 && reply.extFields?.version !== undefined ? 'matches' : 'unknown';
}

export async function checkAcl1Secret(invoker: Invoker, brokerAddr: string, accessKey: string, secretKey: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<SecretCheck> {
  const request = signedAs(getBrokerClusterAclInfoRequest(), { accessKey, secretKey });
  return decodeSecretCheck(await invoker.invoke(brokerAddr, request, { timeoutMs }), accessKey);
}
