import { Slots } from './core/slots';
import { Auth } from './auth/service';
import { AdminClient } from './core/admin';
import type { ConsoleSettings, TestHooks } from './core/config';
import { NotFoundError } from './core/errors';
import { createLog, type Logger } from './core/log';
import { brokerCallObserver, createMetrics, type ConsoleMetrics } from './core/metrics';
import { PreviewStore } from './core/previews';
import type { ClusterContext } from './context';
import { LagHistorySampler } from './lag/history';
import { RebalanceSampler } from './rebalance/sampler';
import { AlertEngine } from './alerts/engine';
import { brokerObservations } from './alerts/collect-brokers';
import { registerLagMetrics } from './lag/metrics';
import { InProcessBuilder, ThreadedBuilder, type SnapshotBuilder } from './lag/builders';
import { SnapshotService } from './lag/service';
import { TopicStatsService } from './topics/stats-service';
import type { ResendPlan } from './messages/resend';
import { AccountAccessCache } from './acl/account-access';
import { ResetMethodCache } from './reset/methods';
import type { ResetPlan } from './reset/types';
import { lazyStore, type Store } from './store';

/** A console: every configured cluster's context, and what they share (store, metrics, log). */
export interface Console {
  readonly settings: ConsoleSettings;
  /** In the order of the configuration. */
  readonly clusters: ReadonlyMap<string, ClusterContext>;
  readonly defaultCluster: string;
  readonly metrics: ConsoleMetrics;
  readonly log: Logger;
  /** Sign-in, sessions, API tokens and users (unused when settings.auth.enabled is false: AUTH=off). */
  readonly auth: Auth;
  store(): Promise<Store>;
  /** The context of a configured cluster; NotFoundError naming `cluster` otherwise. */
  cluster(name: string): ClusterContext;
  close(): Promise<void>;
}

export interface ConsoleOptions {
  /** Keep lag snapshots fresh and write lag history in the background (the server does; tests and a CLI do not). */
  background?: boolean;
  log?: Logger;
  /** Overrides settings.testHooks (in-process tests). */
  testHooks?: TestHooks;
}

/**
 * The composition root: builds the store, metrics and log, and one context per configured cluster (its admin
 * client and connection pool, lag snapshot service, previews). The Next.js server (instrumentation.ts),
 * the tests and the bench all build a console this way; nothing else holds a process-wide instance.
 */
