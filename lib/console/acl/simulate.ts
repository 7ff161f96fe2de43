import { z } from 'zod';
import type { Decision } from '../../rocketmq/acl-model';
import type { ClusterContext } from '../context';
import { getAccessControl, type AccessControlOverview, type PolicyRow } from './overview';
import { say, type Say, type SayKey } from '../core/say';

export const SimulateQuery = z
  .object({
    user: z.string({ message: 'user is required' }).trim().min(1, 'user is empty').max(256),
    action: z.enum(['Pub', 'Sub', 'Create', 'Update', 'Delete', 'Get', 'List'], { message: 'action must be one of Pub, Sub, Create, Update, Delete, Get, List' }),
    resource: z.string({ message: 'resource is required' }).trim().regex(/^(Cluster|Namespace|Topic|Group):[^*\s]+$/, 'resource is Topic:<name>, Group:<name>, Cluster:<name> or Namespace:<name> (one resource, no pattern)'),
    sourceIp: z.string().trim().regex(/^(\d{1,3}\.){3}\d{1,3}$|^[0-9a-fA-F:]+$/, 'sourceIp is an IPv4 or IPv6 address').default('127.0.0.1'),
  })
  .strict();
export type SimulateInput = z.infer<typeof SimulateQuery>;

export interface SimulateAnswer {
  decision: Decision;
  /** In RocketMQ's terms: why. */
  reason: string;
  /** The reason as its catalog sentence, for a page in another language (core/say.ts). */
  reasonSay: Say;
  /** The entry that decided, when one did. */
  rule?: PolicyRow;
  /** Every entry that matched, in the order the broker ranks them (the first decides). */
  matched: PolicyRow[];
}

type ParsedResource = { type: string; name: string; pattern: 'ANY' | 'LITERAL' | 'PREFIXED' };

/** "*" (any resource), "Topic:*" (any topic), "Topic:app-*" (prefixed), "Topic:orders" (literal): Resource.of. */
function parse(resource: string): ParsedResource {
  if (resource === '*') return { type: 'ANY', name: '*', pattern: 'ANY' };
  const i = resource.indexOf(':');
  const type = resource.slice(0, i).toUpperCase();
  const name = resource.slice(i + 1);
  if (name === '*') return { type, name, pattern: 'ANY' };
  return name.endsWith('*') ? { type, name: name.slice(0, -1), pattern: 'PREFIXED' } : { type, name, pattern: 'LITERAL' };
}

function matchesResource(entry: ParsedResource, wanted: ParsedResource): boolean {
  if (entry.type === 'ANY') return true;
  if (entry.type !== wanted.type) return false;
  if (entry.pattern === 'ANY') return true;
  return entry.pattern === 'LITERAL' ? entry.name === wanted.name : wanted.name.startsWith(entry.name);
}

