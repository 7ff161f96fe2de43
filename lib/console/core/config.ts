import path from 'node:path';
import { readClustersFile, type ClustersFile } from './clusters-file';
import type { Role } from './roles';

/** One RocketMQ cluster the console serves: a set of namesrvs and how to talk to them. */
export interface ClusterConfig {
  /** The console's name for it (URLs, metric labels, audit and history rows); not RocketMQ's clusterName. */
  name: string;
  /** host:port of every namesrv. */
  namesrvAddrs: string[];
  traceTopic: string;
  /** Reads only: every change is refused with this as the reason. */
  readOnly: boolean;
  /** Deadline of one call to one broker or namesrv. */
  requestTimeoutMs: number;
  /** Deadline of a whole page's fan-out to brokers: late brokers become partial-answer entries. */
  fanOutDeadlineMs: number;
  maxFrameBytes: number;
  /** ACL credentials: every request to the brokers is signed with them; never sent to a browser. */
  credentials?: { accessKey: string; secretKey: string };
  /** 5.x proxies named in the clusters file (remoting host:port). */
  proxies?: string[];
  /** Remoting port of proxies found by discovery (default 8080). */
  proxyRemotingPort?: number;
}

export interface LagSettings {
  /** Pause between the end of one snapshot and the start of the next (stretched when a snapshot is slow). */
  snapshotIntervalMs: number;
  snapshotConcurrency: number;
  /** Build the background snapshot in a worker thread of its own (LAG_SNAPSHOT_THREAD, on unless "off"). */
  snapshotThread: boolean;
  /** A queue of an online group with lag and a consumer offset still for this long is stuck (LAG_STUCK_AFTER_MS). */
  stuckAfterMs: number;
  sampleIntervalMs: number;
  heartbeatMs: number;
  rawForMs: number;
  bucketMs: number;
  retentionMs: number;
  compactEveryMs: number;
  /** How often online groups' clients and queues are read for the rebalance history (REBALANCE_SAMPLE_INTERVAL_MS). */
  rebalanceIntervalMs: number;
  /** Groups read per rebalance round, round-robin over the online ones (REBALANCE_MAX_GROUPS). */
  rebalanceMaxGroups: number;
  /**
   * Groups whose per-queue series /api/metrics writes: the N with the most lag per cluster (METRICS_QUEUE_GROUPS, a
   * number, "all" or 0; default 100). Per-group series are always written. Every queue of 50,000 groups is 2.4
   * million series a scrape, more than a Prometheus should take from one target.
   */
  metricsQueueGroups: number;
}

export interface OidcRoleMapping {
  /** A value of the role claim (a group name, say). */
  value: string;
  role: Role;
  /** Cluster names, or "*" for all. */
  clusters: string[];
}

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  /** Shown on the sign-in button. */
  label: string;
  usernameClaim: string;
  roleClaim: string;
  mappings: OidcRoleMapping[];
}

export interface AuthSettings {
  /** AUTH=off: no sign-in, every request acts as a local admin; the server binds to 127.0.0.1 only. */
  enabled: boolean;
  sessionTtlMs: number;
  /**
   * The first admin: its password from CONSOLE_ADMIN_PASSWORD, or a one-time password printed at the first start
   * and written to passwordFile (DATA_DIR/initial-admin-password).
   */
  initialAdmin: { username: string; password?: string; passwordFile: string };
  /** CONSOLE_PUBLIC_URL: the console's URL as browsers reach it (OIDC redirect URI, Origin check behind a proxy). */
  publicUrl?: string;
  /** The console's address for links sent away (alert notifications): publicUrl, else http://localhost:$PORT. */
  consoleUrl: string;
  /** Where to sign in, for the lines printed at start: consoleUrl + /login. */
  signInUrl: string;
  oidc?: OidcSettings;
  /** Secure cookies: always, never, or when the request came over TLS (x-forwarded-proto). */
  cookieSecure: 'auto' | 'always' | 'never';
  /** Failed sign-ins per username and address within loginWindowMs before the next are refused. */
  loginMaxFailures: number;
  loginWindowMs: number;
}

/**
 * Pauses that let a test stop a console process in the middle of a change. Only tests set them, through
 * CONSOLE_TEST_PAUSE_AFTER_AUDIT_MS and CONSOLE_TEST_PAUSE_BETWEEN_BROKERS_MS; the console logs a warning when they are.
 */
export interface TestHooks {
  /** Sleep between writing the audit entry and the first broker call. */
  pauseAfterAuditMs?: number;
  /** Apply broker by broker with this pause in between (so a test can kill the process half-way). */
  pauseBetweenBrokersMs?: number;
}

