import { z } from 'zod';
import { paging, sortParam, systemParam } from '../core/schema';
import { TOPIC_TYPES } from './catalog';
import { TOPIC_SORTS, type TopicQuery } from './list';

/** Query of the topic list (API and page alike). */
export const TopicListQuery = z
  .object({
    search: z.string().max(255, 'search is longer than 255 characters').optional(),
    type: z.enum(TOPIC_TYPES, { message: `type must be one of ${TOPIC_TYPES.join(', ')}` }).optional(),
    system: systemParam,
    sort: sortParam(TOPIC_SORTS, 'name'),
    ...paging(25),
  })
  .transform((q): TopicQuery => ({ search: q.search, type: q.type, hideSystem: q.system === 'hide', sort: q.sort.sort, desc: q.sort.desc, page: q.page, pageSize: q.pageSize }));

export const TopicParam = z.object({ topic: z.string() });
