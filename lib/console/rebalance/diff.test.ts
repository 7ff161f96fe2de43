import { describe, expect, it } from 'vitest';
import type { MessageQueue } from '../../rocketmq/message-queue';
import { diffAssignment, type Assignment, type GroupSample } from './diff';

const q = (brokerName: string, queueId: number, topic = 'T'): MessageQueue => ({ topic, brokerName, queueId });
const sample = (held: Record<string, MessageQueue[]>, clients = Object.keys(held), broadcasting = false): GroupSample => ({ clients, held: new Map(Object.entries(held)), broadcasting });

/** The assignment after one sample of these holdings (a baseline). */
function baseline(held: Record<string, MessageQueue[]>, clients?: string[]): Assignment {
  const { events, next } = diffAssignment(undefined, sample(held, clients), 1000);
  expect(events).toEqual([]);
  return next;
}

describe('diffAssignment', () => {
  it('a group seen for the first time only sets the baseline, each queue with its holder in MessageQueue order', () => {
    const { events, next } = diffAssignment(undefined, sample({ B: [q('b', 1)], A: [q('a', 0), q('a', 1)] }), 1000);
    expect(events).toEqual([]);
    expect(next).toEqual({
      t: 1000,
      clients: ['A', 'B'],
      queues: [
        { ...q('a', 0), clientId: 'A' },
        { ...q('a', 1), clientId: 'A' },
        { ...q('b', 1), clientId: 'B' },
      ],
    });
  });

  it('nothing changed: no events', () => {
    const prev = baseline({ A: [q('a', 0)], B: [q('a', 1)] });
    expect(diffAssignment(prev, sample({ A: [q('a', 0)], B: [q('a', 1)] }), 2000).events).toEqual([]);
  });

  it('a client joins and takes half the queues: joined, then each queue moved from A to B', () => {
    const prev = baseline({ A: [q('a', 0), q('a', 1), q('b', 0), q('b', 1)] });
    const { events, next } = diffAssignment(prev, sample({ A: [q('a', 0), q('a', 1)], B: [q('b', 0), q('b', 1)] }), 2000);
    expect(events).toEqual([
      { kind: 'joined', clientId: 'B' },
      { kind: 'moved', topic: 'T', brokerName: 'b', queueId: 0, from: 'A', to: 'B' },
      { kind: 'moved', topic: 'T', brokerName: 'b', queueId: 1, from: 'A', to: 'B' },
    ]);
    expect(next.clients).toEqual(['A', 'B']);
  });

  it('a client leaves: left, and its queues moved to the survivor', () => {
    const prev = baseline({ A: [q('a', 0)], B: [q('b', 0)] });
    const { events } = diffAssignment(prev, sample({ A: [q('a', 0), q('b', 0)] }), 2000);
    expect(events).toEqual([
      { kind: 'left', clientId: 'B' },
      { kind: 'moved', topic: 'T', brokerName: 'b', queueId: 0, from: 'B', to: 'A' },
    ]);
  });

  it('the last client leaves: every queue unassigned; a queue nobody held before is assigned', () => {
    const prev = baseline({ A: [q('a', 0)] });
    const gone = diffAssignment(prev, sample({}), 2000);
    expect(gone.events).toEqual([
      { kind: 'left', clientId: 'A' },
      { kind: 'moved', topic: 'T', brokerName: 'a', queueId: 0, from: 'A', to: null },
    ]);
    expect(gone.next).toEqual({ t: 2000, clients: [], queues: [] });
    const back = diffAssignment(gone.next, sample({ C: [q('a', 0)] }), 3000);
    expect(back.events).toEqual([
      { kind: 'joined', clientId: 'C' },
      { kind: 'moved', topic: 'T', brokerName: 'a', queueId: 0, from: null, to: 'C' },
    ]);
  });

  it('a client whose running info is unknown is not taken as holding nothing: its queues are neither moved nor unassigned', () => {
    const prev = baseline({ A: [q('a', 0)], B: [q('b', 0), q('b', 1)] });
    // B is online but did not answer; A still holds its queue
    const { events, next } = diffAssignment(prev, sample({ A: [q('a', 0)] }, ['A', 'B']), 2000);
    expect(events).toEqual([]);
    expect(next.queues).toEqual(prev.queues);
    // B answers the next time, having handed b/1 to A meanwhile: one move, from the holder last known
    const later = diffAssignment(next, sample({ A: [q('a', 0), q('b', 1)], B: [q('b', 0)] }), 3000);
    expect(later.events).toEqual([{ kind: 'moved', topic: 'T', brokerName: 'b', queueId: 1, from: 'B', to: 'A' }]);
  });

  it('a queue a readable client reports is recorded even while another client is unknown; a new unknown client still counts as joined', () => {
    const prev = baseline({ A: [q('a', 0)], B: [q('b', 0)] });
    const { events } = diffAssignment(prev, sample({ A: [q('a', 0), q('b', 0)] }, ['A', 'B', 'C']), 2000);
    expect(events).toEqual([
      { kind: 'joined', clientId: 'C' },
      { kind: 'moved', topic: 'T', brokerName: 'b', queueId: 0, from: 'B', to: 'A' },
    ]);
  });

  it('two clients reporting one queue for a moment (the old holder has not dropped it): no move until it lets go', () => {
    const prev = baseline({ A: [q('a', 0), q('a', 1)] });
    const during = diffAssignment(prev, sample({ A: [q('a', 0), q('a', 1)], B: [q('a', 1)] }), 2000);
    expect(during.events).toEqual([{ kind: 'joined', clientId: 'B' }]);
    const after = diffAssignment(during.next, sample({ A: [q('a', 0)], B: [q('a', 1)] }), 3000);
    expect(after.events).toEqual([{ kind: 'moved', topic: 'T', brokerName: 'a', queueId: 1, from: 'A', to: 'B' }]);
  });

  it('a broadcasting group (every client holds every queue): joins and leaves only', () => {
    const prev = diffAssignment(undefined, sample({ A: [q('a', 0)] }, ['A'], true), 1000).next;
    const { events, next } = diffAssignment(prev, sample({ A: [q('a', 0)], B: [q('a', 0)] }, ['A', 'B'], true), 2000);
    expect(events).toEqual([{ kind: 'joined', clientId: 'B' }]);
    expect(next.queues).toEqual([]);
  });
});
