import { NextResponse, type NextRequest } from 'next/server';

/**
 * Tells server pages where the request was going (x-console-path), so a page that finds nobody signed in can send
 * them to the sign-in page and back. Who is signed in is decided by the route and page adapters, not here.
 */
export function proxy(request: NextRequest): NextResponse {
  const headers = new Headers(request.headers);
  headers.set('x-console-path', `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // pages only: not the API, Next's own files or the icon
  matcher: ['/((?!api/|_next/|icon.svg|favicon.ico).*)'],
};
