import { describe, expect, it } from 'vitest';
import { fixtureVersions, loadReply } from '../../../test-support/fixtures';
import { decodeProducerTable } from '.';

describe.each(fixtureVersions('get-all-producer-info', 'broker-a'))('GET_ALL_PRODUCER_INFO from %s', (version) => {
  it('decodes every producer group on the broker with its connections, inner groups included', () => {
    const table = decodeProducerTable(loadReply('get-all-producer-info', version, 'broker-a'));
    if (table.kind !== 'table') throw new Error(`expected a table, got ${table.reason}`);
    const online = table.groups.get('lab_pg_online');
    expect(online).toHaveLength(1);
    expect(online![0]).toMatchObject({ language: 'JAVA', remoteAddr: expect.stringMatching(/^127\.0\.0\.1:\d+$/) });
    expect(online![0]!.lastUpdateTimestamp).toBeGreaterThan(1_700_000_000_000);
    expect(online![0]!.version).toBeGreaterThan(0);
    // every Java client instance registers the inner producer group too
    expect(table.groups.get('CLIENT_INNER_PRODUCER')!.length).toBeGreaterThanOrEqual(4);
    expect([...table.groups.keys()]).toEqual([...table.groups.keys()].sort());
  });

  it('says a broker without the request code cannot list producers', () => {
    expect(decodeProducerTable({ code: 3, remark: 'request type 328 not supported', flag: 1, opaque: 1, version: 0, language: 'JAVA', extFields: {} } as never)).toEqual({ kind: 'unsupported', reason: expect.stringMatching(/4\.9\.4/) });
  });
});
