/**
 * Evaluates a cluster's alert rules after each lag snapshot and stores what changed. Console processes sharing one
 * database take a lease per cluster: the holder evaluates (and, later, notifies), so each transition is recorded
 * once; the others read the stored states. A process that takes the lease over reloads the states from the store.
 */
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Logger } from '../core/log';
import type { PackedQueues } from '../lag/packed-queues';
import type { GroupSnapshot } from '../lag/types';
import type { Store } from '../store';
import { groupObservations, RetryTotals } from './collect';
import type { KnownBrokerSubjects } from './collect-brokers';
import { isBrokerKind, type BrokerKind, type Observation } from './rules';
import { evaluate, getOrAdd, subjectKey, type AlertState, type AlertStates, type Evaluation } from './evaluate';
import { Notifier, type NotifierOptions, type Sender } from './notify/dispatch';

export interface LastEvaluation {
  at: number;
  /** Whether this process held the lease and evaluated; when not, another console process did. */
  evaluated: boolean;
  rules: number;
  unknown: Evaluation['unknown'];
  durationMs: number;
}

export class AlertEngine {
  /** This process, as the lease knows it. */
  readonly holder = `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private states: AlertStates | undefined;
  private lastEvaluation: LastEvaluation | undefined;
  /** The masters each group was seen on: a broker missing from a snapshot leaves these groups' figures unknown. */
  readonly knownBrokers = new Map<string, Set<string>>();
  /** Queues and sends the notifications of what this process evaluates. */
  readonly notifier: Notifier;
  /** Each group's %RETRY% total at the last snapshot, for the failure-rate kind. */
  readonly retryTotals = new RetryTotals();
  private readonly knownBrokerSubjects: KnownBrokerSubjects = new Map();
  private brokerSource: ((kinds: ReadonlySet<BrokerKind>, known: KnownBrokerSubjects) => Promise<Observation[]>) | undefined;

  constructor(
    private readonly cluster: string,
    private readonly store: () => Promise<Store>,
    private readonly options: { leaseTtlMs: number; notify?: Omit<NotifierOptions, 'holder'>; sender?: Sender },
    private readonly log: Logger,
  ) {
    this.notifier = new Notifier(cluster, store, { consoleUrl: 'http://localhost:3000', ...options.notify, holder: this.holder }, log, options.sender);
  }

  /** Where the broker kinds are read (the cluster context, once it exists): asked only when a rule needs them. */
  readBrokersWith(source: (kinds: ReadonlySet<BrokerKind>, known: KnownBrokerSubjects) => Promise<Observation[]>): void {
    this.brokerSource = source;
  }

  get last(): LastEvaluation | undefined {
    return this.lastEvaluation;
  }

  /** One evaluation on a snapshot; undefined when another process holds the lease. */
  async onSnapshot(snapshot: { asOf: number; groups: ReadonlyArray<Omit<GroupSnapshot, 'queues'> & { queues?: PackedQueues }>; failures?: ReadonlyArray<{ brokerName: string }> }, now = Date.now()): Promise<Evaluation | undefined> {
    const started = performance.now();
    this.learnBrokers(snapshot.groups);
    const store = await this.store();
    if (!(await store.alerts.lease(`alerts:${this.cluster}`, this.holder, now, this.options.leaseTtlMs))) {
      this.states = undefined;
      this.lastEvaluation = { at: now, evaluated: false, rules: 0, unknown: [], durationMs: 0 };
      return undefined;
    }
    const rules = await store.alerts.rules(this.cluster);
    const previous = this.states ?? toStates(await store.alerts.states(this.cluster));
    const observations = groupObservations(this.cluster, snapshot, this.knownBrokers, { totals: this.retryTotals, keep: true });
    const brokerKinds = new Set(rules.filter((r) => r.enabled && isBrokerKind(r.kind)).map((r) => r.kind as BrokerKind));
    if (brokerKinds.size > 0 && this.brokerSource) observations.push(...(await this.brokerSource(brokerKinds, this.knownBrokerSubjects)));
    const evaluation = evaluate(rules, observations, previous, now);
    await store.alerts.saveEvaluation(this.cluster, { ...changes(previous, evaluation.states), transitions: evaluation.transitions });
    this.states = evaluation.states;
    // the transitions are stored: a failure to queue their messages is logged, and they are not sent
    await this.notifier.enqueue(evaluation, rules, now).catch((error: unknown) => this.log.error({ err: error }, 'alert notifications could not be queued'));
    void this.notifier.dispatchDue().catch((error: unknown) => this.log.error({ err: error }, 'alert notifications could not be sent; tried again shortly'));
    this.lastEvaluation = { at: now, evaluated: true, rules: rules.length, unknown: evaluation.unknown, durationMs: Math.round(performance.now() - started) };
    if (evaluation.transitions.length > 0) this.log.info({ transitions: evaluation.transitions.length, rules: rules.length }, 'alerts evaluated');
    return evaluation;
  }

  private learnBrokers(groups: ReadonlyArray<{ group: string; brokers: readonly string[] }>): void {
    for (const g of groups) {
      const known = this.knownBrokers.get(g.group);
      if (known) for (const b of g.brokers) known.add(b);
      else this.knownBrokers.set(g.group, new Set(g.brokers));
    }
  }

  /** Sends the messages due (retries), when this process evaluates the cluster's alerts: a timer calls it. */
  async dispatchDue(): Promise<void> {
    if (this.states === undefined) return;
    await this.notifier.dispatchDue();
  }

  /** Forget the states kept in memory (rules changed elsewhere take effect anyway: they are read each time). */
  reset(): void {
    this.states = undefined;
  }
}

function toStates(list: AlertState[]): AlertStates {
  const states: AlertStates = new Map();
  for (const s of list) getOrAdd(states, s.ruleId, () => new Map<string, AlertState>()).set(subjectKey(s.cluster, s.subject), s);
  return states;
}

/** States whose object changed are written; pairs gone from the states are removed. */
function changes(previous: AlertStates, next: AlertStates): { upsert: AlertState[]; remove: Array<{ ruleId: string; subject: string }> } {
  const upsert: AlertState[] = [];
  const remove: Array<{ ruleId: string; subject: string }> = [];
  for (const [ruleId, pairs] of next) {
    const before = previous.get(ruleId);
    for (const [key, state] of pairs) if (before?.get(key) !== state) upsert.push(state);
  }
  for (const [ruleId, pairs] of previous) {
    const after = next.get(ruleId);
    for (const [key, state] of pairs) if (!after?.has(key)) remove.push({ ruleId, subject: state.subject });
  }
  return { upsert, remove };
}
