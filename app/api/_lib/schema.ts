import { z } from 'zod';

/** A point in time as epoch milliseconds (number or digits) or an ISO-8601 date. */
export const Timestamp = z.union([z.number(), z.string()], { message: 'timestamp must be epoch milliseconds or an ISO-8601 date' }).transform((value, ctx) => {
  const ms = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(ms) || ms < 0) {
    ctx.addIssue({ code: 'custom', message: `timestamp "${value}" is not a date` });
    return z.NEVER;
  }
  return ms;
});
