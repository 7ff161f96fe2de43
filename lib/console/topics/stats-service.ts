import type { AdminClient } from '../core/admin';
import type { Logger } from '../core/log';
import { topicCatalog } from './catalog';
import { buildTopicStats, statsBrokers, type TopicStatsTable } from './stats';

export interface TopicStatsServiceOptions {
  /** Pause between the end of one build and the start of the next (stretched to the build's own time when longer). */
  intervalMs: number;
  concurrencyPerBroker: number;
}

/** How far the build under way is: calls made of calls planned. */
export interface TopicStatsProgress {
  done: number;
  total: number;
  startedAt: number;
}

/**
 * Keeps every topic's message count and last write time in the background, as the lag snapshot keeps the groups':
 * one build at a time, the next `intervalMs` after the last ended. The topic list sorts and filters on the latest
 * table without a broker call per topic; until the first build ends it says the numbers are being built.
 */
export class TopicStatsService {
  private current: TopicStatsTable | undefined;
  private running: Promise<TopicStatsTable> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  private progressNow: TopicStatsProgress | undefined;
  lastError: string | undefined;

  constructor(
    private readonly admin: AdminClient,
    readonly options: TopicStatsServiceOptions,
    private readonly log: Logger,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.refresh().catch(() => undefined);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  peek(): TopicStatsTable | undefined {
    return this.current;
  }

  /** The build under way, if any (the first one's progress is what the list shows instead of blanks). */
  get progress(): TopicStatsProgress | undefined {
    return this.progressNow;
  }

  get started(): boolean {
    return !this.stopped;
  }

  refresh(): Promise<TopicStatsTable> {
    if (this.running) return this.running;
    clearTimeout(this.timer);
    const startedAt = Date.now();
    this.progressNow = { done: 0, total: 0, startedAt };
    const run = (async () => {
      // the catalog read fresh: a topic created a minute ago is counted in this build
      const [catalog, brokers] = await Promise.all([topicCatalog(this.admin, 0), statsBrokers(this.admin)]);
      return buildTopicStats(this.admin, { catalog, ...brokers }, {
        concurrencyPerBroker: this.options.concurrencyPerBroker,
        onProgress: (done, total) => {
          this.progressNow = { done, total, startedAt };
        },
      });
    })()
      .then((table) => {
        this.current = table;
        if (this.lastError) this.log.info({ topics: table.size }, 'topic stats built again');
        this.lastError = undefined;
        this.log.debug({ topics: table.size, durationMs: table.durationMs, failures: table.failures.length }, 'topic stats built');
        return table;
      })
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (message !== this.lastError) this.log.warn({ err: error }, 'topic stats failed');
        this.lastError = message;
        throw error;
      })
      .finally(() => {
        this.running = undefined;
        this.progressNow = undefined;
        this.schedule(Date.now() - startedAt);
      });
    this.running = run;
    return run;
  }

  private schedule(took: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.refresh().catch(() => undefined), Math.max(this.options.intervalMs, took));
    this.timer.unref();
  }
}
