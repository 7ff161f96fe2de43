import { z } from 'zod';
import { timestamp, topicField } from '../core/schema';
import { DEFAULT_KEY_LIMIT, MAX_KEY_LIMIT } from './by-key';
import { SCAN_LIMITS } from './scan-params';

/** Messages of a topic by key, within a store-time window (default: the whole index). */
export const KeySearchQuery = z
  .object({
    topic: topicField,
    key: z.string({ message: 'key is required' }).trim().min(1, 'key is empty').max(255, 'key is longer than 255 characters'),
    begin: timestamp('begin').optional(),
    end: timestamp('end').optional(),
    limit: z.coerce.number({ message: 'limit must be a number' }).int('limit must be a whole number').min(1, 'limit must be 1 or more').max(MAX_KEY_LIMIT, `limit must be ${MAX_KEY_LIMIT} or less`).default(DEFAULT_KEY_LIMIT),
  })
  .transform((q) => ({ ...q, begin: q.begin ?? 0, end: q.end ?? Date.now() }))
  .refine((q) => q.end >= q.begin, { message: 'end is before begin', path: ['end'] });

/** ?topic= of the message and trace routes: optional, needed for a client msgId when tracing is off. */
export const OptionalTopicQuery = z.object({ topic: topicField.optional() }).strict();

export const ResendPreviewBody = z.object({
  group: z.string({ message: 'group is required' }).trim().min(1, 'group is empty').max(255),
  topic: topicField.optional(),
  clientId: z.string().min(1, 'clientId is empty').max(512).optional(),
});

export const ResendApplyBody = z.object({
  previewId: z.string({ message: 'previewId is required' }).min(1, 'previewId is required'),
  confirm: z.string({ message: 'confirm is required: the group name' }),
});

const whole = (field: string, min: number, max: number) =>
  z.coerce
    .number({ message: `${field} must be a number` })
    .int(`${field} must be a whole number`)
    .min(min, `${field} must be ${min} or more`)
    .max(max, `${field} must be ${max} or less`)
    .optional();

/**
 * Query of the time-range scan. Shapes only: the range rules (end after begin, at most 7 days) live in the use
 * case, which names the field the same way for every caller.
 */
export const RangeScanQuery = z.object({
  begin: timestamp('begin'),
  end: timestamp('end'),
  tag: z.string().max(SCAN_LIMITS.maxTagExpressionLength, `tag is longer than ${SCAN_LIMITS.maxTagExpressionLength} characters`).optional(),
  text: z.string().max(SCAN_LIMITS.maxTextLength, `text is longer than ${SCAN_LIMITS.maxTextLength} characters`).optional(),
  limit: whole('limit', 1, SCAN_LIMITS.maxLimit),
  deadlineMs: whole('deadlineMs', SCAN_LIMITS.minDeadlineMs, SCAN_LIMITS.maxDeadlineMs),
  cursor: z.string().max(64 * 1024, 'cursor is too long').optional(),
}).strict();
