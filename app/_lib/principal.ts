import { LOCAL_PRINCIPAL, type Principal } from '@/lib/console/auth/principal';
import type { Console } from '@/lib/console/console';

/** What a request carries that says who sent it: the session cookie and the Authorization header. */
export interface Credentials {
  cookie(name: string): string | undefined;
  header(name: string): string | undefined;
}

/** Who sent the request, or undefined when nobody is signed in. */
export async function authenticate(_console: Console, _credentials: Credentials): Promise<Principal | undefined> {
  return LOCAL_PRINCIPAL;
}
