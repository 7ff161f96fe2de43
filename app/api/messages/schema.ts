import { z } from 'zod';
import { DEFAULT_KEY_LIMIT, MAX_KEY_LIMIT } from '@/lib/console/messages/by-key';
import { Timestamp } from '../_lib/schema';

const Topic = z.string().trim().min(1, 'topic is empty').max(255, 'topic is longer than 255 characters');

/** GET /api/messages: messages of a topic by key, within a store-time window (default: the whole index). */
export const KeySearchQuery = z
  .object({
    topic: Topic,
    key: z.string({ message: 'key is required' }).trim().min(1, 'key is empty').max(255, 'key is longer than 255 characters'),
    begin: Timestamp.optional(),
    end: Timestamp.optional(),
    limit: z.coerce.number({ message: 'limit must be a number' }).int('limit must be a whole number').min(1, 'limit must be 1 or more').max(MAX_KEY_LIMIT, `limit must be ${MAX_KEY_LIMIT} or less`).default(DEFAULT_KEY_LIMIT),
  })
  .transform((q) => ({ ...q, begin: q.begin ?? 0, end: q.end ?? Date.now() }))
  .refine((q) => q.end >= q.begin, { message: 'end is before begin', path: ['end'] });

/** ?topic= of the message and trace routes: optional, needed for a client msgId when tracing is off. */
export const OptionalTopicQuery = z.object({ topic: Topic.optional() });

export const TraceKeyQuery = z.object({
  key: z.string({ message: 'key is required' }).trim().min(1, 'key is empty').max(255, 'key is longer than 255 characters'),
  topic: Topic.optional(),
});

export const ResendPreviewBody = z.object({
  group: z.string({ message: 'group is required' }).trim().min(1, 'group is empty').max(255),
  topic: Topic.optional(),
  clientId: z.string().min(1, 'clientId is empty').max(512).optional(),
});

export const ResendApplyBody = z.object({
  previewId: z.string({ message: 'previewId is required' }).min(1, 'previewId is required'),
  confirm: z.string({ message: 'confirm is required: the group name' }),
});
