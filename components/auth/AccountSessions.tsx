'use client';

import { useTranslations } from 'next-intl';
import { errorText } from '../api/client';
import { useOwnSessions, useRevoke, type SessionView } from '../api/auth';
import { Card, EmptyState, ErrorState, Spinner } from '../ui/states';
import { SessionsTable } from './SessionsTable';

/** The user's own browser sessions, each revocable (revoking this one signs out here). */
export function AccountSessions() {
  const t = useTranslations('auth.sessions');
  const sessions = useOwnSessions();
  const revoke = useRevoke('own');
  const items = sessions.data?.items.filter((s) => s.kind === 'session');
  const onRevoke = (s: SessionView) => revoke.mutate(s.id, { onSuccess: () => s.current && window.location.assign('/login') });
  return (
    <Card title={t('title')}>
      {sessions.error && <div className="p-4"><ErrorState message={sessions.error.message} onRetry={() => void sessions.refetch()} /></div>}
      {!items && !sessions.error && <div className="px-4"><Spinner label={t('loading')} /></div>}
      {revoke.error && <div role="alert" className="mx-4 mt-3 rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{errorText(revoke.error)}</div>}
      {items && (items.length === 0 ? <div className="p-4"><EmptyState title={t('none')}>{t('noneHint')}</EmptyState></div> : <SessionsTable items={items} onRevoke={onRevoke} revoking={revoke.isPending ? revoke.variables : undefined} />)}
    </Card>
  );
}
