'use client';

import { useTranslations } from 'next-intl';
import { Fragment, useState } from 'react';
import { useSession } from '../api/session';
import { useUsers, type UserView } from '../api/auth';
import { Badge } from '../ui/Badge';
import { Card, EmptyState, ErrorState, Spinner } from '../ui/states';
import { Timestamp } from '../ui/Timestamp';
import { RefreshBar } from '../ui/RefreshBar';
import { describeBindings } from './bindings';
import { NewUserForm } from './NewUserForm';
import { UserEditor } from './UserEditor';

/** Console users: create local users, change roles, disable, reset a password, delete. */
export function UsersAdmin() {
  const t = useTranslations('admin.users');
  const users = useUsers();
  const session = useSession().data;
  const clusters = session?.clusters.map((c) => c.name) ?? [];
  const [editing, setEditing] = useState<string>();
  const items = users.data?.items;
  return (
    <div className="space-y-5">
      <NewUserForm clusters={clusters} />
      <Card
        title={items ? t('count', { count: items.length }) : t('title')}
        actions={<RefreshBar asOf={users.dataUpdatedAt || undefined} fetching={users.isFetching} onRefresh={() => void users.refetch()} />}
      >
        {users.error && <div className="p-4"><ErrorState message={users.error.message} onRetry={() => void users.refetch()} /></div>}
        {!items && !users.error && <div className="px-4"><Spinner label={t('loading')} /></div>}
        {items && items.length === 0 && <div className="p-4"><EmptyState title={t('none')}>{t('noneHint')}</EmptyState></div>}
        {items && items.length > 0 && (
          <table className="min-w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-3 py-2">{t('user')}</th>
                <th className="px-3 py-2">{t('signsInWith')}</th>
                <th className="px-3 py-2">{t('roles')}</th>
                <th className="px-3 py-2">{t('status')}</th>
                <th className="px-3 py-2">{t('created')}</th>
                <th className="px-3 py-2" />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((u) => (
                <Fragment key={u.username}>
                  <UserRow user={u} self={u.username === session?.user} open={editing === u.username} onToggle={() => setEditing(editing === u.username ? undefined : u.username)} />
                  {editing === u.username && (
                    <tr>
                      <td colSpan={6} className="bg-slate-50 px-3 py-3">
                        <UserEditor user={u} self={u.username === session?.user} clusters={clusters} onDone={() => setEditing(undefined)} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}

function UserRow({ user: u, self, open, onToggle }: { user: UserView; self: boolean; open: boolean; onToggle: () => void }) {
  const t = useTranslations('admin.users');
  const bindingWords = useTranslations('auth.bindings');
  return (
    <tr data-testid="user-row" data-user={u.username}>
      <td className="px-3 py-2">
        <div className="font-medium text-slate-900">{u.username}{self && <span className="ml-1.5 text-xs font-normal text-slate-500">{t('you')}</span>}</div>
        {u.displayName !== u.username && <div className="text-xs text-slate-500">{u.displayName}</div>}
      </td>
      <td className="px-3 py-2">{u.source === 'oidc' ? <Badge tone="bg-indigo-50 text-indigo-700 ring-indigo-200">{t('sso')}</Badge> : <Badge>{t('password')}</Badge>}</td>
      <td className="px-3 py-2 text-slate-700" data-testid="user-roles">{describeBindings(u.bindings, bindingWords)}</td>
      <td className="px-3 py-2">
        <div className="flex flex-wrap gap-1">
          {u.disabled ? <Badge tone="bg-red-50 text-red-700 ring-red-200">{t('disabled')}</Badge> : <Badge tone="bg-emerald-50 text-emerald-700 ring-emerald-200">{t('active')}</Badge>}
          {u.mustChangePassword && <Badge tone="bg-amber-50 text-amber-800 ring-amber-200">{t('mustChange')}</Badge>}
        </div>
      </td>
      <td className="px-3 py-2"><Timestamp ms={u.createdAt} /></td>
      <td className="px-3 py-2 text-right">
        <button type="button" onClick={onToggle} aria-expanded={open} className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-50">
          {open ? t('close') : t('edit')}
        </button>
      </td>
    </tr>
  );
}
