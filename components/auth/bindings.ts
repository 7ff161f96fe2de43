import type { RoleBinding } from '@/lib/console/core/roles';

/** The 'auth.bindings' translator (useTranslations or getTranslations), as far as this needs it. */
type Words = (key: 'none' | 'everywhere' | 'on' | 'separator', values?: Record<string, string>) => string;

/** "admin on every cluster, operator on lab" / "所有集群上的 admin、lab 上的 operator" */
export function describeBindings(bindings: RoleBinding[], t: Words): string {
  if (bindings.length === 0) return t('none');
  return bindings.map((b) => (b.cluster === '*' ? t('everywhere', { role: b.role }) : t('on', { role: b.role, cluster: b.cluster }))).join(t('separator'));
}
