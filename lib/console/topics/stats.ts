import { isRemotingError, type RemotingResponseError } from '../../remoting';
import { getTopicStatsInfo } from '../../rocketmq/get-topic-stats-info';
import type { AdminClient, BrokerNode } from '../core/admin';
import { failureOf, type BrokerFailure } from '../core/fanout';
import { forEachPerKey } from '../core/per-key';
import { missingText } from '../core/routes';
import type { TopicCatalog } from './catalog';

/** What the background topic stats are built from: the catalog (which topic is on which broker) and the brokers to read. */
export interface TopicStatsInput {
  catalog: TopicCatalog;
  /** One readable node per broker group (its master, else a replica). */
  brokers: BrokerNode[];
  /** Broker groups the namesrv no longer lists: their topics' numbers are partial. */
  missing: BrokerFailure[];
}

export interface TopicStatsOptions {
  /** GET_TOPIC_STATS_INFO calls in flight per broker (pipelined on its one socket). */
  concurrencyPerBroker: number;
  /** Told after each topic is read: the first build's progress. */
  onProgress?: (done: number, total: number) => void;
}

/** One topic's numbers as the catalog read them; undefined when no broker holding it answered. */
export interface TopicStatsRow {
  messages?: number;
  lastUpdateTimestamp?: number;
  /** A broker that may hold some of its queues did not answer: the numbers leave its queues out. */
  partial: boolean;
}

/**
 * Messages kept (Σ maxOffset − minOffset) and newest store time of every topic, as of one background build. Columns
 * of typed arrays behind one name -> row map: 20,000 topics cost ~17 bytes a row plus the map, not an object each.
 */
export class TopicStatsTable {
  private readonly index = new Map<string, number>();
  private readonly messages: Float64Array;
  private readonly lastWrite: Float64Array;
  private readonly flags: Uint8Array;

  constructor(
    topics: readonly string[],
    readonly asOf: number,
    public durationMs = 0,
    public failures: BrokerFailure[] = [],
  ) {
    this.messages = new Float64Array(topics.length).fill(Number.NaN);
    this.lastWrite = new Float64Array(topics.length).fill(Number.NaN);
    this.flags = new Uint8Array(topics.length);
    topics.forEach((t, i) => this.index.set(t, i));
  }

  get size(): number {
    return this.index.size;
  }

  /** Adds one broker's answer for a topic (its queues there). */
  add(topic: string, messages: number, lastWrite: number): void {
    const i = this.index.get(topic);
    if (i === undefined) return;
    this.messages[i] = (Number.isNaN(this.messages[i]!) ? 0 : this.messages[i]!) + messages;
    // a queue never written says 0: not a time
    if (lastWrite > 0) this.lastWrite[i] = Number.isNaN(this.lastWrite[i]!) ? lastWrite : Math.max(this.lastWrite[i]!, lastWrite);
    else if (Number.isNaN(this.lastWrite[i]!)) this.lastWrite[i] = 0;
  }

  markPartial(topic: string): void {
    const i = this.index.get(topic);
    if (i !== undefined) this.flags[i] = 1;
  }

  markAllPartial(): void {
    this.flags.fill(1);
  }

  get(topic: string): TopicStatsRow | undefined {
    const i = this.index.get(topic);
    if (i === undefined) return undefined;
    const m = this.messages[i]!;
    const w = this.lastWrite[i]!;
    return { messages: Number.isNaN(m) ? undefined : m, lastUpdateTimestamp: w > 0 ? w : undefined, partial: this.flags[i] === 1 };
  }

  /** Bytes the columns take (the bench's memory figure; the map's keys are the catalog's strings). */
  get columnBytes(): number {
    return this.messages.byteLength + this.lastWrite.byteLength + this.flags.byteLength;
  }
}

/**
 * Reads GET_TOPIC_STATS_INFO of every topic on every broker holding it, pipelined with a bounded number in flight per
 * broker. A broker that fails at the transport level is not called again in this build; the topics it holds are
 * marked partial and the failure is named once. A topic a broker no longer holds (code 17) adds nothing there.
 */
export async function buildTopicStats(admin: AdminClient, input: TopicStatsInput, options: TopicStatsOptions): Promise<TopicStatsTable> {
  const started = Date.now();
  const { catalog, brokers } = input;
  const table = new TopicStatsTable(
    catalog.items.map((t) => t.topic),
    started,
  );
  const failures: BrokerFailure[] = [...catalog.failures, ...input.missing];
  // a broker whose topic configs could not be read, or that left the namesrv: nobody knows which topics it holds
  if (failures.length > 0) table.markAllPartial();
  const byName = new Map(brokers.map((b) => [b.brokerName, b]));
  const calls: Array<{ topic: string; node: BrokerNode }> = [];
  for (const item of catalog.items) {
    for (const brokerName of item.brokers) {
      const node = byName.get(brokerName);
      if (node) calls.push({ topic: item.topic, node });
      else table.markPartial(item.topic);
    }
  }
  const down = new Map<string, BrokerFailure>();
  let done = 0;
  const timeout = admin.config.requestTimeoutMs;
  await forEachPerKey(calls, (c) => c.node.addr, options.concurrencyPerBroker, async ({ topic, node }) => {
    try {
      if (down.has(node.addr)) throw down.get(node.addr);
      const queues = await getTopicStatsInfo(admin, node.addr, topic, timeout);
      let messages = 0;
      let last = 0;
      for (const q of queues) {
        messages += q.maxOffset - q.minOffset;
        if (q.lastUpdateTimestamp > last) last = q.lastUpdateTimestamp;
      }
      table.add(topic, messages, last);
    } catch (error) {
      // deleted since the configs were read: nothing of it there
      if (isRemotingError(error) && error.kind === 'response' && (error as RemotingResponseError).code === 17) return;
      table.markPartial(topic);
      if (isRemotingError(error) && error.kind !== 'response' && !down.has(node.addr)) {
        const failure = failureOf(node, error);
        down.set(node.addr, failure);
        failures.push(failure);
      }
    } finally {
      options.onProgress?.(++done, calls.length);
    }
  });
  table.durationMs = Date.now() - started;
  table.failures = dedupe(failures);
  return table;
}

/** The brokers to read and the ones gone from the namesrv, as the lag snapshot names them. */
export async function statsBrokers(admin: AdminClient): Promise<{ brokers: BrokerNode[]; missing: BrokerFailure[] }> {
  const brokers = await admin.readableBrokers();
  const missing = (await admin.missingBrokers())
    .filter(({ node }) => node.brokerId === 0 && !brokers.some((m) => m.brokerName === node.brokerName))
    .map(({ node, lastSeen }) => ({ brokerName: node.brokerName, addr: node.addr, error: `${node.brokerName} (${node.addr}) ${missingText(lastSeen)}: its topics' message counts are not in the stats` }));
  return { brokers, missing };
}

function dedupe(failures: BrokerFailure[]): BrokerFailure[] {
  const seen = new Set<string>();
  return failures.filter((f) => !seen.has(f.addr) && seen.add(f.addr));
}
