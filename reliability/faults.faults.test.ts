import { afterAll, describe, expect, it } from 'vitest';
import { startConsole, type ConsoleServer } from '../test-support/console-server';
import { DEFAULT_PORTS, LIVE, testPort } from '../test-support/sandbox';
import { faultFigures } from './faults';

// npm test runs this last on the 5.5.0 sandbox (after e2e, before it is stopped): it kills and freezes the
// sandbox's own processes, so nothing else may use the sandbox meanwhile. `npm run reliability` runs the same on
// a sandbox of its own.
describe(`faults on RocketMQ ${LIVE.version}: a broker killed, a broker frozen, the namesrv killed`, () => {
  let server: ConsoleServer | undefined;
  afterAll(async () => server?.stop());

  it('answers every call within its deadline naming what failed, recovers, and loses no audit row', async () => {
    server = await startConsole(LIVE.namesrv, testPort(DEFAULT_PORTS.faultsConsole), { CONSOLE_BACKGROUND: 'on' });
    const figures = await faultFigures(LIVE, `${server.url}/api/clusters/default`, {}, (line) => console.log(line));
    for (const c of figures.calls) console.log(`${c.held ? 'held' : 'FAILED'} ${c.fault} / ${c.call}: HTTP ${c.status} in ${c.ms} ms (deadline ${c.deadlineMs}), ${c.complete ? 'complete' : c.named ? 'names it' : 'does not name it'}${c.held ? '' : `: ${c.detail}`}`);
    expect(figures.faults).toBe(3);
    // 8 calls per fault: the group list, a group page, a key lookup, a trace, a range scan, two previews, a reset
    expect(figures.calls).toHaveLength(3 * 8);
    expect(figures.calls.filter((c) => !c.held)).toEqual([]);
    // the broker faults leave their mark (the namesrv's may not: the console knows the brokers already)
    expect(figures.calls.filter((c) => c.fault !== 'SIGKILL namesrv' && c.named).length).toBeGreaterThan(8);
    expect(figures.recoveryMs.every((r) => r.ms !== null)).toBe(true);
    // a reset applied while a broker is down or frozen runs on the others (and its audit entry says so); while the
    // namesrv is down it is refused before anything is written or sent (no broker list to check the plan against)
    expect(figures.resets.applied).toBeGreaterThanOrEqual(2);
    expect(figures.resets).toMatchObject({ auditWithOutcome: figures.resets.applied, auditLost: 0, restored: true, problems: [] });
  }, 900_000);
});
