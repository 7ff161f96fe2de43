import { describe, expect, it } from 'vitest';
import { topicList } from '../../testing/mqadmin';
import { LIVE } from '../../testing/sandbox';
import { livePool } from '../testing/live';
import { getAllTopicList } from '.';

describe(`GET_ALL_TOPIC_LIST_FROM_NAMESERVER live (${LIVE.version})`, () => {
  const pool = livePool();

  it('gives the same set of topics as mqadmin topicList', async () => {
    const { topics } = await getAllTopicList(pool, LIVE.namesrv);
    expect([...topics].sort()).toEqual((await topicList()).sort());
    expect(topics).toContain('LabTopic');
  });
});
