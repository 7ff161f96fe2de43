import { z } from 'zod';
import { SCAN_LIMITS } from '@/lib/console/messages/scan-params';
import { Timestamp } from '../../../_lib/schema';

const whole = (field: string, min: number, max: number) =>
  z.coerce
    .number({ message: `${field} must be a number` })
    .int(`${field} must be a whole number`)
    .min(min, `${field} must be ${min} or more`)
    .max(max, `${field} must be ${max} or less`)
    .optional();

/**
 * Query of GET /api/topics/{topic}/messages. Shapes only: the range rules (end after begin, at most 7 days) live in
 * the use case, which names the field the same way for every caller.
 */
export const RangeScanQuery = z.object({
  begin: Timestamp,
  end: Timestamp,
  tag: z.string().max(SCAN_LIMITS.maxTagExpressionLength, `tag is longer than ${SCAN_LIMITS.maxTagExpressionLength} characters`).optional(),
  text: z.string().max(SCAN_LIMITS.maxTextLength, `text is longer than ${SCAN_LIMITS.maxTextLength} characters`).optional(),
  limit: whole('limit', 1, SCAN_LIMITS.maxLimit),
  deadlineMs: whole('deadlineMs', SCAN_LIMITS.minDeadlineMs, SCAN_LIMITS.maxDeadlineMs),
  cursor: z.string().max(64 * 1024, 'cursor is too long').optional(),
});
