import type { Console } from '@/lib/console/console';

/** The segment old URLs are rewritten to (next.config.ts): the default cluster, whatever its name. */
export const DEFAULT_CLUSTER_SEGMENT = '_default';

// The one process-wide slot: Next.js loads route and page modules in several bundles (and reloads them in
// development), so a module variable would build a second console with its own sockets and timers.
export const consoleSlot = globalThis as typeof globalThis & { __rocketmqConsole?: Console };

/**
 * The server's console, which instrumentation.ts builds at start (a bad clusters file stops the server with the key
 * it names). Routes and pages only read it: importing createConsole here would put the whole console (store
 * drivers, sign-in, metrics) into every route's and page's server bundle, whose source V8 keeps in memory, once per
 * bundle (about 1.3 MB each: 50 MB of RSS with this many routes).
 */
export function theConsole(): Console {
  const app = consoleSlot.__rocketmqConsole;
  if (!app) throw new Error('the console is not built: instrumentation.ts builds it when the server starts');
  return app;
}
