import type { ConsumerConnection } from '../../../rocketmq/get-consumer-connection-list';
import { getConsumerRunningInfo, type ConsumerRunningInfo } from '../../../rocketmq/get-consumer-running-info';
import { parseJstack } from '../../../rocketmq/get-consumer-running-info/jstack';
import type { BrokerNode } from '../../core/admin';
import { failureOf, type BrokerFailure } from '../../core/fanout';
import { checkGroupName, RETRY_PREFIX } from '../../core/names';
import { routeIfExists } from '../../core/routes';
import type { ClusterContext } from '../../context';
import { getHaOverview } from '../../ha/overview';
import type { GroupSnapshot } from '../../lag/types';
import { findConnection, runningInfoTimeoutMs } from '../brokers';
import { getGroupOverview } from '../overview';
import { viewThreads } from '../stacks';
import { diagnose, verdictOf, type Cause, type CauseKind, type ClientFacts, type GroupFacts, type RuleOutcome, type StalledQueue } from './rules';

export { CAUSE_KINDS, diagnose, verdictOf, type Cause, type CauseKind, type GroupFacts, type RuleOutcome } from './rules';

export interface GroupDiagnosis {
  group: string;
  /** The worst cause's kind; "ok" when no rule found one, "unknown" when the group's clients could not be asked. */
  verdict: CauseKind | 'ok' | 'unknown';
  causes: Cause[];
  unknown: RuleOutcome['unknown'];
  lag?: number;
  clients?: number;
  snapshotAt?: number;
  failures: BrokerFailure[];
  asOf: number;
}

/** Thread dumps cost the client a jstack and ~100 KB each: the first clients are enough to see a full pool. */
const MAX_DUMPED_CLIENTS = 16;

/**
 * Why the group lags: gathers the lag snapshot's figures, the group's connections, each online client's running
 * info with its thread dump, the group's config per broker, its retry and dead-letter counts and the subscribed
 * topics' routes, then runs the rules (rules.ts). A broker or client that does not answer is named, and a rule
 * without its evidence says it could not look.
 */
export async function getGroupDiagnosis(ctx: ClusterContext, input: { group: string }): Promise<GroupDiagnosis> {
  const { group } = input;
  checkGroupName(group);
  const snapshot = await ctx.lag.latest();
  const g = snapshot.groups.find((x) => x.group === group);
  const failures: BrokerFailure[] = [];
  // the overview refuses a group no broker knows, so the masters need no second existence check
  const [overview, masters] = await Promise.all([getGroupOverview(ctx, { group }), ctx.admin.readableBrokers()]);
  failures.push(...overview.failures);
  const lookups: BrokerFailure[] = [];
  const connection = await findConnection(group, masters, ctx.admin, lookups);
  failures.push(...lookups);
  // undefined clients: no master could say who is online (never "no client")
  const noneAnswered = lookups.length === masters.length;
  const clients = connection ? await clientFacts(ctx, group, connection) : noneAnswered ? undefined : [];
  // the topics the clients subscribe to as well as those the snapshot saw offsets on: a group that has not committed
  // an offset yet has no queue in the snapshot, though its clients already share the topic's queues
  const subscribed = new Set([...(g?.topics ?? []), ...(clients ?? []).flatMap((c) => c.info?.subscriptions.map((s) => s.topic) ?? [])].filter((t) => !t.startsWith(RETRY_PREFIX)));
  const routes = await routesOf(ctx, [...subscribed].sort());
  const replicas = await replicasOf(ctx, new Set([...routes.map((r) => r.brokerName), ...(g?.brokers ?? [])]));
  const facts: GroupFacts = {
    group,
    lag: g?.lag,
    drain: g?.drain,
    messageModel: connection?.connection.messageModel ?? g?.messageModel,
    clients,
    queueCount: queueCountOf(g, routes),
    configs: overview.configs.map((c) => ({ brokerName: c.brokerName, consumeEnable: c.consumeEnable })),
    retryMessages: overview.retry?.messages,
    dlqMessages: overview.dlq?.messages,
    stalled: g ? stalledOrderly(ctx, g, clients ?? []) : [],
    stuckAfterMs: ctx.lag.options.stuckAfterMs,
    routes,
    replicas,
    now: Date.now(),
  };
  const outcome = diagnose(facts);
  return {
    group,
    verdict: verdictOf(outcome),
    ...outcome,
    lag: g?.lag,
    clients: clients?.length,
    snapshotAt: g ? snapshot.asOf : undefined,
    failures: [...failures, ...(g?.failures ?? [])],
    asOf: Date.now(),
  };
}

