import { z } from 'zod';
import { getTopicStatsInfo } from '../../rocketmq/get-topic-stats-info';
import { queryTopicConsumeByWho } from '../../rocketmq/query-topic-consume-by-who';
import { pullMessage } from '../../rocketmq/pull-message';
import { searchOffsetByTimestamp } from '../../rocketmq/search-offset-by-timestamp';
import { sendMessage } from '../../rocketmq/send-message';
import type { StoredMessage } from '../../rocketmq/stored-message';
import { decodeOffsetMessageId } from '../../rocketmq/message-id';
import { viewMessageByOffsetMsgId } from '../../rocketmq/view-message-by-id';
import { stepFailure } from '../changes/steps';
import type { ChangeKind, ChangeLine, StepOutcome } from '../changes/types';
import type { AdminClient } from '../core/admin';
import type { BrokerFailure } from '../core/fanout';
import { BadInputError, NotFoundError } from '../core/errors';
import { DLQ_PREFIX, RETRY_PREFIX, checkGroupName } from '../core/names';
import { fetchRoute, masters, routeIfExists } from '../core/routes';
import { timestamp } from '../core/schema';
import type { ClusterContext } from '../context';
import { CONSOLE_PRODUCER_GROUP } from '../messages/send';
import { goneFromRoute, routeTargets } from '../messages/targets';
import { Sentences } from '../core/say';

/** At most this many messages per redrive: a bigger backlog is redriven window by window. */
export const MAX_REDRIVE = 200;

export const RedriveInput = z
  .object({
    group: z.string({ message: 'group is required' }).trim().min(1, 'group is empty').max(255),
    /** retry: to %RETRY%<group>, only this group gets them; original: to the topic they came from, every group of it does. */
    target: z.enum(['retry', 'original'], { message: 'target must be retry or original' }),
    offsetMsgIds: z.array(z.string().regex(/^[0-9A-Fa-f]{32}$|^[0-9A-Fa-f]{56}$/, 'an offsetMsgId is 32 (IPv4) or 56 (IPv6) hex digits')).min(1, 'offsetMsgIds is empty').max(MAX_REDRIVE, `at most ${MAX_REDRIVE} offsetMsgIds`).optional(),
    begin: timestamp('begin').optional(),
    end: timestamp('end').optional(),
  })
  .strict();
export type RedriveRequest = z.infer<typeof RedriveInput>;

interface RedriveMessage {
  offsetMsgId: string;
  msgId: string;
  brokerName: string;
  queueId: number;
  queueOffset: number;
  originalTopic: string;
  reconsumeTimes: number;
  storeTimestamp: number;
}

export interface RedriveDetail {
  dlqTopic: string;
  messages: RedriveMessage[];
  /** DLQ messages of the selection an earlier redrive already sent back (audit), left out. */
  skipped: Array<{ offsetMsgId: string; auditId: number }>;
  /** The selection held more than MAX_REDRIVE: the oldest MAX_REDRIVE are taken. */
  truncated: boolean;
}

/**
 * Sends dead letters back so the group consumes them again: a copy of each DLQ message (the DLQ copy stays), to the
 * group's retry topic (only this group, its clients see the original topic again) or to the original topic (every
 * group of it). Bounded, audited per message, never undone; a message an earlier redrive sent back is skipped.
 */
