'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { errorText } from '../api/client';
import { useLogin } from '../api/auth';

const input = 'mt-1 w-full rounded border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-slate-500 focus:outline-none';

/**
 * Username and password, and single sign-on when configured. A full page load follows a sign-in, so nothing cached
 * for nobody survives into the session.
 */
export function LoginForm({ next, oidcLabel, initialError }: { next: string; oidcLabel?: string; initialError?: string }) {
  const t = useTranslations('auth');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const login = useLogin();
  const error = login.error ? errorText(login.error) : initialError;

  function submit(e: FormEvent) {
    e.preventDefault();
    login.mutate(
      { username, password },
      { onSuccess: (r) => window.location.assign(r.mustChangePassword ? '/account' : next) },
    );
  }

  return (
    <div className="w-full max-w-sm">
      <form onSubmit={submit} className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm" aria-label={t('signIn')}>
        <label className="block text-sm font-medium text-slate-700">
          {t('username')}
          <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} className={input} autoFocus required />
        </label>
        <label className="mt-4 block text-sm font-medium text-slate-700">
          {t('password')}
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} className={input} required />
        </label>
        {error && (
          <div role="alert" data-testid="login-error" className="mt-4 rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {error}
          </div>
        )}
        <button type="submit" disabled={login.isPending} className="mt-5 w-full rounded bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60">
          {login.isPending ? t('signingIn') : t('signIn')}
        </button>
      </form>
      {oidcLabel && (
        <>
          <div className="my-4 flex items-center gap-3 text-xs uppercase tracking-wide text-slate-400">
            <span className="h-px flex-1 bg-slate-200" />
            {t('or')}
            <span className="h-px flex-1 bg-slate-200" />
          </div>
          <a
            href={`/api/auth/oidc/start?next=${encodeURIComponent(next)}`}
            data-testid="oidc-sign-in"
            className="block w-full rounded border border-slate-300 bg-white px-3 py-2 text-center text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50"
          >
            {t('signInWith', { provider: oidcLabel })}
          </a>
        </>
      )}
    </div>
  );
}
