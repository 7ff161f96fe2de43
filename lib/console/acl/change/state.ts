import type { AclUser, PolicyEntry, PolicyType } from '../../../rocketmq/acl-model';
import { authListAcl } from '../../../rocketmq/auth-list-acl';
import { authListUser } from '../../../rocketmq/auth-list-user';
import type { BrokerNode } from '../../core/admin';
import { stepFailure } from '../../changes/steps';
import type { StepOutcome } from '../../changes/types';
import { ConflictError } from '../../core/errors';
import { fanOutAll } from '../../core/fanout';
import type { ClusterContext } from '../../context';

/** What one broker process keeps: its users, and each subject's entries by policy type and resource. */
export interface BrokerAclState {
  node: BrokerNode;
  users: Map<string, AclUser>;
  entries: Map<string, PolicyEntry & { policyType: PolicyType }>;
}

export const where = (n: BrokerNode) => `${n.brokerName}/${n.brokerId} ${n.addr}`;
export const entryKey = (subject: string, policyType: string, resource: string) => `${subject} ${policyType} ${resource}`;

/** Every broker process's users and entries (masters and slaves: each keeps its own); all must answer. */
export async function readAclState(ctx: ClusterContext): Promise<BrokerAclState[]> {
  const { admin } = ctx;
  const timeout = admin.config.requestTimeoutMs;
  const nodes = await admin.brokerNodes();
  const results = await fanOutAll(nodes, async (node): Promise<BrokerAclState | { node: BrokerNode; unsupported: string }> => {
    const users = await authListUser(admin, node.addr, '', timeout);
    if (users.kind === 'unsupported') return { node, unsupported: users.reason };
    const acls = await authListAcl(admin, node.addr, {}, timeout);
    if (acls.kind === 'unsupported') return { node, unsupported: acls.reason };
    const entries = new Map<string, PolicyEntry & { policyType: PolicyType }>();
    for (const a of acls.acls) for (const p of a.policies) for (const e of p.entries) entries.set(entryKey(a.subject, p.policyType, e.resource), { ...e, policyType: p.policyType });
    return { node, users: new Map(users.users.map((u) => [u.username, u])), entries };
  }, admin.config.fanOutDeadlineMs, 'broker');
  const states = results.map((r) => r.value);
  // a cluster without ACL 2.0 is a conflict with the request (409), not brokers that failed to answer (503)
  const without = states.flatMap((s) => ('unsupported' in s ? [`${where(s.node)}: ${s.unsupported}`] : []));
  if (without.length > 0) throw new ConflictError(`has no ACL 2.0: ${without.join('; ')}`, undefined, 'acl_unsupported');
  return states as BrokerAclState[];
}

/**
 * Runs `fn` on each broker process `chosen` picks, one after the other, each ending as a step (reported as it ends):
 * a broker that refuses stops nothing else, and the audit has each one's outcome.
 */
export async function eachBroker(ctx: ClusterContext, chosen: (at: string) => boolean, fn: (node: BrokerNode, at: string) => Promise<void>, report: (step: StepOutcome) => void): Promise<StepOutcome[]> {
  const steps: StepOutcome[] = [];
  for (const node of await ctx.admin.brokerNodes()) {
    const at = where(node);
    if (!chosen(at)) continue;
    let step: StepOutcome;
    try {
      await fn(node, at);
      step = { where: at, outcome: 'done' };
    } catch (error) {
      step = stepFailure(at, error);
    }
    steps.push(step);
    report(step);
  }
  return steps;
}
