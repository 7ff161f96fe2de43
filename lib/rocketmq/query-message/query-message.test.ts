import { describe, expect, it } from 'vitest';
import { fixtureVersions, loadReply } from '../../../test-support/fixtures';
import { decodeQueryMessage, matchesKey, MAX_QUERY_NUM, queryMessageRequest } from '.';

describe('QUERY_MESSAGE request', () => {
  it('always sends _UNIQUE_KEY_QUERY, and every number as text', () => {
    expect(queryMessageRequest({ topic: 'T', key: 'k', beginTimestamp: 1, endTimestamp: 2 }).extFields).toEqual({
      topic: 'T', key: 'k', maxNum: String(MAX_QUERY_NUM), beginTimestamp: '1', endTimestamp: '2', _UNIQUE_KEY_QUERY: 'false',
    });
    expect(queryMessageRequest({ topic: 'T', key: 'k', uniqueKey: true }).extFields!._UNIQUE_KEY_QUERY).toBe('true');
  });
});

describe.each(fixtureVersions('query-message', 'key'))('QUERY_MESSAGE from %s', (version) => {
  it('gives the messages of one broker whose KEYS hold the key, and where its index stands', () => {
    const result = decodeQueryMessage(loadReply('query-message', version, 'key'));
    // the index is a hash table: a colliding record would come back too, and matchesKey would drop it
    expect(result.messages.filter((m) => matchesKey(m, 'CUST-2', false, 'LabTopic')).length).toBeGreaterThan(1);
    expect(new Set(result.messages.map((m) => m.storeHost)).size).toBe(1);
    expect(result.indexLastUpdateTimestamp).toBeGreaterThanOrEqual(Math.max(...result.messages.map((m) => m.storeTimestamp)));
    expect(result.indexLastUpdatePhyoffset).toBeGreaterThanOrEqual(Math.max(...result.messages.map((m) => m.commitLogOffset)));
  });

  it('finds one message by its UNIQ_KEY', () => {
    const [m, ...others] = decodeQueryMessage(loadReply('query-message', version, 'unique-key')).messages;
    expect(matchesKey(m!, m!.uniqKey!, true)).toBe(true);
    expect(others.filter((o) => matchesKey(o, m!.uniqKey!, true))).toEqual([]);
    expect(matchesKey(m!, m!.offsetMsgId, true)).toBe(false);
  });

  it('answers a miss (code 22) as an empty result with the index position', () => {
    const reply = loadReply('query-message', version, 'not-found');
    expect(reply.code).toBe(22);
    expect(decodeQueryMessage(reply)).toEqual({ messages: [], indexLastUpdateTimestamp: expect.any(Number), indexLastUpdatePhyoffset: expect.any(Number) });
  });

  it('leaves hash collisions to matchesKey: another key, topic or id does not match', () => {
    const [m] = decodeQueryMessage(loadReply('query-message', version, 'key')).messages;
    expect(matchesKey(m!, 'CUST-2', false, 'OtherTopic')).toBe(false);
    expect(matchesKey(m!, 'CUST-', false)).toBe(false);
    expect(matchesKey(m!, 'CUST-2', true)).toBe(false);
  });
});
