import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { refusal, type Principal, type Requirement } from '@/lib/console/auth/principal';
import { PERMISSIONS, roleRank, type Permission } from '@/lib/console/core/roles';

// Every route file of the API, imported as Next.js would: each exported HTTP handler must carry the permission it
// checks (the adapter's route() sets it), and a handler that changes something must need at least the operator
// role, so a viewer can change nothing. The only exceptions are the sign-in routes below (OPEN) and the caller's own
// records on a cluster (PERSONAL), each with its reason.

const METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'] as const;
const MUTATING = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/** Handlers open to anyone, or to anyone signed in, and why that is right. */
const OPEN: Record<string, string> = {
  'GET /api/health': 'liveness for load balancers: says nothing about any cluster',
  'POST /api/auth/login': 'signing in is what someone not yet signed in does (rate-limited, Origin-checked)',
  'GET /api/auth/oidc/start': 'starts single sign-on for someone not yet signed in',
  'GET /api/auth/oidc/callback': "the provider's redirect back, before there is a session",
  'GET /api/session': 'who am I: every signed-in user may ask',
  'GET /api/overview': 'every cluster at a glance: getHome reads a cluster only when refusal(cluster:read) allows it, and names the others with the reason',
  'POST /api/auth/logout': 'ends the caller’s own session',
  'POST /api/auth/password': 'changes the caller’s own password (the one thing a one-time password allows)',
  'GET /api/auth/sessions': 'lists the caller’s own sessions and tokens',
  'DELETE /api/auth/sessions/[id]': 'revokes the caller’s own session; another user’s needs console:admin (checked by Auth.revoke)',
  'GET /api/auth/tokens': 'lists the caller’s own tokens',
  'POST /api/auth/tokens': 'a token acts with at most its user’s own roles; tokens cannot mint tokens (Auth.createToken)',
  'DELETE /api/auth/tokens/[id]': 'revokes the caller’s own token',
  'PUT /api/session/preferences': 'the caller’s own language and theme: nothing on any cluster',
  'GET /api/mcp': 'answers 405 to anyone signed in (no server-sent stream): reads nothing',
  'POST /api/mcp': 'the MCP endpoint: takes a token, and each tool checks that token’s role on the cluster it touches (refusal in mcp/server.ts); its change tools only plan',
};

/**
 * Handlers that change only the caller's own records in the console's store, never a cluster, so cluster:read (a
 * viewer) is enough: needing a role on the cluster still keeps someone with none on it out.
 */
const PERSONAL: Record<string, string> = {
  'PUT /api/clusters/[cluster]/favourites/topics/[topic]': 'a personal preference of the caller; changes nothing on any cluster',
  'DELETE /api/clusters/[cluster]/favourites/topics/[topic]': 'a personal preference of the caller; changes nothing on any cluster',
  'PUT /api/clusters/[cluster]/favourites/groups/[group]': 'a personal preference of the caller; changes nothing on any cluster',
  'DELETE /api/clusters/[cluster]/favourites/groups/[group]': 'a personal preference of the caller; changes nothing on any cluster',
  'POST /api/clusters/[cluster]/recent-searches': 'the caller’s own search history; changes nothing on any cluster',
  'DELETE /api/clusters/[cluster]/recent-searches': 'the caller’s own search history; changes nothing on any cluster',
};

const root = path.resolve(import.meta.dirname);

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(p);
    return e.name === 'route.ts' ? [p] : [];
  });
}

interface Handler {
  key: string;
  method: string;
  route: string;
  permission: Requirement | undefined;
}

async function handlers(): Promise<Handler[]> {
  const out: Handler[] = [];
  for (const file of routeFiles(root)) {
    const route = `/api/${path.relative(root, path.dirname(file)).split(path.sep).join('/')}`;
    const mod = (await import(file)) as Record<string, unknown>;
    for (const method of METHODS) {
      const handler = mod[method] as ((...args: unknown[]) => unknown) & { permission?: Requirement };
      if (typeof handler === 'function') out.push({ key: `${method} ${route}`, method, route, permission: handler.permission });
    }
  }
  return out;
}

const viewer: Principal = { kind: 'session', user: 'v', displayName: 'v', bindings: [{ cluster: '*', role: 'viewer' }] };

describe('every API route checks a permission', () => {
  it('finds the route files (guard: an empty walk would prove nothing)', async () => {
    const all = await handlers();
    expect(all.length).toBeGreaterThanOrEqual(40);
    expect(all.map((h) => h.key)).toEqual(expect.arrayContaining(['POST /api/clusters/[cluster]/groups/[group]/reset', 'POST /api/auth/login', 'GET /api/admin/users']));
    // the first import of every route module (and what they import) takes seconds on a busy machine
  }, 60_000);

  it('each exported handler carries its permission', async () => {
    const missing = (await handlers()).filter((h) => h.permission === undefined).map((h) => h.key);
    expect(missing).toEqual([]);
  });

  it('only the listed sign-in routes are public or open to any signed-in user, and every one listed exists', async () => {
    const all = await handlers();
    const open = all.filter((h) => h.permission === 'public' || h.permission === 'signed-in').map((h) => h.key);
    expect(open.sort()).toEqual(Object.keys(OPEN).sort());
  });

  it('a handler that changes something needs at least the operator role, so a viewer gets 403 from each', async () => {
    const mutating = (await handlers()).filter((h) => MUTATING.has(h.method) && !(h.key in OPEN) && !(h.key in PERSONAL));
    expect(mutating.length).toBeGreaterThanOrEqual(10);
    const weak = mutating.filter((h) => !(h.permission! in PERMISSIONS) || roleRank(PERMISSIONS[h.permission as Permission]) < roleRank('operator'));
    expect(weak.map((h) => `${h.key}: ${h.permission}`)).toEqual([]);
    for (const h of mutating) {
      const cluster = h.route.startsWith('/api/clusters/[cluster]/') ? { name: 'prod', readOnly: false } : undefined;
      expect(refusal(viewer, h.permission!, cluster)?.status, h.key).toBe(403);
    }
  });

  it('the personal handlers listed exist, change something and need cluster:read on the cluster in their URL', async () => {
    const byKey = new Map((await handlers()).map((h) => [h.key, h]));
    for (const key of Object.keys(PERSONAL)) {
      const h = byKey.get(key);
      expect(h, key).toBeDefined();
      expect(MUTATING.has(h!.method), key).toBe(true);
      expect(h!.route.startsWith('/api/clusters/[cluster]/'), key).toBe(true);
      expect(h!.permission, key).toBe('cluster:read');
      expect(refusal(viewer, h!.permission!, { name: 'prod', readOnly: true }), key).toBeUndefined();
      expect(refusal({ ...viewer, bindings: [{ cluster: 'staging', role: 'admin' }] }, h!.permission!, { name: 'prod', readOnly: false })?.status, key).toBe(403);
    }
  });
});

describe('the README lists every route with its permission', () => {
  it('has one row per handler, in step with app/api', async () => {
    const readme = readFileSync(path.resolve(root, '../../README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| (GET|POST|PATCH|PUT|DELETE) \| `([^`]+)` \| ([a-z:-]+) \|/gm)].map((m) => `${m[1]} ${m[2]!.replace(/\{(\w+)\}/g, '[$1]')} ${m[3]}`);
    expect(rows.length).toBeGreaterThanOrEqual(40);
    const actual = (await handlers()).map((h) => `${h.key} ${h.permission}`);
    expect(rows.sort()).toEqual(actual.sort());
  });
});
