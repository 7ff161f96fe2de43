'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { MIN_PASSWORD_LENGTH } from '@/lib/console/auth/policy';
import type { RoleBinding } from '@/lib/console/core/roles';
import { errorText } from '../api/client';
import { useCreateUser } from '../api/auth';
import { Card } from '../ui/states';
import { BindingsEditor } from './BindingsEditor';

const input = 'mt-1 block w-56 rounded border border-slate-300 px-2 py-1.5 text-sm';

/** A local user: username, password (the user replaces it at the first sign-in unless unticked) and roles. */
export function NewUserForm({ clusters }: { clusters: string[] }) {
  const t = useTranslations('admin.newUser');
  const create = useCreateUser();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [mustChange, setMustChange] = useState(true);
  const [bindings, setBindings] = useState<RoleBinding[]>([{ cluster: '*', role: 'viewer' }]);

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate(
      { username: username.trim(), ...(displayName.trim() ? { displayName: displayName.trim() } : {}), password, bindings, mustChangePassword: mustChange },
      {
        onSuccess: () => {
          setUsername('');
          setDisplayName('');
          setPassword('');
        },
      },
    );
  }

  return (
    <Card title={t('title')}>
      <form onSubmit={submit} className="flex flex-wrap gap-x-6 gap-y-3 p-4 text-sm" aria-label={t('title')}>
        <div className="space-y-3">
          <label className="block text-slate-700">
            {t('username')}
            <input value={username} onChange={(e) => setUsername(e.target.value)} required maxLength={64} className={input} autoComplete="off" />
          </label>
          <label className="block text-slate-700">
            {t('displayName')} <span className="text-slate-500">{t('optional')}</span>
            <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} maxLength={200} className={input} />
          </label>
          <label className="block text-slate-700">
            {t('password')} <span className="text-slate-500">{t('atLeast', { min: MIN_PASSWORD_LENGTH })}</span>
            <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} required minLength={MIN_PASSWORD_LENGTH} className={input} autoComplete="new-password" />
          </label>
          <label className="flex items-center gap-2 text-slate-700">
            <input type="checkbox" checked={mustChange} onChange={(e) => setMustChange(e.target.checked)} className="accent-slate-700" />
            {t('mustChange')}
          </label>
        </div>
        <div className="min-w-[20rem]">
          <div className="mb-1 text-slate-700">{t('roles')}</div>
          <BindingsEditor value={bindings} onChange={setBindings} clusters={clusters} idPrefix="new-user" />
        </div>
        <div className="flex w-full items-center gap-3">
          <button type="submit" disabled={create.isPending} className="rounded bg-slate-900 px-3 py-1.5 font-medium text-white disabled:opacity-60">
            {create.isPending ? t('creating') : t('create')}
          </button>
          {create.error && <span role="alert" className="text-red-700">{errorText(create.error)}</span>}
          {create.isSuccess && <span role="status" className="text-emerald-700">{t('created', { username: create.data.username })}</span>}
        </div>
      </form>
    </Card>
  );
}
