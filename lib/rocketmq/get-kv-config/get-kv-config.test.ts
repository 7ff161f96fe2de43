import { describe, expect, it } from 'vitest';
import { fixtureVersions, loadReply } from '../../../test-support/fixtures';
import { decodeKvConfig, parseOrderConf } from '.';

describe.each(fixtureVersions('get-kv-config', 'order-conf'))('GET_KV_CONFIG from %s', (version) => {
  it('reads the orderConf that updateTopic -o true wrote', () => {
    const value = decodeKvConfig(loadReply('get-kv-config', version, 'order-conf'));
    expect(parseOrderConf(value!)).toEqual({ 'broker-a': 4, 'broker-b': 4 });
  });

  it('gives undefined for a key that is not there (code 22)', () => {
    const reply = loadReply('get-kv-config', version, 'missing');
    expect(reply.code).toBe(22);
    expect(decodeKvConfig(reply)).toBeUndefined();
  });
});
