/**
 * Direct mode (rmqc --namesrv host:port): the read commands without a console, the console's own use cases run in
 * this process against the namesrv and brokers. Read-only by design: a change needs the console's preview store,
 * lock, audit log and roles, so it goes through one (--url).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ZodType } from 'zod';
import { createConsole, type Console } from '../lib/console/console';
import { readSettings } from '../lib/console/core/config';
import { errorAnswer } from '../lib/console/core/errors';
import type { ClusterContext } from '../lib/console/context';
import { getClusterOverview } from '../lib/console/cluster/overview';
import { listTopics } from '../lib/console/topics/list';
import { TopicListQuery } from '../lib/console/topics/schema';
import { getTopicRoute, getTopicStatus } from '../lib/console/topics/detail';
import { listGroups } from '../lib/console/groups/list';
import { GroupListQuery } from '../lib/console/groups/schema';
import { getGroupProgress } from '../lib/console/groups/progress';
import { getGroupConnections } from '../lib/console/groups/connections';
import { getMessageDetail } from '../lib/console/messages/detail';
import { searchByKey } from '../lib/console/messages/by-key';
import { KeySearchQuery, OptionalTopicQuery, RangeScanQuery } from '../lib/console/messages/schema';
import { scanTopic } from '../lib/console/messages/scan';
import { getMessageTrace } from '../lib/console/traces/trace';
import { ApiError, type Api, type Query } from './http';
import { CliError, EXIT } from './exit-codes';

type Handler = (ctx: ClusterContext, segments: string[], query: Query) => Promise<unknown>;

const parse = <T>(schema: ZodType<T>, query: Query): T => schema.parse(Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)])));

/** The console's GET routes under /api/clusters/{cluster}, as the use cases they call (the same schemas validate). */
const ROUTES: Array<{ pattern: RegExp; handle: Handler }> = [
  { pattern: /^\/brokers$/, handle: (ctx) => getClusterOverview(ctx) },
  { pattern: /^\/topics$/, handle: (ctx, _s, q) => listTopics(ctx, parse(TopicListQuery, q)) },
  { pattern: /^\/topics\/([^/]+)\/status$/, handle: (ctx, [topic]) => getTopicStatus(ctx, { topic: topic! }) },
  { pattern: /^\/topics\/([^/]+)\/route$/, handle: (ctx, [topic]) => getTopicRoute(ctx, { topic: topic! }) },
  { pattern: /^\/groups$/, handle: (ctx, _s, q) => listGroups(ctx, parse(GroupListQuery, q)) },
  { pattern: /^\/groups\/([^/]+)\/progress$/, handle: (ctx, [group]) => getGroupProgress(ctx, { group: group! }) },
  { pattern: /^\/groups\/([^/]+)\/connections$/, handle: (ctx, [group]) => getGroupConnections(ctx, { group: group! }) },
  { pattern: /^\/messages$/, handle: (ctx, _s, q) => searchByKey(ctx, parse(KeySearchQuery, q)) },
  { pattern: /^\/messages\/([^/]+)$/, handle: (ctx, [msgId], q) => getMessageDetail(ctx, { msgId: msgId!, topic: parse(OptionalTopicQuery, q).topic, bodies: true }) },
  { pattern: /^\/traces\/([^/]+)$/, handle: (ctx, [msgId], q) => getMessageTrace(ctx, { msgId: msgId!, topic: parse(OptionalTopicQuery, q).topic }) },
];

const NEEDS_CONSOLE: Array<[RegExp, string]> = [
  [/\/lag-history$/, 'lag history is what a console sampled into its store'],
  [/\/audit(\/|$)/, 'the audit log is a console\'s'],
];

export class DirectApi implements Api {
  private readonly prefix: string;

  private constructor(
    private readonly app: Console,
    private readonly ctx: ClusterContext,
    private readonly dataDir: string,
  ) {
    this.prefix = `/api/clusters/${encodeURIComponent(ctx.name)}`;
  }

  static open(namesrv: string): DirectApi {
    // the store is opened only when used, and direct mode uses none: a throwaway directory keeps it that way
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rmqc-'));
    const settings = readSettings({ NAMESRV_ADDR: namesrv, CLUSTER_KEY: 'direct', DATA_DIR: dataDir, LOG_LEVEL: 'silent', AUTH: 'off' });
    const app = createConsole(settings);
    return new DirectApi(app, app.cluster('direct'), dataDir);
  }

  get cluster(): string {
    return this.ctx.name;
  }

  clusterPath(rest: string): string {
    return `${this.prefix}${rest}`;
  }

  async get<T>(fullPath: string, query: Query = {}): Promise<T> {
    const rest = this.relative(fullPath);
    for (const [pattern, why] of NEEDS_CONSOLE) if (pattern.test(rest)) throw new CliError(`${why}: pass --url <console> instead of --namesrv`, EXIT.USAGE);
    for (const { pattern, handle } of ROUTES) {
      const m = pattern.exec(rest);
      if (m) return (await answered(() => handle(this.ctx, m.slice(1).map(decodeURIComponent), query))) as T;
    }
    throw new CliError(`${rest} is not served in direct mode: pass --url <console>`, EXIT.USAGE);
  }

  post<T>(): Promise<T> {
    return Promise.reject(new CliError('direct mode (--namesrv) changes nothing: a change is previewed, locked and audited by a console, pass --url <console>', EXIT.USAGE));
  }

  async stream(fullPath: string, query: Query, onLine: (value: unknown) => void): Promise<void> {
    const m = /^\/topics\/([^/]+)\/messages$/.exec(this.relative(fullPath));
    if (!m) throw new CliError(`${fullPath} is not served in direct mode`, EXIT.USAGE);
    await answered(async () => {
      for await (const event of scanTopic(this.ctx, { topic: decodeURIComponent(m[1]!), ...parse(RangeScanQuery, query), bodies: true }, new AbortController().signal)) onLine(event);
    });
  }

  async close(): Promise<void> {
    await this.app.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private relative(fullPath: string): string {
    if (!fullPath.startsWith(this.prefix)) throw new CliError(`${fullPath} is not served in direct mode: pass --url <console>`, EXIT.USAGE);
    return fullPath.slice(this.prefix.length);
  }
}

/** A use case's failure as the console's HTTP answer would carry it, so the exit codes are the same in both modes. */
async function answered<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const answer = errorAnswer(error);
    if (!answer) throw error;
    throw new ApiError(answer.status, { error: { code: answer.code, message: answer.message, field: answer.field } });
  }
}
