'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { MIN_PASSWORD_LENGTH } from '@/lib/console/auth/policy';
import { errorText } from '../api/client';
import { useChangePassword } from '../api/auth';
import { Card } from '../ui/states';

const input = 'mt-1 w-full rounded border border-slate-300 bg-white px-3 py-1.5 text-sm';

/** Change one's own password; `forced` when the current one was set for the user (first admin, admin reset). */
export function PasswordForm({ forced }: { forced: boolean }) {
  const t = useTranslations('auth.passwordForm');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const change = useChangePassword();
  const mismatch = again !== '' && again !== next;
  const short = next !== '' && next.length < MIN_PASSWORD_LENGTH;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (mismatch || short) return;
    change.mutate(
      { current, next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setAgain('');
          // the rest of the console opens once the one-time password is gone
          if (forced) window.location.assign('/');
        },
      },
    );
  }

  return (
    <Card title={t('title')}>
      <form onSubmit={submit} className="max-w-md space-y-3 p-4" aria-label={t('form')}>
        {forced && (
          <div role="alert" data-testid="password-required" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t('forced')}
          </div>
        )}
        <label className="block text-sm text-slate-700">
          {t('current')}
          <input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} className={input} required />
        </label>
        <label className="block text-sm text-slate-700">
          {t('new')} <span className="text-slate-500">{t('atLeast', { min: MIN_PASSWORD_LENGTH })}</span>
          <input type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} className={input} required aria-invalid={short || undefined} />
        </label>
        <label className="block text-sm text-slate-700">
          {t('again')}
          <input type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} className={input} required aria-invalid={mismatch || undefined} />
        </label>
        {(short || mismatch) && (
          <div className="text-sm text-red-700">{short ? t('tooShort', { min: MIN_PASSWORD_LENGTH }) : t('differ')}</div>
        )}
        {change.error && <div role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{errorText(change.error)}</div>}
        {change.isSuccess && <div role="status" className="text-sm text-emerald-700">{t('changed')}</div>}
        <button type="submit" disabled={change.isPending} className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
          {change.isPending ? t('changing') : t('change')}
        </button>
      </form>
    </Card>
  );
}
