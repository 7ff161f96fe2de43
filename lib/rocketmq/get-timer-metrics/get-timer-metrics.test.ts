import { describe, expect, it } from 'vitest';
import { fixtureVersions, loadReply } from '../../../test-support/fixtures';
import { decodeTimerMetrics } from '.';

describe.each(fixtureVersions('get-timer-metrics', 'broker-a'))('GET_TIMER_METRICS from %s', (version) => {
  const [a, b] = (['broker-a', 'broker-b'] as const).map((broker) => decodeTimerMetrics(loadReply('get-timer-metrics', version, broker)));
  if (!version.startsWith('5')) {
    it('is not known to a 4.9 broker (code 3)', () => {
      for (const metrics of [a, b]) expect(metrics).toEqual({ kind: 'unsupported', reason: 'the broker has no timer wheel (4.x)' });
    });
    return;
  }
  it('counts the timer messages pending per real topic on each master', () => {
    const topics = [a, b].flatMap((metrics) => (metrics!.kind === 'metrics' ? metrics!.topics : []));
    expect([a!.kind, b!.kind]).toEqual(['metrics', 'metrics']);
    // the demo's two timer messages due in two hours, on whichever masters the producer picked; LabTopic's timer
    // messages (due after 10 s) were all delivered before the recording
    expect(topics.filter((t) => t.topic === 'LabDelayTopic').reduce((n, t) => n + t.count, 0)).toBe(2);
    expect(topics.filter((t) => t.topic === 'LabTopic').every((t) => t.count === 0)).toBe(true);
    expect(topics.every((t) => t.updatedAt > 1_700_000_000_000)).toBe(true);
  });
});