async function clientFacts(ctx: ClusterContext, group: string, found: { node: BrokerNode; connection: ConsumerConnection }): Promise<ClientFacts[]> {
  const timeoutMs = runningInfoTimeoutMs(ctx.admin);
  return Promise.all(
    found.connection.connections.map(async (c, i): Promise<ClientFacts> => {
      let info: ConsumerRunningInfo;
      try {
        info = await getConsumerRunningInfo(ctx.admin, found.node.addr, group, c.clientId, { jstack: i < MAX_DUMPED_CLIENTS, timeoutMs });
      } catch (error) {
        return { clientId: c.clientId, error: failureOf(found.node, error).error };
      }
      const consumeThreads = info.jstack ? viewThreads(parseJstack(info.jstack)).consumeThreads : undefined;
      return { clientId: c.clientId, info: { ...info, jstack: undefined }, consumeThreads };
    }),
  );
}

function stalledOrderly(ctx: ClusterContext, g: GroupSnapshot, clients: ClientFacts[]): StalledQueue[] {
  const orderlyClients = clients.filter((c) => c.info?.properties.PROP_CONSUMEORDERLY === 'true');
  if (!g.orderly && orderlyClients.length === 0) return [];
  return g.queues.toArray().flatMap((q) => {
    const stall = q.lag > 0 ? ctx.lag.stallOf(g.group, q) : undefined;
    if (!stall) return [];
    const lockedBy = orderlyClients
      .filter((c) => c.info!.queues.some((p) => p.topic === q.topic && p.brokerName === q.brokerName && p.queueId === q.queueId && p.locked && !p.droped))
      .map((c) => c.clientId);
    return [{ topic: q.topic, brokerName: q.brokerName, queueId: q.queueId, lag: q.lag, stalledSince: stall.since, lockedBy }];
  });
}

async function routesOf(ctx: ClusterContext, topics: string[]): Promise<Array<GroupFacts['routes'][number] & { readQueueNums: number }>> {
  const routes = await Promise.all(topics.map(async (topic) => ({ topic, route: await routeIfExists(ctx.admin, topic).catch(() => undefined) })));
  return routes.flatMap(({ topic, route }) => (route?.queueDatas ?? []).map((q) => ({ topic, brokerName: q.brokerName, perm: q.perm, readQueueNums: q.readQueueNums })));
}

async function replicasOf(ctx: ClusterContext, brokerNames: ReadonlySet<string>): Promise<GroupFacts['replicas']> {
  if (brokerNames.size === 0) return [];
  const ha = await getHaOverview(ctx).catch(() => undefined);
  return ha?.groups
    .filter((b) => brokerNames.has(b.brokerName))
    .map((b) => ({ brokerName: b.brokerName, masterDown: b.masterDown, slaves: b.replicas.filter((r) => r.role === 'slave').map((r) => ({ brokerId: r.brokerId, behindBytes: r.behindBytes, behindMs: r.behindMs, error: r.error })) }));
}

/** The queues the clients share: the readable queues of the subscribed topics' routes, else those the snapshot saw. */
function queueCountOf(g: GroupSnapshot | undefined, routes: Array<{ perm: number; readQueueNums: number }>): number {
  const readable = routes.filter((r) => (r.perm & 4) !== 0);
  if (readable.length > 0) return readable.reduce((n, r) => n + r.readQueueNums, 0);
  return g ? g.queues.toArray().filter((q) => !q.topic.startsWith(RETRY_PREFIX)).length : 0;
}
