import type { Logger } from '../core/log';
import type { SnapshotBuilder } from './builders';
import { stallKey, type QueueStall } from './snapshot';
import type { LagSnapshot, SnapshotProgress } from './types';

export interface SnapshotServiceOptions {
  /** Pause between the end of one refresh and the start of the next (stretched when a refresh is slow). */
  intervalMs: number;
  /** A queue with lag whose consumer offset has stood still this long is called stuck. */
  stuckAfterMs: number;
}

type Listener = (snapshot: LagSnapshot) => void | Promise<void>;

/**
 * Keeps the lag snapshot fresh in the background: one refresh at a time, the next `intervalMs` after the last
 * finished (or as long as the build took, when that is longer: the brokers answer the snapshot's calls at most
 * half the time). Readers get the latest snapshot
 * without waiting, and can ask for a refresh (the refresh button), which joins one already running.
 */
export class SnapshotService {
  private current: LagSnapshot | undefined;
  private running: Promise<LagSnapshot> | undefined;
  /** The running refresh's build alone: settled once the snapshot is in, before its listeners have run. */
  private building: Promise<LagSnapshot> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly listeners: Listener[] = [];
  private stopped = true;
  /** When the last build ended (before its listeners ran): the pause is counted from here. */
  private builtAt = 0;
  lastError: string | undefined;

  constructor(
    private readonly builder: SnapshotBuilder,
    readonly options: SnapshotServiceOptions,
    private readonly log: Logger,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    // a failed refresh is logged and retried on schedule; nobody awaits this one
    void this.refresh().catch(() => undefined);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.builder.close();
  }

  /**
   * The newest snapshot, or the first one as soon as it is built: not after its listeners, whose first round (the
   * history sampler writing every queue) took 17 s at 50,000 groups while every page waiting here waited with it.
   */
  async latest(): Promise<LagSnapshot> {
    if (this.current) return this.current;
    void this.refresh().catch(() => undefined);
    return this.building!;
  }

  peek(): LagSnapshot | undefined {
    return this.current;
  }

  /** Store times learnt so far: the group page reuses them for its fresh reads. */
  get storeTimes() {
    return this.builder.storeTimes;
  }

  /** Since when a queue of an online group has had lag with its consumer offset standing still; undefined when it moves. */
  stallOf(group: string, queue: { topic: string; brokerName: string; queueId: number }): QueueStall | undefined {
    return this.builder.stall(stallKey(group, queue));
  }

  /** Where the running build is (undefined when none runs or it has not said yet). */
  get progress(): SnapshotProgress | undefined {
    return this.running ? this.builder.progress : undefined;
  }

  get refreshing(): boolean {
    return this.running !== undefined;
  }

  onSnapshot(listener: Listener): void {
    this.listeners.push(listener);
  }

  refresh(): Promise<LagSnapshot> {
    if (this.running) return this.running;
    clearTimeout(this.timer);
    const building = this.builder
      .build()
      .finally(() => {
        this.builtAt = Date.now();
      })
      .then((snapshot) => {
        this.current = snapshot;
        this.lastError = undefined;
        return snapshot;
      });
    const run = building
      .then(async (snapshot) => {
        for (const listener of this.listeners) {
          try {
            await listener(snapshot);
          } catch (error) {
            this.log.error({ err: error }, 'lag snapshot listener failed');
          }
        }
        return snapshot;
      })
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        // a cluster that stays down fails every interval: say so when it starts or changes, not each time
        if (message !== this.lastError) this.log.warn({ err: error }, 'lag snapshot failed');
        else this.log.debug({ error: message }, 'lag snapshot failed again');
        this.lastError = message;
        throw error;
      })
      .finally(() => {
        this.running = undefined;
        this.building = undefined;
        this.schedule();
      });
    this.running = run;
    this.building = building;
    return run;
  }

  private schedule(): void {
    if (this.stopped) return;
    const took = this.current?.durationMs ?? 0;
    // listeners (the history write of 10,000 groups) and a busy event loop must not push the next snapshot back
    const pause = Math.max(this.options.intervalMs, took) - (Date.now() - this.builtAt);
    this.timer = setTimeout(() => void this.refresh().catch(() => undefined), Math.max(0, pause));
    this.timer.unref();
  }
}
