import { describe, expect, it } from 'vitest';
import { RemotingResponseError, type RemotingCommand } from '../../remoting';
import { fixtureVersions, loadReply } from '../../../test-support/fixtures';
import { consumeMessageDirectly, consumeMessageDirectlyRequest, decodeConsumeMessageDirectlyResult } from '.';

const OFFSET_ID = '7F00000100002AB3000000000000036A';

describe('CONSUME_MESSAGE_DIRECTLY request', () => {
  it('names group, client and the offset msgId, and the topic when given', () => {
    expect(consumeMessageDirectlyRequest({ consumerGroup: 'g', clientId: 'c', offsetMsgId: OFFSET_ID, topic: 'T' }).extFields).toEqual({
      consumerGroup: 'g', clientId: 'c', msgId: OFFSET_ID, topic: 'T',
    });
  });
});

describe.each(fixtureVersions('consume-message-directly', 'consumed'))('CONSUME_MESSAGE_DIRECTLY from %s', (version) => {
  const replay = (name: string) => {
    const calls: Array<{ addr: string; timeoutMs: number }> = [];
    const invoker = { invoke: async (addr: string, _r: unknown, o: { timeoutMs: number }) => (calls.push({ addr, ...o }), loadReply('consume-message-directly', version, name)) };
    return { invoker, calls };
  };

  it('gives what the client answered, relayed by the message store host, waiting past the broker 10 s', async () => {
    const { invoker, calls } = replay('consumed');
    const result = await consumeMessageDirectly(invoker, { consumerGroup: 'lab_cg_online', clientId: 'c', offsetMsgId: OFFSET_ID });
    expect(result).toEqual({ order: false, autoCommit: true, consumeResult: 'CR_SUCCESS', remark: undefined, spentTimeMills: expect.any(Number) });
    expect(calls).toEqual([{ addr: '127.0.0.1:10931', timeoutMs: 15_000 }]);
  });

  it('fails with code 1 for a client that is not online', async () => {
    const { invoker } = replay('not-online');
    const error = await consumeMessageDirectly(invoker, { consumerGroup: 'lab_cg_online', clientId: 'c', offsetMsgId: OFFSET_ID }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemotingResponseError);
    expect(error).toMatchObject({ code: 1, remark: expect.stringMatching(/not online/) });
  });
});

describe('ConsumeMessageDirectlyResult', () => {
  it('reads a failed consume with the listener exception as remark', () => {
    const body = Buffer.from('{"autoCommit":true,"consumeResult":"CR_THROW_EXCEPTION","order":true,"remark":"java.lang.RuntimeException: boom","spentTimeMills":12}');
    expect(decodeConsumeMessageDirectlyResult({ code: 0, body } as RemotingCommand)).toEqual({
      order: true, autoCommit: true, consumeResult: 'CR_THROW_EXCEPTION', remark: 'java.lang.RuntimeException: boom', spentTimeMills: 12,
    });
  });
});
