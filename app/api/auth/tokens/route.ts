import { TokenCreateBody } from '@/lib/console/auth/schema';
import { route } from '../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The signed-in user's live API tokens. */
export const GET = route({ route: '/api/auth/tokens', permission: 'signed-in', scope: 'console' }, async ({ app, principal }) => ({
  items: (await app.auth.ownSessions(principal)).filter((s) => s.kind === 'token'),
}));

/**
 * Creates an API token for scripts ("Authorization: Bearer <token>"): it acts with the user's roles, or lower ones
 * (`role`), until `expiresInDays` or revoked. The token is in this answer only; the console keeps its hash.
 */
export const POST = route({ route: '/api/auth/tokens', permission: 'signed-in', scope: 'console', body: TokenCreateBody }, async ({ app, principal, body }) => {
  const { token, view } = await app.auth.createToken(principal, body);
  return { token, ...view };
});
