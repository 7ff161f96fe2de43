/** ACL 2.0 as the brokers keep it (5.3+): users, and per subject the policies that allow or deny actions on resources. */

export type UserType = 'Super' | 'Normal';
export type UserStatus = 'enable' | 'disable';

/** A user as the console keeps it: never its password (the broker hands it back in plain text; it is dropped). */
export interface AclUser {
  username: string;
  userType: UserType;
  userStatus: UserStatus;
}

export type Decision = 'Allow' | 'Deny';
export type PolicyType = 'Custom' | 'Default';

/** One rule: on `resource` ("*", "Topic:orders", "Group:app-*", "Cluster:DefaultCluster"), these actions, from these IPs. */
export interface PolicyEntry {
  resource: string;
  actions: string[];
  /** Empty: from anywhere. */
  sourceIps: string[];
  decision: Decision;
}

export interface AclPolicy {
  policyType: PolicyType;
  entries: PolicyEntry[];
}

/** The policies of one subject ("User:alice"). */
export interface AclInfo {
  subject: string;
  policies: AclPolicy[];
}

/** The actions RocketMQ's ACL 2.0 knows (Action.java); All and Any match every action. */
export const ACL_ACTIONS = ['All', 'Any', 'Pub', 'Sub', 'Create', 'Update', 'Delete', 'Get', 'List'] as const;

/** The JSON bodies of the ACL 2.0 change requests (UserInfo and AclInfo, as the Java admin sends them). */
export function userInfoBody(user: { username: string; password?: string; userType?: UserType; userStatus?: UserStatus }): Buffer {
  return Buffer.from(JSON.stringify(user), 'utf8');
}

export function aclInfoBody(acl: AclInfo): Buffer {
  return Buffer.from(JSON.stringify(acl), 'utf8');
}

/**
 * A 5.x broker without ACL 2.0 set up (no authentication metadata provider) answers its ACL codes with a bare
 * system error; its log says "The authenticationMetadataProvider is not configured".
 */
export const NOT_CONFIGURED = 'ACL 2.0 is not set up on this broker (no authenticationMetadataProvider configured)';
export function notConfigured(reply: { code: number; remark?: string }): boolean {
  return reply.code === 1 && /system error occurred/i.test(reply.remark ?? '');
}
