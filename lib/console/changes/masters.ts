import type { BrokerNode } from '../core/admin';
import { BadInputError } from '../core/errors';
import { masters } from '../core/routes';
import type { ClusterContext } from '../context';

/** The masters a change covers: every master of clusterName, or the named brokers' masters. */
export async function chosenMasters(ctx: ClusterContext, where: { clusterName?: string; brokerNames?: string[] }): Promise<BrokerNode[]> {
  const all = masters(await ctx.admin.brokerNodes());
  if (where.clusterName !== undefined) {
    const chosen = all.filter((n) => n.clusterName === where.clusterName);
    if (chosen.length === 0) throw new BadInputError(`no RocketMQ cluster named ${where.clusterName} has a master (known: ${[...new Set(all.map((n) => n.clusterName))].join(', ')})`, 'clusterName');
    return chosen;
  }
  const byName = new Map(all.map((n) => [n.brokerName, n]));
  const unknown = (where.brokerNames ?? []).filter((b) => !byName.has(b));
  if (unknown.length > 0) throw new BadInputError(`no master registered for ${unknown.join(', ')} (known: ${[...byName.keys()].join(', ')})`, 'brokerNames');
  return [...new Set(where.brokerNames)].map((b) => byName.get(b)!);
}

