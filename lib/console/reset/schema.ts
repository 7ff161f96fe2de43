import { z } from 'zod';
import { timestamp } from '../core/schema';
import { RESET_MODES } from './types';

/** Body of a reset preview: a topic (or all topics), a mode, and the time or offsets it needs. */
export const ResetPreviewBody = z.object({
  topic: z.string().min(1, 'topic is empty').max(255).optional(),
  allTopics: z.boolean({ message: 'allTopics must be true or false' }).optional(),
  mode: z.enum(RESET_MODES, { message: `mode must be one of ${RESET_MODES.join(', ')}` }),
  timestamp: timestamp().optional(),
  offsets: z
    .array(
      z.object({
        topic: z.string().optional(),
        brokerName: z.string({ message: 'brokerName is required' }).min(1),
        queueId: z.number({ message: 'queueId must be a number' }).int().min(0, 'queueId must be 0 or more'),
        offset: z.number({ message: 'offset must be a number' }).int('offset must be a whole number').min(0, 'offset must be 0 or more'),
      }),
    )
    .max(10_000)
    .optional(),
});

/** Body that applies a kept preview (a reset or an undo). */
export const ApplyBody = z.object({
  previewId: z.string({ message: 'previewId is required' }).min(1, 'previewId is required'),
  confirm: z.union([z.string(), z.boolean()], { message: 'confirm is required: true, or the group name for resets that skip messages or cover whole topics' }),
});
