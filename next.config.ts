import type { NextConfig } from 'next';

/**
 * The API of the one-cluster console (/api/topics, /api/groups/...) keeps working: each old path is rewritten to the
 * same route under /api/clusters/_default/, which the route adapter reads as the configured default cluster.
 */
const LEGACY_API = ['brokers', 'topics', 'groups', 'messages', 'traces', 'audit'];

const nextConfig: NextConfig = {
  // the server side opens TCP sockets to the namesrv and brokers; keep these out of any bundling surprises
  serverExternalPackages: ['pino', 'prom-client', 'better-sqlite3', 'pg'],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  async rewrites() {
    return LEGACY_API.flatMap((resource) => [
      { source: `/api/${resource}`, destination: `/api/clusters/_default/${resource}` },
      { source: `/api/${resource}/:path*`, destination: `/api/clusters/_default/${resource}/:path*` },
    ]);
  },
};

export default nextConfig;
