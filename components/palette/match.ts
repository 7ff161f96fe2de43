/**
 * The command palette's matching, kept free of React and the browser so it can be tested on its own: a fuzzy rank of
 * names, and what pasted text looks like (a message id, a time, a key).
 */

/** Characters after which a match counts as the start of a word: RocketMQ names are joined with _ - . % and |. */
const BOUNDARY = new Set(['_', '-', '.', '%', '|', ':', '/', ' ', '@']);

const EXACT = 1_000;
const PREFIX = 600;
const SUBSTRING = 300;
/** Letters scattered through a name score below zero, so any contiguous match (0 or more) ranks above them. */
const SCATTERED = -1_000;

/**
 * Whether a match is one an operator typing it most likely meant: the name holds the text, or the letters fall
 * mostly on word starts and runs (cgsql in lab_cg_sql), not merely somewhere in a long name.
 */
export function isStrong(score: number, query: string): boolean {
  const tokens = queryTokens(query);
  return score >= 0 || (tokens.length === 1 && score >= SCATTERED + 4 * tokens[0]!.length);
}

/**
 * How well one query token matches a name (both lower case), or undefined when it does not: a whole name first,
 * then a prefix, then a substring (earlier and at a word start better), then the token's characters in order
 * (word starts and runs rewarded, gaps and a longer name penalised), so "cgsql" finds lab_cg_sql.
 */
export function tokenScore(token: string, name: string): number | undefined {
  if (token === '') return 0;
  if (name === token) return EXACT;
  const at = name.indexOf(token);
  if (at === 0) return PREFIX - name.length;
  if (at > 0) return SUBSTRING - at - name.length / 10 + (BOUNDARY.has(name[at - 1]!) ? 100 : 0);
  return subsequenceScore(token, name);
}

function subsequenceScore(token: string, name: string): number | undefined {
  let score = 0;
  let from = 0;
  let previous = -2;
  for (const ch of token) {
    const i = name.indexOf(ch, from);
    if (i < 0) return undefined;
    if (i === previous + 1) score += 8;
    else if (i === 0 || BOUNDARY.has(name[i - 1]!)) score += 6;
    else score -= Math.min(i - from, 10);
    previous = i;
    from = i + 1;
  }
  return SCATTERED + score - name.length / 10;
}

/**
 * The query against one name: every whitespace-separated token must match (in any order), so "sql lab" finds
 * lab_cg_sql. Undefined when some token does not.
 */
export function fuzzyScore(query: string, name: string): number | undefined {
  return tokensScore(queryTokens(query), name.toLowerCase());
}

const queryTokens = (query: string) => query.toLowerCase().split(/\s+/).filter(Boolean);

function tokensScore(tokens: readonly string[], lower: string): number | undefined {
  let total = 0;
  for (const token of tokens) {
    const s = tokenScore(token, lower);
    if (s === undefined) return undefined;
    total += s;
  }
  return total;
}

export interface Ranked<T> {
  /** The best matches, best first, at most `limit`. */
  top: T[];
  /** How many matched in all. */
  total: number;
  /** The best score, for ordering sections against each other; undefined when nothing matched. */
  best?: number;
}

/**
 * The best `limit` candidates for the query, best first (ties by name, shorter first), and how many matched.
 * `demote` sinks candidates an operator rarely means (system topics and groups) below the others of similar score.
 * Keeps only the top `limit` while scanning: a 50,000-group cluster is ranked without sorting every match.
 */
export function rank<T>(query: string, candidates: readonly T[], name: (c: T) => string, limit: number, demote?: (c: T) => boolean): Ranked<T> {
  const top: Array<{ c: T; s: number; n: string }> = [];
  const tokens = queryTokens(query);
  let total = 0;
  for (const c of candidates) {
    const n = name(c);
    const raw = tokensScore(tokens, n.toLowerCase());
    if (raw === undefined) continue;
    total++;
    const s = demote?.(c) ? raw - 200 : raw;
    if (top.length === limit && !better(s, n, top[limit - 1]!)) continue;
    let i = top.length;
    while (i > 0 && better(s, n, top[i - 1]!)) i--;
    top.splice(i, 0, { c, s, n });
    if (top.length > limit) top.pop();
  }
  return { top: top.map((t) => t.c), total, best: top[0]?.s };
}

