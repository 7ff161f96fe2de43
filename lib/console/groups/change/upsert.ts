import { updateAndCreateSubscriptionGroup } from '../../../rocketmq/update-and-create-subscriptiongroup';
import type { SubscriptionGroupConfig } from '../../../rocketmq/get-all-subscriptiongroup-config';
import { chosenMasters } from '../../changes/masters';
import { stepFailure } from '../../changes/steps';
import type { ChangeKind, ChangeLine, StepOutcome } from '../../changes/types';
import { BadInputError } from '../../core/errors';
import { checkGroupName, isSystemGroup } from '../../core/names';
import { GROUP_FIELDS, GroupUpsertInput, showGroupField, type GroupValues, type GroupUpsertRequest } from './schema';
import { fieldsOf, onlineClients, readGroupOnMasters } from './state';
import { Sentences } from '../../core/say';

type Values = GroupValues;

/** What a new group gets for a field the request leaves out: the broker's own defaults (SubscriptionGroupConfig). */
const DEFAULTS: Values = { retryQueueNums: 1, retryMaxTimes: 16, consumeEnable: true, consumeBroadcastEnable: true, consumeFromMinEnable: false, consumeMessageOrderly: false };

export interface GroupUpsertDetail {
  /** Each chosen master's edited fields before (null: the group is not there yet): what undo restores. */
  before: Record<string, Values | null>;
  created: string[];
  updated: string[];
  unchanged: string[];
  /** Online clients (clientId @ address) when the change disables consumption. */
  clients: string[];
}

/** Create a subscription group or update its retry, broadcast, from-min, enabled and orderly settings. */
export const groupUpsert: ChangeKind<GroupUpsertRequest, GroupUpsertDetail> = {
  action: 'group.upsert',
  parse: (input) => GroupUpsertInput.parse(input),

  async plan(ctx, request) {
    checkGroupName(request.group);
    if (isSystemGroup(request.group)) throw new BadInputError(`${request.group} is a group the brokers and tools use themselves`, 'group');
    const nodes = await chosenMasters(ctx, request);
    const states = await readGroupOnMasters(ctx, nodes, request.group);
    const old = states.filter((s) => !s.v5).map((s) => s.node.brokerName);
    if (request.retryPolicy && old.length > 0) throw new BadInputError(`retryPolicy is a 5.x group setting; ${old.join(', ')} run${old.length === 1 ? 's' : ''} 4.x: leave retryPolicy out`, 'retryPolicy');
    const detail: GroupUpsertDetail = { before: {}, created: [], updated: [], unchanged: [], clients: [] };
    const lines: ChangeLine[] = [];
    for (const s of states) {
      const b = s.node.brokerName;
      const before = s.config ? fieldsOf(s.config) : null;
      detail.before[b] = before;
      const after = wanted(request, b, before);
      const mine = GROUP_FIELDS.map((f) => ({ where: b, field: f, before: before ? showGroupField(before, f) : null, after: showGroupField(after, f) })).filter((l) => l.before !== l.after);
      lines.push(...mine);
      (mine.length === 0 ? detail.unchanged : before ? detail.updated : detail.created).push(b);
    }
    const warnings: string[] = [];
    const s = new Sentences();
    const disabling = states.filter((s) => s.config?.consumeEnable === true && wanted(request, s.node.brokerName, fieldsOf(s.config)).consumeEnable === false);
    if (disabling.length > 0) {
      detail.clients = await onlineClients(ctx, nodes, request.group);
      const brokers = disabling.map((m) => m.node.brokerName).join(', ');
      warnings.push(detail.clients.length === 0 ? s.text('plans.group.stopsNoClient', { brokers }) : s.text('plans.group.stops', { brokers, count: detail.clients.length, clients: detail.clients.join(', ') }));
    }
    const retriesDown = states.filter((s) => s.config && wanted(request, s.node.brokerName, fieldsOf(s.config)).retryMaxTimes < s.config.retryMaxTimes);
    if (retriesDown.length > 0) warnings.push(s.text('plans.group.fewerRetries', { brokers: retriesDown.map((m) => m.node.brokerName).join(', '), group: request.group }));
    if (detail.created.length > 0 && detail.updated.length > 0) warnings.push(s.text('plans.group.undoPartial', { updated: detail.updated.join(', '), created: detail.created.join(', ') }));
    const existing = states.filter((s) => s.config);
    return {
      target: { kind: 'group', name: request.group },
      request: { ...request, clusterName: undefined, brokerNames: states.map((s) => s.node.brokerName) },
      lines,
      detail,
      warnings,
      blockers: lines.length === 0 ? [s.text('plans.group.nothingToChange', { group: request.group, brokers: states.map((m) => m.node.brokerName).join(', ') })] : [],
      typedConfirmation: disabling.length > 0 || (request.clusterName !== undefined && existing.length > 0),
      undo: existing.length > 0 ? { possible: true } : { possible: false, reason: s.text('plans.group.isNew') },
      said: s.said,
    };
  },

  async drift(ctx, plan) {
    const states = await readGroupOnMasters(ctx, await chosenMasters(ctx, { brokerNames: plan.request.brokerNames }), plan.request.group);
    const drift: ChangeLine[] = [];
    for (const s of states) {
      const was = plan.detail.before[s.node.brokerName] ?? null;
      const now = s.config ? fieldsOf(s.config) : null;
      for (const f of GROUP_FIELDS) {
        const before = was ? showGroupField(was, f) : null;
        const after = now ? showGroupField(now, f) : null;
        if (before !== after) drift.push({ where: s.node.brokerName, field: f, before, after });
      }
    }
    return drift;
  },

  async apply(ctx, plan) {
    const touched = new Set(plan.lines.map((l) => l.where));
    const nodes = (await chosenMasters(ctx, { brokerNames: plan.request.brokerNames })).filter((n) => touched.has(n.brokerName));
    // the broker replaces the whole config: send every field as it is now, with the edited ones changed
    const current = new Map((await readGroupOnMasters(ctx, nodes, plan.request.group)).map((s) => [s.node.brokerName, s.config]));
    return Promise.all(
      nodes.map(async (node): Promise<StepOutcome> => {
        const config = current.get(node.brokerName);
        try {
          await updateAndCreateSubscriptionGroup(ctx.admin, node.addr, { ...(config ? keep(config) : {}), groupName: plan.request.group, ...spec(wanted(plan.request, node.brokerName, config ? fieldsOf(config) : null)) }, ctx.admin.config.requestTimeoutMs * 2);
          return { where: node.brokerName, outcome: 'done' };
        } catch (error) {
          return stepFailure(node.brokerName, error);
        }
      }),
    );
  },

  undoRequest(plan, steps) {
    const failed = new Set(steps.filter((s) => s.outcome === 'failed').map((s) => s.where));
    const restore = Object.entries(plan.detail.before).filter(([b, v]) => v !== null && plan.detail.updated.includes(b) && !failed.has(b)) as Array<[string, Values]>;
    if (restore.length === 0) throw new BadInputError('the change created the group everywhere it changed it: remove it with Delete', 'auditId');
    const request: GroupUpsertRequest = { group: plan.request.group, brokerNames: restore.map(([b]) => b), perBroker: Object.fromEntries(restore) };
    return { action: 'group.upsert', request };
  },
};

