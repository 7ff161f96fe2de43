import { route } from '../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Revokes one of the user's API tokens; 404 for an unknown id or a browser session's. */
export const DELETE = route({ route: '/api/auth/tokens/[id]', permission: 'signed-in', scope: 'console' }, async ({ app, principal, params }) => {
  await app.auth.revoke(principal, params.id!, 'token');
  return { revoked: params.id };
});
