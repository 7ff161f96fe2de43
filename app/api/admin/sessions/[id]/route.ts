import { route } from '../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Revokes anyone's session or token: refused on its next request. */
export const DELETE = route({ route: '/api/admin/sessions/[id]', permission: 'console:admin', scope: 'console' }, async ({ app, principal, params }) => {
  await app.auth.revoke(principal, params.id!);
  return { revoked: params.id };
});