function wanted(request: GroupUpsertRequest, brokerName: string, before: Values | null): Values {
  const exact = request.perBroker?.[brokerName];
  if (exact) return exact;
  const base = before ?? DEFAULTS;
  const retryPolicy = request.retryPolicy ?? base.retryPolicy;
  return {
    retryQueueNums: request.retryQueueNums ?? base.retryQueueNums,
    retryMaxTimes: request.retryMaxTimes ?? base.retryMaxTimes,
    consumeEnable: request.consumeEnable ?? base.consumeEnable,
    consumeBroadcastEnable: request.consumeBroadcastEnable ?? base.consumeBroadcastEnable,
    consumeFromMinEnable: request.consumeFromMinEnable ?? base.consumeFromMinEnable,
    consumeMessageOrderly: request.consumeMessageOrderly ?? base.consumeMessageOrderly,
    ...(retryPolicy ? { retryPolicy } : {}),
  };
}

/**
 * The fields the console does not edit, sent back as they are (brokerId, whichBrokerWhenConsumeSlowly, the 5.x
 * timeout, attributes and retry policy): the broker replaces the whole config, so a field left out is reset.
 */
function keep(config: SubscriptionGroupConfig) {
  return {
    brokerId: config.brokerId,
    whichBrokerWhenConsumeSlowly: config.whichBrokerWhenConsumeSlowly,
    notifyConsumerIdsChangedEnable: config.notifyConsumerIdsChangedEnable,
    groupSysFlag: config.groupSysFlag,
    ...(config.consumeTimeoutMinute !== undefined ? { consumeTimeoutMinute: config.consumeTimeoutMinute } : {}),
    ...(Object.keys(config.attributes).length > 0 ? { attributes: config.attributes } : {}),
    ...(config.groupRetryPolicy ? { groupRetryPolicy: config.groupRetryPolicy } : {}),
  };
}

/** A group's edited values as the request to the broker names them. */
function spec(values: Values) {
  const { retryPolicy, ...rest } = values;
  return { ...rest, ...(retryPolicy ? { groupRetryPolicy: retryPolicy } : {}) };
}
