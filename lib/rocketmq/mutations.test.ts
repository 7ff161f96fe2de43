import { describe, expect, it } from 'vitest';
import { decodeResetOffset } from './invoke-broker-to-reset-offset';
import { fixtureVersions, loadReply } from '../../test-support/fixtures';
import { decodeUpdateConsumerOffset } from './update-consumer-offset';

describe.each(fixtureVersions('update-consumer-offset', 'commit'))('admin mutations from %s', (version) => {
  it('acknowledges topic and group creation and an offset commit', () => {
    expect(loadReply('update-and-create-topic', version, 'create').code).toBe(0);
    expect(loadReply('update-and-create-subscriptiongroup', version, 'create').code).toBe(0);
    expect(decodeUpdateConsumerOffset(loadReply('update-consumer-offset', version, 'commit'))).toMatchObject({ applied: true });
  });

  if (version.startsWith('5')) {
    it('5.x creates topics and groups in batches (codes 18 and 225)', () => {
      expect(loadReply('update-and-create-topic-list', version, 'create').code).toBe(0);
      expect(loadReply('update-and-create-subscriptiongroup-list', version, 'create').code).toBe(0);
    });
    it('5.x resets an offline group itself and lists the queues it set', () => {
      expect(decodeResetOffset(loadReply('invoke-broker-to-reset-offset', version, 'one-queue'))).toEqual({
        kind: 'reset',
        offsets: [{ topic: 'LabTopic', brokerName: 'broker-a', queueId: 0, offset: 1 }],
      });
    });
    it('5.x refuses an offset outside the queue, naming the range', () => {
      expect(() => decodeResetOffset(loadReply('invoke-broker-to-reset-offset', version, 'out-of-range'))).toThrow(/not in consume queue range/);
    });
  } else {
    it('4.9 answers CONSUMER_NOT_ONLINE for an offline group and changes nothing', () => {
      expect(decodeResetOffset(loadReply('invoke-broker-to-reset-offset', version, 'offline'))).toMatchObject({ kind: 'not-online' });
    });
    it('4.9 fails the whole reset when one queue has no offset for the group', () => {
      expect(() => decodeResetOffset(loadReply('invoke-broker-to-reset-offset', version, 'missing-offset'))).toThrow(/consumer group <fixture_cg> not exist/);
    });
  }
});
