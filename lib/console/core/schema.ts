import { z } from 'zod';

/** A point in time as epoch milliseconds (number or digits) or an ISO-8601 date; the message names the field. */
export const timestamp = (field = 'timestamp') =>
  z.union([z.number(), z.string()], { message: `${field} must be epoch milliseconds or an ISO-8601 date` }).transform((value, ctx) => {
    // Date.parse alone takes too much ("0.5" and "1" are dates to V8's legacy parser): digits, or a date that starts like ISO-8601
    const ms = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : Number.NaN;
    if (!Number.isSafeInteger(ms) || ms < 0) {
      ctx.addIssue({ code: 'custom', message: `${field} "${value}" is not a date` });
      return z.NEVER;
    }
    return ms;
  });

/** ?page=&pageSize= of every paged list. */
export const paging = (defaultPageSize: number) => ({
  page: z.coerce.number({ message: 'page must be a number' }).int('page must be a whole number').min(1, 'page must be 1 or more').default(1),
  pageSize: z.coerce
    .number({ message: 'pageSize must be a number' })
    .int('pageSize must be a whole number')
    .min(1, 'pageSize must be 1 or more')
    .max(500, 'pageSize must be 500 or less')
    .default(defaultPageSize),
});

/** ?sort=key or ?sort=-key (descending) over the given keys, parsed into { sort, desc }. */
export const sortParam = <K extends string>(keys: readonly [K, ...K[]], fallback: NoInfer<`${'-' | ''}${K}`>) =>
  z
    .string()
    .regex(new RegExp(`^-?(${keys.join('|')})$`), `sort must be one of ${keys.join(', ')} (prefix - for descending)`)
    .optional()
    .transform((value: string = fallback) => ({ sort: value.replace(/^-/, '') as K, desc: value.startsWith('-') }));

/** A topic name as typed (the use case checks RocketMQ's rules and names the field). */
export const topicField = z.string().trim().min(1, 'topic is empty').max(255, 'topic is longer than 255 characters');

/** show|hide of system topics and groups, as a boolean. */
export const systemParam = z.enum(['show', 'hide'], { message: 'system must be show or hide' }).default('hide');
