import { RemotingResponseError } from '../../../remoting';
import { checkAcl1Secret, getBrokerClusterAclInfo, probeAcl1Account, type SecretCheck, type AccountPresence, type AclDataVersion, type BrokerAclInfo } from '../../../rocketmq/get-broker-cluster-acl-info';
import { getBrokerConfig } from '../../../rocketmq/get-broker-config';
import type { Invoker } from '../../../rocketmq/invoke';
import { ConflictError } from '../../core/errors';
import { fanOutAll } from '../../core/fanout';
import type { BrokerNode } from '../../core/admin';
import type { ClusterContext } from '../../context';
import { where } from '../change/state';

/**
 * A broker's ACL 1.0 version, asked only where `aclEnable=true`: a 4.x broker with ACL off never answers
 * GET_BROKER_CLUSTER_ACL_INFO (its handler meets no validator and replies nothing), so the call would only time out.
 */
async function acl1InfoOf(admin: Invoker, addr: string, timeoutMs: number): Promise<BrokerAclInfo> {
  const { properties } = await getBrokerConfig(admin, addr, timeoutMs);
  if (properties.aclEnable === undefined) return { kind: 'unsupported', reason: 'the broker has no ACL 1.0 (removed in RocketMQ 5.3.3)' };
  // 5.3+ brokers still carry aclEnable; the ACL 2.0 keys tell them apart (ACL 1.0 was removed in 5.3.3)
  const acl2 = properties.authenticationEnabled !== undefined ? ' (a 5.3+ broker: ACL 2.0 is its access control; 5.3.3 removed ACL 1.0)' : '';
  if (properties.aclEnable !== 'true') return { kind: 'unsupported', reason: `ACL 1.0 is off on this broker (aclEnable=false)${acl2}` };
  return getBrokerClusterAclInfo(admin, addr, timeoutMs);
}

/**
 * One broker's ACL 1.0 as far as it can be read: its versions, and with `accessKey` whether it has that account and,
 * with `secretKey` too, whether that is the account's current secret. The access control page and the change
 * planner both read a broker this way.
 */
export async function acl1OfBroker(admin: Invoker, addr: string, timeoutMs: number, accessKey?: string, secretKey?: string): Promise<{ kind: 'unsupported'; reason: string } | { kind: 'acl1'; info: Extract<BrokerAclInfo, { kind: 'acl1' }>; presence?: AccountPresence; secret?: SecretCheck }> {
  const info = await acl1InfoOf(admin, addr, timeoutMs);
  if (info.kind === 'unsupported') return info;
  const presence = accessKey === undefined ? undefined : await probeAcl1Account(admin, addr, accessKey, timeoutMs);
  const secret = presence?.kind === 'present' && secretKey !== undefined ? await checkAcl1Secret(admin, addr, accessKey!, secretKey, timeoutMs) : undefined;
  return { kind: 'acl1', info, ...(presence ? { presence } : {}), ...(secret ? { secret } : {}) };
}

/** What the console can know of one broker process's ACL 1.0: its data version, and whether it has one account. */
export interface BrokerAcl1State {
  node: BrokerNode;
  version: AclDataVersion;
  presence?: AccountPresence;
  /** Where the account exists and a secret was given: whether it is the account's current secret there. */
  secret?: SecretCheck;
}

/**
 * Every broker process's ACL 1.0 version (masters and slaves each check requests against their own plain_acl.yml),
 * and, with `accessKey`, whether each has that account. All must answer, and all must have ACL 1.0.
 */
export async function readAcl1State(ctx: ClusterContext, accessKey?: string, secretKey?: string): Promise<BrokerAcl1State[]> {
  const { admin } = ctx;
  const timeout = admin.config.requestTimeoutMs;
  const nodes = await admin.brokerNodes();
  const results = await fanOutAll(nodes, async (node): Promise<BrokerAcl1State | { node: BrokerNode; unsupported: string }> => {
    const read = await acl1OfBroker(admin, node.addr, timeout, accessKey, secretKey);
    if (read.kind === 'unsupported') return { node, unsupported: read.reason };
    return { node, version: read.info.version, ...(read.presence ? { presence: read.presence } : {}), ...(read.secret ? { secret: read.secret } : {}) };
  }, admin.config.fanOutDeadlineMs, 'broker');
  const states = results.map((r) => r.value);
  // a cluster without ACL 1.0 is a conflict with the request (409), not brokers that failed to answer (503)
  const without = states.flatMap((s) => ('unsupported' in s ? [`${where(s.node)}: ${s.unsupported}`] : []));
  if (without.length > 0) throw new ConflictError(`has no ACL 1.0: ${without.join('; ')}`, undefined, 'acl_unsupported');
  return states as BrokerAcl1State[];
}

export const presenceText = (p: AccountPresence | undefined): string | null => (!p ? null : p.kind === 'present' ? 'exists' : p.kind === 'absent' ? null : `unknown (${p.reason})`);

/** A 4.9 broker echoes the secret in some refusals ("The accessKey=x and secretKey=y cannot be null..."): never keep it. */
export async function withoutSecret<T>(secret: string | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (secret && error instanceof RemotingResponseError && error.remark?.includes(secret)) {
      throw new RemotingResponseError(error.addr, error.requestCode, error.code, error.remark.split(secret).join('(secret)'));
    }
    throw error;
  }
}
