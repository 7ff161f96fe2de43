import { z } from 'zod';
import { paging, timestamp } from '../core/schema';

export const AuditListQuery = z
  .object({
    group: z.string().max(255).optional(),
    topic: z.string().max(255).optional(),
    actor: z.string().max(255).optional(),
    action: z.string().max(64).optional(),
    from: timestamp('from').optional(),
    to: timestamp('to').optional(),
    ...paging(50),
  })
  .strict()
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: 'from is after to', path: ['from'] });

export const AuditIdParam = z.object({
  auditId: z.coerce.number({ message: 'auditId must be a number' }).int('auditId must be a whole number').min(1, 'auditId must be 1 or more'),
});
