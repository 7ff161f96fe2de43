import pino from 'pino';

/** The console's structured log (JSON lines on stdout; LOG_LEVEL sets the level). */
const holder = globalThis as typeof globalThis & { __consoleLog?: pino.Logger };
export const log: pino.Logger = (holder.__consoleLog ??= pino({ level: process.env.LOG_LEVEL ?? 'info', base: { app: 'rocketmq-console' } }));
