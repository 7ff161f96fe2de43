import type { AclUser, Decision, PolicyType } from '../../rocketmq/acl-model';
import { authListAcl } from '../../rocketmq/auth-list-acl';
import { authListUser } from '../../rocketmq/auth-list-user';
import type { BrokerNode } from '../core/admin';
import { fanOut, type BrokerFailure } from '../core/fanout';
import type { ClusterContext } from '../context';

/** A user as the brokers keep it, and which broker processes do (each keeps its own copy). */
export interface UserRow extends AclUser {
  on: string[];
  /** Broker processes that answered without this user, or with other type/status (their copies drifted apart). */
  missingOn: string[];
  differsOn: string[];
}

/** One entry of a subject's policy, and which broker processes hold it exactly so. */
export interface PolicyRow {
  subject: string;
  policyType: PolicyType;
  resource: string;
  actions: string[];
  sourceIps: string[];
  decision: Decision;
  on: string[];
  missingOn: string[];
}

export interface BrokerAcl {
  brokerName: string;
  brokerId: number;
  addr: string;
  /** acl2: lists its users and policies; off: the broker has no ACL 2.0 (the reason says why). */
  state: 'acl2' | 'off';
  reason?: string;
  users?: number;
  policies?: number;
}

export interface AccessControlOverview {
  /** acl2: every answering broker keeps ACL 2.0 users; off: none does; mixed: some do. */
  mode: 'acl2' | 'off' | 'mixed' | 'unknown';
  brokers: BrokerAcl[];
  users: UserRow[];
  policies: PolicyRow[];
  /** The console's own account on this cluster (never its secret), and its user type when the brokers list it. */
  account?: { accessKey: string; userType?: string; mayChange?: boolean };
  notes: string[];
  failures: BrokerFailure[];
  asOf: number;
}

type Listing = { node: BrokerNode; users: AclUser[]; policies: Omit<PolicyRow, 'on' | 'missingOn'>[] } | { node: BrokerNode; off: string };

/**
 * ACL 2.0 users and policies as every broker process (masters and slaves) keeps them, merged, with the processes
 * whose copy differs (they are written broker by broker, so a change that reached only some shows here).
 */
export async function getAccessControl(ctx: ClusterContext): Promise<AccessControlOverview> {
  const { admin } = ctx;
  const nodes = await admin.brokerNodes();
  const timeout = admin.config.requestTimeoutMs;
  const { results, failures } = await fanOut(nodes, async (node): Promise<Listing> => {
    const users = await authListUser(admin, node.addr, '', timeout);
    if (users.kind === 'unsupported') return { node, off: users.reason };
    const acls = await authListAcl(admin, node.addr, {}, timeout);
    if (acls.kind === 'unsupported') return { node, off: acls.reason };
    const policies = acls.acls.flatMap((a) => a.policies.flatMap((p) => p.entries.map((e) => ({ subject: a.subject, policyType: p.policyType, ...e }))));
    return { node, users: users.users, policies };
  }, admin.config.fanOutDeadlineMs);
  const listings = results.map((r) => r.value);
  const lists = listings.filter((l): l is Extract<Listing, { users: AclUser[] }> => 'users' in l);
  const label = (n: BrokerNode) => `${n.brokerName}/${n.brokerId}`;
  const answered = lists.map((l) => label(l.node));

  const users = new Map<string, UserRow>();
  for (const l of lists) {
    for (const u of l.users) {
      const row = users.get(u.username) ?? { ...u, on: [], missingOn: [], differsOn: [] };
      row.on.push(label(l.node));
      if (row.userType !== u.userType || row.userStatus !== u.userStatus) row.differsOn.push(label(l.node));
      users.set(u.username, row);
    }
  }
  for (const row of users.values()) row.missingOn = answered.filter((b) => !row.on.includes(b));

  const policies = new Map<string, PolicyRow>();
  for (const l of lists) {
    for (const p of l.policies) {
      const key = JSON.stringify([p.subject, p.policyType, p.resource, [...p.actions].sort(), [...p.sourceIps].sort(), p.decision]);
      const row = policies.get(key) ?? { ...p, on: [], missingOn: [] };
      row.on.push(label(l.node));
      policies.set(key, row);
    }
  }
  for (const row of policies.values()) row.missingOn = answered.filter((b) => !row.on.includes(b));

  const brokers: BrokerAcl[] = listings.map((l) => ({
    brokerName: l.node.brokerName,
    brokerId: l.node.brokerId,
    addr: l.node.addr,
    ...('off' in l ? { state: 'off' as const, reason: l.off } : { state: 'acl2' as const, users: l.users.length, policies: l.policies.length }),
  }));
  const mode = listings.length === 0 ? 'unknown' : lists.length === listings.length ? 'acl2' : lists.length === 0 ? 'off' : 'mixed';
  const accessKey = admin.config.credentials?.accessKey;
  const notes = notesFor(mode, brokers);
  return {
    mode,
    brokers,
    users: [...users.values()].sort((a, b) => a.username.localeCompare(b.username)),
    policies: [...policies.values()].sort((a, b) => a.subject.localeCompare(b.subject) || a.resource.localeCompare(b.resource)),
    ...(accessKey ? { account: { accessKey, ...(users.get(accessKey) ? { userType: users.get(accessKey)!.userType } : {}) } } : {}),
    notes,
    failures: failures.map((f) => f.failure),
    asOf: Date.now(),
  };
}

function notesFor(mode: AccessControlOverview['mode'], brokers: BrokerAcl[]): string[] {
  if (mode !== 'off') return [];
  const reasons = [...new Set(brokers.map((b) => b.reason ?? ''))];
  return [
    ...reasons,
    // ACL 1.0 keeps its accounts in each broker's plain_acl.yml; 4.9.8 and 5.2+ removed the one request that listed them
    'ACL 1.0 (plain_acl.yml, RocketMQ 4.x to 5.3.2) cannot be listed from outside on 4.9.8 and 5.2.0+: GET_BROKER_CLUSTER_ACL_CONFIG (54) was removed; its accounts are in each broker\'s plain_acl.yml. ACL 1.0 itself was removed in 5.3.3.',
  ];
}
