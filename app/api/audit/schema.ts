import { z } from 'zod';

const time = (field: string) =>
  z
    .string()
    .transform((value, ctx) => {
      const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
      if (!Number.isFinite(ms)) {
        ctx.addIssue({ code: 'custom', message: `${field} "${value}" is not a date` });
        return z.NEVER;
      }
      return ms;
    })
    .optional();

export const AuditListQuery = z.object({
  group: z.string().max(255).optional(),
  topic: z.string().max(255).optional(),
  actor: z.string().max(255).optional(),
  from: time('from'),
  to: time('to'),
  page: z.coerce.number({ message: 'page must be a number' }).int().min(1, 'page must be 1 or more').default(1),
  pageSize: z.coerce.number({ message: 'pageSize must be a number' }).int().min(1, 'pageSize must be 1 or more').max(500, 'pageSize must be 500 or less').default(50),
});

export const AuditId = z.coerce.number({ message: 'auditId must be a number' }).int('auditId must be a whole number').min(1, 'auditId must be 1 or more');
