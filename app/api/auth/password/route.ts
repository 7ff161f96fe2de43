import { PasswordBody } from '@/lib/console/auth/schema';
import { route } from '../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Changes the signed-in local user's password (at least 12 characters) and lifts "must change password". 'signed-in'
 * rather than a permission: it is the one thing a user with a one-time password may do.
 */
export const POST = route({ route: '/api/auth/password', permission: 'signed-in', scope: 'console', body: PasswordBody }, async ({ app, principal, body }) => {
  await app.auth.changePassword(principal, body.current, body.next);
  return { changed: true };
});
