import { NotFoundError } from '../core/errors';
import { checkGroupName } from '../core/names';
import type { ClusterContext } from '../context';
import { readLagHistory, type LagRange, type LagSeries } from '../lag/history';

/** A group's lag over a range, as the history sampler wrote it; 404 for a group that neither exists nor has history. */
export async function getLagHistory(ctx: ClusterContext, input: { group: string; range: LagRange }): Promise<LagSeries> {
  checkGroupName(input.group);
  const series = await readLagHistory(await ctx.store(), ctx.name, input.group, input.range);
  const known = (await ctx.lag.latest()).configs.has(input.group);
  if (!known && series.points.length === 0) throw new NotFoundError(`consumer group ${input.group} does not exist and has no lag history`, 'group');
  return series;
}
