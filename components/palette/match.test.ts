import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzyScore, rank, recognize, recognizeMessageId, recognizeTimestamp } from './match';

const NAMES = ['LabTopic', 'lab_cg_cluster', 'lab_cg_sql', 'lab_cg_online', 'LabOrderTopic', 'TOOLS_CONSUMER', '%RETRY%lab_cg_sql', 'RMQ_SYS_TRACE_TOPIC', 'TBW102'];
const top = (query: string, names = NAMES, limit = 3) => rank(query, names, (n) => n, limit).top;

describe('fuzzy rank', () => {
  it('puts the exact name, then prefixes, then substrings, then scattered letters', () => {
    expect(top('lab_cg_sql')[0]).toBe('lab_cg_sql');
    expect(top('labtopic')[0]).toBe('LabTopic');
    expect(top('cgsql')[0]).toBe('lab_cg_sql');
    expect(top('lbtpc')[0]).toBe('LabTopic');
    expect(top('sql')).toEqual(['lab_cg_sql', '%RETRY%lab_cg_sql']);
  });

  it('takes the words of the query in any order, each of which must match', () => {
    expect(top('sql lab')[0]).toBe('lab_cg_sql');
    expect(top('sql zzz')).toEqual([]);
  });

  it('sinks demoted names (system topics and groups) below the others', () => {
    const r = rank('sql', NAMES, (n) => n, 5, (n) => n.startsWith('%RETRY%'));
    expect(r.top).toEqual(['lab_cg_sql', '%RETRY%lab_cg_sql']);
  });

  it('counts every match while keeping only the best few, on 50,000 names in well under a keystroke', () => {
    const names = Array.from({ length: 50_000 }, (_, i) => `app_${i % 97}_cg_${i}`);
    const started = performance.now();
    const r = rank('cg_4999', names, (n) => n, 8);
    const ms = performance.now() - started;
    expect(r.total).toBe(names.filter((n) => fuzzyScore('cg_4999', n) !== undefined).length);
    expect(r.top).toHaveLength(8);
    expect(r.top[0]).toMatch(/_cg_4999$/);
    expect(ms).toBeLessThan(500);
  });

  it('property: the top list is the best-scored matches, in order, and none is missed', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-c_]{1,8}$/), { maxLength: 40 }), fc.stringMatching(/^[a-c_]{1,3}$/), fc.integer({ min: 1, max: 10 }), (names, query, limit) => {
        const r = rank(query, names, (n) => n, limit);
        const matching = names.filter((n) => fuzzyScore(query, n) !== undefined);
        expect(r.total).toBe(matching.length);
        expect(r.top).toHaveLength(Math.min(limit, matching.length));
        const scores = r.top.map((n) => fuzzyScore(query, n)!);
        for (let i = 1; i < scores.length; i++) expect(scores[i - 1]!).toBeGreaterThanOrEqual(scores[i]!);
        const worstShown = scores.at(-1);
        if (worstShown !== undefined && matching.length > limit) {
          const left = [...r.top];
          const rest = matching.filter((n) => { const i = left.indexOf(n); if (i >= 0) { left.splice(i, 1); return false; } return true; });
          for (const n of rest) expect(fuzzyScore(query, n)!).toBeLessThanOrEqual(worstShown);
        }
      }),
    );
  });

  it('property: a name always matches itself and any of its substrings', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_%-]{1,30}$/), fc.nat(), fc.nat(), (name, a, b) => {
        const [from, to] = [a % name.length, b % name.length].sort((x, y) => x - y) as [number, number];
        expect(fuzzyScore(name, name)).toBeDefined();
        expect(fuzzyScore(name.slice(from, to + 1), name)).toBeDefined();
      }),
    );
  });
});

