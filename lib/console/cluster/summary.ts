import { afterPendingIo } from '../../remoting';
import { describeFailure } from '../core/errors';
import type { ClusterContext } from '../context';
import type { LagSnapshot } from '../lag/types';
import { getClusterOverview } from './overview';

/** A group as the home page ranks it: by lag in messages, or by the age of its oldest unconsumed message. */
export interface RankedGroup {
  group: string;
  lag: number;
  /** Age of the oldest unconsumed message when the snapshot was taken; undefined when unknown. */
  lagAgeMs?: number;
  clients: number;
}

/** One cluster at a glance: is it up, what runs, how far behind its consumers are. */
export interface ClusterSummary {
  name: string;
  namesrvAddrs: string[];
  readOnly: boolean;
  /** Set when the cluster could not be read at all (namesrv down or late): the rest is then absent. */
  error?: string;
  brokers?: {
    total: number;
    masters: number;
    /** Answered their runtime call within the deadline. */
    up: number;
    /** Named, with their error: failed, late, or no longer registered. */
    down: Array<{ brokerName: string; addr: string; error: string }>;
    versions: string[];
  };
  /** From the background lag snapshot; absent until the first one is built (never a made-up 0). */
  lag?: {
    total: number;
    groups: number;
    laggingGroups: number;
    onlineGroups: number;
    worstByLag: RankedGroup[];
    worstByAge: RankedGroup[];
    /** When the snapshot's data was read. */
    asOf: number;
    /** Brokers the snapshot could not read: the totals miss their groups. */
    partial: boolean;
  };
  /** The snapshot's last error, when the newest one failed. */
  lagError?: string;
  asOf: number;
}

const WORST = 5;

/**
 * One cluster for the home page: its brokers (GET_BROKER_RUNTIME_INFO on each, as the cluster page) and its lag from
 * the background snapshot (no broker call per view). A cluster whose namesrv does not answer within `deadlineMs`
 * is named with its error; it never delays or breaks the others.
 */
export async function getClusterSummary(ctx: ClusterContext, deadlineMs: number): Promise<ClusterSummary> {
  const base = { name: ctx.name, namesrvAddrs: ctx.config.namesrvAddrs, readOnly: ctx.config.readOnly };
  const snapshot = ctx.lag.peek();
  const lag = snapshot ? lagOf(snapshot) : undefined;
  const lagError = ctx.lag.lastError;
  try {
    const overview = await withDeadline(getClusterOverview(ctx), deadlineMs, `the namesrv (${ctx.config.namesrvAddrs.join(';')}) did not answer within ${deadlineMs} ms`);
    const brokers = overview.clusters.flatMap((c) => c.brokers);
    const down = brokers.filter((b) => b.error !== undefined).map((b) => ({ brokerName: b.brokerName, addr: b.addr, error: b.error! }));
    return {
      ...base,
      brokers: {
        total: brokers.length,
        masters: brokers.filter((b) => b.role === 'MASTER' && !b.missing).length,
        up: brokers.length - down.length,
        down,
        versions: [...new Set(brokers.flatMap((b) => (b.version ? [b.version] : [])))].sort(),
      },
      ...(lag ? { lag } : {}),
      ...(lagError ? { lagError } : {}),
      asOf: overview.asOf,
    };
  } catch (error) {
    return { ...base, error: describeFailure(error), ...(lag ? { lag } : {}), ...(lagError ? { lagError } : {}), asOf: Date.now() };
  }
}

function lagOf(snapshot: LagSnapshot): NonNullable<ClusterSummary['lag']> {
  // system groups (tools, the brokers' own) are not what an operator watches
  const groups = snapshot.groups.filter((g) => !g.system);
  const ranked = groups.map(
    (g): RankedGroup => ({
      group: g.group,
      lag: g.lag,
      clients: g.clients,
      ...(g.oldestUnconsumedTimestamp !== undefined ? { lagAgeMs: snapshot.asOf - g.oldestUnconsumedTimestamp } : {}),
    }),
  );
  const lagging = ranked.filter((g) => g.lag > 0);
  return {
    total: groups.reduce((n, g) => n + g.lag, 0),
    groups: groups.length,
    laggingGroups: lagging.length,
    onlineGroups: groups.filter((g) => g.clients > 0).length,
    worstByLag: [...lagging].sort((a, b) => b.lag - a.lag || cmp(a.group, b.group)).slice(0, WORST),
    worstByAge: lagging
      .filter((g) => g.lagAgeMs !== undefined)
      .sort((a, b) => b.lagAgeMs! - a.lagAgeMs! || cmp(a.group, b.group))
      .slice(0, WORST),
    asOf: snapshot.asOf,
    partial: snapshot.failures.length > 0,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The promise's value, or a rejection naming what was late once `ms` passed (the work itself goes on). */
export function withDeadline<T>(work: Promise<T>, ms: number, late: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => afterPendingIo(() => reject(new Error(late))), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
