import { NextResponse } from 'next/server';
import { clientAddress } from '@/lib/console/auth/http';
import { LoginBody } from '@/lib/console/auth/schema';
import { isConsoleError } from '@/lib/console/core/errors';
import { json } from '../../_lib/errors';
import { route } from '../../_lib/handler';
import { sessionCookie } from '../../_lib/session-cookie';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Signs in with a username and password: sets the HttpOnly session cookie. 401 bad_credentials (the message does
 * not say which of the two was wrong), 429 with Retry-After after too many failures, 400 naming a missing field.
 */
export const POST = route({ route: '/api/auth/login', permission: 'public', scope: 'console', body: LoginBody }, async ({ app, body, request }) => {
  try {
    const session = await app.auth.login({ ...body, ip: clientAddress(request.headers), userAgent: request.headers.get('user-agent') });
    const p = session.principal;
    const response = NextResponse.json({ user: p.user, displayName: p.displayName, mustChangePassword: p.mustChangePassword ?? false }, { headers: { 'cache-control': 'no-store' } });
    response.headers.append('set-cookie', sessionCookie(app, request, session.secret, session.maxAgeMs));
    return response;
  } catch (error) {
    // by code, not instanceof: the error may come from another bundle's copy of the class (core/errors.ts)
    if (!isConsoleError(error) || error.code !== 'rate_limited') throw error;
    const { retryAfterSeconds } = error.details as { retryAfterSeconds: number };
    const response = json(error.status, error.code, error.message, undefined, error.details);
    response.headers.set('retry-after', String(retryAfterSeconds));
    return response;
  }
});
