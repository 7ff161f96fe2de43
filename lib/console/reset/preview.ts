import { getConsumeStats } from '../../rocketmq/get-consume-stats';
import { compareMessageQueues } from '../../rocketmq/message-queue';
import { getConsumerConnectionList } from '../../rocketmq/get-consumer-connection-list';
import { getTopicStatsInfo, type QueueStats } from '../../rocketmq/get-topic-stats-info';
import { searchOffsetByTimestamp } from '../../rocketmq/search-offset-by-timestamp';
import type { AdminClient, BrokerNode } from '../core/admin';
import { groupConnectionsViaProxies } from '../proxies/list';
import type { ClusterContext } from '../context';
import { BadInputError, ConflictError, NotFoundError } from '../core/errors';
import { checkGroupName } from '../core/names';
import { oldestStoreTime } from '../core/oldest';
import { RETRY_PREFIX } from '../core/names';
import { fetchRoute, masters as mastersOf, routeIfExists } from '../core/routes';
import { goneFromRoute } from '../messages/targets';
import { methodFor } from './methods';
import type { PreviewQueue, ResetMethod, ResetPreview, ResetRequest } from './types';
import { Sentences, type SayKey } from '../core/say';

const FUTURE_TOLERANCE_MS = 5_000;

/**
 * Computes, per queue, where a reset would move the group: current consumer offset, target (by time, to an end,
 * or given), broker offset, and how many messages that replays or skips. Nothing is changed on any broker; the
 * preview is kept so that applying it applies exactly these targets.
 */
