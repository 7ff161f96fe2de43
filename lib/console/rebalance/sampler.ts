import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { cmp } from '../../rocketmq/message-queue';
import type { Logger } from '../core/log';
import type { ClusterContext } from '../context';
import type { RebalanceEventRow, Store } from '../store';
import { diffAssignment, type Assignment, type GroupSample } from './diff';
import { readGroupSample } from './read';

export interface RebalanceSamplerOptions {
  intervalMs: number;
  /** Groups read per round; more online groups than this are covered round-robin over several rounds. */
  maxGroups: number;
  /** Groups read at once. */
  concurrency: number;
  /** Events (and baselines of groups gone offline) older than this are deleted. */
  retentionMs: number;
  compactEveryMs: number;
}

type SamplerContext = Pick<ClusterContext, 'name' | 'admin' | 'lag' | 'store' | 'log'>;

/**
 * Reads the clients and queue assignment of online groups every interval and stores what changed: clients that
 * joined or left and queues that moved between them (the rebalance history drawn on the lag chart).
 *
 * Which groups: those of the latest lag snapshot with online clients (system groups aside: mqadmin's TOOLS_CONSUMER
 * comes and goes with every command), plus those last seen with clients (so the last client leaving is recorded).
 *
 * Restart: each group's last assignment is in the store, read once when sampling starts, so the first sample after a
 * restart compares with what was seen before it (changes during the downtime are dated at that sample, `sinceT`
 * unknown; otherwise `sinceT` is the sample before). A group never seen before only gets its baseline: no events.
 *
 * Several console processes on one store: a lease per cluster lets one of them sample; another takes over when it
 * stops renewing, re-reading the baselines from the store.
 */
export class RebalanceSampler {
  /**
   * Each group's last assignment as the JSON the store keeps: one string per group instead of an object per queue
   * (10,000 groups of 24 queues held 83 MiB as objects, about a quarter of that as strings; bench/diagnosis-memory.ts).
   */
  private readonly last = new Map<string, string>();
  /** Groups whose last assignment had clients: a round reads them even once the snapshot shows none (the last one left). */
  private readonly hadClients = new Set<string>();
  /** When each group was last read by this process: the window a change happened in. */
  private readonly sampledAt = new Map<string, number>();
  private loaded: Promise<void> | undefined;
  private cursor = '';
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private lastPurgeAt = 0;
  private readonly holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(
    private readonly ctx: SamplerContext,
    private readonly options: RebalanceSamplerOptions,
    private readonly read: (ctx: SamplerContext, group: string) => Promise<GroupSample | undefined> = readGroupSample,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.round().catch((error: unknown) => this.log.error({ err: error }, 'rebalance sampling failed; tried again next round')), this.options.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private get log(): Logger {
    return this.ctx.log;
  }

  /** One round; skipped while the previous one still runs, or while another process holds the lease. */
  async round(now = Date.now()): Promise<{ groups: number; events: number } | undefined> {
    if (this.running) return undefined;
    const snapshot = this.ctx.lag.peek();
    if (!snapshot) return undefined;
    this.running = true;
    try {
      const store = await this.ctx.store();
      if (!(await store.alerts.lease(`rebalance:${this.ctx.name}`, this.holder, now, Math.max(3 * this.options.intervalMs, 60_000)))) {
        // another process samples; if it stops, this one resumes from the store, not from what it saw long ago
        this.last.clear();
        this.hadClients.clear();
        this.sampledAt.clear();
        this.loaded = undefined;
        return undefined;
      }
      await this.load(store);
      const online = snapshot.groups.filter((g) => g.clients > 0 && !g.system).map((g) => g.group);
      const seen = [...this.hadClients];
      const groups = this.pick([...new Set([...online, ...seen])].sort(cmp));
      let events = 0;
      for (let i = 0; i < groups.length; i += this.options.concurrency) {
        const counts = await Promise.all(groups.slice(i, i + this.options.concurrency).map((g) => this.sampleGroup(store, g, now)));
        events += counts.reduce((a, b) => a + b, 0);
      }
      if (now - this.lastPurgeAt >= this.options.compactEveryMs) {
        this.lastPurgeAt = now;
        const { deleted } = await store.rebalance.purge(now - this.options.retentionMs);
        if (deleted > 0) this.log.info({ deleted }, 'rebalance history: old events deleted');
      }
      return { groups: groups.length, events };
    } finally {
      this.running = false;
    }
  }

  /** At most maxGroups, continuing after the last group of the previous round (wrapping around). */
  private pick(sorted: string[]): string[] {
    if (sorted.length <= this.options.maxGroups) return sorted;
    const start = sorted.findIndex((g) => g > this.cursor);
    const from = start < 0 ? 0 : start;
    const picked = [...sorted.slice(from), ...sorted.slice(0, from)].slice(0, this.options.maxGroups);
    this.cursor = picked.at(-1) ?? '';
    return picked;
  }

  private load(store: Store): Promise<void> {
    this.loaded ??= store.rebalance.baselines(this.ctx.name).then(
      (rows) => {
        for (const r of rows) {
          if (this.last.has(r.group)) continue;
          this.last.set(r.group, r.body);
          if (r.clients > 0) this.hadClients.add(r.group);
        }
      },
      (error: unknown) => {
        this.loaded = undefined;
        throw error;
      },
    );
    return this.loaded;
  }

  /** Reads one group and records what changed; the number of events. A group that could not be read waits for the next round. */
  private async sampleGroup(store: Store, group: string, t: number): Promise<number> {
    const sample = await this.read(this.ctx, group).catch((error: unknown) => {
      this.log.debug({ err: error, group }, 'rebalance sample: group not read');
      return undefined;
    });
    if (!sample) return 0;
    const stored = this.last.get(group);
    const prev = stored === undefined ? undefined : (JSON.parse(stored) as Assignment);
    // unknown after a restart: the change happened while this process was not looking
    const sinceT = this.sampledAt.get(group) ?? null;
    this.sampledAt.set(group, t);
    const { events, next } = diffAssignment(prev, sample, t);
    // unchanged: nothing to write (the stored baseline still says the same)
    if (prev && events.length === 0 && sameAssignment(prev, next)) return 0;
    const rows: RebalanceEventRow[] = events.map((e, seq) => ({
      cluster: this.ctx.name,
      group,
      t,
      seq,
      sinceT,
      kind: e.kind,
      clientId: e.kind === 'moved' ? e.to : e.clientId,
      fromClientId: e.kind === 'moved' ? e.from : null,
      topic: e.kind === 'moved' ? e.topic : null,
      brokerName: e.kind === 'moved' ? e.brokerName : null,
      queueId: e.kind === 'moved' ? e.queueId : null,
    }));
    const body = JSON.stringify(next);
    await store.rebalance.record(rows, { cluster: this.ctx.name, group, t, clients: next.clients.length, body });
    this.last.set(group, body);
    if (next.clients.length > 0) this.hadClients.add(group);
    else this.hadClients.delete(group);
    if (rows.length > 0) this.log.info({ group, events: rows.length }, 'rebalance recorded');
    return rows.length;
  }
}

function sameAssignment(a: Assignment, b: Assignment): boolean {
  return JSON.stringify({ c: a.clients, q: a.queues }) === JSON.stringify({ c: b.clients, q: b.queues });
}
