import { describe, expect, it } from 'vitest';
import { fixtureVersions, loadReply } from '../../../test-support/fixtures';
import { decodeKvList } from '.';

describe.each(fixtureVersions('get-kvlist-by-namespace', 'order-conf'))('GET_KVLIST_BY_NAMESPACE from %s', (version) => {
  it('lists every ordered topic of the namespace', () => {
    expect(decodeKvList(loadReply('get-kvlist-by-namespace', version, 'order-conf'))).toEqual({
      LabOrderTopic: expect.stringMatching(/^broker-[ab]:4;broker-[ab]:4$/),
    });
  });
});
