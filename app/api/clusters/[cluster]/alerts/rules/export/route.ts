import { exportRules } from '@/lib/console/alerts/manage';
import { route } from '../../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The cluster's rules as a file to import elsewhere. */
export const GET = route({ route: '/api/clusters/[cluster]/alerts/rules/export', permission: 'cluster:read' }, async ({ ctx }) => {
  const file = await exportRules(ctx);
  return new Response(`${JSON.stringify(file, null, 2)}\n`, {
    headers: { 'content-type': 'application/json', 'content-disposition': `attachment; filename="alert-rules-${ctx.name}.json"`, 'cache-control': 'no-store' },
  });
});
