import { UserCreateBody } from '@/lib/console/auth/schema';
import { route } from '../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Every console user (local and OIDC) with their role bindings. */
export const GET = route({ route: '/api/admin/users', permission: 'console:admin', scope: 'console' }, async ({ app }) => ({ items: await app.auth.users.list() }));

/** Creates a local user with a password and role bindings; 409 when the username is taken. */
export const POST = route({ route: '/api/admin/users', permission: 'console:admin', scope: 'console', body: UserCreateBody }, ({ app, principal, body }) => app.auth.users.create(body, principal));
