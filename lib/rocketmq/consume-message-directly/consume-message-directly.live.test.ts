import { describe, expect, it } from 'vitest';
import { RemotingResponseError } from '../../remoting';
import { consumerConnection } from '../../../test-support/mqadmin';
import { consumeDirectlyByMqadmin, sentOne } from '../../../test-support/mqadmin-messages';
import { LIVE } from '../../../test-support/sandbox';
import { livePool } from '../../../test-support/live';
import { consumeMessageDirectly } from '.';

describe(`CONSUME_MESSAGE_DIRECTLY live (${LIVE.version})`, () => {
  const pool = livePool();

  it.each(['lab_cg_online', 'lab_cg_broadcast'])('has an online client of %s consume a message again, as mqadmin queryMsgById -g -d does', async (group) => {
    const { clients } = await consumerConnection(group, false);
    const clientId = clients[0]!.clientId;
    const sent = sentOne('normal', (s) => s.brokerName === 'broker-b');
    const theirs = await consumeDirectlyByMqadmin(sent.offsetMsgId, group, clientId, 'LabTopic');
    const ours = await consumeMessageDirectly(pool, { consumerGroup: group, clientId, offsetMsgId: sent.offsetMsgId, topic: 'LabTopic' });
    expect(theirs).toMatchObject({ consumeResult: 'CR_SUCCESS', order: false, autoCommit: true, remark: 'null' });
    expect({ ...ours, spentTimeMills: 0 }).toEqual({ consumeResult: theirs.consumeResult, order: theirs.order, autoCommit: theirs.autoCommit, remark: undefined, spentTimeMills: 0 });
  });

  it('fails with code 1 for a client id that is not online', async () => {
    const sent = sentOne('normal', (s) => s.brokerName === 'broker-a');
    const error = await consumeMessageDirectly(pool, { consumerGroup: 'lab_cg_online', clientId: '127.0.0.9@gone', offsetMsgId: sent.offsetMsgId, topic: 'LabTopic' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemotingResponseError);
    expect(error).toMatchObject({ code: 1, remark: 'The Consumer <lab_cg_online> <127.0.0.9@gone> not online', addr: LIVE.brokerAMaster });
  });
});
