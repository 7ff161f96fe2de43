import { describe, expect, it } from 'vitest';
import { versionDesc } from '../../rocketmq/mq-version';
import { producerConnection, producersOfBroker } from '../../../test-support/mqadmin';
import { LIVE } from '../../../test-support/sandbox';
import { liveConsole } from '../../../test-support/live-console';
import { listProducers } from './list';

// online-consumers.sh keeps the producer group lab_pg_online connected (to LabOrderTopic's masters), sending nothing
describe(`producers (${LIVE.version})`, () => {
  const { ctx } = liveConsole();

  it('lists every producer connection mqadmin producer -b prints on each master, merged per group and client', async () => {
    const [list, a, b] = await Promise.all([listProducers(ctx), producersOfBroker(LIVE.brokerAMaster), producersOfBroker(LIVE.brokerBMaster)]);
    expect(list.failures).toEqual([]);
    expect(list.unsupported).toEqual([]);
    // every channel: group, client, master, the address the master sees, language, version
    const theirs = [...a.map((r) => ({ ...r, brokerName: 'broker-a' })), ...b.map((r) => ({ ...r, brokerName: 'broker-b' }))]
      .map((r) => [r.group, r.clientId, r.brokerName, r.remoteAddr, r.language, versionDesc(r.version)].join(' '))
      .sort();
    const ours = list.groups
      .flatMap((g) => g.clients.flatMap((c) => c.connections.map((x) => [g.group, c.clientId, x.brokerName, x.remoteAddr, c.language, c.version].join(' '))))
      .sort();
    expect(theirs.length).toBeGreaterThan(0);
    // a client that connects or leaves between the reads is in one list only: all but a few channels must match
    const matched = theirs.filter((t) => ours.includes(t));
    expect(matched.length, `ours:\n${ours.join('\n')}\ntheirs:\n${theirs.join('\n')}`).toBeGreaterThanOrEqual(theirs.length - 2);
    expect(matched.length).toBeGreaterThanOrEqual(ours.length - 2);
    const online = list.groups.find((g) => g.group === 'lab_pg_online')!;
    expect(online.inner).toBe(false);
    expect(list.groups.find((g) => g.group === 'CLIENT_INNER_PRODUCER')!.inner).toBe(true);
    // application groups first
    expect(list.groups.findIndex((g) => g.inner)).toBeGreaterThan(list.groups.findIndex((g) => g.group === 'lab_pg_online'));
  });

  it('shows lab_pg_online\'s client as mqadmin producerConnection does: id, address, language, version', async () => {
    const [list, theirs] = await Promise.all([listProducers(ctx), producerConnection('lab_pg_online', 'LabOrderTopic')]);
    const ours = list.groups.find((g) => g.group === 'lab_pg_online')!.clients;
    expect(theirs).toHaveLength(1);
    expect(ours.map((c) => [c.clientId, c.language, c.version])).toEqual(theirs.map((c) => [c.clientId, c.language, c.version]));
    // mqadmin asks one broker of the topic: its address is that broker's channel, one of ours
    expect(ours[0]!.connections.map((x) => x.remoteAddr)).toContain(theirs[0]!.clientAddr);
    expect(ours[0]!.connections.map((x) => x.brokerName)).toEqual(['broker-a', 'broker-b']);
    expect(Date.now() - ours[0]!.lastHeartbeat).toBeLessThan(120_000);
  });
});
