/**
 * Alert rules of a cluster: listed, previewed against the current lag snapshot ("this rule would fire now for these
 * groups"), created, replaced, deleted, exported to a file and imported from one. Every change is written to the
 * audit log (action alert-rule) with the rule before and after.
 */
import { randomBytes } from 'node:crypto';
import { NotFoundError } from '../core/errors';
import type { ChangeContext, ClusterContext } from '../context';
import { groupObservations } from './collect';
import { brokerObservations } from './collect-brokers';
import { compileRule, isBrokerKind, type AlertRule } from './rules';
import type { AlertRuleInput } from './schema';
import { auditedAlertChange } from './audited';

export interface RulePreview {
  /** The snapshot the preview read. */
  snapshotAt: number;
  /** Groups (or broker processes, for broker kinds) in the rule's scope. */
  inScope: number;
  /** In scope and at or over the threshold now (the "for" duration aside), highest figure first. */
  wouldFire: Array<{ subject: string; value: number | null; topics: readonly string[] }>;
  wouldFireCount: number;
  /** In scope, figure unknown: the rule could not evaluate them. */
  unknown: Array<{ subject: string; reason: string }>;
}

const PREVIEW_LIMIT = 200;

export async function listRules(ctx: ClusterContext): Promise<{ rules: AlertRule[] }> {
  return { rules: await (await ctx.store()).alerts.rules(ctx.name) };
}

export async function previewRule(ctx: ClusterContext, input: AlertRuleInput): Promise<RulePreview> {
  const snapshot = await ctx.lag.latest();
  const { applies } = compileRule({ ...input, id: 'preview', cluster: ctx.name });
  const observations = isBrokerKind(input.kind)
    ? await brokerObservations(ctx, new Set([input.kind]), new Map())
    : groupObservations(ctx.name, snapshot, ctx.alerts.knownBrokers, { totals: ctx.alerts.retryTotals, keep: false });
  const inScope = observations.filter(applies);
  const firing = inScope.filter((o) => o.value !== undefined && o.value >= input.threshold).sort((a, b) => b.value! - a.value! || a.subject.localeCompare(b.subject));
  return {
    snapshotAt: snapshot.asOf,
    inScope: inScope.length,
    wouldFire: firing.slice(0, PREVIEW_LIMIT).map((o) => ({ subject: o.subject, value: Number.isFinite(o.value) ? o.value! : null, topics: (o.topics ?? []).filter((t) => !t.startsWith('%RETRY%')) })),
    wouldFireCount: firing.length,
    unknown: inScope.filter((o) => o.unknown !== undefined).slice(0, PREVIEW_LIMIT).map((o) => ({ subject: o.subject, reason: o.unknown! })),
  };
}

export async function saveRule(ctx: ChangeContext, input: AlertRuleInput & { id?: string }): Promise<AlertRule> {
  const store = await ctx.store();
  const existing = input.id === undefined ? undefined : await store.alerts.rule(ctx.name, input.id);
  if (input.id !== undefined && !existing) throw new NotFoundError(`no alert rule ${input.id} on cluster ${ctx.name}`, 'ruleId');
  const rule: AlertRule = { ...input, id: input.id ?? newRuleId(), cluster: ctx.name };
  await audited(ctx, existing ? 'update' : 'create', rule.id, existing, rule, () => store.alerts.putRule(ctx.name, rule, ctx.actor.user, Date.now()));
  return rule;
}

export async function deleteRule(ctx: ChangeContext, input: { ruleId: string }): Promise<{ deleted: string }> {
  const store = await ctx.store();
  const existing = await store.alerts.rule(ctx.name, input.ruleId);
  if (!existing) throw new NotFoundError(`no alert rule ${input.ruleId} on cluster ${ctx.name}`, 'ruleId');
  await audited(ctx, 'delete', existing.id, existing, undefined, () => store.alerts.deleteRule(ctx.name, existing.id));
  return { deleted: existing.id };
}

export interface RuleFile {
  format: 'rocketmq-console-alert-rules';
  version: 1;
  cluster: string;
  exportedAt: number;
  rules: Array<Omit<AlertRule, 'cluster'>>;
}

export async function exportRules(ctx: ClusterContext): Promise<RuleFile> {
  const { rules } = await listRules(ctx);
  return { format: 'rocketmq-console-alert-rules', version: 1, cluster: ctx.name, exportedAt: Date.now(), rules: rules.map(({ cluster: _cluster, ...r }) => r) };
}

/** Adds the file's rules (replacing those of the same id); `replace` also deletes the cluster's other rules. */
export async function importRules(ctx: ChangeContext, input: { rules: Array<AlertRuleInput & { id?: string }>; mode: 'merge' | 'replace' }): Promise<{ created: number; replaced: number; deleted: number }> {
  const store = await ctx.store();
  const before = new Map((await store.alerts.rules(ctx.name)).map((r) => [r.id, r]));
  const incoming = input.rules.map((r): AlertRule => ({ ...r, id: r.id ?? newRuleId(), cluster: ctx.name }));
  const keep = new Set(incoming.map((r) => r.id));
  const removed = input.mode === 'replace' ? [...before.values()].filter((r) => !keep.has(r.id)) : [];
  for (const rule of incoming) await audited(ctx, before.has(rule.id) ? 'update' : 'create', rule.id, before.get(rule.id), rule, () => store.alerts.putRule(ctx.name, rule, ctx.actor.user, Date.now()));
  for (const rule of removed) await audited(ctx, 'delete', rule.id, rule, undefined, () => store.alerts.deleteRule(ctx.name, rule.id));
  return { created: incoming.filter((r) => !before.has(r.id)).length, replaced: incoming.filter((r) => before.has(r.id)).length, deleted: removed.length };
}

function newRuleId(): string {
  return `rule-${randomBytes(5).toString('hex')}`;
}

/** The audit entry first, then the change, then its outcome: as every change the console makes. */
function audited(ctx: ChangeContext, op: 'create' | 'update' | 'delete', ruleId: string, before: AlertRule | undefined, after: AlertRule | undefined, apply: () => Promise<unknown>): Promise<void> {
  return auditedAlertChange(ctx, { action: 'alert-rule', op, id: ruleId, before, after }, apply);
}
