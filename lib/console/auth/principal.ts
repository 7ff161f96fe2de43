import { CLUSTER_CHANGES, PERMISSIONS, roleAllows, roleEverywhere, roleOn, type Permission, type Role, type RoleBinding } from '../core/roles';

/** Who is asking: a signed-in user (browser session), an API token, or the laptop mode's local user (AUTH=off). */
export interface Principal {
  kind: 'session' | 'token' | 'local';
  /** The username: what audit rows name. */
  user: string;
  displayName: string;
  bindings: RoleBinding[];
  /** Set for a browser session: the session's id (for the sessions page). */
  sessionId?: string;
  /** Set for an API token. */
  tokenId?: string;
  /** A first-start password the user must replace before anything else. */
  mustChangePassword?: boolean;
}

/** Everything a route may require: a permission, any signed-in user, or nobody (health, sign-in). */
export type Requirement = Permission | 'signed-in' | 'public';

export interface Refusal {
  status: 401 | 403;
  code: 'unauthenticated' | 'forbidden' | 'read_only' | 'password_change_required';
  message: string;
  /** The permission that was missing, when one was. */
  permission?: Permission;
  /** The parts of the message (forbidden: the roles; read_only: the cluster, and the console's account), so a page can say it in its own language. */
  detail?: { required?: Role; cluster?: string; role?: Role; elsewhere?: string; account?: string };
}

/**
 * Whether `principal` may do what `requirement` names on `cluster` (undefined for console-wide routes, which need
 * the role on every cluster). Returns the refusal with a reason an operator can act on, or undefined when allowed.
 */
export function refusal(principal: Principal | undefined, requirement: Requirement, cluster?: { name: string; readOnly: boolean; accountReadOnly?: string; accountKey?: string }): Refusal | undefined {
  if (requirement === 'public') return undefined;
  if (!principal) return { status: 401, code: 'unauthenticated', message: 'sign in first (or send an API token as "Authorization: Bearer <token>")' };
  // changing the password (and seeing who you are, signing out) is what a one-time password still allows
  if (requirement === 'signed-in') return undefined;
  if (principal.mustChangePassword) return { status: 403, code: 'password_change_required', message: 'choose a new password first (on /account): the one you signed in with was set for you' };
  const role = cluster ? roleOn(principal.bindings, cluster.name) : roleEverywhere(principal.bindings);
  if (!roleAllows(role, requirement)) {
    const where = cluster ? `on cluster ${cluster.name}` : 'on every cluster ("*")';
    const elsewhere = principal.bindings.map((b) => `${b.role} on ${b.cluster}`).join(', ');
    const has = role ? `you are ${role} ${where}` : !cluster && elsewhere ? `your roles are on single clusters only (${elsewhere})` : `you have no role ${where}`;
    const detail = { required: PERMISSIONS[requirement], ...(cluster ? { cluster: cluster.name } : {}), ...(role ? { role } : {}), ...(!cluster && !role && elsewhere ? { elsewhere } : {}) };
    return { status: 403, code: 'forbidden', permission: requirement, detail, message: `${requirement} needs the ${PERMISSIONS[requirement]} role ${where}; ${has}` };
  }
  if (cluster?.readOnly && CLUSTER_CHANGES.has(requirement)) {
    return { status: 403, code: 'read_only', permission: requirement, detail: { cluster: cluster.name }, message: `cluster ${cluster.name} is read-only in the console's configuration: nothing on it can be changed here` };
  }
  // the UI's only: the API lets the change go on to the brokers, whose refusal is the authority
  if (cluster?.accountReadOnly && CLUSTER_CHANGES.has(requirement)) return { status: 403, code: 'read_only', permission: requirement, ...(cluster.accountKey ? { detail: { cluster: cluster.name, account: cluster.accountKey } } : {}), message: cluster.accountReadOnly };
  return undefined;
}

/** The principal's role on a cluster, for the UI. */
export function roleOf(principal: Principal, cluster: string): Role | undefined {
  return roleOn(principal.bindings, cluster);
}

/** AUTH=off: one local user who may do everything; every audit row says "local". */
export const LOCAL_PRINCIPAL: Principal = { kind: 'local', user: 'local', displayName: 'local (sign-in is off)', bindings: [{ cluster: '*', role: 'admin' }] };
