'use client';

import { useTranslations } from 'next-intl';
import type { SessionView } from '../api/auth';
import { Badge } from '../ui/Badge';
import { Timestamp } from '../ui/Timestamp';

/**
 * Browser sessions and API tokens: what they are, when made and last used, until when, from where. `withUser` adds
 * the owner (the admin page). The revoke button is the row's only action.
 */
export function SessionsTable({ items, withUser = false, onRevoke, revoking }: { items: SessionView[]; withUser?: boolean; onRevoke: (s: SessionView) => void; revoking?: string }) {
  const t = useTranslations('auth.sessions');
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {withUser && <th className="px-3 py-2">{t('user')}</th>}
            <th className="px-3 py-2">{t('kind')}</th>
            <th className="px-3 py-2">{t('lastSeen')}</th>
            <th className="px-3 py-2">{t('createdExpires')}</th>
            <th className="px-3 py-2">{t('from')}</th>
            <th className="px-3 py-2" />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((s) => (
            <tr key={s.id} data-testid="session-row" data-session-id={s.id} data-user={s.username}>
              {withUser && <td className="px-3 py-2 font-medium text-slate-800">{s.username}</td>}
              <td className="px-3 py-2">
                <div className="flex items-center gap-1 whitespace-nowrap">
                  <Badge tone={s.kind === 'token' ? 'bg-violet-50 text-violet-700 ring-violet-200' : 'bg-sky-50 text-sky-700 ring-sky-200'}>{s.kind === 'token' ? t('apiToken') : s.method === 'oidc' ? t('browserSso') : t('browser')}</Badge>
                  {s.roleCap && <Badge title={t('roleCapTitle')}>{`≤ ${s.roleCap}`}</Badge>}
                  {s.current && <Badge tone="bg-emerald-50 text-emerald-700 ring-emerald-200">{t('thisBrowser')}</Badge>}
                </div>
                {s.name && <div className="mt-0.5 max-w-[12rem] truncate font-mono text-xs text-slate-700" title={s.name}>{s.name}</div>}
              </td>
              <td className="px-3 py-2"><Timestamp ms={s.lastSeenAt} /></td>
              <td className="px-3 py-2 text-xs">
                <div><span className="inline-block w-12 text-slate-500">{t('created')}</span><Timestamp ms={s.createdAt} /></div>
                <div><span className="inline-block w-12 text-slate-500">{t('expires')}</span>{s.expiresAt === null ? <span className="text-slate-500">{t('never')}</span> : <Timestamp ms={s.expiresAt} />}</div>
              </td>
              <td className="px-3 py-2 text-xs">
                <div className="font-mono">{s.ip ?? (s.kind === 'token' ? t('anyScript') : '—')}</div>
                {s.userAgent && <div className="max-w-[11rem] truncate text-slate-500" title={s.userAgent}>{s.userAgent}</div>}
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-right">
                <button
                  type="button"
                  onClick={() => onRevoke(s)}
                  disabled={revoking === s.id}
                  className="rounded border border-red-300 bg-white px-2 py-0.5 text-xs font-medium text-red-700 hover:bg-red-50 disabled:opacity-50"
                >
                  {revoking === s.id ? t('revoking') : s.current ? t('signOutHere') : t('revoke')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
