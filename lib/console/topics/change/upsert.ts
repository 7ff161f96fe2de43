import { deleteKvConfig } from '../../../rocketmq/delete-kv-config';
import { forgetTopicCatalog } from '../catalog';
import { ORDER_TOPIC_CONFIG_NAMESPACE, parseOrderConf } from '../../../rocketmq/get-kv-config';
import { putKvConfig } from '../../../rocketmq/put-kv-config';
import { updateAndCreateTopic } from '../../../rocketmq/update-and-create-topic';
import type { TopicConfig } from '../../../rocketmq/get-all-topic-config';
import { BadInputError } from '../../core/errors';
import { stepFailure } from '../../changes/steps';
import { checkTopicName, isSystemTopic } from '../../core/names';
import type { ClusterContext } from '../../context';
import type { ChangeKind, ChangeLine, StepOutcome } from '../../changes/types';
import { TopicUpsertInput, type BrokerTopicConfig, type MessageType, type TopicUpsertRequest } from './schema';
import { chosenMasters, consumingGroups, orderConf, permName, queueStats, readMasters, type MasterTopicState } from './state';
import { Sentences } from '../../core/say';

export interface TopicUpsertDetail {
  /** Each chosen master's config before (null: the topic is not there yet): what undo restores. */
  before: Record<string, BrokerTopicConfig | null>;
  created: string[];
  updated: string[];
  /** Masters whose config is already as asked: not called. */
  unchanged: string[];
  groups: string[];
  orderConf?: { before: string | null; after: string | null };
}

const ORDER_FIELD = 'ORDER_TOPIC_CONFIG';

