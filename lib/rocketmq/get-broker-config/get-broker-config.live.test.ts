import { describe, expect, it } from 'vitest';
import { mqadmin } from '../../../test-support/mqadmin';
import { LIVE } from '../../../test-support/sandbox';
import { livePool } from '../../../test-support/live';
import { getBrokerConfig } from '.';

describe(`GET_BROKER_CONFIG live (${LIVE.version})`, () => {
  const pool = livePool();

  it('gives the configuration mqadmin getBrokerConfig prints', async () => {
    const out = await mqadmin(['getBrokerConfig', '-b', LIVE.brokerAMaster], { cache: false });
    const theirs = new Map<string, string>();
    for (const line of out.split('\n')) {
      const m = /^(\w+)\s*=\s(.*)$/.exec(line);
      if (m) theirs.set(m[1]!, m[2]!.trim());
    }
    const { properties } = await getBrokerConfig(pool, LIVE.brokerAMaster);
    expect(theirs.size).toBeGreaterThan(50);
    for (const [k, v] of theirs) expect(properties[k], k).toBe(v);
  });
});
