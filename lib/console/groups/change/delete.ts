import { deleteSubscriptionGroup } from '../../../rocketmq/delete-subscriptiongroup';
import { getBrokerConfig } from '../../../rocketmq/get-broker-config';
import { getBrokerRuntimeInfo } from '../../../rocketmq/get-broker-runtime-info';
import type { BrokerNode } from '../../core/admin';
import { masters } from '../../core/routes';
import { stepFailure } from '../../changes/steps';
import type { ChangeKind, ChangeLine, StepOutcome } from '../../changes/types';
import { BadInputError, NotFoundError } from '../../core/errors';
import { checkGroupName, isSystemGroup, DLQ_PREFIX, RETRY_PREFIX } from '../../core/names';
import type { ClusterContext } from '../../context';
import { GROUP_FIELDS, GroupDeleteInput, showGroupField, type GroupDeleteRequest, type GroupValues } from './schema';
import { fieldsOf, onlineClients, readGroupOnMasters } from './state';
import type { GroupUpsertRequest } from './schema';
import { Sentences } from '../../core/say';

export interface GroupDeleteDetail {
  /** Each master's edited fields before: what undo (of a deletion that kept the offsets) creates again. */
  before: Record<string, GroupValues>;
  clients: string[];
}

/**
 * Delete a subscription group from every master that has it, with or without its consumer offsets. Its retry and
 * dead-letter topics stay (mqadmin deletes them too, losing their messages): they are deleted from their topic pages.
 */
export const groupDelete: ChangeKind<GroupDeleteRequest, GroupDeleteDetail> = {
  action: 'group.delete',
  parse: (input) => GroupDeleteInput.parse(input),

  async plan(ctx, request) {
    checkGroupName(request.group);
    if (isSystemGroup(request.group)) throw new BadInputError(`${request.group} is a group the brokers and tools use themselves`, 'group');
    const holding = await holders(ctx, request.group);
    const detail: GroupDeleteDetail = { before: Object.fromEntries(holding.map((s) => [s.node.brokerName, fieldsOf(s.config!)])), clients: await onlineClients(ctx, holding.map((s) => s.node), request.group) };
    const lines: ChangeLine[] = holding.flatMap((s) => [
      { where: s.node.brokerName, field: 'subscription group', before: GROUP_FIELDS.flatMap((f) => { const v = showGroupField(fieldsOf(s.config!), f); return v === null ? [] : [`${f}=${v}`]; }).join(', '), after: null },
      ...(request.cleanOffset ? [{ where: s.node.brokerName, field: 'consumer offsets', before: 'kept', after: null }] : []),
    ]);
    const s = new Sentences();
    const warnings = [
      ...(detail.clients.length > 0 ? [s.text('plans.group.clientsOnline', { count: detail.clients.length, clients: detail.clients.join(', ') })] : []),
      s.text('plans.group.retryTopicsStay', { retryTopic: `${RETRY_PREFIX}${request.group}`, dlqTopic: `${DLQ_PREFIX}${request.group}` }),
      ...(request.cleanOffset ? [s.text('plans.group.offsetsDeleted')] : []),
    ];
    const recreating = request.cleanOffset ? [] : await recreatesAtOnce(ctx, holding.map((s) => s.node));
    return {
      target: { kind: 'group', name: request.group },
      request,
      lines,
      detail,
      warnings,
      blockers:
        recreating.length > 0
          ? [s.text('plans.group.recreating', { brokers: recreating.join(', '), count: recreating.length })]
          : [],
      typedConfirmation: true,
      undo: request.cleanOffset ? { possible: false, reason: s.text('plans.group.offsetsGone') } : { possible: true },
      said: s.said,
    };
  },

  async drift(ctx, plan) {
    const now = new Map((await holders(ctx, plan.request.group).catch(() => [])).map((s) => [s.node.brokerName, fieldsOf(s.config!)]));
    const drift: ChangeLine[] = [];
    for (const [b, was] of Object.entries(plan.detail.before)) {
      const current = now.get(b);
      for (const f of GROUP_FIELDS) {
        const [before, after] = [showGroupField(was, f), current ? showGroupField(current, f) : null];
        if (before !== after) drift.push({ where: b, field: f, before, after });
      }
    }
    for (const b of now.keys()) if (!(b in plan.detail.before)) drift.push({ where: b, field: 'subscription group', before: null, after: 'present' });
    return drift;
  },

  async apply(ctx, plan) {
    const nodes = new Map(masters(await ctx.admin.brokerNodes()).map((n) => [n.brokerName, n]));
    const steps = await Promise.all(
      Object.keys(plan.detail.before).map(async (b): Promise<StepOutcome> => {
        const node = nodes.get(b);
        if (!node) return { where: b, outcome: 'failed', error: `${b} has no master registered with the namesrv` };
        try {
          await deleteSubscriptionGroup(ctx.admin, node.addr, { groupName: plan.request.group, cleanOffset: plan.request.cleanOffset }, ctx.admin.config.requestTimeoutMs * 2);
          return { where: b, outcome: 'done' };
        } catch (error) {
          return stepFailure(b, error);
        }
      }),
    );
    // a broker answers 0 even when it created the group again in the same call: read back what is left
    const left = new Set((await readGroupOnMasters(ctx, [...nodes.values()], plan.request.group).catch(() => [])).filter((s) => s.config).map((s) => s.node.brokerName));
    return steps.map((s) => (s.outcome === 'done' && left.has(s.where) ? { where: s.where, outcome: 'failed', error: 'the broker answered OK but still has the group (it created it again at once)' } : s));
  },

  undoRequest(plan, steps) {
    const deleted = Object.entries(plan.detail.before).filter(([b]) => steps.some((s) => s.where === b && s.outcome !== 'failed'));
    const request: GroupUpsertRequest = { group: plan.request.group, brokerNames: deleted.map(([b]) => b), perBroker: Object.fromEntries(deleted) };
    return { action: 'group.upsert', request };
  },
};

async function holders(ctx: ClusterContext, group: string) {
  const holding = (await readGroupOnMasters(ctx, masters(await ctx.admin.brokerNodes()), group)).filter((s) => s.config);
  if (holding.length === 0) throw new NotFoundError(`no subscription group named ${group} on cluster ${ctx.name}`, 'group');
  return holding;
}

/** 5.x masters that create a group again in the same call that deletes it without its offsets (seen on 5.5.0). */
async function recreatesAtOnce(ctx: ClusterContext, nodes: BrokerNode[]): Promise<string[]> {
  const timeout = ctx.admin.config.requestTimeoutMs;
  const out: string[] = [];
  await Promise.all(
    nodes.map(async (node) => {
      const [runtime, config] = await Promise.all([getBrokerRuntimeInfo(ctx.admin, node.addr, timeout), getBrokerConfig(ctx.admin, node.addr, timeout)]);
      const major = Number(/^V(\d+)_/.exec(runtime.brokerVersionDesc ?? '')?.[1] ?? 0);
      if (major >= 5 && config.properties.autoCreateSubscriptionGroup !== 'false') out.push(node.brokerName);
    }),
  );
  return out.sort();
}
