import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumeUntilIdle, startConsumer, type RunningConsumer } from '../../../../test-support/consumer';
import { liveConsole } from '../../../../test-support/live-console';
import { consumerConnection, consumerProgress, consumerStatus, topicStatus } from '../../../../test-support/mqadmin';
import { produce } from '../../../../test-support/producer';
import { labMasters } from '../../../../test-support/reset';
import { LIVE } from '../../../../test-support/sandbox';
import { updateAndCreateTopic } from '../../../rocketmq/update-and-create-topic';
import { groupObservations, RetryTotals } from '../../alerts/collect';
import { NotFoundError } from '../../core/errors';
import { getGroupConnections } from '../connections';
import { getGroupDiagnosis, type GroupDiagnosis } from '.';

/**
 * Each cause demonstrated by real clients of the official Java client, all started at once in beforeAll: a listener
 * that fails, a slow one on one thread, two clients subscribing with different tags, two clients for one queue, and
 * a group that consumed and left before more messages came. mqadmin (consumerStatus, consumerConnection,
 * consumerProgress) is the oracle of each piece of evidence.
 */
describe(`group diagnosis live (${LIVE.version})`, () => {
  const { ctx, admin } = liveConsole({ requestTimeoutMs: 5000, fanOutDeadlineMs: 6000 });
  const run = Date.now().toString(36);
  const name = (kind: string) => ({ group: `live_cg_dx_${kind}_${run}`, topic: `LiveDx_${kind}_${run}` });
  const fail = name('fail');
  const slow = name('slow');
  const mix = name('mix');
  const idle = name('idle');
  const gone = name('gone');
  const consumers: RunningConsumer[] = [];
  // keys CUST-0 only: the e2e counts the traces of CUST-4 across every topic
  const send = (topic: string, count: number, tag = 'r') => produce(['--topic', topic, '--count', String(count), '--extras', 'false', '--run', `${tag}${run}`, '--cust-mod', '1']);

  /** A consumer that printed "started"; one whose start failed (a busy machine: the namesrv call timed out) is started again. */
  async function started(args: string[]): Promise<RunningConsumer> {
    for (let attempt = 1; ; attempt++) {
      const consumer = startConsumer(args);
      consumers.push(consumer);
      for (const until = Date.now() + 60_000; Date.now() < until; await new Promise((r) => setTimeout(r, 500))) {
        if (/^started /m.test(consumer.output())) return consumer;
        if (/Exception in thread "main"/.test(consumer.output())) break;
      }
      await consumer.stop();
      if (attempt === 3) throw new Error(`the consumer ${args.join(' ')} did not start:\n${consumer.output()}`);
    }
  }

  async function onlineClients(group: string, count: number): Promise<string[]> {
    for (const until = Date.now() + 90_000; Date.now() < until; await new Promise((r) => setTimeout(r, 1000))) {
      const clients = (await getGroupConnections(ctx, { group }).catch(() => undefined))?.clients ?? [];
      if (clients.length >= count) return clients.map((c) => c.clientId).sort();
    }
    throw new Error(`${group}: fewer than ${count} clients online after 90 s\n${consumers.map((c) => c.output()).join('\n')}`);
  }

  async function diagnosisUntil(group: string, done: (d: GroupDiagnosis) => boolean): Promise<GroupDiagnosis> {
    let d = await getGroupDiagnosis(ctx, { group });
    for (const until = Date.now() + 60_000; !done(d) && Date.now() < until; await new Promise((r) => setTimeout(r, 2000))) {
      await ctx.lag.refresh();
      d = await getGroupDiagnosis(ctx, { group });
    }
    return d;
  }

  beforeAll(async () => {
    const masters = labMasters();
    for (const t of [fail, slow, mix, gone]) for (const m of masters) await updateAndCreateTopic(admin, m.addr, { topic: t.topic, readQueueNums: 2, writeQueueNums: 2 });
    // one queue on one master: a second client has nothing to hold
    await updateAndCreateTopic(admin, masters[0]!.addr, { topic: idle.topic, readQueueNums: 1, writeQueueNums: 1 });
    await Promise.all([send(fail.topic, 6), send(slow.topic, 2), send(gone.topic, 4)]);
    // two JVMs at a time: six starting at once on two busy cores miss their namesrv calls. The gone group consumes
    // what there is and leaves beside the first pair; more messages come for it after
    // --expect: it leaves once it has all 4, however long its first rebalance takes on a busy machine
    const gone1 = consumeUntilIdle(['--group', gone.group, '--topic', gone.topic, '--expect', '4'], 60).then(() => send(gone.topic, 3, 'late'));
    await Promise.all([
      started(['--group', fail.group, '--topic', fail.topic, '--fail-keys', 'K-', '--max-reconsume', '3']),
      started(['--group', slow.group, '--topic', slow.topic, '--threads', '1', '--sleep-ms', '4000']),
    ]);
    await Promise.all([
      started(['--group', mix.group, '--topic', mix.topic, '--filter', 'TagA', '--instance', 'mix-a']),
      started(['--group', mix.group, '--topic', mix.topic, '--filter', 'TagB', '--instance', 'mix-b']),
    ]);
    await Promise.all([
      started(['--group', idle.group, '--topic', idle.topic, '--instance', 'idle-a']),
      started(['--group', idle.group, '--topic', idle.topic, '--instance', 'idle-b']),
    ]);
    await gone1;
    await Promise.all([onlineClients(fail.group, 1), onlineClients(slow.group, 1), onlineClients(mix.group, 2), onlineClients(idle.group, 2)]);
  }, 480_000);

  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.stop()));
  }, 60_000);

  it('names a group with lag and no online client, with the lag mqadmin consumerProgress counts', async () => {
    const d = await diagnosisUntil(gone.group, (x) => x.verdict === 'no-client' && x.lag === 3);
    expect(d.verdict).toBe('no-client');
    const progress = await consumerProgress(gone.group, gone.topic, false);
    expect(progress.diffTotal).toBe(3);
    expect(d.lag).toBe(progress.diffTotal);
    expect(d.causes[0]).toMatchObject({ kind: 'no-client', severity: 'critical', evidence: expect.arrayContaining([expect.objectContaining({ label: 'lag', value: '3' })]) });
    await expect(consumerConnection(gone.group, false)).rejects.toThrow();
  });

  it('names the failing client, with the failures of the last hour its consumerStatus prints and the %RETRY% topic filling', async () => {
    const [clientId] = await onlineClients(fail.group, 1);
    const d = await diagnosisUntil(fail.group, (x) => x.causes.some((c) => c.kind === 'consume-failures') && (x.causes.find((c) => c.kind === 'consume-failures')?.evidence.some((e) => e.label === 'messages in %RETRY%' && e.value !== '0') ?? false));
    const cause = d.causes.find((c) => c.kind === 'consume-failures');
    expect(cause, JSON.stringify(d)).toBeDefined();
    expect(cause!.clients).toEqual([clientId]);
    const theirs = await consumerStatus(fail.group, clientId!);
    // failed TPS is the client's average over its last minute: both reads see the failures of the redeliveries
    const theirTps = theirs.rates.reduce((n, r) => n + r.consumeFailedTPS, 0);
    const ourTps = Number(cause!.evidence.find((e) => e.label === 'failed TPS')!.value.replace('/s', ''));
    expect(theirTps).toBeGreaterThan(0);
    expect(ourTps).toBeGreaterThan(0);
    // the hour figure only grows in a group's first hour, and mqadmin read it after us
    expect(Number(cause!.evidence.find((e) => e.label === 'failed in the last hour')!.value.replace(/,/g, ''))).toBeLessThanOrEqual(theirs.rates.reduce((n, r) => n + r.consumeFailedMsgsInHour, 0));
    const retry = Number(cause!.evidence.find((e) => e.label === 'messages in %RETRY%')!.value.replace(/,/g, ''));
    expect(retry).toBeGreaterThan(0);
  });

  it('names a full consume pool and consumption slower than arrival on the one-thread slow listener', async () => {
    const [clientId] = await onlineClients(slow.group, 1);
    await ctx.lag.refresh();
    await send(slow.topic, 20, 'burst');
    await new Promise((r) => setTimeout(r, 8000));
    const d = await diagnosisUntil(slow.group, (x) => ['pool-saturated', 'slow-consumption'].every((k) => x.causes.some((c) => c.kind === k)));
    const pool = d.causes.find((c) => c.kind === 'pool-saturated');
    expect(pool, JSON.stringify(d)).toBeDefined();
    expect(pool!.clients).toEqual([clientId]);
    expect(pool!.evidence.find((e) => e.label === 'busy consume threads')!.value).toBe('1 of 1 (consumeThreadMax 1)');
    const theirs = await consumerStatus(slow.group, clientId!);
    expect(theirs.properties.consumeThreadMax).toBe('1');
    const slowCause = d.causes.find((c) => c.kind === 'slow-consumption');
    expect(slowCause, JSON.stringify(d)).toBeDefined();
    // the listener sleeps 4 s per message: its consume RT says so, as mqadmin consumerStatus prints it
    const rt = theirs.rates.find((r) => r.topic === slow.topic)!.consumeRT;
    expect(rt).toBeGreaterThanOrEqual(3500);
    expect(slowCause!.evidence.some((e) => e.label === `consume RT (${slow.topic})` && Number(e.value.split(' ')[0]) >= 3500)).toBe(true);
  });

  it('names both clients and their differing expressions when they subscribe to one topic with different tags', async () => {
    const clients = await onlineClients(mix.group, 2);
    const d = await getGroupDiagnosis(ctx, { group: mix.group });
    const cause = d.causes.find((c) => c.kind === 'subscription-mismatch');
    expect(cause, JSON.stringify(d)).toMatchObject({ severity: 'critical', clients });
    const theirs = await Promise.all(clients.map(async (clientId) => ({ clientId, sub: (await consumerStatus(mix.group, clientId)).subscriptions.find((s) => s.topic === mix.topic)!.expression })));
    expect(theirs.map((t) => t.sub).sort()).toEqual(['TagA', 'TagB']);
    expect(cause!.evidence.filter((e) => e.label === mix.topic).map((e) => ({ clientId: e.subject, sub: e.value })).sort((a, b) => a.clientId!.localeCompare(b.clientId!))).toEqual(theirs);
  });

  it('names the client holding no queue when two clients share one queue, as consumerStatus shows it', async () => {
    const clients = await onlineClients(idle.group, 2);
    const d = await diagnosisUntil(idle.group, (x) => x.causes.some((c) => c.kind === 'idle-clients'));
    const cause = d.causes.find((c) => c.kind === 'idle-clients');
    expect(cause, JSON.stringify(d)).toBeDefined();
    const held = await Promise.all(clients.map(async (clientId) => ({ clientId, queues: (await consumerStatus(idle.group, clientId)).offsets.filter((o) => o.topic === idle.topic).length })));
    expect(held.map((h) => h.queues).sort()).toEqual([0, 1]);
    expect(cause!.clients).toEqual(held.filter((h) => h.queues === 0).map((h) => h.clientId));
    expect(cause!.title).toContain('2 clients for 1 queue');
  });

  // its own waits (90 s for the first steady snapshot, 120 s for a redelivery) pass the default 120 s on a busy machine
  it('measures the failing group\'s consume failures per minute from its %RETRY% topic, with the totals mqadmin topicStatus counts', async () => {
    const retryTopic = `%RETRY%${fail.group}`;
    const theirs = async () => (await topicStatus(retryTopic, LIVE, false)).reduce((n, r) => n + r.maxOffset, 0);
    const totals = new RetryTotals();
    /** A snapshot whose %RETRY% total mqadmin read the same just before and just after it (no redelivery in between). */
    const steadySnapshot = async () => {
      for (let attempt = 0; ; attempt++) {
        const before = await theirs();
        const snapshot = await ctx.lag.refresh();
        const after = await theirs();
        const ours = snapshot.groups.find((g) => g.group === fail.group)!.queues.sumBrokerOffsets(retryTopic).sum;
        if (before === after || attempt === 5) return { snapshot, ours, theirs: after, steady: before === after };
      }
    };
    // the console sees the %RETRY% queues once the group committed an offset on them (it consumes its redeliveries)
    let first = await steadySnapshot();
    for (const until = Date.now() + 90_000; (first.ours === 0 || first.ours !== first.theirs) && Date.now() < until; first = await steadySnapshot()) await new Promise((r) => setTimeout(r, 2000));
    expect(groupObservations(ctx.name, first.snapshot, new Map(), { totals, keep: true }).find((o) => o.kind === 'failure-rate' && o.subject === fail.group)?.unknown).toBe('the failure rate needs two snapshots');
    // the listener fails every message; each comes back through %RETRY% after its delay level (10 s, 30 s, 1 min)
    let second = first;
    for (const until = Date.now() + 120_000; second.theirs === first.theirs && Date.now() < until; ) {
      await new Promise((r) => setTimeout(r, 3000));
      second = await steadySnapshot();
    }
    const rate = groupObservations(ctx.name, second.snapshot, new Map(), { totals, keep: true }).find((o) => o.kind === 'failure-rate' && o.subject === fail.group)!;
    expect(second.theirs).toBeGreaterThan(first.theirs);
    expect(rate.value, rate.unknown).toBeGreaterThan(0);
    if (first.steady && second.steady) {
      expect([first.ours, second.ours]).toEqual([first.theirs, second.theirs]);
      expect(rate.value).toBeCloseTo(((second.theirs - first.theirs) / (second.snapshot.asOf - first.snapshot.asOf)) * 60_000, 6);
    }
    // a group whose listener never fails: 0 failures per minute, a number and not unknown
    let mixRate = groupObservations(ctx.name, second.snapshot, new Map(), { totals, keep: true }).find((o) => o.kind === 'failure-rate' && o.subject === mix.group)!;
    // a snapshot a broker was late for leaves the figure unknown (and no baseline): the next one has it
    for (let i = 0; i < 3 && mixRate.value === undefined; i++) mixRate = groupObservations(ctx.name, await ctx.lag.refresh(), new Map(), { totals, keep: true }).find((o) => o.kind === 'failure-rate' && o.subject === mix.group)!;
    expect(mixRate.value, mixRate.unknown).toBe(0);
  }, 300_000);

  it('finds nothing wrong with a healthy caught-up group, and answers 404 for a group no broker knows', async () => {
    const d = await getGroupDiagnosis(ctx, { group: 'lab_cg_online' });
    expect(d.causes.filter((c) => c.severity !== 'info'), JSON.stringify(d.causes)).toEqual([]);
    expect(d.clients).toBe((await consumerConnection('lab_cg_online', false)).clients.length);
    await expect(getGroupDiagnosis(ctx, { group: `no_such_group_${run}` })).rejects.toBeInstanceOf(NotFoundError);
  });
});
