import { describe, expect, it } from 'vitest';
import { fixtureVersions, loadReply } from '../../../test-support/fixtures';
import { decodeConsumeTimeSpan } from '.';

describe.each(fixtureVersions('query-consume-time-span', 'lagging'))('QUERY_CONSUME_TIME_SPAN from %s', (version) => {
  it('gives the age of the oldest unconsumed message of a lagging group per queue', () => {
    const spans = decodeConsumeTimeSpan(loadReply('query-consume-time-span', version, 'lagging'));
    expect(spans.map((s) => s.queueId)).toEqual([0, 1, 2, 3]);
    for (const s of spans) {
      expect(s.maxTimeStamp).toBeGreaterThanOrEqual(s.consumeTimeStamp);
      expect(s.consumeTimeStamp).toBeGreaterThanOrEqual(s.minTimeStamp);
    }
    expect(spans.some((s) => s.delayTime > 0)).toBe(true);
  });

  it('reports no delay for a group that has consumed everything', () => {
    expect(decodeConsumeTimeSpan(loadReply('query-consume-time-span', version, 'caught-up')).every((s) => s.delayTime === 0)).toBe(true);
  });
});
