import { describe, expect, it } from 'vitest';
import {
  classifyMessageId,
  decodeClientMessageId,
  newClientMessageId,
  decodeOffsetMessageId,
  encodeOffsetMessageId,
  ipToBytes,
  ipToString,
  nearlyTimeFromId,
  normalizeAddress,
} from './message-id';
import { decodeQueryMessage } from './query-message';
import { fixtureVersions, loadReply } from '../../test-support/fixtures';

// ids printed by a 5.2.0 lab run (rocketmq-lab.md §6): the offset id of a message on 127.0.0.1:10931 and its UNIQ_KEY
const LAB_OFFSET_ID = '7F00000100002AB3000000000000036A';
const LAB_UNIQ_KEY = 'FD0000000000000000000000000000025DCE60E53B9376F78B0F000E';

describe('offset msgId', () => {
  it('decodes store host, port and commit-log offset', () => {
    expect(decodeOffsetMessageId(LAB_OFFSET_ID)).toEqual({ host: '127.0.0.1', port: 10931, address: '127.0.0.1:10931', commitLogOffset: 874 });
  });

  it('encodes back to the same text, for IPv4 and IPv6 hosts', () => {
    expect(encodeOffsetMessageId('127.0.0.1:10931', 874)).toBe(LAB_OFFSET_ID);
    const v6 = encodeOffsetMessageId('[fd00::2]:10911', 2 ** 40 + 5);
    expect(v6).toHaveLength(56);
    expect(decodeOffsetMessageId(v6)).toEqual({ host: 'fd00:0:0:0:0:0:0:2', port: 10911, address: 'fd00:0:0:0:0:0:0:2:10911', commitLogOffset: 2 ** 40 + 5 });
  });

  it('rejects what is not 32 or 56 hex characters', () => {
    expect(decodeOffsetMessageId('7F000001')).toBeUndefined();
    expect(decodeOffsetMessageId('ZZ00000100002AB3000000000000036A')).toBeUndefined();
  });
});

describe('client msgId (UNIQ_KEY)', () => {
  it('decodes client IP, pid, class-loader hash, time and counter', () => {
    expect(decodeClientMessageId(LAB_UNIQ_KEY)).toEqual({
      ip: 'fd00:0:0:0:0:0:0:2',
      pid: 0x5dce,
      classLoaderHash: 0x60e53b93,
      msSinceMonthStart: 0x76f78b0f,
      counter: 0x000e,
    });
  });

  it('reads the time unsigned, as Java does once a month passes 2^31 ms (24.8 days)', () => {
    const id = '7F000001' + '0001' + '00000000' + 'F0000000' + '0001';
    expect(decodeClientMessageId(id)!.msSinceMonthStart).toBe(0xf0000000);
  });

  it('places the time in this month, or the previous one when that would be in the future (getNearlyTimeFromID)', () => {
    const tenDays = 10 * 86_400_000;
    const id = '7F000001' + '0001' + '00000000' + tenDays.toString(16).padStart(8, '0') + '0001';
    expect(nearlyTimeFromId(id, Date.UTC(2026, 10, 24))).toBe(Date.UTC(2026, 10, 11));
    expect(nearlyTimeFromId(id, Date.UTC(2026, 10, 2))).toBe(Date.UTC(2026, 9, 11));
    expect(nearlyTimeFromId(id, Date.UTC(2026, 0, 2))).toBe(Date.UTC(2025, 11, 11));
  });
});

describe('IP text', () => {
  it('prints IPv6 like Java (no zero compression) and parses every usual spelling', () => {
    expect(ipToString(ipToBytes('::1')!)).toBe('0:0:0:0:0:0:0:1');
    expect(ipToString(ipToBytes('[fd00::2]')!)).toBe('fd00:0:0:0:0:0:0:2');
    expect(ipToString(ipToBytes('::ffff:10.0.0.1')!)).toBe('0:0:0:0:0:ffff:a00:1');
    expect(ipToBytes('1:2:3')).toBeUndefined();
    expect(ipToBytes('256.0.0.1')).toBeUndefined();
    expect(normalizeAddress('[::1]:10911')).toBe('0:0:0:0:0:0:0:1:10911');
    expect(normalizeAddress('broker-a:10911')).toBeUndefined();
  });
});

