import { describe, expect, it } from 'vitest';
import { decodeConsumerRunningInfo } from '../../rocketmq/get-consumer-running-info';
import { parseJstack } from '../../rocketmq/get-consumer-running-info/jstack';
import { fixtureVersions, loadReply } from '../../../test-support/fixtures';
import { BadInputError } from '../core/errors';
import { checkClientId, viewThreads } from './stacks';

describe.each(fixtureVersions('get-consumer-running-info', 'jstack'))('a client thread dump from %s, as the group page orders it', (version) => {
  const threads = parseJstack(decodeConsumerRunningInfo(loadReply('get-consumer-running-info', version, 'jstack')).jstack!);

  it('counts consume threads, idle ones waiting in the pool for their next task, and every thread per state', () => {
    const view = viewThreads(threads);
    const pool = view.threads.filter((t) => t.consumeThread);
    expect(pool).toHaveLength(20);
    expect(view.consumeThreads).toEqual({ total: 20, busy: pool.filter((t) => !t.frames.some((f) => f.includes('ThreadPoolExecutor.getTask('))).length });
    expect(Object.values(view.states).reduce((a, b) => a + b, 0)).toBe(threads.length);
    // consume threads first, then the rest: RUNNABLE before the waiting ones
    const firstOther = view.threads.findIndex((t) => !t.consumeThread);
    expect(view.threads.slice(firstOther).every((t) => !t.consumeThread)).toBe(true);
    const order = ['RUNNABLE', 'BLOCKED', 'WAITING', 'TIMED_WAITING'];
    const ranks = view.threads.slice(firstOther).map((t) => order.indexOf(t.state));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('puts a consume thread inside the listener first, as busy', () => {
    const stuck = threads.find((t) => t.name.startsWith('ConsumeMessageThread_'))!;
    const inListener = { ...stuck, state: 'TIMED_WAITING', frames: ['java.base@17.0.15/java.lang.Thread.sleep(Native Method)', 'app//Consumer.lambda$newConsumer$2(Consumer.java:118)', ...stuck.frames.slice(-3)] };
    const view = viewThreads([...threads.filter((t) => t !== stuck), inListener]);
    expect(view.threads[0]).toMatchObject({ name: stuck.name, consumeThread: true, busy: true });
    expect(view.consumeThreads.busy).toBeGreaterThanOrEqual(1);
  });
});

describe('checkClientId', () => {
  it('refuses a blank id, one over 255 characters and control characters, naming the field', () => {
    for (const bad of ['', '   ', 'x'.repeat(256), 'a\nb', 'a\u0000b']) expect(() => checkClientId(bad)).toThrow(BadInputError);
    expect(() => checkClientId('192.0.2.2@lab_cg_online-online')).not.toThrow();
  });
});
