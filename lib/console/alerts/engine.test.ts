import { afterEach, describe, expect, it } from 'vitest';
import { createLog } from '../core/log';
import { openStore, type Store } from '../store';
import { AlertEngine } from './engine';
import type { AlertRule } from './rules';

const log = createLog('silent');
const rule: AlertRule = { id: 'lag100', name: 'lag over 100', kind: 'lag', threshold: 100, forMs: 30_000, severity: 'critical', enabled: true };
const snapshot = (asOf: number, lag: number) => ({ asOf, groups: [{ group: 'pay_cg', brokers: ['broker-a'], system: false, orderly: false, clients: 1, lag, consumeTps: 0, topics: ['Pay'] }] });

describe('the alert engine', () => {
  const stores: Store[] = [];
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
  });

  it('stores each transition once and the states the next evaluation starts from', async () => {
    const store = await openStore({ sqlitePath: ':memory:' });
    stores.push(store);
    await store.alerts.putRule('c', rule, 'test', 0);
    const engine = new AlertEngine('c', async () => store, { leaseTtlMs: 60_000 }, log);
    await engine.onSnapshot(snapshot(0, 150), 0);
    await engine.onSnapshot(snapshot(15_000, 160), 15_000);
    await engine.onSnapshot(snapshot(30_000, 170), 30_000);
    await engine.onSnapshot(snapshot(45_000, 20), 45_000);
    const events = await store.alerts.events('c', { limit: 10 });
    expect(events.map((e) => `${e.from}>${e.to}@${e.at}`)).toEqual(['firing>resolved@45000', 'pending>firing@30000', 'inactive>pending@0']);
    expect(await store.alerts.states('c')).toEqual([expect.objectContaining({ phase: 'resolved', resolvedAt: 45_000, firedAt: 30_000 })]);
    await engine.onSnapshot(snapshot(60_000, 20), 60_000);
    expect(await store.alerts.states('c')).toEqual([]);
    expect(engine.last).toMatchObject({ evaluated: true, rules: 1, unknown: [] });
  });

  it('lets one of two console processes on one store evaluate; the other takes over once the lease lapses, from the stored states', async () => {
    const store = await openStore({ sqlitePath: ':memory:' });
    stores.push(store);
    await store.alerts.putRule('c', rule, 'test', 0);
    const a = new AlertEngine('c', async () => store, { leaseTtlMs: 20_000 }, log);
    const b = new AlertEngine('c', async () => store, { leaseTtlMs: 20_000 }, log);
    expect(await a.onSnapshot(snapshot(0, 150), 0)).toBeDefined();
    expect(await b.onSnapshot(snapshot(0, 150), 1)).toBeUndefined();
    expect(b.last).toMatchObject({ evaluated: false });
    // a stops (no renewal); b takes the lease over after it lapsed and carries the pending alert to firing
    const taken = await b.onSnapshot(snapshot(40_000, 150), 40_000);
    expect(taken?.transitions.map((t) => `${t.from}>${t.to}`)).toEqual(['pending>firing']);
    const events = await store.alerts.events('c', { limit: 10 });
    expect(events.map((e) => `${e.from}>${e.to}`)).toEqual(['pending>firing', 'inactive>pending']);
  });
});
