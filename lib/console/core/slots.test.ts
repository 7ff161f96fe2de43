import { describe, expect, it } from 'vitest';
import { Slots, TooBusyError } from './slots';

describe('slots for heavy work', () => {
  it('runs up to the limit at once, queues the next in order, and refuses past the queue with a 429 naming the limit', async () => {
    const slots = new Slots({ limit: 2, maxWaiting: 1, maxWaitMs: 1000, what: 'range scans' });
    const a = await slots.acquire();
    const b = await slots.acquire();
    expect(slots.running).toBe(2);
    const order: string[] = [];
    const c = slots.acquire().then((release) => (order.push('c'), release));
    const refused = await slots.acquire().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TooBusyError);
    expect(refused).toMatchObject({ status: 429, message: expect.stringMatching(/^2 range scans are running and 1 waiting/) });
    a();
    a(); // a second release of the same slot is a no-op
    const releaseC = await c;
    expect(order).toEqual(['c']);
    expect(slots.running).toBe(2);
    b();
    releaseC();
    expect([slots.running, slots.queued]).toEqual([0, 0]);
  });

  it('refuses a caller that waited longer than the bound, and forgets one whose client left', async () => {
    const slots = new Slots({ limit: 1, maxWaiting: 5, maxWaitMs: 50, what: 'range scans' });
    const held = await slots.acquire();
    await expect(slots.acquire()).rejects.toMatchObject({ status: 429, message: expect.stringMatching(/waited/) });
    const gone = new AbortController();
    const waiting = slots.acquire(gone.signal).catch((e: unknown) => e);
    gone.abort();
    expect(await waiting).toBeInstanceOf(Error);
    expect(slots.queued).toBe(0);
    held();
    expect(slots.running).toBe(0);
  });
});
