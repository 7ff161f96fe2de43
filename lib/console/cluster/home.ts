import { refusal, roleOf, type Principal } from '../auth/principal';
import type { Console } from '../console';
import type { Role } from '../core/roles';
import { getClusterSummary, type ClusterSummary } from './summary';

export interface HomeCluster extends Partial<ClusterSummary> {
  name: string;
  role: Role | null;
  /** Why this user sees nothing of the cluster (no role on it). */
  refused?: string;
}

/**
 * Every configured cluster at a glance, for one user: the clusters they may read with their brokers and lag, each
 * read in parallel with its own deadline (a cluster that is down or slow is named with its error and holds up
 * nothing else); the others only by name, with the reason.
 */
export async function getHome(app: Console, principal: Principal): Promise<{ clusters: HomeCluster[]; asOf: number }> {
  const clusters = await Promise.all(
    [...app.clusters.values()].map(async (ctx): Promise<HomeCluster> => {
      const role = roleOf(principal, ctx.name) ?? null;
      const refused = refusal(principal, 'cluster:read', { name: ctx.name, readOnly: ctx.config.readOnly });
      if (refused) return { name: ctx.name, readOnly: ctx.config.readOnly, role, refused: refused.message };
      // the namesrv call has its own timeout; the deadline covers a namesrv that accepts and never answers too
      return { ...(await getClusterSummary(ctx, ctx.config.fanOutDeadlineMs + ctx.config.requestTimeoutMs)), role };
    }),
  );
  return { clusters, asOf: Date.now() };
}
