import { z } from 'zod';

/**
 * Change broker configuration keys: on one broker group (brokerName: its master, and its slaves with
 * includeSlaves) or every master of a cluster (clusterName). perBroker lets an undo put back each broker's values.
 */
export const BrokerConfigInput = z
  .object({
    clusterName: z.string().trim().min(1, 'clusterName is empty').optional(),
    brokerName: z.string().trim().min(1, 'brokerName is empty').optional(),
    includeSlaves: z.boolean({ message: 'includeSlaves must be true or false' }).default(false),
    changes: z
      .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_.]*$/, 'a key is letters, digits, _ and .'), z.string({ message: 'a value is a string' }).max(4096, 'a value is longer than 4096 characters'))
      .refine((c) => Object.keys(c).length > 0, 'changes is empty: name at least one key'),
    /** broker address -> key -> value: what undo restores on each (set by the undo, not typed). */
    perBroker: z.record(z.string(), z.record(z.string(), z.string())).optional(),
  })
  .strict()
  .refine((r) => (r.clusterName === undefined) !== (r.brokerName === undefined), { message: 'give either clusterName (every master of it) or brokerName', path: ['brokerName'] });
export type BrokerConfigRequest = z.infer<typeof BrokerConfigInput>;

export const NamesrvConfigInput = z
  .object({
    changes: z
      .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_.]*$/, 'a key is letters, digits, _ and .'), z.string().max(4096, 'a value is longer than 4096 characters'))
      .refine((c) => Object.keys(c).length > 0, 'changes is empty: name at least one key'),
    perNamesrv: z.record(z.string(), z.record(z.string(), z.string())).optional(),
  })
  .strict();
export type NamesrvConfigRequest = z.infer<typeof NamesrvConfigInput>;

/** Values that hold secrets: never shown, never written to the audit log. */
export const SECRET_KEY = /password|secret|credential|accesskey|secretkey|token|privatekey/i;

/** Keys RocketMQ reads at each use, so a change takes effect at once (rocketmq-admin-ops.md §5.1); others may need a restart. */
export const RUNTIME_KEYS = new Set([
  'brokerPermission', 'autoCreateTopicEnable', 'autoCreateSubscriptionGroup', 'enablePropertyFilter', 'deleteWhen', 'fileReservedTime', 'diskMaxUsedSpaceRatio',
]);

/** What the broker refuses with 16 whatever its own configBlackList adds (4.9.8 and 5.2+ default). */
export const DEFAULT_BLACKLIST = ['configBlackList', 'brokerConfigPath', 'configStorePath', 'kvConfigPath'];
