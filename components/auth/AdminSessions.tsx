'use client';

import { useTranslations } from 'next-intl';
import { errorText } from '../api/client';
import { useAllSessions, useRevoke } from '../api/auth';
import { RefreshBar } from '../ui/RefreshBar';
import { Card, EmptyState, ErrorState, Spinner } from '../ui/states';
import { SessionsTable } from './SessionsTable';

/** Every live session and token of every user; revoking one refuses its next request. */
export function AdminSessions() {
  const t = useTranslations('admin.sessions');
  const sessions = useAllSessions();
  const revoke = useRevoke('admin');
  const items = sessions.data?.items;
  return (
    <Card
      title={items ? t('count', { count: items.length }) : t('card')}
      actions={<RefreshBar asOf={sessions.dataUpdatedAt || undefined} fetching={sessions.isFetching} onRefresh={() => void sessions.refetch()} />}
    >
      {sessions.error && <div className="p-4"><ErrorState message={sessions.error.message} onRetry={() => void sessions.refetch()} /></div>}
      {!items && !sessions.error && <div className="px-4"><Spinner label={t('loading')} /></div>}
      {revoke.error && <div role="alert" className="mx-4 mt-3 rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{errorText(revoke.error)}</div>}
      {items &&
        (items.length === 0 ? (
          <div className="p-4"><EmptyState title={t('none')}>{t('noneHint')}</EmptyState></div>
        ) : (
          <SessionsTable items={items} withUser onRevoke={(s) => revoke.mutate(s.id, { onSuccess: () => s.current && window.location.assign('/login') })} revoking={revoke.isPending ? revoke.variables : undefined} />
        ))}
    </Card>
  );
}
