import { BadInputError } from '../core/errors';
import { checkTopicName } from '../core/names';

/** What an operator asks for: the messages of a topic stored between two times, optionally filtered. */
export interface ScanRequest {
  topic: string;
  /** Store time range, epoch ms, both ends included. */
  begin: number;
  end: number;
  /** Tag expression (`TagA || TagB`); `*` or empty for every tag. Sent to the brokers as the pull subscription. */
  tag?: string;
  /** Case-insensitive substring of the keys, a property value or the body text; matched in the console server. */
  text?: string;
  limit?: number;
  deadlineMs?: number;
  /** Where an earlier scan of the same request stopped (opaque, from its `done` event). */
  cursor?: string;
}

/** A validated request with its defaults filled in. */
export interface ScanParams {
  topic: string;
  begin: number;
  end: number;
  /** Normalized tag expression: `*`, or tags joined with ` || `. */
  tag: string;
  /** Lower-cased, undefined when no text filter. */
  text?: string;
  limit: number;
  deadlineMs: number;
  cursor?: string;
}

export const SCAN_LIMITS = {
  /** A longer range is a job for a consumer, not a page: it could read a topic's whole retention. */
  maxRangeMs: 7 * 24 * 3600 * 1000,
  defaultLimit: 1000,
  maxLimit: 10_000,
  defaultDeadlineMs: 30_000,
  minDeadlineMs: 1000,
  maxDeadlineMs: 120_000,
  maxTextLength: 255,
  maxTagExpressionLength: 1024,
} as const;

/** A tag in a subscription: FilterAPI splits the expression on `||` and trims each part, so no `|` inside. */
const TAG_PATTERN = /^[^|]+$/;

/** Normalizes `A ||B` to `A || B`; `*`, blank or undefined to `*`. Bad input names `tag`. */
export function normalizeTagExpression(expression: string | undefined): string {
  const expr = (expression ?? '').trim();
  if (expr === '' || expr === '*') return '*';
  if (expr.length > SCAN_LIMITS.maxTagExpressionLength) {
    throw new BadInputError(`tag is ${expr.length} characters long; the limit is ${SCAN_LIMITS.maxTagExpressionLength}`, 'tag');
  }
  const tags = expr.split('||').map((t) => t.trim());
  const bad = tags.find((t) => !TAG_PATTERN.test(t) || t === '*');
  if (bad !== undefined) {
    throw new BadInputError(
      bad === '' ? `tag "${expr}" has an empty tag between separators; write tags as TagA || TagB` : `tag "${bad}" is not a tag (no | inside, and * only alone; write tags as TagA || TagB)`,
      'tag',
    );
  }
  return [...new Set(tags)].join(' || ');
}

function wholeNumber(value: number, field: string, what: string): void {
  if (!Number.isSafeInteger(value)) throw new BadInputError(`${field} must be ${what}`, field);
}

/** Checks a request and fills in defaults; every problem is a BadInputError naming its field. */
export function scanParams(request: ScanRequest): ScanParams {
  checkTopicName(request.topic);
  wholeNumber(request.begin, 'begin', 'a time (epoch ms)');
  wholeNumber(request.end, 'end', 'a time (epoch ms)');
  if (request.begin < 0) throw new BadInputError('begin is before 1970', 'begin');
  if (request.end < request.begin) {
    throw new BadInputError(`end (${new Date(request.end).toISOString()}) is before begin (${new Date(request.begin).toISOString()})`, 'end');
  }
  if (request.end - request.begin > SCAN_LIMITS.maxRangeMs) {
    // `begin`: the usual request ends now and reaches too far back
    throw new BadInputError(`the range from begin to end is longer than ${SCAN_LIMITS.maxRangeMs / 86_400_000} days; narrow it`, 'begin');
  }
  const limit = request.limit ?? SCAN_LIMITS.defaultLimit;
  wholeNumber(limit, 'limit', 'a whole number');
  if (limit < 1 || limit > SCAN_LIMITS.maxLimit) throw new BadInputError(`limit must be between 1 and ${SCAN_LIMITS.maxLimit}`, 'limit');
  const deadlineMs = request.deadlineMs ?? SCAN_LIMITS.defaultDeadlineMs;
  wholeNumber(deadlineMs, 'deadlineMs', 'a whole number of milliseconds');
  if (deadlineMs < SCAN_LIMITS.minDeadlineMs || deadlineMs > SCAN_LIMITS.maxDeadlineMs) {
    throw new BadInputError(`deadlineMs must be between ${SCAN_LIMITS.minDeadlineMs} and ${SCAN_LIMITS.maxDeadlineMs}`, 'deadlineMs');
  }
  const text = request.text?.trim() ? request.text.trim() : undefined;
  if (text && text.length > SCAN_LIMITS.maxTextLength) {
    throw new BadInputError(`text is ${text.length} characters long; the limit is ${SCAN_LIMITS.maxTextLength}`, 'text');
  }
  return {
    topic: request.topic,
    begin: request.begin,
    end: request.end,
    tag: normalizeTagExpression(request.tag),
    text: text?.toLowerCase(),
    limit,
    deadlineMs,
    cursor: request.cursor?.trim() ? request.cursor.trim() : undefined,
  };
}