/** Create a topic, or update its queues, permission, message type and order config, on chosen masters. */
export const topicUpsert: ChangeKind<TopicUpsertRequest, TopicUpsertDetail> = {
  action: 'topic.upsert',
  parse: (input) => TopicUpsertInput.parse(input),

  async plan(ctx, request) {
    checkTopicName(request.topic);
    const nodes = await chosenMasters(ctx, request);
    const names = new Set([...nodes.map((n) => n.clusterName), ...nodes.map((n) => n.brokerName)]);
    if (isSystemTopic(request.topic, names, ctx.config.traceTopic)) throw new BadInputError(`${request.topic} is a system topic: the brokers manage it`, 'topic');
    const states = await readMasters(ctx, nodes, request.topic);
    const old5 = states.filter((s) => !s.v5).map((s) => s.node.brokerName);
    const anyType = request.messageType !== undefined || Object.values(request.perBroker ?? {}).some((c) => c.messageType !== undefined);
    if (anyType && old5.length > 0) throw new BadInputError(`messageType is a 5.x topic attribute; ${old5.join(', ')} run${old5.length === 1 ? 's' : ''} 4.x: leave messageType out`, 'messageType');

    const before: TopicUpsertDetail['before'] = {};
    const lines: ChangeLine[] = [];
    const warnings: string[] = [];
    const detail: TopicUpsertDetail = { before, created: [], updated: [], unchanged: [], groups: [] };
    for (const state of states) {
      const b = state.node.brokerName;
      before[b] = state.config ? configOf(state.config) : null;
      const mine = brokerLines(state, wanted(request, b), request.perBroker !== undefined);
      lines.push(...mine);
      (mine.length === 0 ? detail.unchanged : state.config ? detail.updated : detail.created).push(b);
    }
    const existing = states.filter((s) => s.config);
    if (existing.length > 0) detail.groups = await consumingGroups(ctx, existing.map((s) => s.node), request.topic);
    const s = new Sentences();
    warnings.push(...(await shrinkWarnings(ctx, states, request, s)));

    const currentOrder = await orderConf(ctx, request.topic);
    const targetOrder = orderTarget(request, currentOrder, states);
    if (targetOrder !== currentOrder && targetOrder !== undefined) {
      detail.orderConf = { before: currentOrder, after: targetOrder };
      lines.push({ where: 'namesrv', field: ORDER_FIELD, before: currentOrder, after: targetOrder });
    }
    if (warnings.length > 0 && detail.groups.length > 0) warnings.push(s.text('plans.topic.consumingGroups', { topic: request.topic, groups: detail.groups.join(', ') }));
    if (detail.created.length > 0 && detail.updated.length > 0) warnings.push(s.text('plans.topic.undoPartial', { updated: detail.updated.join(', '), created: detail.created.join(', ') }));
    return {
      target: { kind: 'topic', name: request.topic },
      request: { ...request, clusterName: undefined, brokerNames: states.map((s) => s.node.brokerName) },
      lines,
      detail,
      warnings,
      blockers: lines.length === 0 ? [s.text('plans.topic.nothingToChange', { topic: request.topic, brokers: states.map((m) => m.node.brokerName).join(', ') })] : [],
      typedConfirmation: warnings.length > 0 || (request.clusterName !== undefined && existing.length > 0),
      undo: existing.length > 0 ? { possible: true } : { possible: false, reason: s.text('plans.topic.isNew') },
      said: s.said,
    };
  },

  async drift(ctx, plan) {
    // every field of every chosen master, not only the changing ones: apply sends whole configs, so a field changed
    // elsewhere since the preview would be silently put back
    const nodes = await chosenMasters(ctx, { brokerNames: plan.request.brokerNames });
    const states = await readMasters(ctx, nodes, plan.request.topic);
    const drift: ChangeLine[] = [];
    for (const state of states) {
      const b = state.node.brokerName;
      const was = plan.detail.before[b] ?? null;
      const now = state.config ? configOf(state.config) : null;
      for (const field of ['readQueueNums', 'writeQueueNums', 'perm', 'messageType'] as const) {
        const before = was ? (was[field] === undefined ? null : String(was[field])) : null;
        const after = now ? (now[field] === undefined ? null : String(now[field])) : null;
        if (before !== after) drift.push({ where: b, field: field === 'messageType' ? 'message.type' : field, before, after });
      }
    }
    if (plan.detail.orderConf) {
      const current = await orderConf(ctx, plan.request.topic);
      if (current !== plan.detail.orderConf.before) drift.push({ where: 'namesrv', field: ORDER_FIELD, before: plan.detail.orderConf.before, after: current });
    }
    return drift;
  },

  async apply(ctx, plan) {
    const { request, detail } = plan;
    const touched = new Set(plan.lines.map((l) => l.where));
    const nodes = (await chosenMasters(ctx, { brokerNames: request.brokerNames })).filter((n) => touched.has(n.brokerName));
    const timeout = ctx.admin.config.requestTimeoutMs;
    const steps: StepOutcome[] = await Promise.all(
      nodes.map(async (node): Promise<StepOutcome> => {
        const want = wanted(request, node.brokerName);
        const was = detail.before[node.brokerName];
        const attributes = attributeChange(was?.messageType, want.messageType, request.perBroker !== undefined);
        try {
          await updateAndCreateTopic(ctx.admin, node.addr, { topic: request.topic, readQueueNums: want.readQueueNums, writeQueueNums: want.writeQueueNums, perm: want.perm, order: request.order ?? false, ...(attributes ? { attributes } : {}) }, timeout * 2);
          return { where: node.brokerName, outcome: 'done' };
        } catch (error) {
          return stepFailure(node.brokerName, error);
        }
      }),
    );
    if (detail.orderConf) {
      const value = detail.orderConf.after;
      for (const addr of ctx.admin.config.namesrvAddrs) {
        try {
          if (value === null) await deleteKvConfig(ctx.admin, addr, { namespace: ORDER_TOPIC_CONFIG_NAMESPACE, key: request.topic }, timeout);
          else await putKvConfig(ctx.admin, addr, { namespace: ORDER_TOPIC_CONFIG_NAMESPACE, key: request.topic, value }, timeout);
          steps.push({ where: `namesrv ${addr}`, outcome: 'done' });
        } catch (error) {
          steps.push(stepFailure(`namesrv ${addr}`, error));
        }
      }
    }
    forgetTopicCatalog(ctx.admin);
    return steps;
  },

  undoRequest(plan, steps) {
    const failed = new Set(steps.filter((s) => s.outcome === 'failed').map((s) => s.where));
    const had = Object.entries(plan.detail.before).filter(([, config]) => config !== null);
    const updated = had.filter(([b]) => plan.detail.updated.includes(b) && !failed.has(b));
    // only the order conf changed: the brokers are named with their values as they were, which changes none of them
    const restore = updated.length > 0 ? updated : plan.detail.orderConf ? had : [];
    const first = restore[0]?.[1];
    if (!first) throw new BadInputError('the change created the topic everywhere: remove it with Delete', 'auditId');
    const request: TopicUpsertRequest = {
      topic: plan.request.topic,
      brokerNames: restore.map(([b]) => b),
      readQueueNums: first.readQueueNums,
      writeQueueNums: first.writeQueueNums,
      perm: first.perm,
      perBroker: Object.fromEntries(restore.map(([b, c]) => [b, c!])),
      ...(plan.detail.orderConf ? { orderConf: plan.detail.orderConf.before } : {}),
    };
    return { action: 'topic.upsert', request };
  },
};

function configOf(config: TopicConfig): BrokerTopicConfig {
  const type = config.attributes['message.type'] as MessageType | undefined;
  return { readQueueNums: config.readQueueNums, writeQueueNums: config.writeQueueNums, perm: config.perm, ...(type ? { messageType: type } : {}) };
}