function ipv4(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

/** An IP or a CIDR block (IPv4); an IPv6 entry matches only that address. */
function matchesIp(entry: string, ip: string): boolean {
  const [base, bits] = entry.split('/');
  if (bits === undefined) return base === ip;
  const a = ipv4(base!);
  const b = ipv4(ip);
  if (a === undefined || b === undefined) return false;
  const size = 2 ** (32 - Number(bits));
  return Math.floor(a / size) === Math.floor(b / size);
}

/** RocketMQ 5.5's ranking (chain/AclAuthorizationHandler): a typed resource before "*", literal before prefixed before "Type:*", a longer prefix first, Deny before Allow. */
function rank(a: PolicyRow, b: PolicyRow): number {
  const ra = parse(a.resource);
  const rb = parse(b.resource);
  const order = { LITERAL: 0, PREFIXED: 1, ANY: 2 } as const;
  const compare =
    ra.type !== rb.type
      ? ra.type === 'ANY' ? 1 : rb.type === 'ANY' ? -1 : 0
      : ra.pattern === rb.pattern
        ? ra.pattern === 'PREFIXED' ? rb.name.length - ra.name.length : 0
        : order[ra.pattern] - order[rb.pattern];
  if (compare !== 0) return compare;
  return a.decision === b.decision ? 0 : a.decision === 'Deny' ? -1 : 1;
}

/**
 * "May user U do action A on resource R from IP I?", answered as a 5.5 broker would from the policies every broker
 * holds: a Super user may do anything; otherwise the Custom entries that match resource, action and IP (the Default
 * ones only when no Custom entry matches), ranked, the first one decides; none matching is a denial.
 */
export function simulateAccess(overview: Pick<AccessControlOverview, 'users' | 'policies'>, input: SimulateInput): SimulateAnswer {
  const user = overview.users.find((u) => u.username === input.user);
  const because = (key: SayKey, values: Record<string, string>) => {
    const s = say(key, values);
    return { reason: s.text, reasonSay: s.say };
  };
  if (!user) return { decision: 'Deny', ...because('status.simulator.notFound', { user: input.user }), matched: [] };
  if (user.userStatus === 'disable') return { decision: 'Deny', ...because('status.simulator.disabled', { user: input.user }), matched: [] };
  if (user.userType === 'Super') return { decision: 'Allow', ...because('status.simulator.super', { user: input.user }), matched: [] };
  const wanted = parse(input.resource);
  const subject = `User:${input.user}`;
  const matching = (type: string) =>
    overview.policies.filter(
      (p) => p.subject === subject && p.policyType === type && matchesResource(parse(p.resource), wanted) && (p.actions.includes('All') || p.actions.includes('Any') || p.actions.includes(input.action)) && (p.sourceIps.length === 0 || p.sourceIps.some((e) => matchesIp(e, input.sourceIp))),
    );
  const custom = matching('Custom');
  const matched = (custom.length > 0 ? custom : matching('Default')).sort(rank);
  const rule = matched[0];
  if (!rule) return { decision: 'Deny', ...because('status.simulator.noMatch', { user: input.user, resource: input.resource, sourceIp: input.sourceIp }), matched };
  const entry = { policyType: rule.policyType, resource: rule.resource, actions: rule.actions.join(', '), decision: rule.decision };
  return {
    decision: rule.decision,
    ...(rule.sourceIps.length ? because('status.simulator.entryFrom', { ...entry, sourceIps: rule.sourceIps.join(', ') }) : because('status.simulator.entry', entry)),
    rule,
    matched,
  };
}

/** The simulator's answer plus, when the brokers' users and policies differ, a note saying so. */
export type SimulateView = SimulateAnswer & { note?: string; noteSay?: Say };

/** The simulator on the cluster's live policies (as every broker holds them; a drift between brokers is said). */
export async function simulateOnCluster(ctx: ClusterContext, input: SimulateInput): Promise<SimulateView> {
  const overview = await getAccessControl(ctx);
  const answer = simulateAccess(overview, input);
  const drifted = overview.policies.some((p) => p.missingOn.length > 0) || overview.users.some((u) => u.missingOn.length > 0 || u.differsOn.length > 0);
  if (!drifted) return answer;
  const note = say('status.simulator.drifted');
  return { ...answer, note: note.text, noteSay: note.say };
}

/**
 * The overview plus whether the console's own account may change anything (create or update a topic or a group,
 * from any address its entries name): a Super user may; a Normal one only if an entry allows it. Unknown when the
 * account is not among the users (ACL 1.0, or no credentials).
 */
export async function getAccessControlView(ctx: ClusterContext, input: { account?: string } = {}): Promise<AccessControlOverview> {
  const overview = await getAccessControl(ctx, input);
  const account = overview.account;
  if (!account || !overview.users.some((u) => u.username === account.accessKey)) return overview;
  const subject = `User:${account.accessKey}`;
  const ips = ['127.0.0.1', ...overview.policies.filter((p) => p.subject === subject).flatMap((p) => p.sourceIps.map((ip) => ip.split('/')[0]!))];
  const mayChange = ips.some((sourceIp) =>
    (['Create', 'Update'] as const).some((action) =>
      ['Topic:console-probe', 'Group:console-probe'].some((resource) => simulateAccess(overview, { user: account.accessKey, action, resource, sourceIp }).decision === 'Allow'),
    ),
  );
  return { ...overview, account: { ...account, mayChange } };
}