export const dlqRedrive: ChangeKind<RedriveRequest, RedriveDetail> = {
  action: 'dlq.redrive',
  parse: (input) => RedriveInput.parse(input),

  async plan(ctx, request) {
    checkGroupName(request.group);
    const dlqTopic = `${DLQ_PREFIX}${request.group}`;
    if (!(await routeIfExists(ctx.admin, dlqTopic))) throw new NotFoundError(`${request.group} has no dead letters: ${dlqTopic} does not exist`, 'group');
    const selected: { messages: RedriveMessage[]; truncated: boolean; gone?: BrokerFailure[] } = request.offsetMsgIds
      ? await byIds(ctx.admin, dlqTopic, request.offsetMsgIds)
      : await byWindow(ctx.admin, dlqTopic, request.begin ?? 0, request.end ?? Date.now());
    const done = await alreadyRedriven(ctx, request.group);
    const skipped = selected.messages.filter((m) => done.has(m.offsetMsgId)).map((m) => ({ offsetMsgId: m.offsetMsgId, auditId: done.get(m.offsetMsgId)! }));
    const messages = selected.messages.filter((m) => !done.has(m.offsetMsgId));
    const destination = (m: RedriveMessage) => (request.target === 'retry' ? `${RETRY_PREFIX}${request.group}` : m.originalTopic);
    const lines: ChangeLine[] = messages.map((m) => ({
      where: `${m.brokerName} ${dlqTopic} queue ${m.queueId} offset ${m.queueOffset}`,
      field: m.msgId,
      before: `dead letter of ${m.originalTopic}, consumed ${m.reconsumeTimes} time${m.reconsumeTimes === 1 ? '' : 's'}`,
      after: `sent to ${destination(m)}, reconsume count 0`,
    }));
    const originals = [...new Set(selected.messages.map((m) => m.originalTopic))];
    const s = new Sentences();
    const others = request.target === 'retry' ? [] : await groupsOf(ctx, originals);
    const toTopic = { originals: originals.join(', '), group: request.group, groups: others.join(', ') };
    const warnings = [
      ...(request.target === 'retry'
        ? [s.text('plans.redrive.toRetry', { group: request.group, retryTopic: `${RETRY_PREFIX}${request.group}`, originals: originals.join(', ') || '—' })]
        : [originals.length === 0 ? s.text('plans.redrive.toTopicNoName', { ...toTopic, groups: toTopic.groups || 'no other group known' }) : others.length === 0 ? s.text('plans.redrive.noOtherGroup', toTopic) : s.text('plans.redrive.toTopic', toTopic)]),
      s.text('plans.redrive.newMessages'),
      ...(skipped.length > 0 ? [s.text('plans.redrive.skipped', { count: String(skipped.length), audits: [...new Set(skipped.map((k) => `#${k.auditId}`))].join(', ') })] : []),
      ...(selected.gone ?? []).map((g) => s.text('plans.redrive.gone', { error: g.error })),
      ...(selected.truncated ? [s.text('plans.redrive.truncated', { max: String(MAX_REDRIVE) })] : []),
    ];
    return {
      target: { kind: 'group', name: request.group },
      request,
      lines,
      detail: { dlqTopic, messages, skipped, truncated: selected.truncated },
      warnings,
      blockers: messages.length === 0 ? [s.text('plans.redrive.nothingSelected')] : [],
      typedConfirmation: true,
      undo: { possible: false, reason: s.text('plans.redrive.undo') },
      said: s.said,
      expectedSteps: messages.length,
    };
  },

  async drift() {
    // the DLQ copies stay where they are; what was already redriven is checked again at apply
    return [];
  },

  async apply(ctx, plan, report) {
    const { admin } = ctx;
    const { request, detail } = plan;
    const done = await alreadyRedriven(ctx, request.group);
    const steps: StepOutcome[] = [];
    // one at a time: a broker that refuses stops nothing else, and the audit has each message's outcome
    for (const m of detail.messages) {
      const step: StepOutcome = done.has(m.offsetMsgId)
        ? { where: m.offsetMsgId, outcome: 'failed', error: `skipped: already sent back (audit #${done.get(m.offsetMsgId)})` }
        : await redriveOne(admin, request, detail.dlqTopic, m);
      steps.push(step);
      report(step);
    }
    return steps;
  },
};

async function redriveOne(admin: AdminClient, request: RedriveRequest, dlqTopic: string, m: RedriveMessage): Promise<StepOutcome> {
  try {
    const found = await viewMessageByOffsetMsgId(admin, m.offsetMsgId, dlqTopic, admin.config.requestTimeoutMs);
    if (!found.found) return { where: m.offsetMsgId, outcome: 'failed', error: `the dead letter is no longer stored: ${found.reason}` };
    const stored = found.message;
    const topic = request.target === 'retry' ? `${RETRY_PREFIX}${request.group}` : m.originalTopic;
    const node = await writableMaster(admin, topic);
    const properties = { ...stored.properties };
    for (const k of ['DELAY', 'TRAN_MSG', 'REAL_TOPIC', 'REAL_QID', 'MIN_OFFSET', 'MAX_OFFSET', 'CONSUME_START_TIME', 'TIMER_DELIVER_MS', 'WAIT']) delete properties[k];
    // the client of a retry topic restores the original topic from RETRY_TOPIC; on the original topic it means nothing
    if (request.target === 'retry') properties.RETRY_TOPIC = m.originalTopic;
    else delete properties.RETRY_TOPIC;
    properties.ORIGIN_MESSAGE_ID = properties.ORIGIN_MESSAGE_ID ?? m.msgId;
    properties.WAIT = 'true';
    const r = await sendMessage(admin, node.addr, { producerGroup: CONSOLE_PRODUCER_GROUP, topic, queueId: -1, brokerName: node.brokerName, body: stored.body, properties, bornTimestamp: Date.now() }, admin.config.requestTimeoutMs * 2);
    return { where: m.offsetMsgId, outcome: 'done', result: { topic, msgId: m.msgId, offsetMsgId: r.offsetMsgId, brokerName: node.brokerName, queueId: r.queueId, queueOffset: r.queueOffset } };
  } catch (error) {
    return stepFailure(m.offsetMsgId, error);
  }
}

