import { createConsole, type Console } from '@/lib/console/console';
import { readSettings } from '@/lib/console/core/config';
import { consoleSlot } from './console';

/** Builds the server's console from the environment and the clusters file, once per process (instrumentation.ts). */
export function buildConsole(): Console {
  consoleSlot.__rocketmqConsole ??= createConsole(readSettings(), { background: process.env.CONSOLE_BACKGROUND !== 'off' });
  return consoleSlot.__rocketmqConsole;
}
