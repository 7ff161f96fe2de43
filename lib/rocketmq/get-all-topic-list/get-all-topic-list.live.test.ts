import { describe, expect, it } from 'vitest';
import { topicList } from '../../../test-support/mqadmin';
import { LIVE } from '../../../test-support/sandbox';
import { livePool } from '../../../test-support/live';
import { getAllTopicList } from '.';

describe(`GET_ALL_TOPIC_LIST_FROM_NAMESERVER live (${LIVE.version})`, () => {
  const pool = livePool();

  it('gives the same set of topics as mqadmin topicList', async () => {
    // asked side by side, again if a broker created a system topic in between
    await expect
      .poll(async () => {
        const [theirs, ours] = await Promise.all([topicList(), getAllTopicList(pool, LIVE.namesrv)]);
        return [[...ours.topics].sort(), theirs.sort()];
      }, { timeout: 30_000, interval: 1000 })
      .toSatisfy(([ours, theirs]) => JSON.stringify(ours) === JSON.stringify(theirs));
    expect((await getAllTopicList(pool, LIVE.namesrv)).topics).toContain('LabTopic');
  });
});
