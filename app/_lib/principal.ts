import { SESSION_COOKIE } from '@/lib/console/auth/http';
import { LOCAL_PRINCIPAL, type Principal } from '@/lib/console/auth/principal';
import type { Console } from '@/lib/console/console';

/** What a request carries that says who sent it: the session cookie and the Authorization header. */
export interface Credentials {
  cookie(name: string): string | undefined;
  header(name: string): string | undefined;
}

/**
 * Who sent the request, or undefined when nobody is signed in: an "Authorization: Bearer" API token, else the
 * browser's session cookie. AUTH=off: everyone is the local admin (the adapter also refuses non-loopback hosts).
 */
export async function authenticate(app: Console, credentials: Credentials): Promise<Principal | undefined> {
  if (!app.auth.enabled) return LOCAL_PRINCIPAL;
  const bearer = bearerToken(credentials.header('authorization'));
  if (bearer !== undefined) return app.auth.authenticate({ bearer });
  const session = credentials.cookie(SESSION_COOKIE);
  return session ? app.auth.authenticate({ session }) : undefined;
}

/** The token of "Authorization: Bearer <token>"; '' for a Bearer header without one (refused, not ignored). */
export function bearerToken(header: string | undefined): string | undefined {
  const match = header === undefined ? null : /^Bearer\s*(.*)$/i.exec(header.trim());
  return match ? match[1]!.trim() : undefined;
}
