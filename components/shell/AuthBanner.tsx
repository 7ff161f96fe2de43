'use client';

import { useTranslations } from 'next-intl';
import { useSession } from '../api/session';

/** AUTH=off said on every page, so nobody mistakes a laptop console for a protected one. */
export function AuthBanner() {
  const session = useSession().data;
  const t = useTranslations('shell');
  if (!session || session.authEnabled) return null;
  return (
    <div role="alert" data-testid="auth-off-banner" className="bg-amber-400 px-4 py-1.5 text-center text-sm font-medium text-amber-950">
      {t('authOff')}
    </div>
  );
}
