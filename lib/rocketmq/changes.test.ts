import { describe, expect, it } from 'vitest';
import { RemotingResponseError } from '../remoting';
import { fixtureVersions, replayInvoker, SANDBOX } from '../../test-support/fixtures';
import { deleteKvConfig, deleteKvConfigRequest } from './delete-kv-config';
import { deleteSubscriptionGroup, deleteSubscriptionGroupRequest } from './delete-subscriptiongroup';
import { deleteTopicInBroker, deleteTopicInBrokerRequest } from './delete-topic-in-broker';
import { deleteTopicInNamesrv, deleteTopicInNamesrvRequest } from './delete-topic-in-namesrv';
import { putKvConfig, putKvConfigRequest } from './put-kv-config';
import { decodeOffsetMessageId } from './message-id';
import { messageProperties, sendMessage, sendMessageRequest } from './send-message';
import { FIXTURE_SEND } from './send-message/fixture-message';
import { updateAndCreateTopic, updateAndCreateTopicRequest } from './update-and-create-topic';

// The requests below are the ones sandbox/scripts/fixture-cases.ts sent to record these replies.
describe.each(fixtureVersions('delete-topic-in-broker', 'delete'))('change operations from %s', (version) => {
  const broker = SANDBOX.brokerAMaster;
  const namesrv = SANDBOX.namesrv;

  it('deletes a topic on a master and then its route on the namesrv (codes 215, 216), each acknowledged', async () => {
    const { invoker, calls } = replayInvoker(version, ['delete-topic-in-broker', 'delete'], ['delete-topic-in-namesrv', 'delete']);
    await expect(deleteTopicInBroker(invoker, broker, 'FixtureDeleteTopic')).resolves.toBeUndefined();
    await expect(deleteTopicInNamesrv(invoker, namesrv, 'FixtureDeleteTopic', 'DefaultCluster')).resolves.toBeUndefined();
    expect(calls.map((c) => [c.addr, c.request])).toEqual([
      [broker, deleteTopicInBrokerRequest('FixtureDeleteTopic')],
      [namesrv, deleteTopicInNamesrvRequest('FixtureDeleteTopic', 'DefaultCluster')],
    ]);
    expect(calls[1]!.request.extFields).toEqual({ topic: 'FixtureDeleteTopic', clusterName: 'DefaultCluster' });
  });

  it('is refused a system topic, with the broker\'s code and reason (29 on 5.x, 1 on 4.9)', async () => {
    const { invoker } = replayInvoker(version, ['delete-topic-in-broker', 'system']);
    const error = await deleteTopicInBroker(invoker, broker, 'TBW102').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemotingResponseError);
    expect(error).toMatchObject({ code: version.startsWith('5') ? 29 : 1 });
    expect((error as Error).message).toContain('The topic[TBW102] is conflict with system topic.');
  });

  it('writes and deletes an order conf on the namesrv (codes 100, 102)', async () => {
    const { invoker, calls } = replayInvoker(version, ['put-kv-config', 'order'], ['delete-kv-config', 'order']);
    await putKvConfig(invoker, namesrv, { namespace: 'ORDER_TOPIC_CONFIG', key: 'FixtureOrderTopic', value: 'broker-a:2;broker-b:2' });
    await deleteKvConfig(invoker, namesrv, { namespace: 'ORDER_TOPIC_CONFIG', key: 'FixtureOrderTopic' });
    expect(calls.map((c) => c.request)).toEqual([putKvConfigRequest('ORDER_TOPIC_CONFIG', 'FixtureOrderTopic', 'broker-a:2;broker-b:2'), deleteKvConfigRequest('ORDER_TOPIC_CONFIG', 'FixtureOrderTopic')]);
  });

  it('deletes a subscription group keeping its offsets, sending the flag under both versions\' names', async () => {
    const { invoker, calls } = replayInvoker(version, ['delete-subscriptiongroup', 'keep-offsets']);
    await expect(deleteSubscriptionGroup(invoker, broker, { groupName: 'fixture_delete_cg', cleanOffset: false })).resolves.toBeUndefined();
    expect(calls[0]!.request).toEqual(deleteSubscriptionGroupRequest('fixture_delete_cg', false));
    expect(calls[0]!.request.extFields).toEqual({ groupName: 'fixture_delete_cg', cleanOffset: 'false', removeOffset: 'false' });
  });

  it('sends a message to a chosen queue (code 310): the reply names the offset msgId, queue, offset and the UNIQ_KEY it was sent with', async () => {
    const { invoker, calls } = replayInvoker(version, ['send-message', 'to-queue']);
    const sent = await sendMessage(invoker, broker, FIXTURE_SEND);
    expect(sent).toMatchObject({ code: 0, queueId: 1, queueOffset: 0 });
    // the offset msgId is the broker's address and the commit-log offset it stored the message at
    expect(decodeOffsetMessageId(sent.offsetMsgId)).toMatchObject({ address: broker });
    if (version.startsWith('5')) expect(sent.msgId).toBe(FIXTURE_SEND.properties.UNIQ_KEY);
    expect(calls[0]!.request).toEqual(sendMessageRequest(FIXTURE_SEND));
    expect(calls[0]!.request.extFields).toMatchObject({ a: 'ROCKETMQ_CONSOLE_PRODUCER', b: 'FixtureSendTopic', e: '1', n: 'broker-a', i: messageProperties(FIXTURE_SEND.properties) });
  });

  if (version.startsWith('5')) {
    it('5.x creates a FIFO topic through the message.type attribute, and refuses removing one at creation', async () => {
      const fifo = { topic: 'FixtureFifoTopic', readQueueNums: 2, writeQueueNums: 2, attributes: '+message.type=FIFO' };
      const { invoker, calls } = replayInvoker(version, ['update-and-create-topic', 'fifo'], ['update-and-create-topic', 'remove-attribute-on-create']);
      await expect(updateAndCreateTopic(invoker, broker, fifo)).resolves.toBeUndefined();
      expect(calls[0]!.request).toEqual(updateAndCreateTopicRequest(fifo));
      expect(calls[0]!.request.extFields?.attributes).toBe('+message.type=FIFO');
      await expect(updateAndCreateTopic(invoker, broker, { topic: 'FixtureNoSuchTopic', readQueueNums: 1, writeQueueNums: 1, attributes: '-message.type' })).rejects.toThrow(
        /only add attribute is supported while creating topic/,
      );
    });
  }
});
