import type { ChangeContext } from '../context';
import { RecentSearchBody, type RecentSearch, type RecentSearchInput } from './schema';

/** How many searches each user keeps per cluster. */
export const RECENT_SEARCHES_KEPT = 20;

// Equal searches must be equal text to be one row: keys sorted, undefined left out.
function canonical(params: object): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined);
  return JSON.stringify(Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}

const owner = (ctx: ChangeContext) => ({ user: ctx.actor.user, cluster: ctx.name });

/** Keeps a search the signed-in user ran (ctx.actor: an API token's user for a token), newest first. */
export async function recordSearch(ctx: ChangeContext, input: RecentSearchInput): Promise<RecentSearch> {
  const at = Date.now();
  await (await ctx.store()).personal.recordSearch(owner(ctx), { kind: input.kind, params: canonical(input.params) }, at, RECENT_SEARCHES_KEPT);
  return { ...input, at };
}

/** The signed-in user's recent searches on this cluster, newest first. */
export async function listSearches(ctx: ChangeContext): Promise<{ searches: RecentSearch[] }> {
  const rows = await (await ctx.store()).personal.searches(owner(ctx));
  const searches = rows.flatMap((r): RecentSearch[] => {
    // a row this version cannot read (written by another version, or by hand) is left out rather than re-run wrong
    const parsed = RecentSearchBody.safeParse({ kind: r.kind, params: safeJson(r.params) });
    return parsed.success ? [{ ...parsed.data, at: r.at }] : [];
  });
  return { searches };
}

export async function clearSearches(ctx: ChangeContext): Promise<{ cleared: number }> {
  return { cleared: await (await ctx.store()).personal.clearSearches(owner(ctx)) };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
