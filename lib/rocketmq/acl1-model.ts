/** ACL 1.0 (plain_acl.yml, brokers 4.x to 5.3.2) as the admin codes 50-53 carry it. */

/** A permission as plain_acl.yml spells it. */
export const ACL1_PERMS = ['DENY', 'PUB', 'SUB', 'PUB|SUB'] as const;
export type Acl1Perm = (typeof ACL1_PERMS)[number];

/**
 * An account as UPDATE_AND_CREATE_ACL_CONFIG sends it. The broker merges into an existing account: a field left out
 * (undefined) keeps its value there, an empty list clears it; `admin` is always written.
 */
export interface Acl1Account {
  accessKey: string;
  /** Left out: an existing account keeps its secret (a new one needs one). */
  secretKey?: string;
  whiteRemoteAddress?: string;
  admin: boolean;
  defaultTopicPerm?: Acl1Perm;
  defaultGroupPerm?: Acl1Perm;
  /** "name=PERM" each. */
  topicPerms?: string[];
  groupPerms?: string[];
}

/** PlainPermissionManager: an accessKey and a secretKey must be longer than 6 characters. */
export const ACL1_MIN_KEY_LENGTH = 7;
