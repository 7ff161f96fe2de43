import { z } from 'zod';

/** ?clusterName=&search=&differing=1 of the configuration tables. */
export const ConfigTableQuery = z.object({
  clusterName: z.string().trim().min(1, 'clusterName is empty').optional(),
  search: z.string().max(255, 'search is longer than 255 characters').optional(),
  differing: z.enum(['0', '1'], { message: 'differing must be 0 or 1' }).optional(),
}).strict();
