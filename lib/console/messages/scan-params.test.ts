import { describe, expect, it } from 'vitest';
import { BadInputError } from '../core/errors';
import { decodeCursor, encodeCursor } from './scan-cursor';
import { normalizeTagExpression, SCAN_LIMITS, scanParams } from './scan-params';

const t0 = Date.UTC(2026, 10, 24, 6, 0, 0);
const base = { topic: 'LabTopic', begin: t0, end: t0 + 3600_000 };

/** The field a BadInputError names, or a failed expectation. */
function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(BadInputError);
    return (error as BadInputError).field;
  }
  throw new Error('expected a BadInputError');
}

describe('scan parameters', () => {
  it('fills in the defaults', () => {
    expect(scanParams(base)).toEqual({ ...base, tag: '*', limit: 1000, deadlineMs: 30_000, text: undefined, cursor: undefined });
  });

  it('names the field of every bad input', () => {
    expect(fieldOf(() => scanParams({ ...base, end: base.begin - 1 }))).toBe('end');
    expect(fieldOf(() => scanParams({ ...base, begin: base.end - SCAN_LIMITS.maxRangeMs - 1 }))).toBe('begin');
    expect(fieldOf(() => scanParams({ ...base, begin: Number.NaN }))).toBe('begin');
    expect(fieldOf(() => scanParams({ ...base, begin: -5 }))).toBe('begin');
    expect(fieldOf(() => scanParams({ ...base, topic: 'bad topic!' }))).toBe('topic');
    expect(fieldOf(() => scanParams({ ...base, limit: 0 }))).toBe('limit');
    expect(fieldOf(() => scanParams({ ...base, limit: 10_001 }))).toBe('limit');
    expect(fieldOf(() => scanParams({ ...base, limit: 1.5 }))).toBe('limit');
    expect(fieldOf(() => scanParams({ ...base, deadlineMs: 200_000 }))).toBe('deadlineMs');
    expect(fieldOf(() => scanParams({ ...base, text: 'x'.repeat(256) }))).toBe('text');
    expect(fieldOf(() => scanParams({ ...base, tag: 'TagA || || TagB' }))).toBe('tag');
    expect(fieldOf(() => scanParams({ ...base, tag: 'TagA | TagB' }))).toBe('tag');
  });

  it('accepts a range of exactly the maximum and a zero-length range', () => {
    expect(scanParams({ ...base, end: base.begin + SCAN_LIMITS.maxRangeMs }).end).toBe(base.begin + SCAN_LIMITS.maxRangeMs);
    expect(scanParams({ ...base, end: base.begin }).end).toBe(base.begin);
  });

  it('normalizes tag expressions and lower-cases the text', () => {
    expect(normalizeTagExpression(' TagA||TagB ||TagA ')).toBe('TagA || TagB');
    expect(normalizeTagExpression('*')).toBe('*');
    expect(normalizeTagExpression('  ')).toBe('*');
    expect(scanParams({ ...base, text: '  Order-42 ' }).text).toBe('order-42');
  });
});

describe('scan cursor', () => {
  const params = scanParams({ ...base, tag: 'TagA' });
  const cursor = {
    done: 3,
    queues: [
      { brokerName: 'broker-a', queueId: 1, next: 17, stop: 40 },
      { brokerName: 'broker-a', queueId: 2 },
      { brokerName: 'broker-b', queueId: 0, next: 0, stop: 0 },
    ],
  };

  it('round-trips as base64url', () => {
    const text = encodeCursor(params, cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(params, text)).toEqual(cursor);
  });

  it('belongs to its request: another range, tag or text is refused naming cursor', () => {
    const text = encodeCursor(params, cursor);
    expect(fieldOf(() => decodeCursor(scanParams({ ...base, tag: 'TagB' }), text))).toBe('cursor');
    expect(fieldOf(() => decodeCursor(scanParams({ ...base, tag: 'TagA', end: base.end + 1 }), text))).toBe('cursor');
    expect(fieldOf(() => decodeCursor(scanParams({ ...base, tag: 'TagA', text: 'x' }), text))).toBe('cursor');
  });

  it('refuses what is not a cursor', () => {
    const wire = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const f = encodeCursor(params, { done: 0, queues: [] });
    const good = JSON.parse(Buffer.from(f, 'base64url').toString()) as { f: string };
    for (const text of [
      'not a cursor!',
      'AAAA',
      wire([1, 2]),
      wire({ v: 2, f: good.f, d: 0, b: {} }),
      wire({ v: 1, f: good.f, d: -1, b: {} }),
      wire({ v: 1, f: good.f, d: 0, b: { 'broker-a': [[1, 9, 3]] } }),
      wire({ v: 1, f: good.f, d: 0, b: { 'broker-a': [[1, 2]] } }),
      wire({ v: 1, f: good.f, d: 0, b: { 'broker-a': [[1], [1]] } }),
      wire({ v: 1, f: good.f, d: 0, b: { 'broker-a': [['1']] } }),
    ]) {
      expect(fieldOf(() => decodeCursor(params, text)), text).toBe('cursor');
    }
  });
});
