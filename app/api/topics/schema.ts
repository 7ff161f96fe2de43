import { z } from 'zod';
import { TOPIC_SORTS, TOPIC_TYPES } from '@/lib/console/topics/catalog';

/** Query of GET /api/topics; the topic list page keeps the same parameters in its URL. */
export const TopicListQuery = z.object({
  search: z.string().max(255, 'search is longer than 255 characters').optional(),
  type: z.enum(TOPIC_TYPES, { message: `type must be one of ${TOPIC_TYPES.join(', ')}` }).optional(),
  system: z.enum(['show', 'hide'], { message: 'system must be show or hide' }).default('hide'),
  sort: z
    .string()
    .regex(new RegExp(`^-?(${TOPIC_SORTS.join('|')})$`), `sort must be one of ${TOPIC_SORTS.join(', ')} (prefix - for descending)`)
    .default('name'),
  page: z.coerce.number({ message: 'page must be a number' }).int('page must be a whole number').min(1, 'page must be 1 or more').default(1),
  pageSize: z.coerce.number({ message: 'pageSize must be a number' }).int('pageSize must be a whole number').min(1, 'pageSize must be 1 or more').max(500, 'pageSize must be 500 or less').default(25),
});
