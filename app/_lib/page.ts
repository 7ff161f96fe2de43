import { cookies, headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { refusal, type Principal, type Refusal, type Requirement } from '@/lib/console/auth/principal';
import type { Console } from '@/lib/console/console';
import type { ClusterContext } from '@/lib/console/context';
import { describeFailure } from '@/lib/console/core/errors';
import { DEFAULT_CLUSTER_SEGMENT, theConsole } from './console';
import { authenticate } from './principal';

/** The request's principal, resolved once per request however many components ask. */
export const currentPrincipal = cache(async (): Promise<Principal | undefined> => {
  const [jar, head] = await Promise.all([cookies(), headers()]);
  return authenticate(theConsole(), { cookie: (name) => jar.get(name)?.value, header: (name) => head.get(name) ?? undefined });
});

/** Sends someone not signed in to the sign-in page, coming back to where they were. */
export async function signInFirst(): Promise<never> {
  const path = (await headers()).get('x-app-path') ?? '/';
  redirect(`/login?next=${encodeURIComponent(path)}`);
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
