import { z } from 'zod';
import { topicField } from '../core/schema';

export const TraceKeyQuery = z.object({
  key: z.string({ message: 'key is required' }).trim().min(1, 'key is empty').max(255, 'key is longer than 255 characters'),
  topic: topicField.optional(),
}).strict();
