import { createConsole, type Console } from '@/lib/console/console';
import { readSettings } from '@/lib/console/core/config';

/** The segment old URLs are rewritten to (next.config.ts): the default cluster, whatever its name. */
export const DEFAULT_CLUSTER_SEGMENT = '_default';

// The one process-wide slot: Next.js loads route and page modules in several bundles (and reloads them in
// development), so a module variable would build a second console with its own sockets and timers.
const slot = globalThis as typeof globalThis & { __rocketmqConsole?: Console };

/**
 * The server's console, built on first use from the environment and the clusters file (instrumentation.ts builds it
 * at start, so a bad clusters file stops the server with the key it names).
 */
export function theConsole(): Console {
  slot.__rocketmqConsole ??= createConsole(readSettings(), { background: process.env.CONSOLE_BACKGROUND !== 'off' });
  return slot.__rocketmqConsole;
}