function better(s: number, n: string, than: { s: number; n: string }): boolean {
  if (s !== than.s) return s > than.s;
  if (n.length !== than.n.length) return n.length < than.n.length;
  return n < than.n;
}

/** What pasted or typed text can mean besides a name. */
export type Recognized =
  | { kind: 'msgId'; id: string; storeHost?: string }
  | { kind: 'timestamp'; ms: number; text: string }
  | { kind: 'key'; key: string };

const HEX = /^[0-9a-fA-F]+$/;

/**
 * A message id as the console's id search takes it: 32 hex (a client msgId, UNIQ_KEY, or an IPv4 offsetMsgId), 56
 * (an IPv6 offsetMsgId) or 34 starting 01 (a 5.x gRPC client's msgId). `storeHost` is set when the 32 characters
 * read as an offsetMsgId (IPv4 + a port below 65,536 + commit-log offset): a UNIQ_KEY carries the producer's pid and
 * class-loader hash where the port would be, so its bytes 4-5 are rarely both zero.
 */
export function recognizeMessageId(text: string): { id: string; storeHost?: string } | undefined {
  const id = text.trim();
  if (!HEX.test(id)) return undefined;
  const upper = id.toUpperCase();
  if (id.length === 56 || (id.length === 34 && id.startsWith('01'))) return { id: upper };
  if (id.length !== 32) return undefined;
  const port = Number.parseInt(upper.slice(8, 16), 16);
  if (!upper.startsWith('0000', 8) || port === 0) return { id: upper };
  const ip = [0, 2, 4, 6].map((i) => Number.parseInt(upper.slice(i, i + 2), 16)).join('.');
  return { id: upper, storeHost: `${ip}:${port}` };
}

// Times before 2000 or past 2100 are numbers, not times: an order number must not turn into a reset.
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);
const LOCAL_OR_ZONED = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const AGO = /^-(\d+)\s*(s|m|min|h|d)$/i;
const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * A time: epoch milliseconds (13 digits), an ISO date-time with or without a zone ("2026-12-01 10:00" is the
 * browser's local time, as the reset dialog's own time field), a date (its local midnight) or a time ago as rmqc
 * takes it ("-30m", "-2h", "-1d"). Undefined for anything else, or a date that does not exist (2026-02-30).
 */
export function recognizeTimestamp(text: string, now: number): number | undefined {
  const t = text.trim();
  if (/^\d{13}$/.test(t)) return inRange(Number(t));
  const ago = AGO.exec(t);
  if (ago) return inRange(now - Number(ago[1]) * UNIT_MS[ago[2]!.toLowerCase()]!);
  const m = LOCAL_OR_ZONED.exec(t);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = m;
  const parts = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(frac.padEnd(3, '0'))] as const;
  const local = new Date(...parts);
  const utc = new Date(Date.UTC(...parts));
  // Date rolls 2026-02-30 over into March: such a date is not one
  if (utc.getUTCMonth() !== parts[1] || utc.getUTCDate() !== parts[2] || parts[3] > 23 || parts[4] > 59 || parts[5] > 59) return undefined;
  if (!zone) return inRange(local.getTime());
  if (zone.toUpperCase() === 'Z') return inRange(utc.getTime());
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return inRange(utc.getTime() - sign * offsetMin * 60_000);
}

function inRange(ms: number): number | undefined {
  return ms >= EARLIEST && ms < LATEST ? ms : undefined;
}

/**
 * Every reading of the text besides a name, most specific first: a message id, a time, and a key. A key has no
 * whitespace (the producer joins several keys with a space, KEY_SEPARATOR), so text with spaces is never one.
 */
export function recognize(text: string, now: number): Recognized[] {
  const t = text.trim();
  if (t === '') return [];
  const out: Recognized[] = [];
  const id = recognizeMessageId(t);
  if (id) out.push({ kind: 'msgId', ...id });
  const ms = recognizeTimestamp(t, now);
  if (ms !== undefined) out.push({ kind: 'timestamp', ms, text: t });
  if (!/\s/.test(t) && t.length <= 255) out.push({ kind: 'key', key: t });
  return out;
}
