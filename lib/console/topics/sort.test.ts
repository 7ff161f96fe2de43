import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TopicListItem, TopicType } from './catalog';
import { compareNames, filterTopics, sortTopics, TOPIC_SORTS, type TopicSort } from './sort';
import { TopicStatsTable } from './stats';

const item = (topic: string, type: TopicType = 'NORMAL', queues = 4, brokers = ['broker-a']): TopicListItem => ({
  topic, type, brokers, readQueueNums: queues, writeQueueNums: queues, perm: 'RW',
});

describe('filterTopics', () => {
  const items = [item('LabTopic'), item('%RETRY%LabGroup', 'RETRY'), item('RMQ_SYS_TRACE_TOPIC', 'SYSTEM'), item('Orders', 'FIFO')];

  it('searches case-insensitively, filters by type and hides system topics', () => {
    expect(filterTopics(items, { search: ' lab ' }).map((t) => t.topic)).toEqual(['LabTopic', '%RETRY%LabGroup']);
    expect(filterTopics(items, { type: 'FIFO' }).map((t) => t.topic)).toEqual(['Orders']);
    expect(filterTopics(items, { hideSystem: true }).map((t) => t.topic)).not.toContain('RMQ_SYS_TRACE_TOPIC');
    expect(filterTopics(items, { search: 'lab', type: 'RETRY' }).map((t) => t.topic)).toEqual(['%RETRY%LabGroup']);
  });
});

describe('sortTopics', () => {
  /** The order promised, written out plainly: known values in the direction asked, ties by name A to Z, unknown last. */
  function expected(items: TopicListItem[], sort: TopicSort, desc: boolean, stats: TopicStatsTable): string[] {
    const key = (t: TopicListItem): number | string | undefined =>
      ({ name: undefined, type: t.type, queues: t.writeQueueNums, brokers: t.brokers.length, messages: stats.get(t.topic)?.messages, lastWrite: stats.get(t.topic)?.lastUpdateTimestamp })[sort];
    return [...items]
      .sort((a, b) => {
        const byName = compareNames(a.topic, b.topic);
        if (sort === 'name') return desc ? -byName : byName;
        const ka = key(a);
        const kb = key(b);
        if (ka === undefined || kb === undefined) return ka === kb ? byName : ka === undefined ? 1 : -1;
        const c = ka < kb ? -1 : ka > kb ? 1 : 0;
        return (desc ? -c : c) || byName;
      })
      .map((t) => t.topic);
  }

  it('orders by every sort as promised, unknown numbers last in both directions (property)', () => {
    const arb = fc.uniqueArray(
      fc.record({
        name: fc.stringMatching(/^[a-dA-D_%]{1,5}$/),
        type: fc.constantFrom<TopicType>('NORMAL', 'FIFO', 'RETRY'),
        queues: fc.nat(8),
        messages: fc.option(fc.nat(50), { nil: undefined }),
        last: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }),
      }),
      { selector: (t) => t.name, maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, fc.constantFrom(...TOPIC_SORTS), fc.boolean(), (rows, sort, desc) => {
        const items = rows.map((r) => item(r.name, r.type, r.queues, r.queues % 2 ? ['broker-a'] : ['broker-a', 'broker-b'])).sort((a, b) => compareNames(a.topic, b.topic));
        const stats = new TopicStatsTable(items.map((t) => t.topic), 0);
        for (const r of rows) if (r.messages !== undefined) stats.add(r.name, r.messages, r.last ?? 0);
        expect(sortTopics(items, sort, desc, (t) => stats.get(t)).map((t) => t.topic)).toEqual(expected(items, sort, desc, stats));
      }),
    );
  });

  it('puts topics without numbers after every counted one, even an empty one (unknown is not 0)', () => {
    const items = ['a', 'b', 'c'].map((t) => item(t));
    const stats = new TopicStatsTable(['a', 'b', 'c'], 0);
    stats.add('b', 0, 0);
    stats.add('c', 7, 1000);
    expect(sortTopics(items, 'messages', true, (t) => stats.get(t)).map((t) => t.topic)).toEqual(['c', 'b', 'a']);
    expect(sortTopics(items, 'messages', false, (t) => stats.get(t)).map((t) => t.topic)).toEqual(['b', 'c', 'a']);
    expect(sortTopics(items, 'lastWrite', true, (t) => stats.get(t)).map((t) => t.topic)).toEqual(['c', 'a', 'b']);
  });
});

describe('TopicStatsTable', () => {
  it('adds each broker’s answer, keeps unknown as undefined and marks partial topics', () => {
    const stats = new TopicStatsTable(['t1', 't2', 't3'], 5);
    stats.add('t1', 3, 100);
    stats.add('t1', 4, 50);
    stats.add('t2', 0, 0);
    stats.markPartial('t2');
    stats.add('nope', 1, 1);
    expect(stats.get('t1')).toEqual({ messages: 7, lastUpdateTimestamp: 100, partial: false });
    expect(stats.get('t2')).toEqual({ messages: 0, lastUpdateTimestamp: undefined, partial: true });
    expect(stats.get('t3')).toEqual({ messages: undefined, lastUpdateTimestamp: undefined, partial: false });
    expect(stats.get('nope')).toBeUndefined();
    expect(stats.columnBytes).toBe(3 * 17);
  });
});
