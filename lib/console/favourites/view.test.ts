import { describe, expect, it } from 'vitest';
import type { AlertView } from '../alerts/view';
import { PackedQueues } from '../lag/packed-queues';
import type { GroupSnapshot, LagSnapshot, QueueLag } from '../lag/types';
import type { TopicListItem } from '../topics/catalog';
import { starredTopic, type StarredInputs } from './view';
import { Sentences } from '../core/say';

const AS_OF = Date.UTC(2026, 0, 1, 12);
const q = (topic: string, queueId: number, lag: number, oldest?: number): QueueLag => ({ topic, brokerName: 'broker-a', queueId, brokerOffset: 50, consumerOffset: 50 - lag, lag, lastTimestamp: 0, ...(oldest !== undefined ? { oldestUnconsumedTimestamp: oldest } : {}) });
const g = (group: string, queues: QueueLag[]) => ({ group, topics: [...new Set(queues.map((x) => x.topic))], queues: PackedQueues.pack(queues), lag: queues.reduce((n, x) => n + x.lag, 0) }) as unknown as GroupSnapshot;
const row = (topic: string, messages?: number): TopicListItem => ({ topic, type: 'NORMAL', brokers: ['broker-a'], readQueueNums: 4, writeQueueNums: 4, perm: 'RW-', ...(messages !== undefined ? { messages, lastUpdateTimestamp: AS_OF - 5000 } : {}) });
const alert = (subject: string, phase: AlertView['phase']) => ({ ruleId: 'r', ruleName: 'lag', kind: 'lag', severity: 'warning', threshold: 1, subject, phase, since: AS_OF, activeAt: AS_OF, value: 3 }) as AlertView;
const star = { kind: 'topic' as const, name: 'Orders', createdAt: 1 };

function inputs(extra: Partial<StarredInputs>): StarredInputs {
  const snapshot = { asOf: AS_OF, groups: [g('billing', [q('Orders', 0, 3, AS_OF - 90_000), q('Other', 0, 100, AS_OF - 999_000)]), g('audit', [q('Orders', 1, 2, AS_OF - 30_000)]), g('unrelated', [q('Other', 1, 9)])] } as unknown as LagSnapshot;
  return { favourites: [star], snapshot, topics: new Map([['Orders', row('Orders', 1234)]]), alerts: [alert('billing', 'firing'), alert('unrelated', 'firing'), alert('audit', 'resolved')], groupsKnownElsewhere: new Set(), said: new Sentences(), ...extra };
}

describe('a starred topic', () => {
  it("shows the topic list's figures, the consuming groups' lag on its own queues and their open alerts", () => {
    const t = starredTopic(star, inputs({}));
    expect(t).toMatchObject({ status: 'found', type: 'NORMAL', messages: 1234, lastUpdateTimestamp: AS_OF - 5000, groups: 2, lag: 5, lagAgeMs: 90_000 });
    expect(t.alerts.map((a) => `${a.subject} ${a.phase}`)).toEqual(['billing firing']);
  });

  it('is missing when the catalog no longer lists it, and unknown (not 0) when figures cannot be read', () => {
    expect(starredTopic(star, inputs({ topics: new Map() }))).toMatchObject({ status: 'missing', reason: expect.stringMatching(/deleted/) });
    const unread = starredTopic(star, inputs({ topics: undefined, topicsUnknown: 'the namesrv did not answer' }));
    expect(unread).toMatchObject({ status: 'unknown', reason: 'the namesrv did not answer' });
    expect(unread.messages).toBeUndefined();
    const noSnapshot = starredTopic(star, inputs({ snapshot: undefined, lagUnknown: 'the first lag snapshot is still being built', topics: new Map([['Orders', row('Orders')]]) }));
    expect(noSnapshot).toMatchObject({ status: 'found', reason: 'the first lag snapshot is still being built' });
    expect([noSnapshot.messages, noSnapshot.lag, noSnapshot.groups]).toEqual([undefined, undefined, undefined]);
  });
});
