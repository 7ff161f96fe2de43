import { clientAddress, OIDC_FLOW_COOKIE } from '@/lib/console/auth/http';
import { describeFailure } from '@/lib/console/core/errors';
import { cookieValue, route } from '../../../_lib/handler';
import { clearedFlowCookie, consoleOrigin, redirectTo, sessionCookie } from '../../../_lib/session-cookie';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * The provider's redirect back: the code is exchanged (state, nonce and PKCE checked by openid-client), the claims
 * mapped to roles, the session cookie set, and the browser sent on to where it was going. Failures go back to
 * /login with the reason.
 */
export const GET = route({ route: '/api/auth/oidc/callback', permission: 'public', scope: 'console' }, async ({ app, request }) => {
  // the callback URL as the provider was told it (the request's own URL may be the server's internal one)
  const callbackUrl = new URL(`${consoleOrigin(app, request)}/api/auth/oidc/callback${new URL(request.url).search}`);
  const cleared = clearedFlowCookie(app, request);
  try {
    const session = await app.auth.oidcFinish(callbackUrl, cookieValue(request.headers.get('cookie'), OIDC_FLOW_COOKIE), {
      ip: clientAddress(request.headers),
      userAgent: request.headers.get('user-agent'),
    });
    return redirectTo(app, request, session.next, [cleared, sessionCookie(app, request, session.secret, session.maxAgeMs)]);
  } catch (error) {
    app.log.warn({ err: error }, 'oidc: sign-in failed at the callback');
    return redirectTo(app, request, `/login?${new URLSearchParams({ error: describeFailure(error) })}`, [cleared]);
  }
});
