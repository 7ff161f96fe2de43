import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/LoginForm';
import { HydrationGate } from '@/components/HydrationGate';
import { Refused } from '@/components/ui/states';
import { loopbackRefusal, safeNext } from '@/lib/console/auth/http';
import { describeFailure } from '@/lib/console/core/errors';
import { theConsole } from '../_lib/console';
import { currentPrincipal } from '../_lib/page';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('signIn') };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Username and password, and single sign-on when configured; ?next= is where to go afterwards (this console only). */
export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const t = await getTranslations('auth');
  const next = safeNext(one(params.next));
  const app = theConsole();
  if (!app.auth.enabled) {
    const remote = loopbackRefusal(await headers());
    if (!remote) redirect('/');
    return <Refused refusal={{ message: remote }} />;
  }
  const principal = await currentPrincipal();
  if (principal) redirect(principal.mustChangePassword ? '/account' : next);
  const hint = await app.auth
    .firstSignInHint()
    .then((first) => first && t('firstStart', first))
    .catch((error: unknown) => t('storeUnreachable', { error: describeFailure(error) }));
  return (
    <div className="flex min-h-[80vh] flex-col items-center justify-center gap-4">
      <div className="text-center">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t('signIn')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('toConsole')}</p>
      </div>
      {hint && (
        <div role="note" data-testid="first-start-hint" className="max-w-sm rounded border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
          {hint}
        </div>
      )}
      <HydrationGate>
        <LoginForm next={next} {...(app.settings.auth.oidc ? { oidcLabel: app.settings.auth.oidc.label } : {})} {...(one(params.error) ? { initialError: one(params.error)! } : {})} />
      </HydrationGate>
    </div>
  );
}
