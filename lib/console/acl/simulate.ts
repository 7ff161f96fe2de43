import { z } from 'zod';
import type { Decision } from '../../rocketmq/acl-model';
import type { ClusterContext } from '../context';
import { getAccessControl, type AccessControlOverview, type PolicyRow } from './overview';

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
  /** Which of the broker's checks decided (the page says `reason` in its own language from it). */
  why: 'not-found' | 'disabled' | 'super' | 'no-match' | 'entry';
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
  if (!user) return { decision: 'Deny', why: 'not-found', reason: `User:${input.user} is not found: the broker refuses it before any policy is looked at`, matched: [] };
  if (user.userStatus === 'disable') return { decision: 'Deny', why: 'disabled', reason: `User:${input.user} is disabled`, matched: [] };
  if (user.userType === 'Super') return { decision: 'Allow', why: 'super', reason: `User:${input.user} is a Super user: policies are not looked at`, matched: [] };
  const wanted = parse(input.resource);
  const subject = `User:${input.user}`;
  const matching = (type: string) =>
    overview.policies.filter(
      (p) => p.subject === subject && p.policyType === type && matchesResource(parse(p.resource), wanted) && (p.actions.includes('All') || p.actions.includes('Any') || p.actions.includes(input.action)) && (p.sourceIps.length === 0 || p.sourceIps.some((e) => matchesIp(e, input.sourceIp))),
    );
  const custom = matching('Custom');
  const matched = (custom.length > 0 ? custom : matching('Default')).sort(rank);
  const rule = matched[0];
  if (!rule) return { decision: 'Deny', why: 'no-match', reason: `${subject} has no permission to access ${input.resource} from ${input.sourceIp}: no matched policies`, matched };
  return {
    decision: rule.decision,
    why: 'entry',
    reason: `${rule.policyType} entry on ${rule.resource} (${rule.actions.join(', ')}${rule.sourceIps.length ? ` from ${rule.sourceIps.join(', ')}` : ''}) decides: ${rule.decision}`,
    rule,
    matched,
  };
}

/** The simulator on the cluster's live policies (as every broker holds them; a drift between brokers is said). */
export async function simulateOnCluster(ctx: ClusterContext, input: SimulateInput): Promise<SimulateAnswer & { note?: string; drifted?: true }> {
  const overview = await getAccessControl(ctx);
  const answer = simulateAccess(overview, input);
  const drifted = overview.policies.some((p) => p.missingOn.length > 0) || overview.users.some((u) => u.missingOn.length > 0 || u.differsOn.length > 0);
  return drifted ? { ...answer, drifted: true, note: 'the brokers do not all hold the same users and policies: a broker that lacks an entry may decide otherwise' } : answer;
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
