import type { OidcSettings } from '../core/config';
import { roleRank, type RoleBinding } from '../core/roles';

/** The values of a claim as strings: a list claim (groups) or one value (a role name); nothing for other shapes. */
export function claimValues(claims: Record<string, unknown>, name: string): string[] {
  const value = claims[name];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/**
 * The role bindings an OIDC user gets from their claims: each mapping whose value the role claim holds grants its
 * role on its clusters; on one cluster the highest role wins. No matching value: no role anywhere (the user may
 * sign in, and every page says they have no role).
 */
export function bindingsFromClaims(claims: Record<string, unknown>, oidc: Pick<OidcSettings, 'roleClaim' | 'mappings'>): RoleBinding[] {
  const held = new Set(claimValues(claims, oidc.roleClaim));
  const best = new Map<string, RoleBinding>();
  for (const mapping of oidc.mappings) {
    if (!held.has(mapping.value)) continue;
    for (const cluster of mapping.clusters) {
      const current = best.get(cluster);
      if (!current || roleRank(mapping.role) > roleRank(current.role)) best.set(cluster, { cluster, role: mapping.role });
    }
  }
  return [...best.values()].sort((a, b) => a.cluster.localeCompare(b.cluster));
}

/** The console username of an OIDC user: the configured claim when it is a non-empty string, else `sub`. */
export function usernameFromClaims(claims: Record<string, unknown>, usernameClaim: string): string {
  const value = claims[usernameClaim];
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return String(claims.sub);
}

export function displayNameFromClaims(claims: Record<string, unknown>, username: string): string {
  const name = claims.name;
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : username;
}
