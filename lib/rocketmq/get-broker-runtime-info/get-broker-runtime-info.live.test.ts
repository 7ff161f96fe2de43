import { describe, expect, it } from 'vitest';
import { brokerStatus } from '../../../test-support/mqadmin';
import { LIVE } from '../../../test-support/sandbox';
import { livePool } from '../../../test-support/live';
import { getBrokerRuntimeInfo } from '.';

// Values fixed while the broker runs: versions, thread pool capacities, boot and first-message times.
const FIXED = /^(brokerVersion|brokerVersionDesc|brokerActive|bootTimestamp|commitLogMinOffset|earliestMessageTimeStamp|startAcceptSendRequestTimeStamp|remainTransientStoreBufferNumbs)$|ThreadPoolQueueCapacity$/;
// Counters that only grow (totals, maxima, offsets, "morning" snapshots that move on at midnight): ours read before
// mqadmin's may only be lower or equal, ours read after may only be higher or equal.
const GROWING = /^(commitLogMaxOffset|msg(Get|Put)Total(Today|Yesterday)(Now|Morning)|putMessage(SizeTotal|TimesTotal|FailedTimes|EntireTimeMax)|getMessageEntireTimeMax)$/;
// "offset,max" per delay level: both grow
const SCHEDULE = /^scheduleMessageOffset_\d+$/;
// The rest move both ways on their own (TPS windows, latencies, queue sizes and waits, disk ratios, runtime): by key only.

const numbers = (value: string | undefined) => (value ?? '').split(',').map(Number);

describe(`GET_BROKER_RUNTIME_INFO live (${LIVE.version})`, () => {
  const pool = livePool();

  it.each([LIVE.brokerAMaster, LIVE.brokerASlave, LIVE.brokerBMaster])('answers what mqadmin brokerStatus prints for %s', async (addr) => {
    const before = await getBrokerRuntimeInfo(pool, addr);
    const theirs = await brokerStatus(addr, false);
    const after = await getBrokerRuntimeInfo(pool, addr);
    expect(Object.keys(after).sort()).toEqual(Object.keys(theirs).sort());
    const keys = Object.keys(theirs);
    const fixed = keys.filter((k) => FIXED.test(k));
    const growing = keys.filter((k) => GROWING.test(k) || SCHEDULE.test(k));
    // 7 fixed values and the capacities of 4 thread pools (5.x adds ack and lite-pull); 12 counters (and the
    // schedule offsets of the masters)
    expect(fixed.length).toBeGreaterThanOrEqual(LIVE.isV5 ? 13 : 11);
    expect(growing.length).toBeGreaterThanOrEqual(12);
    for (const key of fixed) {
      expect(before[key], key).toBe(theirs[key]);
      expect(after[key], key).toBe(theirs[key]);
    }
    for (const key of growing) {
      const [lo, mid, hi] = [numbers(before[key]), numbers(theirs[key]), numbers(after[key])];
      expect(mid.length, key).toBe(lo.length);
      mid.forEach((n, i) => {
        expect(Number.isFinite(n), `${key} ${theirs[key]}`).toBe(true);
        expect(lo[i], `${key} before`).toBeLessThanOrEqual(n);
        expect(hi[i], `${key} after`).toBeGreaterThanOrEqual(n);
      });
    }
    expect(after.brokerVersionDesc).toBe(`V${LIVE.version.replaceAll('.', '_')}`);
  });
});
