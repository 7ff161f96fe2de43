import type { RoleBinding } from '../core/roles';
import type { SessionListing, UserRecord } from '../store/auth';

// What the auth routes answer: never a password hash, a token hash or a secret (a new token is returned once, by
// the route that makes it).

export interface SessionView {
  id: string;
  kind: 'session' | 'token';
  /** password, oidc (browser sessions) or token */
  method: 'password' | 'oidc' | 'token';
  username: string;
  /** A token's name. */
  name: string | null;
  /** A token's highest role, null for its user's roles. */
  roleCap: string | null;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number | null;
  ip: string | null;
  userAgent: string | null;
  /** The session this request came with. */
  current: boolean;
}

export interface UserView {
  username: string;
  displayName: string;
  source: 'local' | 'oidc';
  bindings: RoleBinding[];
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: number;
  updatedAt: number;
}

export function sessionView(s: SessionListing, currentId?: string): SessionView {
  return {
    id: s.id,
    kind: s.kind,
    method: s.method,
    username: s.username,
    name: s.name,
    roleCap: s.roleCap,
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    expiresAt: s.expiresAt,
    ip: s.ip,
    userAgent: s.userAgent,
    current: s.id === currentId,
  };
}

export function userView(u: UserRecord): UserView {
  return {
    username: u.username,
    displayName: u.displayName,
    source: u.source,
    bindings: u.bindings,
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
  };
}