function wanted(request: TopicUpsertRequest, brokerName: string): BrokerTopicConfig {
  return request.perBroker?.[brokerName] ?? { readQueueNums: request.readQueueNums, writeQueueNums: request.writeQueueNums, perm: request.perm, ...(request.messageType ? { messageType: request.messageType } : {}) };
}

function fieldOf(config: TopicConfig | undefined, field: string): string | null {
  if (!config) return null;
  if (field === 'message.type') return config.attributes['message.type'] ?? null;
  const value = (config as unknown as Record<string, unknown>)[field];
  return value === undefined ? null : String(value);
}

/** The lines of one master: every field that changes (all of them for a creation). */
function brokerLines(state: MasterTopicState, want: BrokerTopicConfig, exactType: boolean): ChangeLine[] {
  const where = state.node.brokerName;
  const lines: ChangeLine[] = [];
  const push = (field: string, after: string | null) => {
    const before = fieldOf(state.config, field);
    if (before !== after || !state.config) lines.push({ where, field, before, after });
  };
  push('readQueueNums', String(want.readQueueNums));
  push('writeQueueNums', String(want.writeQueueNums));
  push('perm', String(want.perm));
  if (state.v5 && (want.messageType !== undefined || (exactType && fieldOf(state.config, 'message.type') !== null))) push('message.type', want.messageType ?? null);
  return lines;
}

/** "+message.type=FIFO" to set, "-message.type" to remove (only an undo removes: it restores exactly). */
function attributeChange(before: string | undefined, after: string | undefined, exact: boolean): string | undefined {
  if (after !== undefined && after !== before) return `+message.type=${after}`;
  if (exact && after === undefined && before !== undefined) return '-message.type';
  return undefined;
}

/** What shrinking queues or taking away permission does to producers, consumers and the messages held. */
async function shrinkWarnings(ctx: ClusterContext, states: MasterTopicState[], request: TopicUpsertRequest, say: Sentences): Promise<string[]> {
  const warnings: string[] = [];
  const shrinking = states.filter((s) => s.config && wanted(request, s.node.brokerName).readQueueNums < s.config.readQueueNums);
  const stats = shrinking.length > 0 ? await queueStats(ctx, shrinking.map((s) => s.node), request.topic) : new Map();
  for (const s of states) {
    const b = s.node.brokerName;
    const want = wanted(request, b);
    if (want.writeQueueNums > want.readQueueNums) warnings.push(say.text('plans.topic.neverConsumed', { brokerName: b, write: String(want.writeQueueNums), read: String(want.readQueueNums), queues: range(want.readQueueNums, want.writeQueueNums) }));
    if (!s.config) continue;
    if (want.readQueueNums < s.config.readQueueNums) {
      const held = stats.get(b);
      const hidden = Array.isArray(held) ? held.filter((q) => q.queueId >= want.readQueueNums).reduce((n, q) => n + (q.maxOffset - q.minOffset), 0) : undefined;
      const queues = range(want.readQueueNums, s.config.readQueueNums);
      warnings.push(
        hidden === undefined
          ? say.text('plans.topic.stopReadingUnknown', { brokerName: b, queues, error: (held as { error: string } | undefined)?.error ?? 'no stats' })
          : say.text('plans.topic.stopReading', { brokerName: b, queues, messages: hidden }),
      );
    }
    if (want.writeQueueNums < s.config.writeQueueNums) warnings.push(say.text('plans.topic.stopWriting', { brokerName: b, queues: range(want.writeQueueNums, s.config.writeQueueNums) }));
    const lost = (bit: number) => (s.config!.perm & bit) !== 0 && (want.perm & bit) === 0;
    const perms = { brokerName: b, topic: request.topic, before: permName(s.config.perm), after: permName(want.perm) };
    if (lost(2)) warnings.push(say.text('plans.topic.noSend', perms));
    if (lost(4)) warnings.push(say.text('plans.topic.noRead', perms));
  }
  return warnings;
}

function range(from: number, to: number): string {
  return to - from === 1 ? String(from) : `${from}–${to - 1}`;
}

/** The ORDER_TOPIC_CONFIG value the change leaves: undefined = untouched. */
function orderTarget(request: TopicUpsertRequest, current: string | null, states: MasterTopicState[]): string | null | undefined {
  if (request.orderConf !== undefined) return request.orderConf;
  if (request.order === undefined) return undefined;
  const entries = current ? parseOrderConf(current) : {};
  for (const s of states) {
    if (request.order) entries[s.node.brokerName] = wanted(request, s.node.brokerName).writeQueueNums;
    else delete entries[s.node.brokerName];
  }
  const value = Object.entries(entries).map(([b, n]) => `${b}:${n}`).join(';');
  return value === '' ? null : value;
}
