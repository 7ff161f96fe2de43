'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { ROLES } from '@/lib/console/core/roles';
import { errorText } from '../api/client';
import { useCreateToken, useOwnSessions, useRevoke } from '../api/auth';
import { Card, EmptyState, ErrorState, Spinner } from '../ui/states';
import { SessionsTable } from './SessionsTable';

const EXPIRY = [
  { days: 30, label: 'days30' },
  { days: 90, label: 'days90' },
  { days: 365, label: 'year' },
  { days: 0, label: 'never' },
] as const;

/**
 * API tokens for scripts ("Authorization: Bearer <token>"): made here, shown once, revocable. A token acts with the
 * user's roles, or none above the role chosen at creation.
 */
export function TokensPanel() {
  const t = useTranslations('auth.tokens');
  const sessions = useOwnSessions();
  const create = useCreateToken();
  const revoke = useRevoke('own');
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [days, setDays] = useState(90);
  const tokens = sessions.data?.items.filter((s) => s.kind === 'token');

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate({ name: name.trim(), ...(role ? { role: role as (typeof ROLES)[number] } : {}), expiresInDays: days || null }, { onSuccess: () => setName('') });
  }

  return (
    <Card title={t('title')}>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3 border-b border-slate-200 p-4 text-sm" aria-label={t('form')}>
        <label className="text-slate-700">
          {t('name')}
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="ci-lag-check" required maxLength={100} className="mt-1 block w-56 rounded border border-slate-300 px-2 py-1.5" />
        </label>
        <label className="text-slate-700">
          {t('actsAs')}
          <select value={role} onChange={(e) => setRole(e.target.value)} className="mt-1 block rounded border border-slate-300 bg-white px-2 py-1.5">
            <option value="">{t('myRoles')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>{t('atMost', { role: r })}</option>
            ))}
          </select>
        </label>
        <label className="text-slate-700">
          {t('expiresAfter')}
          <select value={days} onChange={(e) => setDays(Number(e.target.value))} className="mt-1 block rounded border border-slate-300 bg-white px-2 py-1.5">
            {EXPIRY.map((x) => (
              <option key={x.days} value={x.days}>{t(x.label)}</option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={create.isPending} className="rounded bg-slate-900 px-3 py-1.5 font-medium text-white disabled:opacity-60">
          {create.isPending ? t('creating') : t('create')}
        </button>
      </form>
      {create.error && <div role="alert" className="mx-4 mt-3 rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{errorText(create.error)}</div>}
      {create.data && (
        <div role="status" className="mx-4 mt-3 rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          <div className="font-medium">{t('created', { name: create.data.name ?? '' })}</div>
          <code data-testid="new-token" className="mt-1 block select-all break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-900 ring-1 ring-emerald-200">
            {create.data.token}
          </code>
          <div className="mt-1 text-xs text-emerald-800">{t('sendAs')} <span className="font-mono">Authorization: Bearer &lt;token&gt;</span>{t('auditedAs')}</div>
        </div>
      )}
      {sessions.error && <div className="p-4"><ErrorState message={sessions.error.message} onRetry={() => void sessions.refetch()} /></div>}
      {!tokens && !sessions.error && <div className="px-4"><Spinner label={t('loading')} /></div>}
      {revoke.error && <div role="alert" className="mx-4 mt-3 rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{errorText(revoke.error)}</div>}
      {tokens && (tokens.length === 0 ? <div className="p-4"><EmptyState title={t('none')}>{t('noneHint')}</EmptyState></div> : <SessionsTable items={tokens} onRevoke={(s) => revoke.mutate(s.id)} revoking={revoke.isPending ? revoke.variables : undefined} />)}
    </Card>
  );
}
