import { z } from 'zod';

/** RocketMQ takes any non-blank name, but "User:<name>" is split at ':' and a blank breaks mqadmin: refuse both. */
export const username = z
  .string({ message: 'username is required' })
  .trim()
  .min(1, 'username is empty')
  .max(64, 'username is longer than 64 characters')
  .regex(/^[A-Za-z0-9._@-]+$/, 'username may hold letters, digits, ".", "_", "@" and "-" (no ":" or blank: the broker keys policies by "User:<name>")');

const password = z.string({ message: 'password must be text' }).min(1, 'password is empty').max(128, 'password is longer than 128 characters');

export const UserUpsertInput = z
  .object({
    username,
    /** Required to create a user; to change it on an existing one. Never shown back, never audited. */
    password: password.optional(),
    userType: z.enum(['Super', 'Normal'], { message: 'userType must be Super or Normal' }).optional(),
    userStatus: z.enum(['enable', 'disable'], { message: 'userStatus must be enable or disable' }).optional(),
  })
  .strict();
export type UserUpsertRequest = z.infer<typeof UserUpsertInput>;

export const UserDeleteInput = z.object({ username }).strict();

const RESOURCE = /^\*$|^(Cluster|Namespace|Topic|Group):([^*:\s]+\*?|\*)$/;
export const resource = z
  .string({ message: 'resource is required' })
  .trim()
  .regex(RESOURCE, 'resource is "*", or Topic:, Group:, Cluster: or Namespace: followed by a name, a prefix ending in "*", or "*" alone');

const IPV4 = /^((25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(25[0-5]|2[0-4]\d|1?\d?\d)(\/(3[0-2]|[12]?\d))?$/;
const IPV6 = /^[0-9A-Fa-f:]+(\/\d{1,3})?$/;

export const PolicyUpsertInput = z
  .object({
    subject: z.string({ message: 'subject is required' }).trim().regex(/^User:[A-Za-z0-9._@-]+$/, 'subject is User:<username>'),
    resource,
    actions: z
      .array(z.enum(['All', 'Pub', 'Sub', 'Create', 'Update', 'Delete', 'Get', 'List'], { message: 'an action is one of All, Pub, Sub, Create, Update, Delete, Get, List (Any is refused by the broker)' }))
      .min(1, 'actions is empty')
      .transform((a) => [...new Set(a)]),
    sourceIps: z.array(z.string().trim().refine((ip) => IPV4.test(ip) || IPV6.test(ip), 'a source IP is an IPv4 or IPv6 address or CIDR block')).default([]),
    decision: z.enum(['Allow', 'Deny'], { message: 'decision must be Allow or Deny' }),
    policyType: z.enum(['Custom', 'Default'], { message: 'policyType must be Custom or Default' }).default('Custom'),
  })
  .strict();
export type PolicyUpsertRequest = z.infer<typeof PolicyUpsertInput>;

export const PolicyDeleteInput = z
  .object({
    subject: z.string({ message: 'subject is required' }).trim().regex(/^User:[A-Za-z0-9._@-]+$/, 'subject is User:<username>'),
    resource,
    policyType: z.enum(['Custom', 'Default'], { message: 'policyType must be Custom or Default' }).default('Custom'),
  })
  .strict();
export type PolicyDeleteRequest = z.infer<typeof PolicyDeleteInput>;
