import { describe, expect, it } from 'vitest';
import { RemotingResponseError } from '../remoting';
import { decodeResetOffset } from './invoke-broker-to-reset-offset';
import { fixtureVersions, loadReply, replayInvoker, SANDBOX } from '../../test-support/fixtures';
import { updateAndCreateSubscriptionGroup, updateAndCreateSubscriptionGroupRequest } from './update-and-create-subscriptiongroup';
import { updateAndCreateSubscriptionGroupList, updateAndCreateSubscriptionGroupListRequest } from './update-and-create-subscriptiongroup-list';
import { updateAndCreateTopic, updateAndCreateTopicRequest } from './update-and-create-topic';
import { updateAndCreateTopicList, updateAndCreateTopicListRequest } from './update-and-create-topic-list';
import { updateConsumerOffset, updateConsumerOffsetRequest } from './update-consumer-offset';

// The requests below are the ones sandbox/scripts/fixture-cases.ts sent to record these replies.
describe.each(fixtureVersions('update-consumer-offset', 'commit'))('admin mutations from %s', (version) => {
  const broker = SANDBOX.brokerAMaster;

  it('creates a topic and a group and commits an offset, each acknowledged by the broker', async () => {
    const { invoker, calls } = replayInvoker(version, ['update-and-create-topic', 'create'], ['update-and-create-subscriptiongroup', 'create'], ['update-consumer-offset', 'commit']);
    const topic = { topic: 'FixtureTopic', readQueueNums: 2, writeQueueNums: 2 };
    const offset = { consumerGroup: 'fixture_cg', topic: 'LabTopic', queueId: 0, commitOffset: 3 };
    await expect(updateAndCreateTopic(invoker, broker, topic)).resolves.toBeUndefined();
    await expect(updateAndCreateSubscriptionGroup(invoker, broker, { groupName: 'fixture_cg' })).resolves.toBeUndefined();
    await expect(updateConsumerOffset(invoker, broker, offset)).resolves.toMatchObject({ applied: true });
    expect(calls.map((c) => [c.addr, c.request])).toEqual([
      [broker, updateAndCreateTopicRequest(topic)],
      [broker, updateAndCreateSubscriptionGroupRequest({ groupName: 'fixture_cg' })],
      [broker, updateConsumerOffsetRequest(offset)],
    ]);
  });

  it('fails with the broker\'s code when a creation is refused', async () => {
    // a reply of another request with a failure code: the operation must not take it for an acknowledgement
    const { invoker } = replayInvoker(version, ['get-topic-stats-info', 'unknown']);
    await expect(updateAndCreateTopic(invoker, broker, { topic: 'T', readQueueNums: 1, writeQueueNums: 1 })).rejects.toBeInstanceOf(RemotingResponseError);
  });

  if (version.startsWith('5')) {
    it('5.x creates a group with an exponential retry policy, sent as the broker\'s GroupRetryPolicy JSON', async () => {
      const spec = { groupName: 'fixture_policy_cg', groupRetryPolicy: { type: 'EXPONENTIAL', initial: 1000, max: 60_000, multiplier: 2 } } as const;
      const { invoker, calls } = replayInvoker(version, ['update-and-create-subscriptiongroup', 'retry-policy']);
      await expect(updateAndCreateSubscriptionGroup(invoker, broker, spec)).resolves.toBeUndefined();
      expect(JSON.parse(calls[0]!.request.body!.toString('utf8'))).toMatchObject({ groupName: 'fixture_policy_cg', groupRetryPolicy: { type: 'EXPONENTIAL', exponentialRetryPolicy: { initial: 1000, max: 60000, multiplier: 2 } } });
    });

    it('5.x creates topics and groups in batches (codes 18 and 225)', async () => {
      const { invoker, calls } = replayInvoker(version, ['update-and-create-topic-list', 'create'], ['update-and-create-subscriptiongroup-list', 'create']);
      const topics = [{ topic: 'FixtureListTopic1', readQueueNums: 1, writeQueueNums: 1 }, { topic: 'FixtureListTopic2', readQueueNums: 2, writeQueueNums: 2 }];
      const groups = [{ groupName: 'fixture_list_cg1' }, { groupName: 'fixture_list_cg2', retryMaxTimes: 3 }];
      await expect(updateAndCreateTopicList(invoker, broker, topics)).resolves.toBeUndefined();
      await expect(updateAndCreateSubscriptionGroupList(invoker, broker, groups)).resolves.toBeUndefined();
      expect(calls.map((c) => [c.addr, c.request.code])).toEqual([[broker, 18], [broker, 225]]);
      expect(calls.map((c) => c.request)).toEqual([updateAndCreateTopicListRequest(topics), updateAndCreateSubscriptionGroupListRequest(groups)]);
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
