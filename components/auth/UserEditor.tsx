'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { MIN_PASSWORD_LENGTH } from '@/lib/console/auth/policy';
import type { RoleBinding } from '@/lib/console/core/roles';
import { errorText } from '../api/client';
import { useDeleteUser, useUpdateUser, type UserView } from '../api/auth';
import { DisabledReasonButton } from '../ui/DisabledReasonButton';
import { BindingsEditor } from './BindingsEditor';

const button = 'rounded border px-2.5 py-1 text-sm font-medium shadow-sm';

/**
 * One user's changes: roles (local users; an OIDC user's come from the provider), a password reset (signs them out
 * and makes them choose a new one), disable or enable, delete. Your own account cannot be disabled, demoted or
 * deleted here, so the console is never left without an admin by a slip.
 */
export function UserEditor({ user, self, clusters, onDone }: { user: UserView; self: boolean; clusters: string[]; onDone: () => void }) {
  const t = useTranslations('admin.editor');
  const update = useUpdateUser();
  const remove = useDeleteUser();
  const [bindings, setBindings] = useState<RoleBinding[]>(user.bindings);
  const [password, setPassword] = useState('');
  const ownReason = self ? t('ownReason') : undefined;
  const oidcReason = user.source === 'oidc' ? t('oidcReason') : undefined;
  const error = update.error ?? remove.error;
  const patch = (p: Parameters<typeof update.mutate>[0]['patch']) => update.mutate({ username: user.username, patch: p });

  return (
    <div className="flex flex-wrap gap-8 text-sm" data-testid="user-editor">
      <div>
        <div className="mb-1 font-medium text-slate-700">{t('roles')}</div>
        {oidcReason ? <div className="max-w-xs text-slate-600">{oidcReason}.</div> : <BindingsEditor value={bindings} onChange={setBindings} clusters={clusters} idPrefix={`edit-${user.username}`} />}
        <div className="mt-2">
          <DisabledReasonButton disabledReason={ownReason ?? oidcReason} onClick={() => patch({ bindings })} className={`${button} border-slate-300 bg-white text-slate-800`}>
            {t('saveRoles')}
          </DisabledReasonButton>
        </div>
      </div>
      {user.source === 'local' && (
        <div>
          <label className="block font-medium text-slate-700">
            {t('resetPassword')} <span className="font-normal text-slate-500">{t('atLeast', { min: MIN_PASSWORD_LENGTH })}</span>
            <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" className="mt-1 block w-56 rounded border border-slate-300 px-2 py-1.5 font-normal" />
          </label>
          <div className="mt-1 max-w-xs text-xs text-slate-500">{t('resetHint', { username: user.username })}</div>
          <div className="mt-2">
            <DisabledReasonButton
              disabledReason={password.length < MIN_PASSWORD_LENGTH ? t('typeFirst', { min: MIN_PASSWORD_LENGTH }) : undefined}
              onClick={() => update.mutate({ username: user.username, patch: { password } }, { onSuccess: () => setPassword('') })}
              className={`${button} border-slate-300 bg-white text-slate-800`}
            >
              {t('resetPassword')}
            </DisabledReasonButton>
          </div>
        </div>
      )}
      <div className="flex flex-col items-start gap-2">
        <div className="font-medium text-slate-700">{t('account')}</div>
        <DisabledReasonButton disabledReason={ownReason} onClick={() => patch({ disabled: !user.disabled })} className={`${button} border-amber-300 bg-white text-amber-800`} testId="toggle-disabled">
          {user.disabled ? t('enable') : t('disable')}
        </DisabledReasonButton>
        <DisabledReasonButton
          disabledReason={ownReason}
          onClick={() => window.confirm(t('confirmDelete', { username: user.username })) && remove.mutate(user.username, { onSuccess: onDone })}
          className={`${button} border-red-300 bg-white text-red-700`}
        >
          {t('deleteUser')}
        </DisabledReasonButton>
      </div>
      <div className="w-full">
        {error && <div role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-red-800">{errorText(error)}</div>}
        {update.isSuccess && <div role="status" className="text-emerald-700">{t('saved')}</div>}
      </div>
    </div>
  );
}
