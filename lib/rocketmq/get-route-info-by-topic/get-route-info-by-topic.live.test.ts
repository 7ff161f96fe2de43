import { describe, expect, it } from 'vitest';
import { RemotingResponseError } from '../../remoting';
import { topicRoute } from '../../../test-support/mqadmin';
import { LIVE } from '../../../test-support/sandbox';
import { livePool } from '../../../test-support/live';
import { getRouteInfoByTopic } from '.';

describe(`GET_ROUTEINFO_BY_TOPIC live (${LIVE.version})`, () => {
  const pool = livePool();

  it.each(['LabTopic', 'LabOrderTopic', 'RMQ_SYS_TRACE_TOPIC'])('equals mqadmin topicRoute for %s', async (topic) => {
    const ours = await getRouteInfoByTopic(pool, LIVE.namesrv, topic);
    const theirs = await topicRoute(topic);
    // every sandbox topic is on both masters (the trace topic too: traceTopicEnable on both)
    expect(theirs.brokerDatas).toHaveLength(2);
    expect(theirs.queueDatas).toHaveLength(2);
    const theirBrokers = theirs.brokerDatas
      .map((b) => [b.brokerName, Object.entries(b.brokerAddrs).map(([id, addr]) => [Number(id), addr])])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(ours.brokerDatas.map((b) => [b.brokerName, [...b.brokerAddrs]])).toEqual(theirBrokers);
    const theirQueues = theirs.queueDatas
      .map((q) => ({ brokerName: q.brokerName, readQueueNums: q.readQueueNums, writeQueueNums: q.writeQueueNums, perm: q.perm, topicSysFlag: q.topicSysFlag }))
      .sort((a, b) => a.brokerName.localeCompare(b.brokerName));
    expect(ours.queueDatas).toEqual(theirQueues);
    // traffic.sh made LabOrderTopic with updateTopic -o true, which writes its orderConf into the namesrv's KV
    expect(ours.orderTopicConf).toBe(theirs.orderTopicConf);
    expect(theirs.orderTopicConf === undefined).toBe(topic !== 'LabOrderTopic');
  });

  it('answers TOPIC_NOT_EXIST for an unknown topic', async () => {
    const error = await getRouteInfoByTopic(pool, LIVE.namesrv, 'NoSuchTopicLive').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemotingResponseError);
    expect((error as RemotingResponseError).code).toBe(17);
  });
});
