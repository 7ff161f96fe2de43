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

/** ACL 1.0 (plain_acl.yml): PlainPermissionManager takes keys longer than 6 characters; the rest keeps YAML and the header sane. */
const accessKey = z
  .string({ message: 'accessKey is required' })
  .trim()
  .min(7, 'accessKey must be longer than 6 characters (the broker refuses shorter ones)')
  .max(64, 'accessKey is longer than 64 characters')
  .regex(/^[A-Za-z0-9._@-]+$/, 'accessKey may hold letters, digits, ".", "_", "@" and "-"');
const perm = (field: string) => z.enum(['DENY', 'PUB', 'SUB', 'PUB|SUB'], { message: `${field} is one of DENY, PUB, SUB, PUB|SUB` });
const resourcePerm = (field: string) =>
  z
    .string({ message: `${field}: each entry is name=PERM` })
    .trim()
    .regex(/^[A-Za-z0-9%|_.-]+=(DENY|PUB|SUB|PUB\|SUB)$/, `${field}: each entry is name=PERM, PERM one of DENY, PUB, SUB, PUB|SUB`);
/**
 * The broker's white-address patterns: 192.168.1.*, 192.168.1.1-100, 192.168.1.{1,2} (RemoteAddressStrategyFactory),
 * an IPv6 address. The global list travels comma-joined and the broker splits it at every comma, so a {a,b} pattern
 * cannot be one of its entries.
 */
const whiteAddress = (field: string, braces: boolean) =>
  z
    .string({ message: `${field} must be text` })
    .trim()
    .min(1, `${field}: an address is empty`)
    .max(128, `${field}: an address is longer than 128 characters`)
    .regex(braces ? /^[0-9A-Fa-f.:*-]+(\{[0-9,]+\})?$/ : /^[0-9A-Fa-f.:*-]+$/, `${field}: an address is an IP or a pattern such as 10.1.*, 10.1.1.1-100${braces ? ' or 10.1.1.{1,2}' : ' (no {a,b} pattern: the list is sent comma-joined)'}`);

export const Acl1AccountUpsertInput = z
  .object({
    accessKey,
    /** The broker checks it with every change of an account, so it is always required. Never shown back. */
    secretKey: z.string({ message: 'secretKey is required (the broker needs it with every change of an account)' }).min(7, 'secretKey must be longer than 6 characters (the broker refuses shorter ones)').max(128, 'secretKey is longer than 128 characters'),
    admin: z.boolean({ message: 'admin must be true or false' }).default(false),
    whiteRemoteAddress: z.union([z.literal(''), whiteAddress('whiteRemoteAddress', true)]).optional(),
    defaultTopicPerm: perm('defaultTopicPerm').optional(),
    defaultGroupPerm: perm('defaultGroupPerm').optional(),
    topicPerms: z.array(resourcePerm('topicPerms')).max(1000, 'topicPerms has more than 1000 entries').optional(),
    groupPerms: z.array(resourcePerm('groupPerms')).max(1000, 'groupPerms has more than 1000 entries').optional(),
  })
  .strict();
export type Acl1AccountUpsertRequest = z.infer<typeof Acl1AccountUpsertInput>;

export const Acl1AccountDeleteInput = z.object({ accessKey }).strict();

export const Acl1WhiteAddrsInput = z.object({ addresses: z.array(whiteAddress('addresses', false)).max(100, 'addresses has more than 100 entries') }).strict();
