import pino from 'pino';

export type Logger = pino.Logger;

/**
 * The console's structured log: JSON lines on stdout for the server; a terminal command passes stderr (fd 2) so
 * its stdout stays its output.
 */
export function createLog(level: string, destination: 1 | 2 = 1): Logger {
  const options = { level, base: { app: 'rocketmq-console' } };
  return destination === 1 ? pino(options) : pino(options, pino.destination({ fd: 2, sync: true }));
}
