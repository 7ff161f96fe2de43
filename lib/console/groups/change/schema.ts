import { z } from 'zod';

const retryQueueNums = z.coerce.number({ message: 'retryQueueNums must be a number' }).int('retryQueueNums must be a whole number').min(1, 'retryQueueNums must be 1 or more').max(64, 'retryQueueNums must be 64 or less');
const retryMaxTimes = z.coerce.number({ message: 'retryMaxTimes must be a number' }).int('retryMaxTimes must be a whole number').min(-1, 'retryMaxTimes must be -1 (retry for ever) or more').max(10_000, 'retryMaxTimes must be 10000 or less');
const flag = (field: string) => z.boolean({ message: `${field} must be true or false` });

/** The fields of a subscription group the console edits; the others (brokerId, …) keep their values. */
export const GroupFields = z.object({
  retryQueueNums: retryQueueNums.optional(),
  retryMaxTimes: retryMaxTimes.optional(),
  consumeEnable: flag('consumeEnable').optional(),
  consumeBroadcastEnable: flag('consumeBroadcastEnable').optional(),
  consumeFromMinEnable: flag('consumeFromMinEnable').optional(),
  consumeMessageOrderly: flag('consumeMessageOrderly').optional(),
});
export type GroupFields = z.infer<typeof GroupFields>;
export const GROUP_FIELDS = ['retryQueueNums', 'retryMaxTimes', 'consumeEnable', 'consumeBroadcastEnable', 'consumeFromMinEnable', 'consumeMessageOrderly'] as const;
export type GroupField = (typeof GROUP_FIELDS)[number];

const groupName = z.string().trim().min(1, 'group is empty').max(255, 'group is longer than 255 characters');

/**
 * Create or update a subscription group on chosen masters (brokerNames) or every master of a cluster (clusterName).
 * perBroker lets an undo put back each broker's own earlier values.
 */
export const GroupUpsertInput = GroupFields.extend({
  group: groupName,
  clusterName: z.string().trim().min(1, 'clusterName is empty').optional(),
  brokerNames: z.array(z.string().trim().min(1, 'brokerNames holds an empty name')).min(1, 'brokerNames is empty').optional(),
  perBroker: z.record(z.string(), GroupFields.required()).optional(),
})
  .strict()
  .refine((r) => (r.clusterName === undefined) !== (r.brokerNames === undefined), { message: 'give either clusterName (every master of that cluster) or brokerNames', path: ['brokerNames'] });
export type GroupUpsertRequest = z.infer<typeof GroupUpsertInput>;

/** Delete a group from every master that has it; cleanOffset also deletes its consumer offsets (no undo then). */
export const GroupDeleteInput = z.object({ group: groupName, cleanOffset: flag('cleanOffset').default(false) }).strict();
export type GroupDeleteRequest = z.infer<typeof GroupDeleteInput>;