export function createConsole(settings: ConsoleSettings, options: ConsoleOptions = {}): Console {
  const log = options.log ?? createLog(settings.logLevel);
  const metrics = createMetrics();
  const store = lazyStore(settings.store, log);
  const testHooks = options.testHooks ?? settings.testHooks;
  if (Object.keys(testHooks).length > 0) log.warn({ testHooks }, 'test pauses are set (CONSOLE_TEST_PAUSE_*): changes will sleep on purpose');
  const clusters = new Map<string, ClusterContext>();
  // one bound for the process: the CPU and event loop that scans would starve are the same for every cluster
  const scans = new Slots({ limit: settings.scans.concurrency, maxWaiting: settings.scans.queue, maxWaitMs: settings.scans.waitMs, what: 'range scans' });
  for (const config of settings.clusters) {
    const clusterLog = log.child({ cluster: config.name });
    const observer = brokerCallObserver(metrics, config.name);
    const admin = new AdminClient(config, observer);
    const snapshotOptions = { concurrencyPerBroker: settings.lag.snapshotConcurrency };
    // the server's snapshot runs beside the requests, not behind them; in-process tests and the CLI build it inline
    const builder: SnapshotBuilder =
      options.background && settings.lag.snapshotThread ? new ThreadedBuilder(config, snapshotOptions, observer) : new InProcessBuilder(admin, snapshotOptions);
    clusters.set(config.name, {
      name: config.name,
      config,
      admin,
      lag: new SnapshotService(builder, { intervalMs: settings.lag.snapshotIntervalMs, stuckAfterMs: settings.lag.stuckAfterMs }, clusterLog),
      topicStats: new TopicStatsService(admin, { intervalMs: settings.topicStats.intervalMs, concurrencyPerBroker: settings.topicStats.concurrency }, clusterLog),
      // a lease outlives a few missed snapshots, then another console process takes the evaluation over
      alerts: new AlertEngine(config.name, store.get, { leaseTtlMs: Math.max(60_000, 4 * settings.lag.snapshotIntervalMs), notify: { consoleUrl: settings.auth.consoleUrl } }, clusterLog),
      previews: { reset: new PreviewStore<ResetPlan>(), resend: new PreviewStore<ResendPlan>(), change: new PreviewStore() },
      resetMethods: new ResetMethodCache(),
      accountAccess: new AccountAccessCache(),
      scans,
      store: store.get,
      log: clusterLog,
      testHooks,
    });
    const ctx = clusters.get(config.name)!;
    ctx.alerts.readBrokersWith((kinds, known) => brokerObservations(ctx, kinds, known));
  }
  registerLagMetrics(metrics.registry, () => [...clusters.values()].map((c) => ({ cluster: c.name, snapshot: c.lag.peek() })));
  const auth = new Auth({ settings, store: store.get, log });
  const stops: Array<() => void> = [];
  if (options.background) for (const ctx of clusters.values()) stops.push(startBackgroundWork(ctx, settings));
  if (options.background) announceSignIn(auth, settings, log);
  log.info({ clusters: [...clusters.keys()], from: settings.source, background: Boolean(options.background) }, 'console ready');
  return {
    settings,
    clusters,
    defaultCluster: settings.defaultCluster,
    metrics,
    log,
    auth,
    store: store.get,
    cluster(name) {
      const ctx = clusters.get(name);
      if (!ctx) throw new NotFoundError(`no cluster named "${name}" is configured (known: ${[...clusters.keys()].join(', ')})`, 'cluster');
      return ctx;
    },
    async close() {
      for (const stop of stops) stop();
      for (const ctx of clusters.values()) {
        ctx.lag.stop();
        ctx.topicStats.stop();
        await ctx.alerts.notifier.idle();
        ctx.admin.close();
      }
      await store.close();
    },
  };
}

/** The lag snapshot refresh and the history sampler that writes each snapshot into the store; stops the rebalance sampler. */
function startBackgroundWork(ctx: ClusterContext, settings: ConsoleSettings): () => void {
  const sampler = new LagHistorySampler(ctx.store, ctx.name, settings.lag, ctx.log);
  ctx.lag.onSnapshot(async (snapshot) => {
    const written = await sampler.onSnapshot(snapshot);
    if (written) ctx.log.debug({ ...written, asOf: snapshot.asOf }, 'lag history sample written');
  });
  ctx.lag.onSnapshot(async (snapshot) => {
    await ctx.alerts.onSnapshot(snapshot).catch((error: unknown) => ctx.log.error({ err: error }, 'alert evaluation failed; tried again on the next snapshot'));
  });
  // retries come due between snapshots
  const retries = setInterval(() => void ctx.alerts.dispatchDue().catch((error: unknown) => ctx.log.error({ err: error }, 'alert notifications could not be sent')), 5000);
  retries.unref();
  ctx.lag.start();
  ctx.log.info({ intervalMs: ctx.lag.options.intervalMs }, 'lag snapshot and history sampler started');
  ctx.topicStats.start();
  // clients joining and leaving, queues moving between them: stored next to the lag history, drawn on its chart
  const { rebalanceIntervalMs, rebalanceMaxGroups, retentionMs, compactEveryMs } = settings.lag;
  const rebalances = new RebalanceSampler(ctx, { intervalMs: rebalanceIntervalMs, maxGroups: rebalanceMaxGroups, concurrency: 4, retentionMs, compactEveryMs });
  rebalances.start();
  return () => rebalances.stop();
}

/** At server start: the first admin is made now (its one-time password printed), or AUTH=off is said loudly. */
function announceSignIn(auth: Auth, settings: ConsoleSettings, log: Logger): void {
  if (!settings.auth.enabled) {
    log.warn('sign-in is off (AUTH=off): anyone who reaches this port acts as an admin; serve it on 127.0.0.1 only');
    return;
  }
  auth
    .ensureInitialAdmin()
    .then(() => auth.purgeEnded())
    .catch((error: unknown) => log.error({ err: error }, 'could not make the first admin (the store failed); retried at the first sign-in'));
}
