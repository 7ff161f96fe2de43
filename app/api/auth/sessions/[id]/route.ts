import { route } from '../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Revokes one of the user's own sessions or tokens (anyone's with console:admin); 404 for an unknown id. */
export const DELETE = route({ route: '/api/auth/sessions/[id]', permission: 'signed-in', scope: 'console' }, async ({ app, principal, params }) => {
  await app.auth.revoke(principal, params.id!);
  return { revoked: params.id };
});
