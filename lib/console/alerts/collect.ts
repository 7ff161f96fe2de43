/**
 * Observations of the group kinds from one lag snapshot. A group a broker failed in the snapshot has a partial lag:
 * its figures are unknown (naming the broker), never the sum of the brokers that answered. A broker that failed the
 * whole snapshot (down, frozen) lists no groups at all: `knownBrokers` (the masters each group was last seen on)
 * says which groups it leaves incomplete.
 */
import type { PackedQueues } from '../lag/packed-queues';
import type { GroupSnapshot } from '../lag/types';
import type { Observation } from './rules';

type GroupFigures = Omit<GroupSnapshot, 'queues'> & { queues?: PackedQueues };

/**
 * Each group's %RETRY% topic total (Σ brokerOffset) at the last snapshot: its growth per minute is the rate at which
 * the group's clients send messages back for redelivery, i.e. consume failures (a message sent back waits out its
 * delay level before it lands in %RETRY%, so the rate trails the failures by that delay).
 */
export class RetryTotals {
  private readonly last = new Map<string, { asOf: number; total: number; queues: number }>();

  /**
   * Messages per minute since the previous snapshot; undefined the first time a group is seen, and when its %RETRY%
   * queues in the snapshot changed (a queue appears once the group commits an offset on it: its whole backlog is not
   * new failures). `keep` false (a rule's preview) reads without moving the baseline.
   */
  rate(group: string, asOf: number, retry: { sum: number; queues: number }, keep = true): number | undefined {
    const before = this.last.get(group);
    if (keep) this.last.set(group, { asOf, total: retry.sum, queues: retry.queues });
    if (!before || asOf <= before.asOf || before.queues !== retry.queues) return undefined;
    // a retry topic recreated (offsets back to 0) is a new count, not negative failures
    return (Math.max(0, retry.sum - before.total) / (asOf - before.asOf)) * 60_000;
  }
}

export function groupObservations(
  cluster: string,
  snapshot: { asOf: number; groups: readonly GroupFigures[]; failures?: ReadonlyArray<{ brokerName: string }> },
  knownBrokers: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
  retry?: { totals: RetryTotals; keep: boolean },
): Observation[] {
  const out: Observation[] = [];
  const down = new Set((snapshot.failures ?? []).map((f) => f.brokerName));
  for (const g of snapshot.groups) {
    if (g.system) continue;
    const base = { cluster, subject: g.group, topics: g.topics };
    const failed = g.failures?.length || down.size > 0 ? missingText(g, down, knownBrokers) : undefined;
    const figure = (value: number | undefined, missing: string): Pick<Observation, 'value' | 'unknown'> =>
      failed ? { unknown: failed } : value === undefined ? { unknown: missing } : { value };
    out.push({ kind: 'lag', ...base, ...figure(g.lag, 'no lag') });
    out.push({ kind: 'lag-age', ...base, ...figure(lagAge(g, snapshot.asOf), 'the oldest unconsumed message\'s store time was not read') });
    out.push({ kind: 'drain-time', ...base, ...figure(drainTime(g), 'the drain rate needs two snapshots') });
    out.push({ kind: 'no-client', ...base, ...(failed && g.clients === 0 ? { unknown: failed } : { value: g.clients === 0 && g.lag > 0 ? 1 : 0 }) });
    if (retry && g.queues) {
      // a partial total is not kept: the next rate would count the missing broker's messages as new failures
      const rate = failed ? undefined : retry.totals.rate(g.group, snapshot.asOf, g.queues.sumBrokerOffsets(`%RETRY%${g.group}`), retry.keep);
      out.push({ kind: 'failure-rate', ...base, ...figure(rate, 'the failure rate needs two snapshots') });
    }
  }
  return out;
}

/** Who did not answer for the group, or undefined: most snapshots have no failure, and then nothing is built here. */
function missingText(g: GroupFigures, down: ReadonlySet<string>, knownBrokers: ReadonlyMap<string, ReadonlySet<string>>): string | undefined {
  const missing = new Set((g.failures ?? []).map((f) => f.brokerName));
  for (const b of knownBrokers.get(g.group) ?? []) if (down.has(b)) missing.add(b);
  return missing.size > 0 ? `${[...missing].sort().join(', ')} did not answer` : undefined;
}

function lagAge(g: GroupFigures, asOf: number): number | undefined {
  if (g.lag === 0) return 0;
  return g.oldestUnconsumedTimestamp === undefined ? undefined : Math.max(0, asOf - g.oldestUnconsumedTimestamp);
}

/** ms until the lag is gone at the current net rate; Infinity when it is not draining. */
function drainTime(g: GroupFigures): number | undefined {
  if (g.lag === 0) return 0;
  if (!g.drain) return undefined;
  return g.drain.trend === 'draining' && g.drain.etaMs !== undefined ? g.drain.etaMs : Number.POSITIVE_INFINITY;
}
