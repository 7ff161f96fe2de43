import { route } from '../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Every live browser session and API token: user, kind, created, last seen, address, user agent. */
export const GET = route({ route: '/api/admin/sessions', permission: 'console:admin', scope: 'console' }, async ({ app, principal }) => ({ items: await app.auth.allSessions(principal) }));
