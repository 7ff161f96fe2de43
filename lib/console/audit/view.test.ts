import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../store';
import { NOT_RECORDED, auditView, restorableQueues } from './view';

const planned = [
  { topic: 'T', brokerName: 'broker-a', queueId: 0, before: 10, target: 0, brokerOffset: 20 },
  { topic: 'T', brokerName: 'broker-a', queueId: 1, before: 11, target: 0, brokerOffset: 20 },
  { topic: 'T', brokerName: 'broker-b', queueId: 0, before: 12, target: 0, brokerOffset: 20 },
];
const applied = (q: (typeof planned)[number], outcome: 'reset' | 'failed') => ({ topic: q.topic, brokerName: q.brokerName, queueId: q.queueId, before: q.before, target: q.target, ok: outcome === 'reset', outcome, ...(outcome === 'reset' ? { applied: 0 } : { error: 'refused' }) });
const record = (progress: AuditRecord['progress']): AuditRecord => ({
  id: 7, at: 1_000, actor: 'alice', channel: 'ui', cluster: 'c', action: 'reset-offset', group: 'g', topic: 'T', params: {}, plan: { queues: planned }, undoOf: null, target: null, outcome: null, progress,
});

describe('an audit entry whose console died mid-reset', () => {
  it('shows the brokers recorded as done, every other planned queue as not recorded, and undo takes back all but the refused', () => {
    const view = auditView(record([{ at: 1_100, result: { queues: [applied(planned[0]!, 'reset'), applied(planned[1]!, 'failed')] } }]), new Set());
    expect(view.status).toBe('interrupted');
    expect(view.results!.map((r) => [r.brokerName, r.queueId, r.outcome, r.error ?? null])).toEqual([
      ['broker-a', 0, 'reset', null],
      ['broker-a', 1, 'failed', 'refused'],
      ['broker-b', 0, 'unknown', NOT_RECORDED],
    ]);
    expect(restorableQueues(view).map((q) => `${q.brokerName}/${q.queueId}`)).toEqual(['broker-a/0', 'broker-b/0']);
    expect(view.canUndo).toBe(true);
  });

  it('with nothing recorded, every planned queue may have been reset', () => {
    const view = auditView(record([]), new Set());
    expect(view.results!.every((r) => r.outcome === 'unknown')).toBe(true);
    expect(restorableQueues(view)).toEqual(planned);
  });

  it('while it runs in a live process, shows only what is recorded so far', () => {
    const view = auditView(record([{ at: 1_100, result: { queues: [applied(planned[0]!, 'reset')] } }]), new Set([7]));
    expect(view.status).toBe('started');
    expect(view.results!.map((r) => r.queueId)).toEqual([0]);
    expect(view.canUndo).toBe(false);
  });
});
