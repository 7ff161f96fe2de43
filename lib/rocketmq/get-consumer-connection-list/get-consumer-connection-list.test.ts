import { describe, expect, it } from 'vitest';
import { fixtureVersions, loadReply } from '../../../test-support/fixtures';
import { decodeConsumerConnection } from '.';

describe.each(fixtureVersions('get-consumer-connection-list', 'clustering'))('GET_CONSUMER_CONNECTION_LIST from %s', (version) => {
  it('decodes an online clustering group with its retry subscription', () => {
    const cc = decodeConsumerConnection(loadReply('get-consumer-connection-list', version, 'clustering'))!;
    expect(cc).toMatchObject({ consumeType: 'CONSUME_PASSIVELY', messageModel: 'CLUSTERING', consumeFromWhere: 'CONSUME_FROM_FIRST_OFFSET' });
    expect(cc.connections).toHaveLength(1);
    expect(cc.connections[0]).toMatchObject({ language: 'JAVA', clientId: expect.stringContaining('lab_cg_online') });
    expect(cc.subscriptions.map((s) => [s.topic, s.expressionType, s.subString])).toEqual([['%RETRY%lab_cg_online', 'TAG', '*'], ['LabTopic', 'TAG', '*']]);
  });

  it('decodes a broadcasting group', () => {
    const cc = decodeConsumerConnection(loadReply('get-consumer-connection-list', version, 'broadcasting'))!;
    expect(cc.messageModel).toBe('BROADCASTING');
    expect(cc.subscriptions.map((s) => s.topic)).toContain('LabTopic');
  });

  it('gives undefined for an offline group (code 206)', () => {
    const reply = loadReply('get-consumer-connection-list', version, 'offline');
    expect(reply.code).toBe(206);
    expect(decodeConsumerConnection(reply)).toBeUndefined();
  });
});