describe('classifyMessageId', () => {
  const brokers = ['127.0.0.1:10911', '127.0.0.1:10931'];

  it('says why an input is no id', () => {
    expect(classifyMessageId('', brokers)).toMatchObject({ valid: false, reason: 'empty' });
    expect(classifyMessageId('K-r1-7', brokers)).toMatchObject({ valid: false, reason: 'not hexadecimal' });
    expect(classifyMessageId('7F00000100002AB3', brokers)).toMatchObject({ valid: false, reason: expect.stringMatching(/^16 hex characters/) });
  });

  it('reads an id both ways and calls it an offset id only when it names a known broker', () => {
    const offset = classifyMessageId(` ${LAB_OFFSET_ID.toLowerCase()} `, brokers);
    expect(offset).toMatchObject({ valid: true, id: LAB_OFFSET_ID, plausible: 'offset', asOffset: { address: '127.0.0.1:10931' } });
    expect(classifyMessageId(LAB_UNIQ_KEY, brokers)).toMatchObject({ valid: true, plausible: 'unique-key', asClient: { ip: 'fd00:0:0:0:0:0:0:2' } });
    expect(classifyMessageId(encodeOffsetMessageId('[::1]:10911', 0), ['[::1]:10911'])).toMatchObject({ plausible: 'offset' });
  });
});

describe.each(fixtureVersions('query-message', 'key'))('ids of messages recorded from %s', (version) => {
  const { messages } = decodeQueryMessage(loadReply('query-message', version, 'key'));

  it('each offset msgId decodes to the message own store host and commit-log offset', () => {
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(decodeOffsetMessageId(m.offsetMsgId)).toMatchObject({ address: m.storeHost, commitLogOffset: m.commitLogOffset });
      expect(classifyMessageId(m.offsetMsgId, [m.storeHost])).toMatchObject({ plausible: 'offset' });
      expect(classifyMessageId(m.uniqKey!, [m.storeHost])).toMatchObject({ plausible: 'unique-key' });
    }
  });

  it('each UNIQ_KEY carries the time the producer made it, just before the born timestamp (clients run in UTC)', () => {
    for (const m of messages) {
      const made = nearlyTimeFromId(m.uniqKey!, m.storeTimestamp + 1000)!;
      expect(m.bornTimestamp - made).toBeGreaterThanOrEqual(0);
      expect(m.bornTimestamp - made).toBeLessThan(1000);
    }
  });
});

describe('newClientMessageId', () => {
  it('makes an id the decoder reads back: ip, pid, class-loader hash, ms since the UTC month start, counter', () => {
    const now = Date.UTC(2026, 10, 30, 12, 0, 0);
    const id = newClientMessageId({ ip: '10.1.2.3', pid: 0x12345, classLoaderHash: -5, counter: 0x1ffff, now });
    expect(id).toMatch(/^[0-9A-F]{32}$/);
    expect(decodeClientMessageId(id)).toEqual({ ip: '10.1.2.3', pid: 0x2345, classLoaderHash: -5, msSinceMonthStart: now - Date.UTC(2026, 10, 1), counter: 0xffff });
  });

  it('reads a 5.x gRPC client\'s message id (01 + 16 bytes, as rocketmq-client-java 5.0.8 printed one) as a unique key only', () => {
    expect(classifyMessageId('0102FC000000010F780B1FDFA700000000', ['127.0.0.1:10911'])).toEqual({ valid: true, id: '0102FC000000010F780B1FDFA700000000', plausible: 'unique-key' });
    expect(classifyMessageId('0202FC000000010F780B1FDFA700000000', [])).toMatchObject({ valid: false, reason: expect.stringContaining('34 starting 01') });
  });
});
