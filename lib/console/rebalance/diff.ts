import { cmp, compareMessageQueues, type MessageQueue } from '../../rocketmq/message-queue';
import { queueKey } from '../core/routes';

/**
 * One look at a group: its online clients (GET_CONSUMER_CONNECTION_LIST) and, for each client whose running info
 * could be read (GET_CONSUMER_RUNNING_INFO), the queues of its mqTable. A client missing from `held` is unknown,
 * never "holds nothing".
 */
export interface GroupSample {
  clients: string[];
  held: ReadonlyMap<string, readonly MessageQueue[]>;
  /** BROADCASTING: every client holds every queue, nothing moves between clients; only joins and leaves count. */
  broadcasting?: boolean;
}

/** What the sampler remembers of a group (in memory, and in the store so a restart resumes from it). */
export interface Assignment {
  t: number;
  clients: string[];
  /** The holder of each queue, in MessageQueue order. */
  queues: Array<MessageQueue & { clientId: string }>;
}

export type RebalanceEvent =
  | { kind: 'joined'; clientId: string }
  | { kind: 'left'; clientId: string }
  /** from null: the queue was held by nobody (assigned); to null: nobody holds it now (unassigned). */
  | { kind: 'moved'; topic: string; brokerName: string; queueId: number; from: string | null; to: string | null };

type MovedEvent = Extract<RebalanceEvent, { kind: 'moved' }>;

/**
 * The events between the previous assignment and a new sample, and the assignment to compare the next sample with.
 * Without a previous assignment (a group seen for the first time) the sample is only the baseline: no events.
 *
 * Unknown running info: a queue no readable client reports is "unassigned" only when every client was read; while
 * some client is unknown it may hold it, so the previous holder is carried over and the question asked again at the
 * next sample (a late answer then shows as a move from the previous holder, one interval later).
 */
export function diffAssignment(prev: Assignment | undefined, sample: GroupSample, t: number): { events: RebalanceEvent[]; next: Assignment } {
  const clients = [...new Set(sample.clients)].sort(cmp);
  const current = currentHolders(sample, prev);
  const unknown = clients.some((c) => !sample.held.has(c));
  const nextQueues = new Map<string, MessageQueue & { clientId: string }>();
  const moved: MovedEvent[] = [];
  const before = new Map((prev?.queues ?? []).map((q) => [queueKey(q), q]));
  for (const [key, q] of current) nextQueues.set(key, q);
  if (!sample.broadcasting) {
    for (const [key, p] of before) {
      if (current.has(key)) continue;
      // nobody we could read holds it: unassigned if everyone was read, else unknown (kept as it was)
      if (unknown) nextQueues.set(key, p);
      else moved.push({ kind: 'moved', topic: p.topic, brokerName: p.brokerName, queueId: p.queueId, from: p.clientId, to: null });
    }
    for (const [key, c] of current) {
      const from = before.get(key)?.clientId ?? null;
      if (from !== c.clientId) moved.push({ kind: 'moved', topic: c.topic, brokerName: c.brokerName, queueId: c.queueId, from, to: c.clientId });
    }
  }
  const next: Assignment = { t, clients, queues: sample.broadcasting ? [] : [...nextQueues.values()].sort(compareMessageQueues) };
  if (!prev) return { events: [], next };
  const had = new Set(prev.clients);
  const has = new Set(clients);
  const events: RebalanceEvent[] = [
    ...clients.filter((c) => !had.has(c)).map((clientId): RebalanceEvent => ({ kind: 'joined', clientId })),
    ...prev.clients.filter((c) => !has.has(c)).map((clientId): RebalanceEvent => ({ kind: 'left', clientId })),
    ...moved.sort(compareMessageQueues),
  ];
  return { events, next };
}

/**
 * Each queue's holder among the clients that answered. Two clients report one queue for a moment during a
 * rebalance (the old one has not dropped it yet): the previous holder is kept until it lets go, so the move is
 * recorded once, when it is complete.
 */
function currentHolders(sample: GroupSample, prev: Assignment | undefined): Map<string, MessageQueue & { clientId: string }> {
  const before = new Map((prev?.queues ?? []).map((q) => [queueKey(q), q.clientId]));
  const online = new Set(sample.clients);
  const holders = new Map<string, MessageQueue & { clientId: string }>();
  for (const clientId of [...sample.held.keys()].sort(cmp)) {
    if (!online.has(clientId)) continue;
    for (const q of sample.held.get(clientId) ?? []) {
      const key = queueKey(q);
      const other = holders.get(key);
      if (other && other.clientId === before.get(key)) continue;
      if (other && clientId !== before.get(key)) continue;
      holders.set(key, { topic: q.topic, brokerName: q.brokerName, queueId: q.queueId, clientId });
    }
  }
  return holders;
}
