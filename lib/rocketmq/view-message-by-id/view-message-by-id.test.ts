import { describe, expect, it } from 'vitest';
import type { RemotingCommand } from '../../remoting';
import { decodeOffsetMessageId } from '../message-id';
import { fixtureVersions, loadReply } from '../../../test-support/fixtures';
import { decodeViewMessage, viewMessageByIdRequest, viewMessageByOffsetMsgId } from '.';

describe('VIEW_MESSAGE_BY_ID request', () => {
  it('sends the commit-log offset, and the topic when given', () => {
    expect(viewMessageByIdRequest(874, 'T').extFields).toEqual({ topic: 'T', offset: '874' });
    expect(viewMessageByIdRequest(874).extFields).toEqual({ offset: '874' });
  });

  it('goes to the address an offset msgId names', async () => {
    const calls: string[] = [];
    const invoker = { invoke: async (addr: string) => (calls.push(addr), { code: 1, remark: 'can not find message by the offset, 874', extFields: {} } as unknown as RemotingCommand) };
    expect(await viewMessageByOffsetMsgId(invoker, '7F00000100002AB3000000000000036A')).toMatchObject({ found: false });
    expect(calls).toEqual(['127.0.0.1:10931']);
  });
});

describe.each(fixtureVersions('view-message-by-id', 'found'))('VIEW_MESSAGE_BY_ID from %s', (version) => {
  it('gives the one record that starts at the offset', () => {
    const reply = loadReply('view-message-by-id', version, 'found');
    const offset = Number(reply.body!.readBigInt64BE(28)); // PHYSICALOFFSET of the record
    const result = decodeViewMessage(reply, offset);
    expect(result.found).toBe(true);
    if (!result.found) return;
    expect(result.message).toMatchObject({ topic: 'LabTopic', commitLogOffset: offset, storeSize: reply.body!.length });
    expect(decodeOffsetMessageId(result.message.offsetMsgId)).toMatchObject({ address: result.message.storeHost, commitLogOffset: offset });
  });

  it('answers not found for an offset past the log, and for one inside a record', () => {
    expect(decodeViewMessage(loadReply('view-message-by-id', version, 'not-found'), 999_999_999_999)).toEqual({
      found: false, reason: 'can not find message by the offset, 999999999999',
    });
    expect(decodeViewMessage(loadReply('view-message-by-id', version, 'misaligned'), 8)).toMatchObject({ found: false });
  });

  it('answers not found when the bytes at the offset are not a record starting there', () => {
    const reply = loadReply('view-message-by-id', version, 'found');
    const offset = Number(reply.body!.readBigInt64BE(28));
    expect(decodeViewMessage(reply, offset + 1)).toMatchObject({ found: false, reason: expect.stringContaining(`found one at ${offset}`) });
    const garbage = { ...reply, body: Buffer.from([0, 0, 0, 12, 1, 2, 3, 4, 5, 6, 7, 8]) };
    expect(decodeViewMessage(garbage, offset)).toMatchObject({ found: false, reason: expect.stringContaining('magic') });
  });
});
