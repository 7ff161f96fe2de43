/**
 * Password guessing against the sign-in, measured: one address hammering one user, then many addresses at once.
 * The console's own Auth service on a SQLite store in a temporary directory, as the server builds it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createConsole } from '../lib/console/console';
import { readSettings } from '../lib/console/core/config';
import { createLog } from '../lib/console/core/log';

export interface LoginFigures {
  maxFailures: number;
  windowS: number;
  /** One address, one user: attempts made, how many reached the password check, how many were refused at once. */
  single: { attempts: number; checked: number; refused: number; rightPasswordRefused: boolean; ms: number };
  /** Many addresses, a few guesses each: how many reached the password check (the limit is per address). */
  spread: { addresses: number; attempts: number; checked: number };
  /** What one password check costs (scrypt): what bounds a guess the limiter lets through. */
  checkMs: number;
}

export async function loginFigures({ attempts = 1000, addresses = 50 }: { attempts?: number; addresses?: number } = {}): Promise<LoginFigures> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'login-figures-'));
  const app = createConsole(readSettings({ NAMESRV_ADDR: '127.0.0.1:1', CLUSTER_KEY: 'lab', DATA_DIR: dir, CONSOLE_ADMIN_PASSWORD: 'admin-password-123' }), { log: createLog('silent') });
  const outcome = (p: Promise<unknown>) => p.then(() => 200, (e: { status?: number }) => e.status ?? 500);
  const client = (ip: string) => ({ ip, userAgent: 'reliability' });
  try {
    const { auth } = app;
    const started = performance.now();
    let checked = 0;
    let refused = 0;
    for (let i = 0; i < attempts; i++) {
      const status = await outcome(auth.login({ username: 'admin', password: `guess-${i}`, ...client('203.0.113.7') }));
      if (status === 401) checked++;
      else if (status === 429) refused++;
    }
    const singleMs = performance.now() - started;
    const rightPasswordRefused = (await outcome(auth.login({ username: 'admin', password: 'admin-password-123', ...client('203.0.113.7') }))) === 429;
    let spreadChecked = 0;
    const perAddress = Math.ceil(attempts / addresses / 10);
    for (let a = 0; a < addresses; a++) {
      for (let i = 0; i < perAddress; i++) if ((await outcome(auth.login({ username: 'admin', password: `spread-${a}-${i}`, ...client(`198.51.100.${a + 1}`) }))) === 401) spreadChecked++;
    }
    const t0 = performance.now();
    await outcome(auth.login({ username: 'admin', password: 'admin-password-123', ...client('192.0.2.1') }));
    return {
      maxFailures: app.settings.auth.loginMaxFailures,
      windowS: app.settings.auth.loginWindowMs / 1000,
      single: { attempts, checked, refused, rightPasswordRefused, ms: Math.round(singleMs) },
      spread: { addresses, attempts: addresses * perAddress, checked: spreadChecked },
      checkMs: Math.round(performance.now() - t0),
    };
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
