import { setTimeout as sleep } from 'node:timers/promises';
import type { BrokerFailure } from '../core/fanout';
import type { ClusterContext } from '../context';
import type { GroupSnapshot, LagSnapshot, SnapshotProgress } from '../lag/types';
import { snapshotVerdict, type ListVerdict } from './diagnosis/rules';

const REFRESH_WAIT_MS = 30_000;
/**
 * How long a request waits for the first snapshot before it answers with the build's progress instead: at 50,000
 * groups the first build takes tens of seconds, which a page must not hang on.
 */
export const FIRST_SNAPSHOT_WAIT_MS = 2_000;

export const GROUP_SORTS = ['name', 'lag', 'lagAge', 'tps', 'clients'] as const;
export type GroupSort = (typeof GROUP_SORTS)[number];

export interface GroupQuery {
  search?: string;
  hideSystem?: boolean;
  sort: GroupSort;
  desc: boolean;
  page: number;
  pageSize: number;
}

/** A row of the group list: the snapshot's group without its per-queue detail. */
export type GroupListItem = Omit<GroupSnapshot, 'queues'> & { queueCount: number; verdict: ListVerdict };

export interface GroupPage {
  items: GroupListItem[];
  total: number;
  page: number;
  pageSize: number;
  /** When the snapshot's data was read. */
  asOf: number;
  refreshing: boolean;
  failures: BrokerFailure[];
  building?: undefined;
}

/** The answer while the first snapshot is being built: no rows and no total yet (unknown, not 0), and how far it is. */
export interface GroupListBuilding {
  building: SnapshotProgress;
  items: [];
  page: number;
  pageSize: number;
  refreshing: true;
}

export type GroupListAnswer = GroupPage | GroupListBuilding;

/**
 * Each snapshot's groups in each order asked for, sorted once: 50 operators paging a list of 10,000 groups re-sorted
 * it on every request (a fifth of the console's CPU under load); a snapshot is never changed once built.
 */
const orders = new WeakMap<LagSnapshot, Map<string, readonly GroupSnapshot[]>>();

function sortedGroups(snapshot: LagSnapshot, sort: GroupSort, desc: boolean): readonly GroupSnapshot[] {
  let known = orders.get(snapshot);
  if (!known) orders.set(snapshot, (known = new Map()));
  const cached = known.get(`${sort} ${desc}`);
  if (cached) return cached;
  const byName = (a: GroupSnapshot, b: GroupSnapshot) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0);
  const age = (g: GroupSnapshot) => (g.oldestUnconsumedTimestamp === undefined ? 0 : snapshot.asOf - g.oldestUnconsumedTimestamp);
  const keys: Record<GroupSort, (g: GroupSnapshot) => number> = {
    name: () => 0,
    lag: (g) => g.lag,
    lagAge: age,
    tps: (g) => g.consumeTps,
    clients: (g) => g.clients,
  };
  const key = keys[sort];
  const direction = desc ? -1 : 1;
  const rows = [...snapshot.groups].sort((a, b) => (sort === 'name' ? direction * byName(a, b) : direction * (key(a) - key(b)) || byName(a, b)));
  known.set(`${sort} ${desc}`, rows);
  return rows;
}

/** Filters, sorts and pages the snapshot: no broker is called here, whatever the sort. */
export function pageGroups(snapshot: LagSnapshot, query: GroupQuery, refreshing: boolean): GroupPage {
  const needle = query.search?.trim().toLowerCase();
  const rows = sortedGroups(snapshot, query.sort, Boolean(query.desc)).filter((g) => (!needle || g.group.toLowerCase().includes(needle)) && (!query.hideSystem || !g.system));
  const start = (query.page - 1) * query.pageSize;
  return {
    items: rows.slice(start, start + query.pageSize).map(({ queues, ...rest }) => ({
      ...rest,
      queueCount: queues.length,
      verdict: snapshotVerdict(rest, (snapshot.configs.get(rest.group) ?? []).map((c) => c.config.consumeEnable)),
    })),
    total: rows.length,
    page: query.page,
    pageSize: query.pageSize,
    asOf: snapshot.asOf,
    refreshing,
    failures: snapshot.failures,
  };
}

/**
 * The group list: a page of the lag snapshot. `refresh` (the button) waits for a new snapshot, up to 30 s. Before the
 * first snapshot exists it waits FIRST_SNAPSHOT_WAIT_MS, then says how far its build is (a failed first build fails
 * the request, as before).
 */
export async function listGroups(ctx: ClusterContext, query: GroupQuery & { refresh?: boolean }, firstWaitMs = FIRST_SNAPSHOT_WAIT_MS): Promise<GroupListAnswer> {
  const service = ctx.lag;
  let snapshot = service.peek();
  if (!snapshot) {
    const first = service.latest();
    // settled by a later request or the schedule; this one no longer waits for it
    first.catch(() => undefined);
    snapshot = await Promise.race([first, sleep(firstWaitMs, undefined, { ref: false })]);
    if (!snapshot) {
      return { building: service.progress ?? { phase: 'starting', done: 0, total: 0, startedAt: Date.now() }, items: [], page: query.page, pageSize: query.pageSize, refreshing: true };
    }
  }
  if (query.refresh) {
    const fresh = service.refresh();
    snapshot = (await Promise.race([fresh, sleep(REFRESH_WAIT_MS, undefined, { ref: false })])) ?? snapshot;
  }
  return pageGroups(snapshot, query, service.refreshing);
}
