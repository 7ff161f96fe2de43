import { z } from 'zod';
import { timestamp } from '../core/schema';

/** Query of a filter test: an expression (TAG or SQL92), or a group whose subscription to test, over a store-time window. */
export const FilterTestQuery = z.object({
  expressionType: z.enum(['TAG', 'SQL92'], { message: 'expressionType must be TAG or SQL92' }).optional(),
  expression: z.string({ message: 'expression must be text' }).max(4096, 'expression is longer than 4096 characters').optional(),
  group: z.string({ message: 'group must be text' }).trim().min(1, 'group is empty').max(255).optional(),
  begin: timestamp('begin').optional(),
  end: timestamp('end').optional(),
  limit: z.coerce.number({ message: 'limit must be a number' }).int('limit must be a whole number').min(1, 'limit must be 1 or more').max(500, 'limit must be 500 or less').optional(),
}).strict();
