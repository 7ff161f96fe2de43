'use client';

import { useTranslations } from 'next-intl';
import { ROLES, type Role, type RoleBinding } from '@/lib/console/core/roles';

const select = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm';

/** Role bindings as rows of (cluster or "*", role); one row per cluster. */
export function BindingsEditor({ value, onChange, clusters, idPrefix }: { value: RoleBinding[]; onChange: (next: RoleBinding[]) => void; clusters: string[]; idPrefix: string }) {
  const t = useTranslations('admin.bindings');
  const options = ['*', ...clusters];
  const unused = options.find((c) => !value.some((b) => b.cluster === c));
  const set = (i: number, patch: Partial<RoleBinding>) => onChange(value.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  return (
    <div className="space-y-1.5" data-testid={`${idPrefix}-bindings`}>
      {value.length === 0 && <div className="text-sm text-slate-500">{t('none')}</div>}
      {value.map((b, i) => (
        <div key={`${b.cluster}-${i}`} className="flex items-center gap-2">
          <select aria-label={t('role', { n: String(i + 1) })} value={b.role} onChange={(e) => set(i, { role: e.target.value as Role })} className={select}>
            {ROLES.map((r) => (
              <option key={r} value={r}>{r}</option>
            ))}
          </select>
          <span className="text-sm text-slate-500">{t('on')}</span>
          <select aria-label={t('clusterOf', { n: String(i + 1) })} value={b.cluster} onChange={(e) => set(i, { cluster: e.target.value })} className={select}>
            {options.map((c) => (
              <option key={c} value={c} disabled={c !== b.cluster && value.some((x) => x.cluster === c)}>
                {c === '*' ? t('everyCluster') : c}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => onChange(value.filter((_, j) => j !== i))} className="text-sm text-slate-500 hover:text-red-700" aria-label={t('removeLabel', { n: String(i + 1) })}>
            {t('remove')}
          </button>
        </div>
      ))}
      {unused !== undefined && (
        <button type="button" onClick={() => onChange([...value, { cluster: unused, role: 'viewer' }])} className="text-sm font-medium text-blue-700 hover:underline">
          {t('add')}
        </button>
      )}
    </div>
  );
}