export async function previewReset(ctx: ClusterContext, request: ResetRequest, options: { undoOf?: number; clampOffsets?: boolean } = {}): Promise<ResetPreview> {
  const { admin } = ctx;
  const { group } = request;
  checkGroupName(group);
  validate(request);
  const timeout = admin.config.requestTimeoutMs;
  const masters = mastersOf(await admin.brokerNodes());
  if (masters.length === 0) throw new ConflictError('no master broker is registered: offsets can only be reset on masters', 'group');

  // which topics the group has offsets on, per master (GET_CONSUME_STATS without topic), and who is online
  const withOffsets = new Map<string, Set<string>>(); // topic -> brokerNames
  await Promise.all(
    masters.map(async (m) => {
      for (const q of (await getConsumeStats(admin, m.addr, group, undefined, timeout)).queues) {
        const set = withOffsets.get(q.topic) ?? new Set<string>();
        set.add(m.brokerName);
        withOffsets.set(q.topic, set);
      }
    }),
  );
  let connection: Awaited<ReturnType<typeof getConsumerConnectionList>>;
  for (const m of masters) {
    connection = await getConsumerConnectionList(admin, m.addr, group, timeout).catch(() => undefined);
    if (connection) break;
  }
  const online = connection?.connections.length ?? 0;
  // none on the brokers: gRPC clients of a 5.x proxy (they heartbeat only to it) consume by POP
  const proxied = online === 0 ? (await groupConnectionsViaProxies(ctx, group).catch(() => []))[0] : undefined;
  const subscribed = new Set([...(connection?.subscriptions ?? []), ...(proxied?.connection.subscriptions ?? [])].map((s) => s.topic));
  if (withOffsets.size === 0 && online === 0 && !(await routeIfExists(admin, `${RETRY_PREFIX}${group}`))) {
    throw new NotFoundError(`consumer group ${group} does not exist on any broker`, 'group');
  }

  let topics: string[];
  if (request.topic) {
    await fetchRoute(admin, request.topic); // 404 for an unknown topic
    if (!withOffsets.has(request.topic) && !subscribed.has(request.topic)) {
      throw new ConflictError(`group ${group} has no offsets on topic ${request.topic} and no online client subscribes to it`, 'topic', 'not_subscribed');
    }
    topics = [request.topic];
  } else if (request.mode === 'offset') {
    topics = [...new Set((request.offsets ?? []).map((o) => o.topic!))];
  } else {
    topics = [...withOffsets.keys()].filter((t) => !t.startsWith(RETRY_PREFIX)).sort();
    if (topics.length === 0) throw new ConflictError(`group ${group} has no offsets on any topic`, 'group', 'not_subscribed');
  }

  const methods: Record<string, ResetMethod> = {};
  const blockers: string[] = [];
  const warnings: string[] = [];
  const said = new Sentences();
  const queues: PreviewQueue[] = [];
  for (const topic of topics) {
    const route = await fetchRoute(admin, topic);
    // a master gone from the namesrv (crashed, killed) is not in the route either: its queues cannot be in the plan
    for (const g of await goneFromRoute(admin, topic, route.brokerDatas.map((b) => b.brokerName))) {
      warnings.push(said.text('plans.reset.gone', { error: g.error }));
    }
    const inRoute = masters.filter((m) => route.brokerDatas.some((b) => b.brokerName === m.brokerName));
    for (const node of inRoute) {
      const [stats, consume] = await Promise.all([
        getTopicStatsInfo(admin, node.addr, topic, timeout),
        getConsumeStats(admin, node.addr, group, topic, timeout),
      ]);
      const serverSide = await ctx.resetMethods.serverSide(admin, node);
      methods[node.brokerName] = methodFor(serverSide, online > 0);
      const current = new Map(consume.queues.map((q) => [q.queueId, q.consumerOffset]));
      // the timestamp searches of a broker's queues go out together (pipelined on its socket)
      queues.push(
        ...(await Promise.all(
          stats.map(async (s) => {
            const currentOffset = current.get(s.queueId) ?? 0;
            const [targetOffset, earliestStoreTime] = await Promise.all([
              target(admin, node, request, s, currentOffset, options.clampOffsets ?? false, (key, values) => warnings.push(said.text(key, values))),
              request.mode === 'timestamp' || request.mode === 'earliest' ? oldestStoreTime(admin, node.addr, s, timeout) : undefined,
            ]);
            return { topic, brokerName: s.brokerName, queueId: s.queueId, currentOffset, targetOffset, brokerOffset: s.maxOffset, minOffset: s.minOffset, earliestStoreTime, delta: targetOffset - currentOffset };
          }),
        )),
      );
    }
  }
  if (request.mode === 'offset') checkOffsetsKnown(request, queues);
  queues.sort(compareMessageQueues);

  const changed = queues.filter((q) => q.delta !== 0);
  for (const [brokerName, method] of Object.entries(methods)) {
    if (method === 'client-push' && request.mode === 'offset' && changed.some((q) => q.brokerName === brokerName)) {
      blockers.push(said.text('plans.reset.pushOnlyByTime', { brokerName }));
    }
  }
  if (online > 0 && connection?.messageModel === 'BROADCASTING') {
    blockers.push(said.text('plans.reset.broadcasting'));
  }
  if (proxied) {
    warnings.push(said.text('plans.reset.proxied', { group, clients: String(proxied.connection.connections.length), proxy: proxied.proxy, retryTopics: topics.map((t) => `${RETRY_PREFIX}${group}_${t}`).join(', ') }));
  }
  if (changed.length === 0) warnings.push(said.text('plans.reset.nothing'));
  const beyond = request.mode === 'timestamp' ? queues.filter((q) => q.earliestStoreTime !== undefined && request.timestamp! < q.earliestStoreTime) : [];
  if (beyond.length > 0) {
    const horizon = Math.max(...beyond.map((q) => q.earliestStoreTime!));
    const list = `${beyond.map((q) => `${q.topic} ${q.brokerName}/${q.queueId}`).slice(0, 8).join(', ')}${beyond.length > 8 ? ', …' : ''}`;
    warnings.push(said.text('plans.reset.beyond', { beyond: String(beyond.length), queues: String(queues.length), list, horizon: new Date(horizon).toISOString() }));
  }
  const skip = changed.reduce((n, q) => n + Math.max(0, q.delta), 0);
  const replay = changed.reduce((n, q) => n + Math.max(0, -q.delta), 0);
  return ctx.previews.reset.save({
    group,
    topics,
    mode: request.mode,
    timestamp: request.timestamp,
    allTopics: !request.topic && request.mode !== 'offset',
    queues,
    totals: { queues: queues.length, changed: changed.length, replay, skip },
    online: { clients: online, messageModel: connection?.messageModel ?? proxied?.connection.messageModel, ...(proxied ? { viaProxy: { proxy: proxied.proxy, clients: proxied.connection.connections.length } } : {}) },
    methods,
    requiresTypedConfirmation: skip > 0 || request.mode !== 'offset',
    blockers,
    warnings,
    said: said.said,
    undoOf: options.undoOf,
    request,
  });
}

