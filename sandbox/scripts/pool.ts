import { ConnectionPool, aclSigner, type PoolOptions } from '../../lib/remoting';

/**
 * The sandbox scripts' connection pool: on a sandbox with access control (SANDBOX_AUTH=on, auth.sh exports the
 * administrator's account) every request is signed as the administrator.
 */
export function sandboxPool(options: PoolOptions = {}): ConnectionPool {
  const accessKey = process.env.SANDBOX_ADMIN_ACCESS_KEY;
  const secretKey = process.env.SANDBOX_ADMIN_SECRET_KEY;
  return new ConnectionPool({ ...options, ...(accessKey && secretKey ? { beforeRequest: aclSigner({ accessKey, secretKey }) } : {}) });
}