async function writableMaster(admin: AdminClient, topic: string) {
  const nodes = masters(await admin.brokerNodes());
  // a retry topic the broker has not made yet (no route): any master makes it on the first send
  const route = await routeIfExists(admin, topic);
  const names = route ? route.queueDatas.filter((q) => (q.perm & 2) !== 0 && q.writeQueueNums > 0).map((q) => q.brokerName) : nodes.map((n) => n.brokerName);
  const node = nodes.find((n) => names.includes(n.brokerName));
  if (!node) throw new Error(`no master takes writes to ${topic}`);
  return node;
}

function toRedrive(m: StoredMessage, brokerName: string): RedriveMessage {
  return {
    offsetMsgId: m.offsetMsgId,
    msgId: m.msgId,
    brokerName,
    queueId: m.queueId,
    queueOffset: m.queueOffset,
    originalTopic: m.properties.RETRY_TOPIC ?? m.topic,
    reconsumeTimes: m.reconsumeTimes,
    storeTimestamp: m.storeTimestamp,
  };
}

async function byIds(admin: AdminClient, dlqTopic: string, ids: string[]): Promise<{ messages: RedriveMessage[]; truncated: boolean }> {
  const nodes = await admin.brokerNodes();
  const messages: RedriveMessage[] = [];
  for (const [i, id] of ids.entries()) {
    // the console dials only brokers of the cluster, never a host an id names
    const address = decodeOffsetMessageId(id)?.address;
    if (!address || !nodes.some((n) => n.addr === address)) throw new BadInputError(`offsetMsgIds[${i}]: ${id} names ${address ?? 'no address'}, not a broker of this cluster`, `offsetMsgIds[${i}]`);
    const found = await viewMessageByOffsetMsgId(admin, id.toUpperCase(), dlqTopic, admin.config.requestTimeoutMs).catch(() => undefined);
    if (!found?.found || found.message.topic !== dlqTopic) throw new BadInputError(`offsetMsgIds[${i}]: ${id} is not a message of ${dlqTopic}`, `offsetMsgIds[${i}]`);
    const host = found.message.storeHost;
    messages.push(toRedrive(found.message, nodes.find((n) => n.addr === host)?.brokerName ?? host));
  }
  return { messages, truncated: false };
}

async function byWindow(admin: AdminClient, dlqTopic: string, begin: number, end: number): Promise<{ messages: RedriveMessage[]; truncated: boolean; gone?: BrokerFailure[] }> {
  if (begin > end) throw new BadInputError('begin: the window must start before it ends', 'begin');
  const timeout = admin.config.requestTimeoutMs;
  const messages: RedriveMessage[] = [];
  const targets = await routeTargets(admin, dlqTopic);
  const gone = await goneFromRoute(admin, dlqTopic, targets.map((t) => t.brokerName));
  for (const t of targets) {
    for (const q of await getTopicStatsInfo(admin, t.addr, dlqTopic, timeout)) {
      let offset = begin > 0 ? Math.max(q.minOffset, await searchOffsetByTimestamp(admin, t.addr, dlqTopic, q.queueId, begin, timeout)) : q.minOffset;
      while (offset < q.maxOffset) {
        const r = await pullMessage(admin, t.addr, { topic: dlqTopic, queueId: q.queueId, queueOffset: offset, maxMsgNums: 32 }, timeout);
        if (r.messages.length === 0 || r.nextBeginOffset <= offset) break;
        for (const m of r.messages) if (m.storeTimestamp >= begin && m.storeTimestamp <= end) messages.push(toRedrive(m, t.brokerName));
        offset = r.nextBeginOffset;
        if (r.messages.some((m) => m.storeTimestamp > end)) break;
      }
    }
  }
  messages.sort((a, b) => a.storeTimestamp - b.storeTimestamp);
  return { messages: messages.slice(0, MAX_REDRIVE), truncated: messages.length > MAX_REDRIVE, gone };
}

/** DLQ offsetMsgIds an earlier redrive of this group sent back, with its audit entry. */
async function alreadyRedriven(ctx: ClusterContext, group: string): Promise<Map<string, number>> {
  const store = await ctx.store();
  const { items } = await store.audit.list({ cluster: ctx.name, action: 'dlq.redrive', targetKind: 'group', targetName: group, limit: 500, offset: 0 });
  const done = new Map<string, number>();
  for (const entry of items) {
    const steps = (entry.outcome?.result as { steps?: StepOutcome[] } | null)?.steps ?? [];
    for (const s of steps) if (s.outcome === 'done' || s.outcome === 'unknown') done.set(s.where, entry.id);
  }
  return done;
}

async function groupsOf(ctx: ClusterContext, topics: string[]): Promise<string[]> {
  const groups = new Set<string>();
  for (const topic of topics) {
    const route = await fetchRoute(ctx.admin, topic).catch(() => undefined);
    const node = route ? masters(await ctx.admin.brokerNodes()).find((n) => route.brokerDatas.some((b) => b.brokerName === n.brokerName)) : undefined;
    if (node) for (const g of await queryTopicConsumeByWho(ctx.admin, node.addr, topic).catch(() => [])) groups.add(g);
  }
  return [...groups].sort();
}
