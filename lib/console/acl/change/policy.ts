import type { PolicyEntry, PolicyType } from '../../../rocketmq/acl-model';
import { authCreateAcl } from '../../../rocketmq/auth-create-acl';
import { authDeleteAcl } from '../../../rocketmq/auth-delete-acl';
import { authUpdateAcl } from '../../../rocketmq/auth-update-acl';
import type { ChangeKind, ChangeLine } from '../../changes/types';
import type { ClusterContext } from '../../context';
import { PolicyDeleteInput, PolicyUpsertInput, type PolicyDeleteRequest, type PolicyUpsertRequest } from '../schema';
import { eachBroker, entryKey, readAclState, where, type BrokerAclState } from './state';
import { Sentences } from '../../core/say';

type Entry = PolicyEntry & { policyType: PolicyType };

export interface PolicyDetail {
  /** Per broker process: the subject's entry on this resource before (null: none), and whether the subject had any policy. */
  before: Record<string, { entry: Entry | null; subjectHasAcl: boolean }>;
}

const text = (e: Entry | null) => (e ? `${e.decision} ${[...e.actions].sort().join(',')}${e.sourceIps.length ? ` from ${e.sourceIps.join(',')}` : ''}` : null);

function planLines(states: BrokerAclState[], key: string, after: Entry | null, subject: string): { lines: ChangeLine[]; before: PolicyDetail['before']; missingUser: string[] } {
  const lines: ChangeLine[] = [];
  const before: PolicyDetail['before'] = {};
  const missingUser: string[] = [];
  for (const s of states) {
    const was = s.entries.get(key) ?? null;
    before[where(s.node)] = { entry: was, subjectHasAcl: [...s.entries.keys()].some((k) => k.startsWith(`${subject} `)) };
    if (after && !s.users.has(subject.slice('User:'.length))) missingUser.push(where(s.node));
    if (text(was) !== text(after)) lines.push({ where: where(s.node), field: key.slice(subject.length + 1), before: text(was), after: text(after) });
  }
  return { lines, before, missingUser };
}

async function driftOf(ctx: ClusterContext, key: string, detail: PolicyDetail): Promise<ChangeLine[]> {
  const states = await readAclState(ctx);
  return states.flatMap((s) => {
    const was = detail.before[where(s.node)]?.entry ?? null;
    const now = s.entries.get(key) ?? null;
    return text(was) !== text(now) ? [{ where: where(s.node), field: key, before: text(was), after: text(now) }] : [];
  });
}

/** Sets one entry of a subject's policy (its decision, actions and source IPs on one resource) on every broker process. */
export const aclPolicyUpsert: ChangeKind<PolicyUpsertRequest, PolicyDetail> = {
  action: 'acl.policy.upsert',
  parse: (input) => PolicyUpsertInput.parse(input),

  async plan(ctx, request) {
    const states = await readAclState(ctx);
    const key = entryKey(request.subject, request.policyType, request.resource);
    const after: Entry = { resource: request.resource, actions: request.actions, sourceIps: request.sourceIps, decision: request.decision, policyType: request.policyType };
    const { lines, before, missingUser } = planLines(states, key, after, request.subject);
    const s = new Sentences();
    return {
      target: { kind: 'broker', name: `policy ${request.subject} ${request.resource}` },
      lockOn: { kind: 'broker', name: 'acl' },
      request,
      lines,
      detail: { before },
      warnings: [
        ...(request.decision === 'Deny' ? [s.text('plans.acl.denyWins')] : []),
        ...(request.resource === '*' ? [s.text('plans.acl.anyResource')] : []),
      ],
      blockers: [
        ...(lines.length === 0 ? [s.text('plans.acl.entryUnchanged')] : []),
        ...(missingUser.length > 0 ? [s.text('plans.acl.unknownSubject', { subject: request.subject, brokers: missingUser.join(', ') })] : []),
      ],
      said: s.said,
      typedConfirmation: false,
      undo: { possible: true },
      expectedSteps: lines.length,
    };
  },

  drift: (ctx, plan) => driftOf(ctx, entryKey(plan.request.subject, plan.request.policyType, plan.request.resource), plan.detail),

  async apply(ctx, plan, report) {
    const { admin } = ctx;
    const r = plan.request;
    const acl = { subject: r.subject, policies: [{ policyType: r.policyType, entries: [{ resource: r.resource, actions: r.actions, sourceIps: r.sourceIps, decision: r.decision }] }] };
    const touched = new Set(plan.lines.map((l) => l.where));
    // a subject without any policy yet is created; otherwise the entry is merged (same resource replaced)
    return eachBroker(ctx, (at) => touched.has(at), (node, at) =>
      plan.detail.before[at]?.subjectHasAcl ? authUpdateAcl(admin, node.addr, acl, admin.config.requestTimeoutMs) : authCreateAcl(admin, node.addr, acl, admin.config.requestTimeoutMs), report);
  },

  undoRequest(plan, steps) {
    const done = steps.filter((s) => s.outcome !== 'failed').map((s) => s.where);
    const was = done.map((at) => plan.detail.before[at]?.entry).find((e) => e);
    if (!was) return { action: 'acl.policy.delete', request: { subject: plan.request.subject, resource: plan.request.resource, policyType: plan.request.policyType } };
    return { action: 'acl.policy.upsert', request: { subject: plan.request.subject, resource: was.resource, actions: was.actions, sourceIps: was.sourceIps, decision: was.decision, policyType: was.policyType } };
  },
};

/** Removes one entry (subject, resource) of a policy from every broker process. */
export const aclPolicyDelete: ChangeKind<PolicyDeleteRequest, PolicyDetail> = {
  action: 'acl.policy.delete',
  parse: (input) => PolicyDeleteInput.parse(input),

  async plan(ctx, request) {
    const states = await readAclState(ctx);
    const key = entryKey(request.subject, request.policyType, request.resource);
    const { lines, before } = planLines(states, key, null, request.subject);
    const s = new Sentences();
    return {
      target: { kind: 'broker', name: `policy ${request.subject} ${request.resource}` },
      lockOn: { kind: 'broker', name: 'acl' },
      request,
      lines,
      detail: { before },
      warnings: [s.text('plans.acl.entryLoses', { subject: request.subject })],
      blockers: lines.length === 0 ? [s.text('plans.acl.noEntry', { subject: request.subject, policyType: request.policyType, resource: request.resource })] : [],
      said: s.said,
      typedConfirmation: false,
      undo: { possible: true },
      expectedSteps: lines.length,
    };
  },

  drift: (ctx, plan) => driftOf(ctx, entryKey(plan.request.subject, plan.request.policyType, plan.request.resource), plan.detail),

  async apply(ctx, plan, report) {
    const { admin } = ctx;
    const touched = new Set(plan.lines.map((l) => l.where));
    const target = { subject: plan.request.subject, resource: plan.request.resource, policyType: plan.request.policyType };
    return eachBroker(ctx, (at) => touched.has(at), (node) => authDeleteAcl(admin, node.addr, target, admin.config.requestTimeoutMs), report);
  },

  undoRequest(plan, steps) {
    const done = steps.filter((s) => s.outcome !== 'failed').map((s) => s.where);
    const was = done.map((at) => plan.detail.before[at]?.entry).find((e) => e)!;
    return { action: 'acl.policy.upsert', request: { subject: plan.request.subject, resource: was.resource, actions: was.actions, sourceIps: was.sourceIps, decision: was.decision, policyType: was.policyType } };
  },
};
