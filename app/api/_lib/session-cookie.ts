import { cookieSecure, OIDC_FLOW_COOKIE, OIDC_FLOW_PATH, requestOrigin, SESSION_COOKIE, setCookie } from '@/lib/console/auth/http';
import type { Console } from '@/lib/console/console';

// The Set-Cookie headers of sign-in and sign-out: HttpOnly, SameSite=Lax, Path=/, Secure when settings say so
// (COOKIE_SECURE=always) or the request came over TLS (auto, the default).

export function sessionCookie(app: Console, request: Request, secret: string, maxAgeMs: number): string {
  return setCookie(SESSION_COOKIE, secret, { secure: secure(app, request), maxAge: Math.floor(maxAgeMs / 1000) });
}

export function clearedSessionCookie(app: Console, request: Request): string {
  return setCookie(SESSION_COOKIE, '', { secure: secure(app, request), maxAge: 0 });
}

/** The OIDC flow cookie goes to the callback only, and lives as long as the flow may take. */
export function flowCookie(app: Console, request: Request, secret: string, maxAgeMs: number): string {
  return setCookie(OIDC_FLOW_COOKIE, secret, { secure: secure(app, request), maxAge: Math.floor(maxAgeMs / 1000), path: OIDC_FLOW_PATH });
}

export function clearedFlowCookie(app: Console, request: Request): string {
  return setCookie(OIDC_FLOW_COOKIE, '', { secure: secure(app, request), maxAge: 0, path: OIDC_FLOW_PATH });
}

/** The console's own origin as browsers reach it: CONSOLE_PUBLIC_URL, else the request's (proxy headers honoured). */
export function consoleOrigin(app: Console, request: Request): string {
  return app.settings.auth.publicUrl ? new URL(app.settings.auth.publicUrl).origin : requestOrigin(request.headers, request.url);
}

/** A 302 to a path of the console (absolute, from its own origin), with cookies to set. */
export function redirectTo(app: Console, request: Request, pathAndQuery: string, cookies: string[] = []): Response {
  const headers = new Headers({ location: `${consoleOrigin(app, request)}${pathAndQuery}`, 'cache-control': 'no-store' });
  for (const c of cookies) headers.append('set-cookie', c);
  return new Response(null, { status: 302, headers });
}

function secure(app: Console, request: Request): boolean {
  return cookieSecure(app.settings.auth.cookieSecure, request.headers, request.url);
}
