import { z } from 'zod';
import { topicField } from '../../core/schema';
import { MESSAGE_TYPES } from './message-types';

export { MESSAGE_TYPES, type MessageType } from './message-types';

/** The console's cap on queues per broker: far above what anyone runs, low enough to catch a typo. */
export const MAX_QUEUE_NUMS = 1024;

const queueNums = (field: string) =>
  z.coerce
    .number({ message: `${field} must be a number` })
    .int(`${field} must be a whole number`)
    .min(1, `${field} must be 1 or more`)
    .max(MAX_QUEUE_NUMS, `${field} must be ${MAX_QUEUE_NUMS} or less`);

/** 6 = read and write, 4 = read only, 2 = write only (PermName); "rw", "r", "w" are accepted too. */
const perm = z
  .union([z.literal(2), z.literal(4), z.literal(6), z.enum(['rw', 'r', 'w'])], { message: 'perm must be 6 (read and write), 4 (read only) or 2 (write only)' })
  .transform((p): number => (typeof p === 'number' ? p : p === 'rw' ? 6 : p === 'r' ? 4 : 2));

const brokerConfig = z.object({ readQueueNums: queueNums('readQueueNums'), writeQueueNums: queueNums('writeQueueNums'), perm, messageType: z.enum(MESSAGE_TYPES).optional() });
export type BrokerTopicConfig = z.infer<typeof brokerConfig>;

/**
 * Create or update a topic on chosen masters (brokerNames) or every master of a RocketMQ cluster (clusterName).
 * perBroker and orderConf let an undo put back each broker's own earlier config and the exact order conf.
 */
export const TopicUpsertInput = z
  .object({
    topic: topicField,
    clusterName: z.string().trim().min(1, 'clusterName is empty').optional(),
    brokerNames: z.array(z.string().trim().min(1, 'brokerNames holds an empty name')).min(1, 'brokerNames is empty').optional(),
    readQueueNums: queueNums('readQueueNums'),
    writeQueueNums: queueNums('writeQueueNums'),
    perm: perm.default(6),
    messageType: z.enum(MESSAGE_TYPES, { message: `messageType must be one of ${MESSAGE_TYPES.join(', ')}` }).optional(),
    order: z.boolean({ message: 'order must be true or false' }).optional(),
    perBroker: z.record(z.string(), brokerConfig).optional(),
    orderConf: z.string().nullable().optional(),
  })
  .strict()
  .refine((r) => (r.clusterName === undefined) !== (r.brokerNames === undefined), { message: 'give either clusterName (every master of that cluster) or brokerNames', path: ['brokerNames'] });
export type TopicUpsertRequest = z.infer<typeof TopicUpsertInput>;

export const TopicDeleteInput = z.object({ topic: topicField }).strict();
export type TopicDeleteRequest = z.infer<typeof TopicDeleteInput>;
