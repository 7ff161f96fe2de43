import { z } from 'zod';
import type { GroupRetryPolicy } from '../../../rocketmq/get-all-subscriptiongroup-config';
import { showDelay } from '../../core/delays';

const retryQueueNums = z.coerce.number({ message: 'retryQueueNums must be a number' }).int('retryQueueNums must be a whole number').min(1, 'retryQueueNums must be 1 or more').max(64, 'retryQueueNums must be 64 or less');
const retryMaxTimes = z.coerce.number({ message: 'retryMaxTimes must be a number' }).int('retryMaxTimes must be a whole number').min(-1, 'retryMaxTimes must be -1 (retry for ever) or more').max(10_000, 'retryMaxTimes must be 10000 or less');
const flag = (field: string) => z.boolean({ message: `${field} must be true or false` });

const delayMs = (field: string) => z.number({ message: `${field} must be a number of milliseconds` }).int(`${field} must be whole milliseconds`).min(1, `${field} must be 1 ms or more`).max(7 * 86_400_000, `${field} must be 7 days or less`);

/**
 * 5.x GroupRetryPolicy: CUSTOMIZED with the delays before each retry (none: the broker's delay levels), or
 * EXPONENTIAL from `initial` ms times `multiplier` per retry, at most `max` ms.
 */
export const RetryPolicyInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('CUSTOMIZED'), next: z.array(delayMs('retryPolicy.next')).min(1, 'retryPolicy.next is empty').max(64, 'retryPolicy.next holds more than 64 delays').optional() }).strict(),
  z
    .object({ type: z.literal('EXPONENTIAL'), initial: delayMs('retryPolicy.initial'), max: delayMs('retryPolicy.max'), multiplier: z.number({ message: 'retryPolicy.multiplier must be a number' }).int('retryPolicy.multiplier must be whole').min(1, 'retryPolicy.multiplier must be 1 or more').max(100, 'retryPolicy.multiplier must be 100 or less') })
    .strict()
    .refine((p) => p.max >= p.initial, { message: 'retryPolicy.max must be at least retryPolicy.initial', path: ['max'] }),
], { message: 'retryPolicy.type must be CUSTOMIZED or EXPONENTIAL' });

/** The fields of a subscription group the console edits; the others (brokerId, …) keep their values. */
export const GroupFields = z.object({
  retryQueueNums: retryQueueNums.optional(),
  retryMaxTimes: retryMaxTimes.optional(),
  consumeEnable: flag('consumeEnable').optional(),
  consumeBroadcastEnable: flag('consumeBroadcastEnable').optional(),
  consumeFromMinEnable: flag('consumeFromMinEnable').optional(),
  consumeMessageOrderly: flag('consumeMessageOrderly').optional(),
  /** 5.x only. */
  retryPolicy: RetryPolicyInput.optional(),
});
export type GroupFields = z.infer<typeof GroupFields>;
export const GROUP_FIELDS = ['retryQueueNums', 'retryMaxTimes', 'consumeEnable', 'consumeBroadcastEnable', 'consumeFromMinEnable', 'consumeMessageOrderly', 'retryPolicy'] as const;
export type GroupField = (typeof GROUP_FIELDS)[number];

/** A group's edited fields as a broker holds them: every one, except the retry policy a 4.x broker does not have. */
export type GroupValues = Required<Omit<GroupFields, 'retryPolicy'>> & { retryPolicy?: GroupRetryPolicy };
// an undo puts back a policy as the broker held it, which may be EXPONENTIAL on the broker's defaults
const GroupValuesInput = GroupFields.required().extend({ retryPolicy: z.union([RetryPolicyInput, z.object({ type: z.literal('EXPONENTIAL') }).strict()]).optional() });

/** A field's value as a preview line and the audit diff show it (null: the broker has no such field). */
export function showGroupField(values: GroupValues, field: GroupField): string | null {
  if (field !== 'retryPolicy') return String(values[field]);
  return values.retryPolicy ? showRetryPolicy(values.retryPolicy) : null;
}

/** A retry policy in a line: CUSTOMIZED 1s 5s 30s, or EXPONENTIAL 1s ×2 up to 2h. */
export function showRetryPolicy(p: GroupRetryPolicy): string {
  if (p.type === 'CUSTOMIZED') return p.next ? `CUSTOMIZED ${p.next.map(showDelay).join(' ')}` : 'CUSTOMIZED (the broker\'s delay levels)';
  return p.initial === undefined ? 'EXPONENTIAL (the broker\'s defaults)' : `EXPONENTIAL ${showDelay(p.initial)} ×${p.multiplier} up to ${showDelay(p.max ?? 0)}`;
}

const groupName = z.string().trim().min(1, 'group is empty').max(255, 'group is longer than 255 characters');

/**
 * Create or update a subscription group on chosen masters (brokerNames) or every master of a cluster (clusterName).
 * perBroker lets an undo put back each broker's own earlier values.
 */
export const GroupUpsertInput = GroupFields.extend({
  group: groupName,
  clusterName: z.string().trim().min(1, 'clusterName is empty').optional(),
  brokerNames: z.array(z.string().trim().min(1, 'brokerNames holds an empty name')).min(1, 'brokerNames is empty').optional(),
  perBroker: z.record(z.string(), GroupValuesInput).optional(),
})
  .strict()
  .refine((r) => (r.clusterName === undefined) !== (r.brokerNames === undefined), { message: 'give either clusterName (every master of that cluster) or brokerNames', path: ['brokerNames'] });
export type GroupUpsertRequest = z.infer<typeof GroupUpsertInput>;

/** Delete a group from every master that has it; cleanOffset also deletes its consumer offsets (no undo then). */
export const GroupDeleteInput = z.object({ group: groupName, cleanOffset: flag('cleanOffset').default(false) }).strict();
export type GroupDeleteRequest = z.infer<typeof GroupDeleteInput>;
