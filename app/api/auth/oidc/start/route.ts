import { z } from 'zod';
import { safeNext } from '@/lib/console/auth/http';
import { OIDC_FLOW_TTL_MS } from '@/lib/console/auth/service';
import { describeFailure } from '@/lib/console/core/errors';
import { route } from '../../../_lib/handler';
import { consoleOrigin, flowCookie, redirectTo } from '../../../_lib/session-cookie';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const Query = z.object({ next: z.string().max(2000).optional() });

/**
 * Starts single sign-on: a 302 to the provider (authorization code with PKCE, state and nonce kept server-side
 * under a short-lived cookie). A provider that cannot be reached sends the browser back to /login with the reason.
 */
export const GET = route({ route: '/api/auth/oidc/start', permission: 'public', scope: 'console', query: Query }, async ({ app, query, request }) => {
  const next = safeNext(query.next);
  try {
    const { url, flowSecret } = await app.auth.oidcStart(`${consoleOrigin(app, request)}/api/auth/oidc/callback`, next);
    const response = new Response(null, { status: 302, headers: { location: url, 'cache-control': 'no-store' } });
    response.headers.append('set-cookie', flowCookie(app, request, flowSecret, OIDC_FLOW_TTL_MS));
    return response;
  } catch (error) {
    app.log.warn({ err: error }, 'oidc: sign-in could not start');
    return redirectTo(app, request, `/login?${new URLSearchParams({ next, error: describeFailure(error) })}`);
  }
});
