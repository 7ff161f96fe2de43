import { describe, expect, it } from 'vitest';
import { parsePutLatency, storageWarnings, type BrokerStorage } from './overview';

describe('storage figures', () => {
  it('reads the put-latency buckets as the broker prints them, and none before a 4.9 broker\'s first put', () => {
    expect(parsePutLatency('[<=0ms]:3 [0~10ms]:1 [10s~]:0 ')).toEqual([{ range: '<=0ms', count: 3 }, { range: '0~10ms', count: 1 }, { range: '10s~', count: 0 }]);
    expect(parsePutLatency('null')).toBeUndefined();
    expect(parsePutLatency(undefined)).toBeUndefined();
  });

  it('warns by the broker\'s own limits, the strictest one passed first', () => {
    const base: BrokerStorage = { brokerName: 'b', brokerId: 0, addr: 'h:1', diskMaxUsedSpaceRatio: 75, diskSpaceCleanForciblyRatio: 0.85, diskSpaceWarningLevelRatio: 0.9, warnings: [] };
    expect(storageWarnings({ ...base, commitLogDiskRatio: 0.5, consumeQueueDiskRatio: 0.5 })).toEqual([]);
    expect(storageWarnings({ ...base, commitLogDiskRatio: 0.8 })).toEqual([expect.stringContaining('diskMaxUsedSpaceRatio 75%')]);
    expect(storageWarnings({ ...base, consumeQueueDiskRatio: 0.86 })).toEqual([expect.stringContaining('diskSpaceCleanForciblyRatio 85%')]);
    expect(storageWarnings({ ...base, commitLogDiskRatio: 0.95 })).toEqual([expect.stringContaining('refuses new messages')]);
    expect(storageWarnings({ ...base, dispatchBehindBytes: 64 * 1024 * 1024 })).toEqual([expect.stringContaining('not yet dispatched')]);
  });
});