function validate(request: ResetRequest): void {
  if (request.mode === 'timestamp') {
    if (request.timestamp === undefined || !Number.isFinite(request.timestamp) || request.timestamp < 0) throw new BadInputError('timestamp is missing or not a time', 'timestamp');
    if (request.timestamp > Date.now() + FUTURE_TOLERANCE_MS) throw new BadInputError(`timestamp ${new Date(request.timestamp).toISOString()} is in the future`, 'timestamp');
  }
  if (request.mode === 'offset') {
    if (!request.offsets || request.offsets.length === 0) throw new BadInputError('offsets: choose at least one queue and its offset', 'offsets');
    for (const o of request.offsets) {
      o.topic ??= request.topic;
      if (!o.topic) throw new BadInputError(`offsets[${o.brokerName}/${o.queueId}]: the topic is missing`, 'offsets');
      if (!Number.isInteger(o.offset) || o.offset < 0) throw new BadInputError(`offsets[${o.brokerName}/${o.queueId}]: ${o.offset} is not an offset`, `offsets[${o.brokerName}/${o.queueId}]`);
    }
  }
  if (!request.topic && !request.allTopics && request.mode !== 'offset') throw new BadInputError('choose a topic, or all topics', 'topic');
}

async function target(admin: AdminClient, node: BrokerNode, request: ResetRequest, q: QueueStats, current: number, clamp: boolean, warn: (key: SayKey, values: Record<string, string>) => void): Promise<number> {
  switch (request.mode) {
    case 'earliest':
      return q.minOffset;
    case 'latest':
      return q.maxOffset;
    case 'timestamp': {
      const t = request.timestamp!;
      // past the newest message every broker should answer max; 4.9 answers the last message (max - 1)
      if (q.maxOffset === q.minOffset || (q.lastUpdateTimestamp > 0 && t > q.lastUpdateTimestamp)) return q.maxOffset;
      const found = await searchOffsetByTimestamp(admin, node.addr, q.topic, q.queueId, t, admin.config.requestTimeoutMs);
      return Math.min(Math.max(found, q.minOffset), q.maxOffset);
    }
    case 'offset': {
      const given = request.offsets!.find((o) => o.topic === q.topic && o.brokerName === q.brokerName && o.queueId === q.queueId);
      if (!given) return current;
      if (given.offset < q.minOffset || given.offset > q.maxOffset) {
        if (clamp) {
          const clamped = Math.min(Math.max(given.offset, q.minOffset), q.maxOffset);
          warn('plans.reset.clamped', { queue: `${q.topic} ${q.brokerName}/${q.queueId}`, offset: String(given.offset), min: String(q.minOffset), max: String(q.maxOffset), clamped: String(clamped) });
          return clamped;
        }
        throw new BadInputError(
          `offset ${given.offset} for ${q.topic} ${q.brokerName} queue ${q.queueId} is outside the queue's range [${q.minOffset}, ${q.maxOffset}]`,
          `offsets[${q.brokerName}/${q.queueId}]`,
        );
      }
      return given.offset;
    }
  }
}

function checkOffsetsKnown(request: ResetRequest, queues: PreviewQueue[]): void {
  for (const o of request.offsets ?? []) {
    if (!queues.some((q) => q.topic === o.topic && q.brokerName === o.brokerName && q.queueId === o.queueId)) {
      throw new BadInputError(`${o.topic} has no queue ${o.brokerName}/${o.queueId}`, `offsets[${o.brokerName}/${o.queueId}]`);
    }
  }
}

