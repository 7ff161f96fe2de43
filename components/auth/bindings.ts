import type { RoleBinding } from '@/lib/console/core/roles';

/** "admin on every cluster, operator on lab" */
export function describeBindings(bindings: RoleBinding[]): string {
  if (bindings.length === 0) return 'no role';
  return bindings.map((b) => `${b.role} on ${b.cluster === '*' ? 'every cluster' : b.cluster}`).join(', ');
}
