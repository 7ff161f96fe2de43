/**
 * Roles are granted per cluster ("*" = every cluster). Each role includes the ones before it:
 * viewer reads everything but message bodies; operator also reads bodies, resets offsets, undoes and resends, and
 * silences and acknowledges alerts; admin also creates, updates and deletes topics, groups, broker configuration and
 * alert rules, and manages users and sessions.
 */
export const ROLES = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ALL_CLUSTERS = '*';

export interface RoleBinding {
  /** A cluster name, or "*" for every cluster. */
  cluster: string;
  role: Role;
}

/** What a request may do. Each names the least role that has it. */
export const PERMISSIONS = {
  /** Lists, pages, metrics, audit log, traces: everything but message bodies. */
  'cluster:read': 'viewer',
  /** Message bodies (message page, body download, text filter over bodies). */
  'message:body': 'operator',
  'offset:reset': 'operator',
  'audit:undo': 'operator',
  'message:resend': 'operator',
  /** Silences and acknowledgements of lag alerts (the console's own records: allowed on a read-only cluster). */
  'alert:ack': 'operator',
  /** Topics, subscription groups, broker and namesrv configuration: create, update, delete, and undo those. */
  'cluster:change': 'admin',
  /** Alert rules: create, edit, delete, import. */
  'alert:rules': 'admin',
  /** Users, role bindings and everyone's sessions: needs admin on every cluster ("*"). */
  'console:admin': 'admin',
} as const satisfies Record<string, Role>;
export type Permission = keyof typeof PERMISSIONS;

/** Permissions that change a cluster: refused on a read-only cluster whatever the role. */
export const CLUSTER_CHANGES: ReadonlySet<Permission> = new Set<Permission>(['offset:reset', 'audit:undo', 'message:resend', 'cluster:change']);

export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The highest role the bindings give on a cluster, or undefined for none. */
export function roleOn(bindings: readonly RoleBinding[], cluster: string): Role | undefined {
  let best: Role | undefined;
  for (const b of bindings) {
    if (b.cluster !== cluster && b.cluster !== ALL_CLUSTERS) continue;
    if (!best || roleRank(b.role) > roleRank(best)) best = b.role;
  }
  return best;
}

/** Console-wide permissions (console:admin) need the role on "*" itself, not on one cluster. */
export function roleEverywhere(bindings: readonly RoleBinding[]): Role | undefined {
  return roleOn(bindings.filter((b) => b.cluster === ALL_CLUSTERS), ALL_CLUSTERS);
}

export function roleAllows(role: Role | undefined, permission: Permission): boolean {
  return role !== undefined && roleRank(role) >= roleRank(PERMISSIONS[permission]);
}
