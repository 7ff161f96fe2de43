import { describe, expect, it } from 'vitest';
import { consumerStatus } from '../../../test-support/mqadmin';
import { LIVE } from '../../../test-support/sandbox';
import { getConsumerConnectionList } from '../get-consumer-connection-list';
import { livePool } from '../../../test-support/live';
import { getConsumerRunningInfo } from '.';

describe(`GET_CONSUMER_RUNNING_INFO live (${LIVE.version})`, () => {
  const pool = livePool();

  it.each(['lab_cg_broadcast', 'lab_cg_online'])('gives the client offsets and properties mqadmin consumerStatus -i prints for %s', async (group) => {
    const clientId = (await getConsumerConnectionList(pool, LIVE.brokerAMaster, group))!.connections[0]!.clientId;
    const [theirs, ours] = await Promise.all([consumerStatus(group, clientId), getConsumerRunningInfo(pool, LIVE.brokerAMaster, group, clientId)]);
    expect(ours.queues.map((q) => [q.topic, q.brokerName, q.queueId, q.commitOffset])).toEqual(theirs.offsets.map((o) => [o.topic, o.brokerName, o.queueId, o.offset]));
    for (const key of ['PROP_CONSUMEORDERLY', 'PROP_CLIENT_VERSION', 'messageModel', 'consumerGroup', 'PROP_CONSUME_TYPE']) {
      expect(ours.properties[key], key).toBe(theirs.properties[key]);
    }
  });
});
