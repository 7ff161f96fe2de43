import { describe, expect, it } from 'vitest';
import { consumerConnection } from '../../../test-support/mqadmin';
import { LIVE } from '../../../test-support/sandbox';
import { versionDesc } from '../mq-version';
import { livePool } from '../../../test-support/live';
import { getConsumerConnectionList } from '.';


describe(`GET_CONSUMER_CONNECTION_LIST live (${LIVE.version})`, () => {
  const pool = livePool();

  it.each(['lab_cg_online', 'lab_cg_broadcast'])('gives the clients and subscriptions mqadmin consumerConnection prints for %s', async (group) => {
    const [theirs, ours] = await Promise.all([consumerConnection(group), getConsumerConnectionList(pool, LIVE.brokerAMaster, group)]);
    // mqadmin asks a random broker of the retry topic's route; a client's address (its port) differs per broker
    expect(ours).toBeDefined();
    expect(ours!.connections.map((c) => [c.clientId, c.clientAddr.split(':')[0], c.language, versionDesc(c.version)])).toEqual(
      theirs.clients.map((c) => [c.clientId, c.clientAddr.split(':')[0], c.language, c.version]),
    );
    expect(ours!.subscriptions.map((s) => [s.topic, s.subString]).sort()).toEqual(theirs.subscriptions.map((s) => [s.topic, s.expression]).sort());
    expect([ours!.consumeType, ours!.messageModel, ours!.consumeFromWhere]).toEqual([theirs.consumeType, theirs.messageModel, theirs.consumeFromWhere]);
  });

  it('answers undefined for an offline group', async () => {
    expect(await getConsumerConnectionList(pool, LIVE.brokerAMaster, 'lab_cg_cluster')).toBeUndefined();
  });
});
