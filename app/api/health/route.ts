import { route } from '../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Liveness for load balancers and start scripts: the server answers; says nothing about any cluster. */
export const GET = route({ route: '/api/health', permission: 'public', scope: 'console' }, async () => ({ ok: true as const }));
