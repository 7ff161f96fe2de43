import { cookies, headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { loopbackRefusal } from '@/lib/console/auth/http';
import { refusal, type Principal, type Refusal, type Requirement } from '@/lib/console/auth/principal';
import type { Console } from '@/lib/console/console';
import type { ClusterContext } from '@/lib/console/context';
import { describeFailure } from '@/lib/console/core/errors';
import { DEFAULT_CLUSTER_SEGMENT, theConsole } from './console';
import { authenticate } from './principal';

/**
 * The request's principal, resolved once per request however many components ask. AUTH=off answers nobody on a
 * host that is not loopback (the sign-in page then says why).
 */
export const currentPrincipal = cache(async (): Promise<Principal | undefined> => {
  const [jar, head] = await Promise.all([cookies(), headers()]);
  const app = theConsole();
  if (!app.auth.enabled && loopbackRefusal(head)) return undefined;
  return authenticate(app, { cookie: (name) => jar.get(name)?.value, header: (name) => head.get(name) ?? undefined });
});

/** Sends someone not signed in to the sign-in page, coming back to where they were (proxy.ts names the path). */
export async function signInFirst(): Promise<never> {
  const path = (await headers()).get('x-console-path') ?? '/';
  redirect(`/login?next=${encodeURIComponent(path)}`);
}

/**
 * The signed-in principal of a page outside any cluster (sign-in first; a one-time password first goes to /account,
 * unless this is /account).
 */
export async function signedInPage(options: { passwordChangeAllowed?: boolean } = {}): Promise<{ app: Console; principal: Principal }> {
  const principal = await currentPrincipal();
  if (!principal) return signInFirst();
  if (principal.mustChangePassword && !options.passwordChangeAllowed) redirect('/account');
  return { app: theConsole(), principal };
}

/** A console-wide page that needs a permission (the admin pages): the refusal to show instead, when there is one. */
export async function consolePage(requirement: Requirement): Promise<{ app: Console; principal: Principal; refused?: Refusal }> {
  const page = await signedInPage();
  const refused = refusal(page.principal, requirement);
  return refused ? { ...page, refused } : page;
}

export interface PageCall {
  app: Console;
  ctx: ClusterContext;
  principal: Principal;
  /** Set when the principal may not read this cluster: the page shows the reason instead of data. */
  refused?: Refusal;
  may(requirement: Requirement): boolean;
}

/**
 * The page side of the adapter: the cluster in the URL (404 when not configured; the default cluster's alias
 * redirects to its name), the principal (sign-in first), and whether they may read it.
 */
export async function clusterPage(params: Promise<{ cluster: string }>): Promise<PageCall> {
  const app = theConsole();
  const name = decodeURIComponent((await params).cluster);
  const principal = await currentPrincipal();
  if (!principal) return signInFirst();
  if (principal.mustChangePassword) redirect('/account');
  if (name === DEFAULT_CLUSTER_SEGMENT) redirect(`/clusters/${encodeURIComponent(app.defaultCluster)}`);
  const ctx = app.clusters.get(name);
  if (!ctx) notFound();
  const scope = { name: ctx.name, readOnly: ctx.config.readOnly };
  return {
    app,
    ctx,
    principal,
    refused: refusal(principal, 'cluster:read', scope),
    may: (requirement) => refusal(principal, requirement, scope) === undefined,
  };
}

/** A first-render value, or the error an operator reads in its place (the client view then retries). */
export type Loaded<T> = { value: T } | { error: string };

export function load<T>(work: Promise<T>): Promise<Loaded<T>> {
  return work.then(
    (value) => ({ value }),
    (error: unknown) => ({ error: describeFailure(error) }),
  );
}
