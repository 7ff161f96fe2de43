/**
 * How a tool's answer reaches the model: JSON text, cut to a budget. An assistant's context is small and a group's
 * queue table or a scan can be megabytes, so the longest lists are halved until the answer fits, and every cut is
 * said in a MORE line naming the list, how much was shown of how much, and how to ask for the rest.
 */

/** A little under what MCP clients commonly hand a model from one tool call (~100 KB). */
export const ANSWER_BUDGET_CHARS = 60_000;

/** A list that was cut: at `path` (dotted), `shown` of `total` items; `next` says how to get the rest. */
export interface Cut {
  path: string;
  shown: number;
  total: number;
  next?: string;
}

export interface ToolAnswer {
  [key: string]: unknown;
  content: Array<{ type: 'text'; text: string }>;
  isError?: boolean;
}

/** The value with its longest lists halved until its JSON fits the budget, and what was cut. */
export function fit<T>(value: T, budget = ANSWER_BUDGET_CHARS): { value: T; cuts: Cut[] } {
  const copy = structuredClone(value) as T;
  const totals = new Map<string, number>();
  for (let guard = 0; guard < 64 && JSON.stringify(copy).length > budget; guard++) {
    const longest = longestArray(copy, '');
    if (!longest || longest.array.length <= 1) break;
    if (!totals.has(longest.path)) totals.set(longest.path, longest.array.length);
    longest.array.splice(Math.max(1, Math.floor(longest.array.length / 2)));
  }
  const cuts: Cut[] = [];
  for (const [path, total] of totals) cuts.push({ path, shown: arrayAt(copy, path)?.length ?? 0, total });
  return { value: copy, cuts };
}

function longestArray(value: unknown, path: string): { path: string; array: unknown[]; size: number } | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  let best: { path: string; array: unknown[]; size: number } | undefined;
  if (Array.isArray(value)) {
    best = { path, array: value, size: JSON.stringify(value).length };
    return best;
  }
  for (const [key, child] of Object.entries(value)) {
    const found = longestArray(child, path ? `${path}.${key}` : key);
    if (found && (!best || found.size > best.size)) best = found;
  }
  return best;
}

function arrayAt(value: unknown, path: string): unknown[] | undefined {
  let at: unknown = value;
  for (const key of path ? path.split('.') : []) at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  return Array.isArray(at) ? at : undefined;
}

/**
 * A tool's answer: the value as JSON, then one MORE line per list that holds less than the whole (cut to the
 * budget, or a page of a longer list), each telling how to ask for the rest.
 */
export function answer(value: unknown, options: { paged?: Cut; hint?: string; budget?: number; more?: string[] } = {}): ToolAnswer {
  const { value: kept, cuts } = fit(value, options.budget);
  const lines = [JSON.stringify(kept)];
  const all = mergePaged(options.paged, cuts);
  for (const cut of all) {
    const how = cut.next ?? options.hint ?? 'narrow the question (a topic, a broker, a shorter time range) to see the rest';
    lines.push(`MORE: ${cut.path || 'the list'}: ${cut.shown} of ${cut.total} shown; ${how}`);
  }
  for (const line of options.more ?? []) lines.push(`MORE: ${line}`);
  return { content: [{ type: 'text', text: lines.join('\n') }] };
}

/** A page that the budget cut further is one MORE line: what fit of the whole list, and the page's way on. */
function mergePaged(paged: Cut | undefined, cuts: Cut[]): Cut[] {
  if (!paged) return cuts;
  const same = cuts.find((cut) => cut.path === paged.path);
  const rest = cuts.filter((cut) => cut !== same);
  const shown = same ? paged.shown - (same.total - same.shown) : paged.shown;
  return shown < paged.total ? [{ ...paged, shown }, ...rest] : rest;
}

/** A refusal or failure, as the console's HTTP answer would say it (code and message naming the field). */
export function failure(code: string, message: string): ToolAnswer {
  return { content: [{ type: 'text', text: `${code}: ${message}` }], isError: true };
}
