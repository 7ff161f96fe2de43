import { z } from 'zod';
import { paging, sortParam, systemParam } from '../core/schema';
import { LAG_RANGES, type LagRange } from '../lag/history';
import { GROUP_SORTS, type GroupQuery } from './list';

/** Query of the group list (API and page alike). */
export const GroupListQuery = z
  .object({
    search: z.string().max(255, 'search is longer than 255 characters').optional(),
    system: systemParam,
    sort: sortParam(GROUP_SORTS, '-lag'),
    ...paging(50),
    refresh: z.enum(['1', 'true'], { message: 'refresh must be 1' }).optional(),
  })
  .transform((q): GroupQuery & { refresh: boolean } => ({
    search: q.search,
    hideSystem: q.system === 'hide',
    sort: q.sort.sort,
    desc: q.sort.desc,
    page: q.page,
    pageSize: q.pageSize,
    refresh: q.refresh !== undefined,
  }));

const RANGES = Object.keys(LAG_RANGES) as [LagRange, ...LagRange[]];
export const LagHistoryQuery = z.object({
  range: z.enum(RANGES, { message: `range must be one of ${RANGES.join(', ')}` }).default('1h'),
}).strict();
