import type { Metadata } from 'next';
import { AccountSessions } from '@/components/auth/AccountSessions';
import { describeBindings } from '@/components/auth/bindings';
import { PasswordForm } from '@/components/auth/PasswordForm';
import { TokensPanel } from '@/components/auth/TokensPanel';
import { HydrationGate } from '@/components/HydrationGate';
import { PageHeader } from '@/components/shell/PageHeader';
import { EmptyState } from '@/components/ui/states';
import { signedInPage } from '../_lib/page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Your account' };

/** Your password, where you are signed in, and your API tokens. A one-time password is replaced here first. */
export default async function AccountPage() {
  const { app, principal } = await signedInPage({ passwordChangeAllowed: true });
  const account = await app.auth.account(principal);
  const forced = principal.mustChangePassword === true;
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Account' }]}
        title="Your account"
        subtitle={
          <>
            Signed in as <span className="font-medium text-slate-800">{principal.displayName}</span>
            {principal.displayName !== principal.user && <span className="font-mono"> ({principal.user})</span>}: {describeBindings(principal.bindings)}.
            {account?.source === 'oidc' && ' Your roles come from your single sign-on groups, read again at each sign-in.'}
          </>
        }
      />
      {!account ? (
        <EmptyState title="Sign-in is off">AUTH=off: everyone who reaches this console on 127.0.0.1 acts as the local admin. There is no password, session or token to manage.</EmptyState>
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
