import type { AclUser, Decision, PolicyType } from '../../rocketmq/acl-model';
import { authListAcl } from '../../rocketmq/auth-list-acl';
import { authListUser } from '../../rocketmq/auth-list-user';
import type { AccountPresence, AclDataVersion } from '../../rocketmq/get-broker-cluster-acl-info';
import { acl1OfBroker } from './v1/state';
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
  /** acl2: lists its users and policies; acl1: has ACL 1.0 (its data version only); off: neither (the reason says why). */
  state: 'acl2' | 'acl1' | 'off';
  reason?: string;
  users?: number;
  policies?: number;
  /** ACL 1.0: the version of its ACL data (counter: changes made or loaded since it started) and of each ACL file. */
  acl1?: { version: AclDataVersion; files: { path: string; version: AclDataVersion }[] };
  /** ACL 1.0, when an account was looked up: whether this broker has it (told by its refusal of a wrongly signed probe). */
  lookup?: AccountPresence;
}

export interface AccessControlOverview {
  /** acl2: every answering broker keeps ACL 2.0 users; acl1: every one has ACL 1.0; off: neither; mixed: they differ. */
  mode: 'acl2' | 'acl1' | 'off' | 'mixed' | 'unknown';
  /** The ACL 1.0 account looked up (`account` in the query), if any. */
  lookup?: string;
  brokers: BrokerAcl[];
  users: UserRow[];
  policies: PolicyRow[];
  /** The console's own account on this cluster (never its secret), and its user type when the brokers list it. */
  account?: { accessKey: string; userType?: string; mayChange?: boolean };
  notes: string[];
  failures: BrokerFailure[];
  asOf: number;
}

type Acl1 = NonNullable<BrokerAcl['acl1']>;
type Listing =
  | { node: BrokerNode; users: AclUser[]; policies: Omit<PolicyRow, 'on' | 'missingOn'>[] }
  | { node: BrokerNode; acl1: Acl1; lookup?: AccountPresence }
  | { node: BrokerNode; off: string };

/** A broker without ACL 2.0: its ACL 1.0 version if it has one (and the looked-up account's presence), or why neither. */
async function acl1Listing(ctx: ClusterContext, node: BrokerNode, acl2Reason: string, account: string | undefined): Promise<Listing> {
  const { admin } = ctx;
  const read = await acl1OfBroker(admin, node.addr, admin.config.requestTimeoutMs, account);
  if (read.kind === 'unsupported') return { node, off: `${acl2Reason}; ${read.reason}` };
  const acl1 = { version: read.info.version, files: Object.entries(read.info.files).map(([path, version]) => ({ path, version })) };
  return { node, acl1, ...(read.presence ? { lookup: read.presence } : {}) };
}

/**
 * ACL 2.0 users and policies as every broker process (masters and slaves) keeps them, merged, with the processes
 * whose copy differs (they are written broker by broker, so a change that reached only some shows here).
 */
export async function getAccessControl(ctx: ClusterContext, input: { account?: string } = {}): Promise<AccessControlOverview> {
  const { admin } = ctx;
  const nodes = await admin.brokerNodes();
  const timeout = admin.config.requestTimeoutMs;
  const { results, failures } = await fanOut(nodes, async (node): Promise<Listing> => {
    const users = await authListUser(admin, node.addr, '', timeout);
    if (users.kind === 'unsupported') return acl1Listing(ctx, node, users.reason, input.account);
    const acls = await authListAcl(admin, node.addr, {}, timeout);
    if (acls.kind === 'unsupported') return acl1Listing(ctx, node, acls.reason, input.account);
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
    ...('off' in l ? { state: 'off' as const, reason: l.off } : 'acl1' in l ? { state: 'acl1' as const, acl1: l.acl1, ...(l.lookup ? { lookup: l.lookup } : {}) } : { state: 'acl2' as const, users: l.users.length, policies: l.policies.length }),
  }));
  const states = new Set(brokers.map((b) => b.state));
  const mode = listings.length === 0 ? 'unknown' : states.size > 1 ? 'mixed' : [...states][0]!;
  const accessKey = admin.config.credentials?.accessKey;
  const notes = notesFor(mode, brokers);
  return {
    mode,
    ...(input.account !== undefined && mode === 'acl1' ? { lookup: input.account } : {}),
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
  if (mode === 'acl1') {
    return [
      // ACL 1.0 keeps its accounts in each broker's plain_acl.yml; 4.9.8 and 5.2+ removed the one request that listed them
      'ACL 1.0 accounts cannot be listed from outside on 4.9.8 and 5.2.0+: GET_BROKER_CLUSTER_ACL_CONFIG (54) was removed; they are in each broker\'s plain_acl.yml. Look one up by its access key; create, change and delete accounts and set the global white list here.',
      'ACL 2.0 (users and policies) needs RocketMQ 5.3 or later; ACL 1.0 itself was removed in 5.3.3.',
    ];
  }
  if (mode !== 'off') return [];
  return [...new Set(brokers.map((b) => b.reason ?? ''))];
}
