import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

/**
 * The API of the one-cluster console (/api/topics, /api/groups/...) keeps working: each old path is rewritten to the
 * same route under /api/clusters/_default/, which the route adapter reads as the configured default cluster.
 */
const LEGACY_API = ['brokers', 'topics', 'groups', 'messages', 'traces', 'audit'];

/**
 * Headers of every page and API answer. Scripts and styles come from the console itself; Next.js's inline hydration
 * scripts and the charts' style attributes need 'unsafe-inline' (nonces would force every page dynamic), eval never
 * in production (`next dev`'s React refresh needs it). No page may be framed (clickjacking on the change dialogs).
 */
const CSP = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === 'production' ? '' : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = [
  { key: 'Content-Security-Policy', value: CSP },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
];

const nextConfig: NextConfig = {
  // the server side opens TCP sockets to the namesrv and brokers; keep these out of any bundling surprises
  serverExternalPackages: ['pino', 'prom-client', 'better-sqlite3', 'pg'],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  async headers() {
    return [{ source: '/:path*', headers: SECURITY_HEADERS }];
  },
  async rewrites() {
    return LEGACY_API.flatMap((resource) => [
      { source: `/api/${resource}`, destination: `/api/clusters/_default/${resource}` },
      { source: `/api/${resource}/:path*`, destination: `/api/clusters/_default/${resource}/:path*` },
    ]);
  },
};

// the pages' language: i18n/request.ts picks it per request (no locale in the URL: the API and links stay as they are)
export default createNextIntlPlugin('./i18n/request.ts')(nextConfig);
