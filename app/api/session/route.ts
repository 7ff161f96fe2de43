import { roleOf } from '@/lib/console/auth/principal';
import { route } from '../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Who is signed in, and every configured cluster with their role on it: the UI's disabled reasons come from here. */
export const GET = route({ route: '/api/session', permission: 'signed-in', scope: 'console' }, async ({ app, principal }) => ({
  user: principal.user,
  displayName: principal.displayName,
  kind: principal.kind,
  authEnabled: app.settings.auth.enabled,
  mustChangePassword: principal.mustChangePassword ?? false,
  bindings: principal.bindings,
  defaultCluster: app.defaultCluster,
  clusters: [...app.clusters.values()].map((c) => ({ name: c.name, readOnly: c.config.readOnly, role: roleOf(principal, c.name) ?? null })),
}));
