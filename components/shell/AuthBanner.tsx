'use client';

import { useSession } from '../api/session';

/** AUTH=off said on every page, so nobody mistakes a laptop console for a protected one. */
export function AuthBanner() {
  const session = useSession().data;
  if (!session || session.authEnabled) return null;
  return (
    <div role="alert" data-testid="auth-off-banner" className="bg-amber-400 px-4 py-1.5 text-center text-sm font-medium text-amber-950">
      Sign-in is off: anyone who reaches this port acts as an admin. Bound to 127.0.0.1.
    </div>
  );
}
