import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { consumerConfig, consumerProgressAll, topicList } from '../../../test-support/mqadmin';
import { isPopPhantom, LIVE, popGroupsOf } from '../../../test-support/sandbox';
import { LOCAL_PRINCIPAL } from '../auth/principal';
import { createConsole } from '../console';
import { readSettings } from '../core/config';
import { isSystemGroup } from '../core/names';
import { getHome } from './home';

/** A namesrv that accepts connections and never answers: a cluster that is slow rather than down. */
async function silentServer(): Promise<{ addr: string; close: () => void }> {
  const sockets: net.Socket[] = [];
  const server = net.createServer((s) => void sockets.push(s));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return { addr: `127.0.0.1:${port}`, close: () => (sockets.forEach((s) => s.destroy()), server.close()) };
}

describe(`every cluster at a glance (${LIVE.version})`, () => {
  it('reads the live cluster while a refused and a silent cluster are each named with their error, within the deadline', async () => {
    const silent = await silentServer();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'home-'));
    const file = path.join(dir, 'clusters.json');
    writeFileSync(file, JSON.stringify({ clusters: [{ name: 'live', namesrv: LIVE.namesrv }, { name: 'refused', namesrv: '127.0.0.1:9' }, { name: 'silent', namesrv: silent.addr }] }));
    const app = createConsole(readSettings({ CONSOLE_CONFIG: file, DATA_DIR: dir, LOG_LEVEL: 'silent', RMQ_REQUEST_TIMEOUT_MS: '1000', RMQ_FANOUT_DEADLINE_MS: '1500' }));
    afterAll(async () => {
      silent.close();
      await app.close();
    });

    const started = Date.now();
    const first = await getHome(app, LOCAL_PRINCIPAL);
    expect(Date.now() - started).toBeLessThan(3500);
    const byName = new Map(first.clusters.map((c) => [c.name, c]));
    expect([...byName.keys()]).toEqual(['live', 'refused', 'silent']);
    expect(byName.get('live')).toMatchObject({ role: 'admin', brokers: { total: 3, masters: 2, up: 3, down: [] } });
    expect(byName.get('live')!.brokers!.versions).toEqual([LIVE.isV5 ? 'V5_5_0' : 'V4_9_8']);
    // no snapshot yet: lag is unknown, not 0
    expect(byName.get('live')!.lag).toBeUndefined();
    expect(byName.get('refused')!.error).toMatch(/namesrv \(127\.0\.0\.1:9\) is unreachable/);
    expect(byName.get('silent')!.error).toMatch(/did not answer/);
    expect(byName.get('silent')!.brokers).toBeUndefined();

    // once the live cluster's snapshot is in, its total lag and worst groups equal mqadmin consumerProgress
    const snapshot = await app.cluster('live').lag.refresh();
    const [second, theirs, topics] = await Promise.all([getHome(app, LOCAL_PRINCIPAL), consumerProgressAll(false), topicList()]);
    const lag = second.clusters.find((c) => c.name === 'live')!.lag!;
    // 5.x: the proxy's gRPC groups consume by POP, which mqadmin consumerProgress cannot list (popGroupsOf): their lag
    // is taken from our snapshot here, and held against mqadmin brokerConsumeStats in proxies.live.test.ts
    const POP_GROUPS = popGroupsOf(LIVE);
    const listedByMqadmin = theirs.filter((r) => !isSystemGroup(r.group) && !isPopPhantom(r.group, LIVE));
    const popRows = snapshot.groups.filter((g) => POP_GROUPS.includes(g.group)).map((g) => ({ group: g.group, diffTotal: g.lag }));
    expect(popRows).toHaveLength(POP_GROUPS.length);
    expect(listedByMqadmin.length).toBeGreaterThan(3);
    // the two lists differ by construction: mqadmin lists the groups that have a %RETRY% topic, the console those
    // with a subscription config. Groups made by config alone (say, an earlier suite's batch creation) are the
    // console's only: each must lack that topic, exist as mqadmin getConsumerConfig shows, and hold no offset.
    // Groups whose config was deleted (their retry topic stays) are mqadmin's only: no master may hold a config.
    const ours = new Set(snapshot.groups.filter((g) => !g.system && !POP_GROUPS.includes(g.group)).map((g) => g.group));
    const listed = new Set(listedByMqadmin.map((r) => r.group));
    const oursOnly = snapshot.groups.filter((g) => !g.system && !listed.has(g.group) && !POP_GROUPS.includes(g.group));
    for (const g of oursOnly) {
      expect(topics, `${g.group} has a retry topic, yet mqadmin consumerProgress leaves it out`).not.toContain(`%RETRY%${g.group}`);
      expect((await consumerConfig(g.group))[0], g.group).toMatchObject({ groupName: g.group });
      expect([g.lag, g.topics], g.group).toEqual([0, []]);
    }
    for (const r of listedByMqadmin.filter((x) => !ours.has(x.group))) {
      expect(await consumerConfig(r.group).catch(() => []), `${r.group} has a config, yet the console does not list it`).toEqual([]);
    }
    const userGroups = [...listedByMqadmin.filter((r) => ours.has(r.group)), ...popRows];
    expect(lag.groups).toBe(userGroups.length + oursOnly.length);
    expect(lag.total).toBe(userGroups.reduce((n, r) => n + r.diffTotal, 0));
    const expectedWorst = userGroups.filter((r) => r.diffTotal > 0).sort((a, b) => b.diffTotal - a.diffTotal || (a.group < b.group ? -1 : 1)).slice(0, 5);
    expect(expectedWorst.length).toBeGreaterThan(0);
    expect(lag.worstByLag.map((g) => [g.group, g.lag])).toEqual(expectedWorst.map((r) => [r.group, r.diffTotal]));
    expect(lag.worstByAge.length).toBeGreaterThan(0);
    expect(lag.worstByAge.every((g, i, all) => i === 0 || all[i - 1]!.lagAgeMs! >= g.lagAgeMs!)).toBe(true);
  });
});
