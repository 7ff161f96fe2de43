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
import { propertiesText, updateBrokerConfig, updateBrokerConfigRequest } from './update-broker-config';
import { getNamesrvConfig } from './get-namesrv-config';
import { updateNamesrvConfig, updateNamesrvConfigRequest } from './update-namesrv-config';

/** Versions whose broker refuses keys of its configBlackList (4.9.8 has none, and sets any key). */
const BLACK_LISTED_IN = (version: string) => version.startsWith('5');

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

  it('sets broker keys at runtime (code 25, body as java.util.Properties text), and is refused a key in the configBlackList with 16', async () => {
    const { invoker, calls } = replayInvoker(version, ['update-broker-config', 'runtime']);
    await expect(updateBrokerConfig(invoker, broker, { deleteWhen: '04' })).resolves.toBeUndefined();
    expect(calls[0]!.request).toEqual(updateBrokerConfigRequest({ deleteWhen: '04' }));
    expect(calls[0]!.request.body?.toString('utf8')).toBe('deleteWhen=04\n');
    const refused = replayInvoker(version, ['update-broker-config', 'black-listed']);
    // 4.9.8 has no configBlackList: it takes even the path of its own config file (the console refuses it first)
    if (!BLACK_LISTED_IN(version)) return expect(updateBrokerConfig(refused.invoker, broker, { brokerConfigPath: '/tmp/fixture-broker.conf' })).resolves.toBeUndefined();
    const error = await updateBrokerConfig(refused.invoker, broker, { brokerConfigPath: '/tmp/fixture-broker.conf' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemotingResponseError);
    expect(error).toMatchObject({ code: 16 });
    expect((error as Error).message).toContain('Can not update config in black list.');
    expect(refused.calls[0]!.request.body?.toString('utf8')).toBe('brokerConfigPath=/tmp/fixture-broker.conf\n');
  });

  it('reads a namesrv\'s configuration (code 319) and sets a key on it (code 318)', async () => {
    const { invoker, calls } = replayInvoker(version, ['get-namesrv-config', 'namesrv'], ['update-namesrv-config', 'runtime']);
    const { properties } = await getNamesrvConfig(invoker, namesrv);
    // the sandbox's namesrv.conf (start-cluster.sh) and the namesrv's own defaults
    expect(properties).toMatchObject({ listenPort: '9876', orderMessageEnable: 'true' });
    expect(properties.kvConfigPath).toMatch(/kvConfig\.json$/);
    if (version.startsWith('5')) expect(properties.configBlackList).toBe('configBlackList;configStorePath;kvConfigPath');
    await expect(updateNamesrvConfig(invoker, namesrv, { orderMessageEnable: 'true' })).resolves.toBeUndefined();
    expect(calls.map((c) => [c.addr, c.request.code])).toEqual([[namesrv, 319], [namesrv, 318]]);
    expect(calls[1]!.request).toEqual(updateNamesrvConfigRequest({ orderMessageEnable: 'true' }));
  });

  it('writes keys and values as java.util.Properties escapes them', () => {
    expect(propertiesText({ 'a key': ' lead', 'b=c': 'x:y#z!\\', u: 'é\n' })).toBe('a\\ key=\\ lead\nb\\=c=x\\:y\\#z\\!\\\\\nu=\\u00e9\\n\n');
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
