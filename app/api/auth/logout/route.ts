import { NextResponse } from 'next/server';
import { route } from '../../_lib/handler';
import { clearedSessionCookie } from '../../_lib/session-cookie';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Signs out: the session is revoked on the server (its cookie is worthless from now on) and the cookie cleared. */
export const POST = route({ route: '/api/auth/logout', permission: 'signed-in', scope: 'console' }, async ({ app, principal, request }) => {
  await app.auth.logout(principal);
  const response = NextResponse.json({ signedOut: true }, { headers: { 'cache-control': 'no-store' } });
  response.headers.append('set-cookie', clearedSessionCookie(app, request));
  return response;
});
