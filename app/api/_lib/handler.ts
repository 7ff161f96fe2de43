import { NextResponse } from 'next/server';
import type { ZodType } from 'zod';
import { loopbackRefusal, originRefusal, SESSION_COOKIE } from '@/lib/console/auth/http';
import { refusal, type Principal, type Requirement } from '@/lib/console/auth/principal';
import type { Console } from '@/lib/console/console';
import type { Actor, ChangeContext, ClusterContext } from '@/lib/console/context';
import { USERNAME_PATTERN } from '@/lib/console/auth/schema';
import { BadInputError, namingAccessRefusal } from '@/lib/console/core/errors';
import { groupNameProblem, topicNameProblem } from '@/lib/console/core/names';
import { DEFAULT_CLUSTER_SEGMENT, theConsole } from '../../_lib/console';
import { authenticate, bearerToken } from '../../_lib/principal';
import { errorResponse, json } from './errors';

/** Who a public route (health, sign-in) sees when nobody is signed in. */
const NOBODY: Principal = { kind: 'session', user: 'anonymous', displayName: 'anonymous', bindings: [] };

export interface RouteSpec<Q, B> {
  /** The route's pattern, the label of its request metrics. */
  route: string;
  /** What the caller needs; checked against the cluster in the URL (or on every cluster for app-wide routes). */
  permission: Requirement;
  /** Console-wide routes have no [cluster] segment. */
  scope?: 'cluster' | 'console';
  query?: ZodType<Q>;
  body?: ZodType<B>;
}

/** What a route's work gets: the request, resolved and checked. */
export interface Call<Q, B> {
  app: Console;
  principal: Principal;
  actor: Actor;
  /** Decoded path segments (without the cluster). */
  params: Record<string, string>;
  query: Q;
  body: B;
  request: Request;
  /** Whether the principal also has another permission on this cluster (message bodies for a viewer, say). */
  may(requirement: Requirement): boolean;
}

export interface ClusterCall<Q, B> extends Call<Q, B> {
  ctx: ClusterContext;
  /** The cluster context with the actor: what changing use cases take. */
  change: ChangeContext;
}

type NextParams = { params: Promise<Record<string, string | string[]>> };
/** The handler, with what it checks: its permission, and its query and body schemas (the bad-input test reads them). */
export type RouteHandler = ((request: Request, context: NextParams) => Promise<Response>) & { permission: Requirement; spec: { route: string; query?: ZodType; body?: ZodType } };

/**
 * The one HTTP adapter of the API: resolves the cluster and the principal, checks the permission, validates path,
 * query and body, runs the work, records the request metrics and maps every failure to a JSON error. The work
 * returns a value (sent as JSON) or a Response (a stream or a download), which is passed through.
 */
export function route<Q = undefined, B = undefined>(spec: RouteSpec<Q, B> & { scope: 'console' }, work: (call: Call<Q, B>) => Promise<unknown>): RouteHandler;
export function route<Q = undefined, B = undefined>(spec: RouteSpec<Q, B>, work: (call: ClusterCall<Q, B>) => Promise<unknown>): RouteHandler;
export function route<Q, B>(spec: RouteSpec<Q, B>, work: (call: ClusterCall<Q, B>) => Promise<unknown>): RouteHandler {
  const handler = async (request: Request, context: NextParams): Promise<Response> => {
    const started = performance.now();
    let response: Response;
    const app = theConsole();
    try {
      response = await answer(app, spec, work, request, (await context?.params) ?? {});
    } catch (error) {
      response = errorResponse(error, app.log);
    }
    app.metrics.httpRequests.inc({ route: spec.route, method: request.method, status: String(response.status) });
    app.metrics.httpDuration.observe({ route: spec.route }, (performance.now() - started) / 1000);
    return response;
  };
  return Object.assign(handler, { permission: spec.permission, spec: { route: spec.route, query: spec.query, body: spec.body } });
}

async function answer<Q, B>(app: Console, spec: RouteSpec<Q, B>, work: (call: ClusterCall<Q, B>) => Promise<unknown>, request: Request, raw: Record<string, string | string[]>): Promise<Response> {
  const blocked = requestRefusal(app, request);
  if (blocked) return blocked;
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) params[key] = decodeSegment(Array.isArray(value) ? value.join('/') : value, key);
  // the cluster segment picks the cluster whose roles apply: checked first; the others once the caller may ask at all
  if (params.cluster !== undefined) checkSegment('cluster', params.cluster);
  const principal = await authenticate(app, {
    cookie: (name) => cookieValue(request.headers.get('cookie'), name),
    header: (name) => request.headers.get(name) ?? undefined,
  });
  // who is asking comes first: an unknown cluster is not revealed to someone not signed in
  if (!principal && spec.permission !== 'public') {
    const refused = refusal(undefined, spec.permission)!;
    return json(refused.status, refused.code, refused.message);
  }
  const clusterName = params.cluster === DEFAULT_CLUSTER_SEGMENT || params.cluster === undefined ? app.defaultCluster : params.cluster;
  delete params.cluster;
  const ctx = spec.scope === 'console' ? undefined : app.cluster(clusterName);
  const scope = ctx ? { name: ctx.name, readOnly: ctx.config.readOnly } : undefined;
  const refused = refusal(principal, spec.permission, scope);
  if (refused) return json(refused.status, refused.code, refused.message, undefined, refused.permission ? { permission: refused.permission } : undefined);
  for (const [key, value] of Object.entries(params)) checkSegment(key, value);
  const query = spec.query ? spec.query.parse(Object.fromEntries(new URL(request.url).searchParams.entries())) : (undefined as Q);
  const body = spec.body ? spec.body.parse(await jsonBody(request)) : (undefined as B);
  const who = principal ?? NOBODY;
  // a token's request says which client sent it: the terminal command sends x-console-client: cli (the audit log's
  // channel); a session is the web pages whatever it claims
  const channel = who.kind !== 'token' ? 'ui' : request.headers.get('x-console-client') === 'cli' ? 'cli' : 'api';
  const actor: Actor = { user: who.user, channel };
  const call = {
    app,
    principal: who,
    actor,
    params,
    query,
    body,
    request,
    may: (requirement: Requirement) => refusal(principal, requirement, scope) === undefined,
    ctx: ctx!,
    change: ctx ? { ...ctx, actor } : undefined!,
  };
  let result: unknown;
  try {
    result = await work(call);
  } catch (error) {
    throw ctx ? namingAccessRefusal(error, ctx.name, ctx.config.credentials?.accessKey) : error;
  }
  return result instanceof Response ? result : NextResponse.json(result, { headers: { 'cache-control': 'no-store' } });
}

