import { describe, expect, it } from 'vitest';
import { fixtureVersions, loadReply } from '../../../test-support/fixtures';
import { decodePullMessage, pullMessageRequest } from '.';

describe('PULL_MESSAGE request for browsing', () => {
  it('pulls as TOOLS_CONSUMER with the subscription inline and nothing committed or suspended', () => {
    expect(pullMessageRequest({ topic: 'T', queueId: 1, queueOffset: 5 }).extFields).toEqual({
      consumerGroup: 'TOOLS_CONSUMER', topic: 'T', queueId: '1', queueOffset: '5', maxMsgNums: '32', sysFlag: '4',
      commitOffset: '0', suspendTimeoutMillis: '0', subscription: '*', subVersion: '0', expressionType: 'TAG',
    });
  });

  it('sends a SQL92 selector with its expression type, for the broker to evaluate', () => {
    expect(pullMessageRequest({ topic: 'T', queueId: 0, queueOffset: 0, subscription: 'a > 5', expressionType: 'SQL92' }).extFields).toMatchObject({ sysFlag: '4', subscription: 'a > 5', expressionType: 'SQL92' });
  });
});

describe.each(fixtureVersions('pull-message', 'sql92'))('PULL_MESSAGE with a SQL92 selector from %s', (version) => {
  it('gives only the messages whose properties match, and no tag re-check', () => {
    const result = decodePullMessage(loadReply('pull-message', version, 'sql92'), 'a > 5', '', 'SQL92');
    expect(result.status).toBe('FOUND');
    expect(result.messages.length).toBeGreaterThan(0);
    expect(result.messages.every((m) => Number(m.properties.a) > 5)).toBe(true);
    expect(result.nextBeginOffset).toBeGreaterThan(result.messages.at(-1)!.queueOffset);
  });
});

describe.each(fixtureVersions('pull-message', 'found'))('PULL_MESSAGE from %s', (version) => {
  it('gives up to maxMsgNums messages of the queue from the offset, and where to go on', () => {
    const result = decodePullMessage(loadReply('pull-message', version, 'found'));
    expect(result).toMatchObject({ status: 'FOUND', nextBeginOffset: 4, minOffset: 0, suggestWhichBrokerId: 0, remark: 'FOUND' });
    expect(result.messages.map((m) => [m.topic, m.queueId, m.queueOffset])).toEqual([0, 1, 2, 3].map((o) => ['LabTopic', 0, o]));
    expect(result.maxOffset).toBeGreaterThan(4);
  });

  it('drops tag hash collisions on the client, as the Java client does', () => {
    const reply = loadReply('pull-message', version, 'found');
    const tags = decodePullMessage(reply).messages.map((m) => m.tags);
    expect(decodePullMessage(reply, 'TagA').messages.map((m) => m.tags)).toEqual(tags.filter((t) => t === 'TagA'));
    expect(decodePullMessage(reply, 'TagA || TagB').messages).toHaveLength(tags.length);
  });

  it('answers NO_NEW_MSG (19) at the end of the queue', () => {
    const result = decodePullMessage(loadReply('pull-message', version, 'no-new'));
    expect(result).toMatchObject({ status: 'NO_NEW_MSG', messages: [], remark: 'OFFSET_OVERFLOW_ONE' });
    expect(result.nextBeginOffset).toBe(result.maxOffset);
  });

  it('answers NO_MATCHED_MSG (20) when the filter skipped everything, with the offset it skipped to', () => {
    const result = decodePullMessage(loadReply('pull-message', version, 'no-matched'), 'NoSuchTag');
    expect(result).toMatchObject({ status: 'NO_MATCHED_MSG', messages: [], remark: 'NO_MATCHED_MESSAGE' });
    expect(result.nextBeginOffset).toBe(result.maxOffset);
  });

  it('answers OFFSET_ILLEGAL (21) past the end, with the corrected offset', () => {
    const result = decodePullMessage(loadReply('pull-message', version, 'offset-illegal'));
    expect(result).toMatchObject({ status: 'OFFSET_ILLEGAL', messages: [], remark: 'OFFSET_OVERFLOW_BADLY' });
    expect(result.nextBeginOffset).toBe(result.maxOffset);
  });
});