export interface ConsoleSettings {
  clusters: ClusterConfig[];
  defaultCluster: string;
  /** PostgreSQL when set, else SQLite at sqlitePath. */
  store: { databaseUrl?: string; sqlitePath?: string };
  lag: LagSettings;
  /**
   * The background topic stats (message count and last write of every topic, for the topic list's sorts):
   * TOPIC_STATS_INTERVAL_MS between builds, TOPIC_STATS_CONCURRENCY calls in flight per broker.
   */
  topicStats: { intervalMs: number; concurrency: number };
  /** Range scans at once in this console process, the queue behind them and how long one waits (SCAN_*). */
  scans: { concurrency: number; queue: number; waitMs: number };
  auth: AuthSettings;
  logLevel: string;
  testHooks: TestHooks;
  /** Where the clusters came from, for the log line at start. */
  source: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The console's settings: the clusters file named by CONSOLE_CONFIG (YAML or JSON, validated, errors name the key),
 * else NAMESRV_ADDR as a one-cluster shortcut, else the local sandbox's namesrv. Timeouts, lag and auth settings
 * come from the environment; a cluster in the file may override its own timeouts.
 */
export function readSettings(env: Env = process.env): ConsoleSettings {
  const defaults = clusterDefaults(env);
  const file = env.CONSOLE_CONFIG?.trim() ? readClustersFile(env.CONSOLE_CONFIG.trim(), env) : undefined;
  const clusters = file ? clustersFromFile(file, defaults) : [{ ...defaults, name: env.CLUSTER_KEY?.trim() || 'default', namesrvAddrs: splitAddrs(env.NAMESRV_ADDR ?? '127.0.0.1:9876') }];
  const databaseUrl = env.DATABASE_URL?.trim();
  return {
    clusters,
    defaultCluster: file?.defaultCluster ?? clusters[0]!.name,
    store: databaseUrl ? { databaseUrl } : { sqlitePath: path.join(env.DATA_DIR?.trim() || './data', 'console.db') },
    lag: lagSettings(env),
    topicStats: { intervalMs: positiveInt(env.TOPIC_STATS_INTERVAL_MS, 60_000), concurrency: positiveInt(env.TOPIC_STATS_CONCURRENCY, 32) },
    auth: authSettings(env, file),
    logLevel: env.LOG_LEVEL ?? 'info',
    testHooks: testHooks(env),
    scans: { concurrency: positiveInt(env.SCAN_CONCURRENCY, 4), queue: positiveInt(env.SCAN_QUEUE, 16), waitMs: positiveInt(env.SCAN_WAIT_MS, 15_000) },
    source: file ? `CONSOLE_CONFIG ${env.CONSOLE_CONFIG}` : env.NAMESRV_ADDR ? 'NAMESRV_ADDR' : 'the local sandbox (127.0.0.1:9876)',
  };
}

export function splitAddrs(value: string): string[] {
  return value
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function clusterDefaults(env: Env): Omit<ClusterConfig, 'name' | 'namesrvAddrs'> {
  return {
    traceTopic: env.TRACE_TOPIC || 'RMQ_SYS_TRACE_TOPIC',
    readOnly: false,
    requestTimeoutMs: positiveInt(env.RMQ_REQUEST_TIMEOUT_MS, 3000),
    fanOutDeadlineMs: positiveInt(env.RMQ_FANOUT_DEADLINE_MS, 4000),
    maxFrameBytes: positiveInt(env.RMQ_MAX_FRAME_BYTES, 64 * 1024 * 1024),
  };
}

function clustersFromFile(file: ClustersFile, defaults: Omit<ClusterConfig, 'name' | 'namesrvAddrs'>): ClusterConfig[] {
  return file.clusters.map((c) => ({
    name: c.name,
    namesrvAddrs: c.namesrv,
    traceTopic: c.traceTopic ?? defaults.traceTopic,
    readOnly: c.readOnly ?? false,
    requestTimeoutMs: c.requestTimeoutMs ?? defaults.requestTimeoutMs,
    fanOutDeadlineMs: c.fanOutDeadlineMs ?? defaults.fanOutDeadlineMs,
    maxFrameBytes: defaults.maxFrameBytes,
    ...(c.credentials ? { credentials: c.credentials } : {}),
    ...(c.proxies ? { proxies: c.proxies } : {}),
    ...(c.proxyRemotingPort ? { proxyRemotingPort: c.proxyRemotingPort } : {}),
  }));
}

function lagSettings(env: Env): LagSettings {
  return {
    snapshotIntervalMs: positiveInt(env.LAG_SNAPSHOT_INTERVAL_MS, 15_000),
    snapshotConcurrency: positiveInt(env.LAG_SNAPSHOT_CONCURRENCY, 64),
    snapshotThread: (env.LAG_SNAPSHOT_THREAD ?? 'on').trim().toLowerCase() !== 'off',
    stuckAfterMs: positiveNumber(env.LAG_STUCK_AFTER_MS, 60_000),
    sampleIntervalMs: positiveNumber(env.LAG_SAMPLE_INTERVAL_MS, 30_000),
    heartbeatMs: positiveNumber(env.LAG_HEARTBEAT_MS, 10 * 60_000),
    rawForMs: positiveNumber(env.LAG_RAW_HOURS, 24) * 3_600_000,
    bucketMs: positiveNumber(env.LAG_BUCKET_MINUTES, 5) * 60_000,
    retentionMs: positiveNumber(env.LAG_RETENTION_DAYS, 7) * 86_400_000,
    compactEveryMs: 60 * 60_000,
    rebalanceIntervalMs: positiveInt(env.REBALANCE_SAMPLE_INTERVAL_MS, 60_000),
    rebalanceMaxGroups: positiveInt(env.REBALANCE_MAX_GROUPS, 200),
    metricsQueueGroups: queueGroups(env.METRICS_QUEUE_GROUPS),
  };
}

function authSettings(env: Env, file: ClustersFile | undefined): AuthSettings {
  const mode = (env.AUTH ?? file?.auth?.mode ?? 'on').trim().toLowerCase();
  const oidc = file?.auth?.oidc;
  const issuer = env.OIDC_ISSUER?.trim() || oidc?.issuer;
  const clientId = env.OIDC_CLIENT_ID?.trim() || oidc?.clientId;
  const clientSecret = env.OIDC_CLIENT_SECRET ?? oidc?.clientSecret;
  const publicUrl = env.CONSOLE_PUBLIC_URL?.trim().replace(/\/+$/, '') || undefined;
  return {
    enabled: mode !== 'off',
    sessionTtlMs: positiveNumber(env.SESSION_TTL_HOURS, file?.auth?.sessionTtlHours ?? 12) * 3_600_000,
    initialAdmin: {
      username: env.CONSOLE_ADMIN_USER?.trim() || 'admin',
      ...(env.CONSOLE_ADMIN_PASSWORD ? { password: env.CONSOLE_ADMIN_PASSWORD } : {}),
      passwordFile: path.join(env.DATA_DIR?.trim() || './data', 'initial-admin-password'),
    },
    ...(publicUrl ? { publicUrl } : {}),
    consoleUrl: publicUrl ?? `http://localhost:${env.PORT?.trim() || '3000'}`,
    signInUrl: `${publicUrl ?? `http://localhost:${env.PORT?.trim() || '3000'}`}/login`,
    ...(issuer && clientId
      ? {
          oidc: {
            issuer,
            clientId,
            clientSecret: clientSecret ?? '',
            scopes: oidc?.scopes ?? 'openid profile email',
            label: oidc?.label ?? 'single sign-on',
            usernameClaim: oidc?.usernameClaim ?? 'preferred_username',
            roleClaim: env.OIDC_ROLE_CLAIM?.trim() || oidc?.roleClaim || 'groups',
            mappings: oidc?.roles ?? [],
          },
        }
      : {}),
    cookieSecure: cookieSecure(env.COOKIE_SECURE),
    loginMaxFailures: positiveInt(env.LOGIN_MAX_FAILURES, 5),
    loginWindowMs: positiveInt(env.LOGIN_WINDOW_SECONDS, 300) * 1000,
  };
}

function testHooks(env: Env): TestHooks {
  const hooks: TestHooks = {};
  const after = positiveInt(env.CONSOLE_TEST_PAUSE_AFTER_AUDIT_MS, 0);
  const between = positiveInt(env.CONSOLE_TEST_PAUSE_BETWEEN_BROKERS_MS, 0);
  if (after > 0) hooks.pauseAfterAuditMs = after;
  if (between > 0) hooks.pauseBetweenBrokersMs = between;
  return hooks;
}

function cookieSecure(value: string | undefined): AuthSettings['cookieSecure'] {
  const v = value?.trim().toLowerCase();
  return v === 'always' || v === 'true' ? 'always' : v === 'never' || v === 'false' ? 'never' : 'auto';
}

function queueGroups(value: string | undefined): number {
  const v = value?.trim().toLowerCase();
  if (v === 'all') return Number.POSITIVE_INFINITY;
  if (v === '0' || v === 'none' || v === 'off') return 0;
  return positiveInt(v, 100);
}

export function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && Number.isInteger(n) && n > 0 ? n : fallback;
}

function positiveNumber(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value.trim() !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
}

