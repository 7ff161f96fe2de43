import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // the server side opens TCP sockets to the namesrv and brokers; keep these out of any bundling surprises
  serverExternalPackages: ['pino', 'prom-client', 'better-sqlite3', 'pg'],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
};

export default nextConfig;
