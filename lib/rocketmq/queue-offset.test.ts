import { describe, expect, it } from 'vitest';
import { RemotingResponseError } from '../remoting';
import { decodeOffsetHeader } from './queue-offset';
import { fixtureVersions, loadReply } from '../../test-support/fixtures';

// SEARCH_OFFSET_BY_TIMESTAMP, GET_MAX_OFFSET, GET_MIN_OFFSET and QUERY_CONSUMER_OFFSET answer in an `offset` header.
describe.each(fixtureVersions('get-max-offset', 'LabTopic-0'))('queue offsets from %s', (version) => {
  const offset = (op: string, name: string, code: number) => decodeOffsetHeader(loadReply(op, version, name), 'fixture', code);

  it('clamps a timestamp search to the queue: epoch gives the min offset, a future time the max (4.9: the last message)', () => {
    const max = offset('get-max-offset', 'LabTopic-0', 30);
    expect(max).toBeGreaterThan(0);
    expect(offset('search-offset-by-timestamp', 'epoch', 29)).toBe(offset('get-min-offset', 'LabTopic-0', 31));
    // 4.9's getOffsetInQueueByTime stops at the last message (max - 1); 5.x answers max
    expect(offset('search-offset-by-timestamp', 'future', 29)).toBe(version.startsWith('5') ? max : max - 1);
  });

  it('reads a committed offset', () => {
    const committed = offset('query-consumer-offset', 'committed', 14);
    expect(committed).toBeGreaterThan(0);
    expect(committed).toBeLessThanOrEqual(offset('get-max-offset', 'LabTopic-0', 30));
  });

  it(version.startsWith('5') ? 'answers code 22 for a group without an offset (setZeroIfNotFound=false)' : 'answers 0 for a group without an offset while the queue starts at 0 (4.9)', () => {
    if (version.startsWith('5')) {
      expect(() => offset('query-consumer-offset', 'none', 14)).toThrow(RemotingResponseError);
      expect(loadReply('query-consumer-offset', version, 'none').code).toBe(22);
    } else {
      expect(offset('query-consumer-offset', 'none', 14)).toBe(0);
    }
  });
});