/**
 * Refusals that come before who is asking: AUTH=off serves loopback hosts only; a browser request that changes
 * something must come from the console's own pages (Origin, or Referer without one). API tokens are exempt: a
 * cross-site page cannot make the browser send an Authorization header. The check is required (a request with no
 * Origin refused) when the session cookie would authenticate it; otherwise only a foreign Origin is refused.
 */
export function requestRefusal(app: Console, request: Request): Response | undefined {
  if (!app.settings.auth.enabled) {
    const remote = loopbackRefusal(request.headers);
    if (remote) return json(403, 'auth_off_remote', remote);
  }
  if (request.method === 'GET' || request.method === 'HEAD') return undefined;
  if (bearerToken(request.headers.get('authorization') ?? undefined) !== undefined) return undefined;
  const required = app.settings.auth.enabled && cookieValue(request.headers.get('cookie'), SESSION_COOKIE) !== undefined;
  const bad = originRefusal(request.headers, request.url, { required, ...(app.settings.auth.publicUrl ? { publicUrl: app.settings.auth.publicUrl } : {}) });
  return bad ? json(403, 'bad_origin', bad) : undefined;
}

async function jsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BadInputError('the request body is not JSON', 'body');
  }
}

/** A path segment, decoded; a segment that does not decode is bad input naming the field. */
/**
 * What each path parameter of this API may hold, checked once the caller may ask at all and before anything else
 * runs (query, body, the use case, a broker call): a name RocketMQ would refuse, an id of the wrong shape or a
 * traversal never gets further. A caller without the permission is told that first (403), whatever the input.
 */
const PATH_GRAMMAR: Record<string, (value: string) => string | undefined> = {
  topic: topicNameProblem,
  group: groupNameProblem,
  msgId: (v) => (/^[0-9A-Fa-f]{32,56}$/.test(v) ? undefined : 'msgId is a message id: 32, 34 or 56 hexadecimal characters'),
  auditId: (v) => (/^[1-9]\d{0,15}$/.test(v) ? undefined : 'auditId is a positive whole number'),
  addr: (v) => (/^[A-Za-z0-9.-]{1,253}:\d{1,5}$|^\[[0-9A-Fa-f:.]{2,45}\]:\d{1,5}$/.test(v) ? undefined : 'addr is a broker address, host:port'),
  username: (v) => (USERNAME_PATTERN.test(v) ? undefined : 'username may hold letters, digits, ".", "_", "@" and "-" (64 at most), starting with a letter or digit'),
  id: (v) => (/^[A-Za-z0-9_-]{1,64}$/.test(v) ? undefined : 'id is a session or token id (letters, digits, "_" and "-")'),
  cluster: (v) => (/^[A-Za-z0-9._-]{1,128}$/.test(v) ? undefined : 'cluster is a cluster name from the clusters file'),
  ruleId: (v) => (/^[\w-]{1,64}$/.test(v) ? undefined : 'ruleId is an alert rule id (letters, digits, "_" and "-")'),
  silenceId: (v) => (/^[1-9]\d{0,15}$/.test(v) ? undefined : 'silenceId is a positive whole number'),
  previewId: (v) => (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v) ? undefined : 'previewId is a preview id (a UUID)'),
  channelId: (v) => (/^[\w-]{1,64}$/.test(v) ? undefined : 'channelId is a notification channel id (letters, digits, "_" and "-")'),
};

function decodeSegment(value: string, field: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new BadInputError(`${field} is not a valid URL path segment`, field);
  }
}

function checkSegment(field: string, value: string): void {
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  const problem = PATH_GRAMMAR[field]?.(value) ?? (/[\u0000-\u001f/\\]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value) ? `${field} holds a control character, a slash or a broken character` : undefined);
  if (problem) throw new BadInputError(problem.startsWith(field) ? problem : `${field}: ${problem}`, field);
}

export function cookieValue(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeCookie(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** A cookie value that does not decode is no credential (not a 500). */
function decodeCookie(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