describe('message ids', () => {
  it('reads an IPv4 offsetMsgId as its store host, and a client msgId without one', () => {
    // 127.0.0.1:10911, commit-log offset 0x2A9F
    expect(recognizeMessageId('7f00000100002a9f0000000000002a9f')).toEqual({ id: '7F00000100002A9F0000000000002A9F', storeHost: '127.0.0.1:10911' });
    // a UNIQ_KEY: ip, pid 0x1F8C, class-loader hash, time, counter
    expect(recognizeMessageId('7F0000011F8C1B6D2E4A3C1A00000001')).toEqual({ id: '7F0000011F8C1B6D2E4A3C1A00000001' });
  });

  it('takes 56 hex (IPv6) and a 5.x gRPC client id (34 starting 01), and nothing else', () => {
    expect(recognizeMessageId('a'.repeat(56))?.id).toBe('A'.repeat(56));
    expect(recognizeMessageId(`01${'B'.repeat(32)}`)?.id).toBe(`01${'B'.repeat(32)}`);
    for (const bad of ['', 'z'.repeat(32), 'a'.repeat(31), 'a'.repeat(33), `02${'B'.repeat(32)}`, 'order-4711']) expect(recognizeMessageId(bad)).toBeUndefined();
  });

  it('property: any 32 hex digits are an id, upper-cased, whatever the surrounding spaces', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-fA-F]{32}$/), (hex) => {
        expect(recognizeMessageId(`  ${hex}\n`)?.id).toBe(hex.toUpperCase());
      }),
    );
  });
});

describe('times', () => {
  const now = Date.UTC(2026, 11, 1, 12, 0, 0);

  it('reads epoch millis, zoned ISO date-times, and local ones as the browser does', () => {
    expect(recognizeTimestamp('1764590400000', now)).toBe(1764590400000);
    expect(recognizeTimestamp('2026-12-01T10:00:00Z', now)).toBe(Date.UTC(2026, 11, 1, 10));
    expect(recognizeTimestamp('2026-12-01T18:00:00+08:00', now)).toBe(Date.UTC(2026, 11, 1, 10));
    expect(recognizeTimestamp('2026-12-01 05:30-0430', now)).toBe(Date.UTC(2026, 11, 1, 10));
    expect(recognizeTimestamp('2026-12-01 10:00', now)).toBe(new Date(2026, 11, 1, 10, 0).getTime());
    expect(recognizeTimestamp('2026-12-01T10:00:05.250', now)).toBe(new Date(2026, 11, 1, 10, 0, 5, 250).getTime());
    expect(recognizeTimestamp('2026-12-01', now)).toBe(new Date(2026, 11, 1).getTime());
  });

  it('reads a time ago as rmqc does', () => {
    expect(recognizeTimestamp('-30m', now)).toBe(now - 30 * 60_000);
    expect(recognizeTimestamp('-2h', now)).toBe(now - 2 * 3_600_000);
    expect(recognizeTimestamp('-1d', now)).toBe(now - 86_400_000);
  });

  it('refuses dates that do not exist and numbers that are not times', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2026-12-01 24:00', '2026-12-01 10:61', '123456', '99999999999999', '0000000000000', 'yesterday', '2026/12/01']) {
      expect(recognizeTimestamp(bad, now), bad).toBeUndefined();
    }
  });

  it('property: an ISO instant printed by Date reads back as the same millisecond', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_000_000_000_000, max: Date.UTC(2099, 11, 31) }), (ms) => {
        expect(recognizeTimestamp(new Date(ms).toISOString(), now)).toBe(ms);
        expect(recognizeTimestamp(String(ms), now)).toBe(ms);
      }),
    );
  });
});

describe('recognize', () => {
  const now = Date.UTC(2026, 11, 1, 12);

  it('offers a message, a time and a key for what each text can be', () => {
    expect(recognize('7F00000100002A9F0000000000002A9F', now).map((r) => r.kind)).toEqual(['msgId', 'key']);
    expect(recognize('1764590400000', now).map((r) => r.kind)).toEqual(['timestamp', 'key']);
    expect(recognize('K-r1-1', now)).toEqual([{ kind: 'key', key: 'K-r1-1' }]);
    expect(recognize('   ', now)).toEqual([]);
  });

  it('never offers a key with a space in it: the producer joins several keys with one', () => {
    expect(recognize('2026-12-01 10:00', now).map((r) => r.kind)).toEqual(['timestamp']);
    expect(recognize('order 4711', now)).toEqual([]);
  });
});
