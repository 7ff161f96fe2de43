import { UserPatchBody } from '@/lib/console/auth/schema';
import { route } from '../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Changes a user's display name or role bindings, disables or enables them, or resets their password. */
export const PATCH = route({ route: '/api/admin/users/[username]', permission: 'console:admin', scope: 'console', body: UserPatchBody }, ({ app, principal, params, body }) =>
  app.auth.users.update(params.username!, body, principal),
);

/** Deletes a user with every session and token of theirs (audit rows keep their name). */
export const DELETE = route({ route: '/api/admin/users/[username]', permission: 'console:admin', scope: 'console' }, async ({ app, principal, params }) => {
  await app.auth.users.remove(params.username!, principal);
  return { deleted: params.username };
});
