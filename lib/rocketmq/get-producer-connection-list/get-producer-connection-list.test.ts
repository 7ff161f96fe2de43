import { describe, expect, it } from 'vitest';
import { fixtureVersions, loadReply } from '../../../test-support/fixtures';
import { decodeProducerConnection } from '.';

describe.each(fixtureVersions('get-producer-connection-list', 'online'))('GET_PRODUCER_CONNECTION_LIST from %s', (version) => {
  it('decodes the connection of a producer group that stays connected', () => {
    const connections = decodeProducerConnection(loadReply('get-producer-connection-list', version, 'online'))!;
    expect(connections).toHaveLength(1);
    expect(connections[0]).toMatchObject({ language: 'JAVA', clientAddr: expect.stringMatching(/^127\.0\.0\.1:\d+$/), version: expect.any(Number) });
    expect(connections[0]!.clientId).toMatch(/@/);
    expect(connections[0]!.version).toBeGreaterThan(0);
  });

  it('gives undefined for a group without a channel on the broker (code 1, "not exist")', () => {
    const reply = loadReply('get-producer-connection-list', version, 'unknown-group');
    expect(reply.code).toBe(1);
    expect(reply.remark).toMatch(/no_such_producer_group/);
    expect(decodeProducerConnection(reply)).toBeUndefined();
  });
});
