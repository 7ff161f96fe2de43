import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AccountSessions } from '@/components/auth/AccountSessions';
import { describeBindings } from '@/components/auth/bindings';
import { PasswordForm } from '@/components/auth/PasswordForm';
import { TokensPanel } from '@/components/auth/TokensPanel';
import { HydrationGate } from '@/components/HydrationGate';
import { PageHeader } from '@/components/shell/PageHeader';
import { EmptyState } from '@/components/ui/states';
import { signedInPage } from '../_lib/page';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth.account'))('title') };
}

/** Your password, where you are signed in, and your API tokens. A one-time password is replaced here first. */
export default async function AccountPage() {
  const { app, principal } = await signedInPage({ passwordChangeAllowed: true });
  const account = await app.auth.account(principal);
  const forced = principal.mustChangePassword === true;
  const t = await getTranslations('auth.account');
  const bindingWords = await getTranslations('auth.bindings');
  return (
    <>
      <PageHeader
        crumbs={[{ label: t('crumb') }]}
        title={t('title')}
        subtitle={
          <>
            {t('signedInAs')} <span className="font-medium text-slate-800">{principal.displayName}</span>
            {principal.displayName !== principal.user && <span className="font-mono"> ({principal.user})</span>}: {describeBindings(principal.bindings, bindingWords)}.
            {account?.source === 'oidc' && t('oidcRoles')}
          </>
        }
      />
      {!account ? (
        <EmptyState title={t('authOffTitle')}>{t('authOff')}</EmptyState>
      ) : (
        <HydrationGate>
          <div className="space-y-5">
            {account.source === 'local' && <PasswordForm forced={forced} />}
            {!forced && <AccountSessions />}
            {!forced && <TokensPanel />}
          </div>
        </HydrationGate>
      )}
    </>
  );
}
