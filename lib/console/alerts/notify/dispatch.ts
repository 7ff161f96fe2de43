/**
 * From an evaluation to messages sent. The process holding a cluster's alert lease turns the evaluation's
 * transitions (to firing; firing to resolved) into one message per channel, leaving out silenced alerts, and queues
 * it in the store; a channel that got a message less than its minIntervalMs ago gets the next one later, with
 * whatever else happened meanwhile merged in. Queued messages are claimed (once, whichever process asks) and sent;
 * a failure is tried again after RETRY_DELAYS_MS, then recorded as failed with the receiver's answer.
 */
import type { Logger } from '../../core/log';
import type { Store } from '../../store';
import { stateOf, type Evaluation } from '../evaluate';
import { SEVERITY_RANK, type AlertRule } from '../rules';
import { silenceMatcher } from '../view';
import { send, type SendResult } from './send';
import type { AlertChannel, Delivery, Notification, NotificationItem } from './types';

/** After the first attempt: four more, 10 s, 30 s, 90 s and 270 s apart. */
export const RETRY_DELAYS_MS = [10_000, 30_000, 90_000, 270_000] as const;
/** A process that claimed a message and died: another one claims it again after this. */
const CLAIM_MS = 60_000;
const CLAIM_BATCH = 20;

export interface NotifierOptions {
  /** The console's URL as browsers reach it: the links in messages. */
  consoleUrl: string;
  holder: string;
  /** Tests send retries sooner. */
  retryDelaysMs?: readonly number[];
}

export type Sender = (channel: AlertChannel, n: Notification, consoleUrl: string) => Promise<SendResult>;

export class Notifier {
  private dispatching: Promise<unknown> | undefined;
  private again = false;

  constructor(
    private readonly cluster: string,
    private readonly store: () => Promise<Store>,
    private readonly options: NotifierOptions,
    private readonly log: Logger,
    private readonly sender: Sender = send,
  ) {}

  get consoleUrl(): string {
    return this.options.consoleUrl;
  }

  /** Queues the messages of one evaluation; how many channels got one. */
  async enqueue(evaluation: Evaluation, rules: readonly AlertRule[], now: number): Promise<number> {
    const fired = evaluation.transitions.filter((t) => t.to === 'firing' || (t.from === 'firing' && t.to === 'resolved'));
    if (fired.length === 0) return 0;
    const store = await this.store();
    const channels = (await store.notify.channels(this.cluster)).filter((c) => c.enabled);
    if (channels.length === 0) return 0;
    const silenced = silenceMatcher(await store.alerts.silences(this.cluster, now));
    const byId = new Map(rules.map((r) => [r.id, r]));
    const items: NotificationItem[] = [];
    for (const t of fired) {
      const rule = byId.get(t.ruleId);
      if (!rule || silenced(t.ruleId, t.subject)) continue;
      const state = stateOf(evaluation.states, t.ruleId, t.cluster, t.subject);
      items.push({
        ruleId: rule.id,
        ruleName: rule.name,
        kind: rule.kind,
        severity: rule.severity,
        subject: t.subject,
        phase: t.to === 'firing' ? 'firing' : 'resolved',
        ...(state?.firedAt === undefined ? {} : { firedAt: state.firedAt }),
        at: t.at,
        value: t.value !== undefined && Number.isFinite(t.value) ? t.value : null,
        threshold: rule.threshold,
        ...(rule.note ? { note: rule.note } : {}),
      });
    }
    let queued = 0;
    for (const channel of channels) {
      const mine = items.filter((i) => SEVERITY_RANK[i.severity] <= SEVERITY_RANK[channel.minSeverity] && (channel.ruleIds === undefined || channel.ruleIds.includes(i.ruleId)) && (i.phase === 'firing' || channel.sendResolved));
      if (mine.length === 0) continue;
      await store.notify.enqueue(this.cluster, channel.id, { cluster: this.cluster, items: mine, omitted: 0 }, now, channel.minIntervalMs);
      queued++;
    }
    return queued;
  }

  /**
   * Sends what is due; one pass at a time in this process. A call during a pass asks for one more pass after it, so
   * a message queued meanwhile is not left for the timer. `now` (tests) fixes the clock of the passes.
   */
  dispatchDue(now?: number): Promise<unknown> {
    if (this.dispatching) {
      this.again = true;
      return this.dispatching;
    }
    this.dispatching = (async () => {
      do {
        this.again = false;
        await this.dispatchOnce(now ?? Date.now());
      } while (this.again);
    })().finally(() => (this.dispatching = undefined));
    return this.dispatching;
  }

  /** Waits for a pass under way (closing the console: the store must outlive it). */
  async idle(): Promise<void> {
    this.again = false;
    await this.dispatching?.catch(() => undefined);
  }

  private async dispatchOnce(now: number): Promise<void> {
    const store = await this.store();
    for (;;) {
      const claimed = await store.notify.claimDue(this.cluster, this.options.holder, now, CLAIM_MS, CLAIM_BATCH);
      if (claimed.length === 0) return;
      await Promise.all(claimed.map((d) => this.deliver(store, d)));
      if (claimed.length < CLAIM_BATCH) return;
    }
  }

  private async deliver(store: Store, d: Delivery): Promise<void> {
    const channel = await store.notify.channel(this.cluster, d.channelId);
    if (!channel) {
      await store.notify.finish(d.id, this.options.holder, { status: 'failed', error: `channel ${d.channelId} was deleted before the message was sent` });
      return;
    }
    const result = await this.sender(channel, d.notification, this.options.consoleUrl).catch((error: unknown): SendResult => ({ ok: false, error: error instanceof Error ? error.message : String(error), retryable: true }));
    const at = Date.now();
    const delays = this.options.retryDelaysMs ?? RETRY_DELAYS_MS;
    if (result.ok) {
      await store.notify.finish(d.id, this.options.holder, { status: 'sent', at, answer: result.answer });
    } else if (result.retryable && !d.test && d.attempts < delays.length) {
      await store.notify.finish(d.id, this.options.holder, { status: 'queued', dueAt: at + delays[d.attempts]!, error: result.error, ...(result.answer === undefined ? {} : { answer: result.answer }) });
    } else {
      await store.notify.finish(d.id, this.options.holder, { status: 'failed', error: result.error, ...(result.answer === undefined ? {} : { answer: result.answer }) });
    }
    const log = { channel: channel.name, kind: channel.kind, delivery: d.id, attempt: d.attempts + 1, items: d.notification.items.length };
    if (result.ok) this.log.info(log, 'alert notification sent');
    else this.log.warn({ ...log, error: result.error }, 'alert notification failed');
  }

  /** "Send test": a message to one channel now, whatever its filters, and how it went (not retried). */
  async sendTest(channelId: string): Promise<Delivery> {
    const store = await this.store();
    const id = await store.notify.enqueueTest(this.cluster, channelId, { cluster: this.cluster, items: [], omitted: 0, test: true }, Date.now());
    for (const until = Date.now() + 15_000; ; await new Promise((r) => setTimeout(r, 200))) {
      await this.dispatchDue();
      const d = await store.notify.delivery(this.cluster, id);
      if (!d || d.status === 'sent' || d.status === 'failed' || Date.now() > until) return d!;
    }
  }
}
