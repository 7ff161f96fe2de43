import { z } from 'zod';
import { topicField } from '../core/schema';

// What a recent search holds: the parameters of the search page it re-runs, checked here so a stored search always
// builds a valid page URL again. Strings are bounded so a row stays small (and its key fits PostgreSQL's index).

const text = (field: string, max = 512) => z.string({ message: `${field} must be text` }).trim().min(1, `${field} is empty`).max(max, `${field} is longer than ${max} characters`);
const msgId = z.string().trim().regex(/^[0-9A-Fa-f]{32,56}$/, 'msgId must be 32-56 hexadecimal digits');
const limit = z.number().int('limit must be a whole number').min(1, 'limit must be 1 or more').max(10_000, 'limit must be 10,000 or less');
const epochMs = (field: string) => z.number({ message: `${field} must be epoch milliseconds` }).int(`${field} must be whole milliseconds`).min(0, `${field} must not be negative`);

export const KeySearchParams = z.object({ topic: topicField, key: text('key'), window: z.enum(['all', '1h', '24h', '7d'], { message: 'window must be all, 1h, 24h or 7d' }).optional(), limit: limit.optional() }).strict();
export const MsgIdSearchParams = z.object({ msgId, topic: topicField.optional() }).strict();
export const RangeSearchParams = z
  .object({ topic: topicField, begin: epochMs('begin'), end: epochMs('end'), tag: text('tag').optional(), text: text('text').optional(), limit: limit.optional() })
  .strict()
  .refine((p) => p.begin <= p.end, { message: 'end is before begin', path: ['end'] });
export const TraceSearchParams = z
  .object({ msgId: msgId.optional(), key: text('key').optional(), topic: topicField.optional() })
  .strict()
  .refine((p) => (p.msgId === undefined) !== (p.key === undefined), { message: 'a trace search has a msgId or a key, one of them', path: ['msgId'] });

/** POST /recent-searches: a search the user just ran. */
export const RecentSearchBody = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('key'), params: KeySearchParams }).strict(),
    z.object({ kind: z.literal('msgId'), params: MsgIdSearchParams }).strict(),
    z.object({ kind: z.literal('range'), params: RangeSearchParams }).strict(),
    z.object({ kind: z.literal('trace'), params: TraceSearchParams }).strict(),
  ],
  { message: 'kind must be key, msgId, range or trace' },
);
/** The store-time windows of the key search (components/messages/windows.ts; the URL state parses only those). */
export type KeySearchWindow = NonNullable<z.infer<typeof KeySearchParams>['window']>;
export type RecentSearchInput = z.infer<typeof RecentSearchBody>;
export type RecentSearch = RecentSearchInput & { at: number };
