// The HTTP facts sign-in depends on, as pure functions of the request's headers: the request's own origin (for the
// Origin check), whether it came over TLS (Secure cookies), the client's address (rate limit, sessions page), the
// cookies themselves, and where a sign-in may send the browser afterwards.

export const SESSION_COOKIE = 'rmqc_session';
/** Holds an OIDC sign-in between the redirect to the provider and its callback. */
export const OIDC_FLOW_COOKIE = 'rmqc_oidc';
export const OIDC_FLOW_PATH = '/api/auth/oidc';

export interface HeaderBag {
  get(name: string): string | null;
}

const first = (value: string | null) => value?.split(',')[0]?.trim() || undefined;

/**
 * The origin the browser addressed: scheme and host as a proxy in front reports them (x-forwarded-proto/-host,
 * which Next.js fills from the socket when no proxy set them), else the request URL's.
 */
export function requestOrigin(headers: HeaderBag, url: string): string {
  const own = new URL(url);
  const proto = first(headers.get('x-forwarded-proto')) ?? own.protocol.replace(':', '');
  const host = first(headers.get('x-forwarded-host')) ?? headers.get('host') ?? own.host;
  return `${proto}://${host}`.toLowerCase();
}

export function isTls(headers: HeaderBag, url: string): boolean {
  return requestOrigin(headers, url).startsWith('https://');
}

/**
 * Why a state-changing request from a browser is refused as cross-site, or undefined when its Origin (or Referer,
 * when a browser sent no Origin) is the console's own. `required`: whether a request carrying neither is refused
 * (it is when a session cookie is what authenticates it; browsers always send Origin on such requests).
 */
export function originRefusal(headers: HeaderBag, url: string, options: { required: boolean; publicUrl?: string }): string | undefined {
  const sent = headers.get('origin') ?? refererOrigin(headers.get('referer'));
  const own = requestOrigin(headers, url);
  if (sent === undefined || sent === null) {
    return options.required ? `a request that changes something must come from the console's own pages (${own}): it carried no Origin header; scripts send an API token instead` : undefined;
  }
  const allowed = [own, ...(options.publicUrl ? [new URL(options.publicUrl).origin.toLowerCase()] : [])];
  if (allowed.includes(sent.toLowerCase())) return undefined;
  return `a request from ${sent} may not change anything here: only the console's own pages (${own}) may (cross-site request refused)`;
}

function refererOrigin(referer: string | null): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return 'an unreadable Referer';
  }
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|::1)(:\d+)?$/i;

/** Whether the Host names this machine only (AUTH=off serves nothing else). */
export function isLoopbackHost(host: string | null | undefined): boolean {
  return host !== null && host !== undefined && LOOPBACK.test(host.trim());
}

/** AUTH=off: the request must be addressed to a loopback name, and so must a proxy's forwarded host. */
export function loopbackRefusal(headers: HeaderBag): string | undefined {
  const hosts = [headers.get('host'), first(headers.get('x-forwarded-host'))].filter((h): h is string => Boolean(h));
  const remote = hosts.find((h) => !isLoopbackHost(h));
  if (remote === undefined) return undefined;
  return `sign-in is off (AUTH=off), so the console answers on 127.0.0.1 only, and this request was addressed to ${remote}: turn sign-in on to serve it to other machines`;
}

/** The client's address as the nearest proxy (or Next.js, from the socket) reports it. */
export function clientAddress(headers: HeaderBag): string {
  return first(headers.get('x-forwarded-for')) ?? first(headers.get('x-real-ip')) ?? 'unknown';
}

/** Where to go after signing in: a path on this console only (no scheme, no //host, no backslash tricks). */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\') || [...next].some((c) => c.charCodeAt(0) < 0x20)) return '/';
  if (next.startsWith('/login') || next.startsWith('/api/')) return '/';
  return next;
}

export interface CookieOptions {
  secure: boolean;
  /** Seconds; 0 clears the cookie. Omitted: a browser-session cookie. */
  maxAge?: number;
  path?: string;
}

/** A Set-Cookie value: HttpOnly and SameSite=Lax always (Lax lets the OIDC callback, a top-level GET, carry it). */
export function setCookie(name: string, value: string, options: CookieOptions): string {
  return [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${options.path ?? '/'}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(options.maxAge !== undefined ? [`Max-Age=${options.maxAge}`] : []),
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
}

export function cookieSecure(mode: 'auto' | 'always' | 'never', headers: HeaderBag, url: string): boolean {
  return mode === 'always' || (mode === 'auto' && isTls(headers, url));
}
