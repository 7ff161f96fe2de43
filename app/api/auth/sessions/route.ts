import { route } from '../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The signed-in user's live browser sessions and API tokens (the current session flagged). */
export const GET = route({ route: '/api/auth/sessions', permission: 'signed-in', scope: 'console' }, async ({ app, principal }) => ({ items: await app.auth.ownSessions(principal) }));
