import { describe, expect, it } from 'vitest';
import { consumerConnection, consumerThreads } from '../../../test-support/mqadmin';
import { LIVE } from '../../../test-support/sandbox';
import { liveConsole } from '../../../test-support/live-console';
import { startConsumer } from '../../../test-support/consumer';
import { produce } from '../../../test-support/producer';
import { labMasters } from '../../../test-support/reset';
import { updateAndCreateTopic } from '../../rocketmq/update-and-create-topic';
import { BadInputError, NotFoundError } from '../core/errors';
import { getGroupConnections } from './connections';
import { getClientStacks } from './stacks';

describe(`a client's thread stacks live (${LIVE.version})`, () => {
  const { ctx, admin } = liveConsole({ requestTimeoutMs: 5000 });

  it('has the threads mqadmin consumerStatus -s prints for a client of lab_cg_online, its consume pool counted against its maximum', async () => {
    const clientId = (await consumerConnection('lab_cg_online', false)).clients[0]!.clientId;
    const [ours, theirs] = await Promise.all([getClientStacks(ctx, { group: 'lab_cg_online', clientId }), consumerThreads('lab_cg_online', clientId)]);
    // two dumps taken moments apart: the pool threads are the same ones; states may differ
    const pool = (threads: Array<{ name: string; tid: number }>) => threads.filter((t) => t.name.startsWith('ConsumeMessageThread_')).map((t) => `${t.tid} ${t.name}`).sort();
    expect(pool(theirs).length).toBeGreaterThan(0);
    expect(pool(ours.threads)).toEqual(pool(theirs));
    expect(Math.abs(ours.threads.length - theirs.length), `ours ${ours.threads.length}, mqadmin ${theirs.length}`).toBeLessThanOrEqual(3);
    expect(ours.consumeThreads.total).toBe(pool(theirs).length);
    expect(ours.consumeThreads.max).toBe(20); // Consumer.java --threads 20
    expect(Object.values(ours.states).reduce((a, b) => a + b, 0)).toBe(ours.threads.length);
    expect(ours.threads.every((t) => t.frames.length > 0 && /^[A-Z_]+$/.test(t.state))).toBe(true);
  });

  it('puts consume threads stuck in a slow listener first, as busy, with the listener in their frames', async () => {
    const suffix = Date.now().toString(36);
    const [group, topic] = [`live_cg_stacks_${suffix}`, `LiveStacksTopic_${suffix}`];
    for (const m of labMasters()) await updateAndCreateTopic(admin, m.addr, { topic, readQueueNums: 2, writeQueueNums: 2 });
    // keys CUST-0 only: the e2e counts the traces of CUST-4 across every topic
    await produce(['--topic', topic, '--count', '6', '--extras', 'false', '--run', 'st', '--cust-mod', '1']);
    // each message holds its thread for a minute: 2 threads, both inside the listener
    const consumer = startConsumer(['--group', group, '--topic', topic, '--threads', '2', '--sleep-ms', '60000']);
    try {
      let clientId: string | undefined;
      for (const until = Date.now() + 90_000; !clientId && Date.now() < until; await new Promise((r) => setTimeout(r, 1000))) {
        clientId = (await getGroupConnections(ctx, { group }).catch(() => undefined))?.clients[0]?.clientId;
      }
      expect(clientId, consumer.output()).toBeDefined();
      let stacks = await getClientStacks(ctx, { group, clientId: clientId! });
      for (const until = Date.now() + 30_000; stacks.consumeThreads.busy < 2 && Date.now() < until; await new Promise((r) => setTimeout(r, 1000))) {
        stacks = await getClientStacks(ctx, { group, clientId: clientId! });
      }
      expect(stacks.consumeThreads).toEqual({ total: 2, busy: 2, max: 2 });
      const [first, second] = stacks.threads;
      for (const t of [first!, second!]) {
        expect(t).toMatchObject({ consumeThread: true, busy: true, state: 'TIMED_WAITING' });
        expect(t.frames[0]).toMatch(/Thread\.sleep/);
        expect(t.frames.some((f) => /\bConsumer\.lambda\$newConsumer\$\d+\(Consumer\.java:\d+\)/.test(f)), t.frames.join('\n')).toBe(true);
      }
      expect(stacks.threads.slice(2).every((t) => !t.busy)).toBe(true);
    } finally {
      await consumer.stop();
    }
  });

  it('answers 404 for a client that is not online, 404 for an unknown group and 400 for a malformed client id', async () => {
    await expect(getClientStacks(ctx, { group: 'lab_cg_online', clientId: '127.0.0.9@gone' })).rejects.toMatchObject({ field: 'clientId', message: expect.stringContaining('not an online client') });
    await expect(getClientStacks(ctx, { group: 'lab_cg_online', clientId: '127.0.0.9@gone' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getClientStacks(ctx, { group: 'no_such_group_stacks', clientId: 'x@y' })).rejects.toMatchObject({ field: 'group' });
    await expect(getClientStacks(ctx, { group: 'lab_cg_online', clientId: 'a\u0000b' })).rejects.toBeInstanceOf(BadInputError);
    await expect(getClientStacks(ctx, { group: 'lab_cg_online', clientId: '  ' })).rejects.toMatchObject({ field: 'clientId' });
  });
});
