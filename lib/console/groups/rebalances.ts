import { NotFoundError } from '../core/errors';
import { checkGroupName } from '../core/names';
import type { ClusterContext } from '../context';
import { LAG_RANGES, type LagRange } from '../lag/history';

/** Events read for one answer: a group of 1,000 queues fully reshuffled a few times fits; more says `truncated`. */
const MAX_EVENTS = 20_000;

/** What one sample saw change in the group: a rebalance (or the part of one that happened between two samples). */
export interface Rebalance {
  /** when the sample that saw it was taken */
  t: number;
  /** the sample before: it happened between sinceT and t; null when the console was not looking (a restart) */
  sinceT: number | null;
  joined: string[];
  left: string[];
  /** from null: assigned to a client; to null: unassigned (held by no client). */
  moved: Array<{ topic: string; brokerName: string; queueId: number; from: string | null; to: string | null }>;
}

export interface RebalanceHistory {
  group: string;
  range: LagRange;
  from: number;
  to: number;
  /** oldest first */
  rebalances: Rebalance[];
  /** more events than one answer holds: the oldest were left out */
  truncated: boolean;
}

/**
 * Clients that joined and left the group and the queues that moved between them over a range, as the rebalance
 * sampler recorded them (grouped per sample); 404 for a group that neither exists nor has history.
 */
export async function getRebalanceHistory(ctx: ClusterContext, input: { group: string; range: LagRange }, now = Date.now()): Promise<RebalanceHistory> {
  const { group, range } = input;
  checkGroupName(group);
  const from = now - LAG_RANGES[range];
  const { rows, truncated } = await (await ctx.store()).rebalance.events(ctx.name, group, from, now, MAX_EVENTS);
  if (rows.length === 0 && !(await ctx.lag.latest()).configs.has(group)) throw new NotFoundError(`consumer group ${group} does not exist and has no rebalance history`, 'group');
  const byT = new Map<number, Rebalance>();
  for (const r of rows) {
    let entry = byT.get(r.t);
    if (!entry) byT.set(r.t, (entry = { t: r.t, sinceT: r.sinceT, joined: [], left: [], moved: [] }));
    if (r.kind === 'joined' && r.clientId) entry.joined.push(r.clientId);
    else if (r.kind === 'left' && r.clientId) entry.left.push(r.clientId);
    else if (r.kind === 'moved' && r.topic !== null && r.brokerName !== null && r.queueId !== null) {
      entry.moved.push({ topic: r.topic, brokerName: r.brokerName, queueId: r.queueId, from: r.fromClientId, to: r.clientId });
    }
  }
  return { group, range, from, to: now, rebalances: [...byT.values()], truncated };
}
