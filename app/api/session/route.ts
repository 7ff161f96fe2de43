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
  // the language and theme this user chose on another browser: the shell sets this browser's cookies to them
  preferences: await (await app.store()).preferences.get(principal.user),
  defaultCluster: app.defaultCluster,
  clusters: await Promise.all(
    [...app.clusters.values()].map(async (c) => {
      // a signed cluster's account may allow reads only (ACL 2.0): the UI disables its change buttons saying so
      const access = await c.accountAccess.current(c, ACCESS_WAIT_MS);
      return { name: c.name, readOnly: c.config.readOnly, role: roleOf(principal, c.name) ?? null, ...(access?.readOnly ? { accountReadOnly: access.reason, ...(access.accessKey ? { accountKey: access.accessKey } : {}) } : {}) };
    }),
  ),
}));

/** How long the first page load waits for a cluster's account rights; later loads get the kept answer at once. */
const ACCESS_WAIT_MS = 1500;
