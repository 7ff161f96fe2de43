import { z } from 'zod';
import { GROUP_SORTS } from '@/lib/console/groups/list';
import { LAG_RANGES } from '@/lib/console/lag/history';

/** Query of GET /api/groups; the group list page keeps the same parameters in its URL. */
export const GroupListQuery = z.object({
  search: z.string().max(255, 'search is longer than 255 characters').optional(),
  system: z.enum(['show', 'hide'], { message: 'system must be show or hide' }).default('hide'),
  sort: z
    .string()
    .regex(new RegExp(`^-?(${GROUP_SORTS.join('|')})$`), `sort must be one of ${GROUP_SORTS.join(', ')} (prefix - for descending)`)
    .default('-lag'),
  page: z.coerce.number({ message: 'page must be a number' }).int('page must be a whole number').min(1, 'page must be 1 or more').default(1),
  pageSize: z.coerce.number({ message: 'pageSize must be a number' }).int('pageSize must be a whole number').min(1, 'pageSize must be 1 or more').max(500, 'pageSize must be 500 or less').default(50),
  refresh: z.enum(['1', 'true'], { message: 'refresh must be 1' }).optional(),
});

export const LagHistoryQuery = z.object({
  range: z.enum(Object.keys(LAG_RANGES) as [keyof typeof LAG_RANGES, ...Array<keyof typeof LAG_RANGES>], { message: `range must be one of ${Object.keys(LAG_RANGES).join(', ')}` }).default('1h'),
});
