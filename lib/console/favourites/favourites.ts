import { setTimeout as sleep } from 'node:timers/promises';
import { listAlerts } from '../alerts/view';
import { describeFailure, NotFoundError } from '../core/errors';
import type { BrokerFailure } from '../core/fanout';
import { checkGroupName, checkTopicName } from '../core/names';
import { routeIfExists } from '../core/routes';
import type { ChangeContext, ClusterContext } from '../context';
import { groupBrokers } from '../groups/brokers';
import { FIRST_SNAPSHOT_WAIT_MS } from '../groups/list';
import type { LagSnapshot } from '../lag/types';
import type { FavouriteKind, FavouriteRecord } from '../store';
import { topicCatalog, type TopicListItem } from '../topics/catalog';
import { enrichWithStats } from '../topics/list';
import { starredGroup, starredTopic, type StarredGroup, type StarredInputs, type StarredTopic } from './view';
import { Sentences, type Say } from '../core/say';

// Favourites are the caller's own preference: no audit entry, no preview, nothing sent to a broker but the check
// that what is starred exists. The context's actor is the signed-in user (an API token's user for a token).

export interface Favourites {
  groups: StarredGroup[];
  topics: StarredTopic[];
  /** When the lag snapshot the figures come from was read; absent with `lagUnknown` when there is none. */
  lagAsOf?: number;
  lagUnknown?: string;
  /** The reasons' catalog sentences, by their English text (core/say.ts). */
  said?: Record<string, Say>;
  failures: BrokerFailure[];
  asOf: number;
}

const owner = (ctx: ChangeContext) => ({ user: ctx.actor.user, cluster: ctx.name });

/** Stars a topic or group that exists now (404 naming the field otherwise); starring twice keeps the first time. */
export async function star(ctx: ChangeContext, input: { kind: FavouriteKind; name: string }): Promise<FavouriteRecord> {
  if (input.kind === 'topic') {
    checkTopicName(input.name);
    if (!(await routeIfExists(ctx.admin, input.name))) throw new NotFoundError(`topic ${input.name} does not exist on cluster ${ctx.name}`, 'topic');
  } else {
    checkGroupName(input.name);
    if (!(await groupBrokers(ctx, input.name)).known) throw new NotFoundError(`consumer group ${input.name} does not exist on any broker of cluster ${ctx.name}`, 'group');
  }
  return (await ctx.store()).personal.star(owner(ctx), input.kind, input.name, Date.now());
}

/** Removes a star, whether or not the topic or group still exists; 404 when it was not starred. */
export async function unstar(ctx: ChangeContext, input: { kind: FavouriteKind; name: string }): Promise<{ unstarred: { kind: FavouriteKind; name: string } }> {
  if (!(await (await ctx.store()).personal.unstar(owner(ctx), input.kind, input.name))) throw new NotFoundError(`${input.kind} ${input.name} is not starred`, input.kind);
  return { unstarred: input };
}

/** The caller's favourites with their figures and alerts (see view.ts), groups and topics in the order starred. */
export async function listFavourites(ctx: ChangeContext): Promise<Favourites> {
  const said = new Sentences();
  const favourites = await (await ctx.store()).personal.favourites(owner(ctx));
  const groups = favourites.filter((f) => f.kind === 'group');
  const topics = favourites.filter((f) => f.kind === 'topic');
  const [lag, alerts, topicRows] = await Promise.all([
    snapshotOrReason(ctx, said),
    groups.length + topics.length > 0 ? listAlerts(ctx).then((a) => a.alerts) : [],
    topics.length > 0 ? starredTopicRows(ctx, topics.map((t) => t.name)) : { rows: new Map<string, TopicListItem>(), failures: [] },
  ]);
  const absent = lag.snapshot ? groups.filter((g) => !lag.snapshot!.groups.some((s) => s.group === g.name)) : [];
  const input: StarredInputs = {
    favourites,
    alerts,
    ...(lag.snapshot ? { snapshot: lag.snapshot } : { lagUnknown: lag.reason }),
    ...('unknown' in topicRows ? { topicsUnknown: topicRows.unknown } : { topics: topicRows.rows }),
    groupsKnownElsewhere: new Set(await stillExisting(ctx, absent.map((g) => g.name))),
    said,
  };
  return {
    groups: groups.map((f) => starredGroup(f, input)),
    topics: topics.map((f) => starredTopic(f, input)),
    ...(lag.snapshot ? { lagAsOf: lag.snapshot.asOf } : { lagUnknown: lag.reason }),
    failures: 'failures' in topicRows ? topicRows.failures : [],
    asOf: Date.now(),
    said: said.said,
  };
}

// as the group list: a first snapshot still being built is said, not waited for
async function snapshotOrReason(ctx: ClusterContext, said: Sentences): Promise<{ snapshot: LagSnapshot; reason?: undefined } | { snapshot?: undefined; reason: string }> {
  const ready = ctx.lag.peek();
  if (ready) return { snapshot: ready };
  try {
    const first = ctx.lag.latest();
    first.catch(() => undefined);
    const snapshot = await Promise.race([first, sleep(FIRST_SNAPSHOT_WAIT_MS, undefined, { ref: false })]);
    return snapshot ? { snapshot } : { reason: said.text('status.favourites.firstSnapshot') };
  } catch (error) {
    return { reason: said.text('status.favourites.snapshotFailed', { error: describeFailure(error) }) };
  }
}

/** The topic list's rows of the starred topics, their message counts read live as the list reads its visible page. */
async function starredTopicRows(ctx: ClusterContext, names: string[]): Promise<{ rows: Map<string, TopicListItem>; failures: BrokerFailure[] } | { unknown: string }> {
  try {
    const catalog = await topicCatalog(ctx.admin, undefined, { stale: true });
    const wanted = new Set(names);
    const table = ctx.topicStats.peek();
    const rows = catalog.items
      .filter((t) => wanted.has(t.topic))
      .map((t): TopicListItem => {
        const s = table?.get(t.topic);
        return { ...t, messages: s?.messages, lastUpdateTimestamp: s?.lastUpdateTimestamp, statsPartial: s?.partial || undefined };
      });
    const failures = await enrichWithStats(rows, ctx.admin);
    return { rows: new Map(rows.map((r) => [r.topic, r])), failures: [...catalog.failures, ...failures] };
  } catch (error) {
    return { unknown: `the topic list could not be read: ${describeFailure(error)}` };
  }
}

// a group missing from the snapshot may be new since it was read: its %RETRY% topic says it exists
async function stillExisting(ctx: ClusterContext, names: string[]): Promise<string[]> {
  const known = await Promise.all(names.map((n) => groupBrokers(ctx, n).then((b) => b.known, () => true)));
  return names.filter((_, i) => known[i]);
}
