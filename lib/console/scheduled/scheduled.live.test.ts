import { describe, expect, it } from 'vitest';
import { brokerStatus, clusterList } from '../../../test-support/mqadmin';
import { LIVE } from '../../../test-support/sandbox';
import { liveConsole } from '../../../test-support/live-console';
import { getScheduleOverview } from './overview';

const TWO_HOURS = 2 * 3_600_000;

// traffic.sh leaves 2 messages at delay level 18 (2 h) and, on 5.x, 2 timer messages due in 2 h in LabDelayTopic
describe(`scheduled messages (${LIVE.version})`, () => {
  const { ctx } = liveConsole();

  it('shows per master and delay level the offsets mqadmin brokerStatus prints as scheduleMessageOffset_<level>, and the demo\'s waiting messages with their due time', async () => {
    const overview = await getScheduleOverview(ctx);
    expect(overview.failures).toEqual([]);
    expect(overview.brokers.map((b) => b.brokerName).sort()).toEqual(['broker-a', 'broker-b']);
    let compared = 0;
    for (const broker of overview.brokers) {
      expect(broker.levels.map((l) => l.delay).slice(0, 3)).toEqual(['1s', '5s', '10s']);
      const theirs = await brokerStatus(broker.addr, false);
      for (const level of broker.levels) {
        const line = theirs[`scheduleMessageOffset_${level.level}`];
        expect(level.maxOffset === undefined ? undefined : `${level.deliveredOffset},${level.maxOffset}`, `${broker.brokerName} level ${level.level}`).toBe(line);
        if (line !== undefined) compared++;
      }
    }
    // the demo used level 2 (5 s) and level 18 (2 h): the oracle loop compared real lines
    expect(compared).toBeGreaterThanOrEqual(2);
    const level18 = overview.brokers.map((b) => b.levels[17]!);
    expect(level18.reduce((n, l) => n + l.waiting, 0)).toBe(2);
    for (const l of level18.filter((x) => x.waiting > 0)) {
      expect(l.next).toMatchObject({ realTopic: 'LabDelayTopic' });
      expect(l.next!.dueAt - l.next!.storedAt).toBe(TWO_HOURS);
      expect(l.next!.dueAt).toBeGreaterThan(Date.now());
    }
  });

  if (LIVE.isV5) {
    it('5.x: shows the timer wheel as the #Timer(Progress) column of mqadmin clusterList, and the demo\'s pending timer messages per topic', async () => {
      const [overview, rows] = await Promise.all([getScheduleOverview(ctx), clusterList(LIVE)]);
      for (const broker of overview.brokers) {
        const row = rows.find((r) => r.addr === broker.addr)!;
        const m = /^(-?\d+)-(-?\d+)\(([\d.]+)w, ([\d.]+), ([\d.]+)\)$/.exec(row.timerProgress ?? '');
        expect(m, `${broker.brokerName} ${row.timerProgress}`).not.toBeNull();
        // read a moment apart: the backlogs are at rest in the sandbox, the delivery lag in seconds may tick by one
        expect(Math.abs(broker.timer!.readBehindSeconds - Number(m![1]))).toBeLessThanOrEqual(2);
        expect(broker.timer!.offsetBehind).toBe(Number(m![2]));
        expect((broker.timer!.congestion / 10_000).toFixed(1)).toBe(m![3]);
      }
      const pending = overview.brokers.flatMap((b) => b.timer!.topics.filter((t) => t.topic === 'LabDelayTopic').map((t) => t.count));
      expect(pending.reduce((n, c) => n + c, 0)).toBe(2);
    });
  } else {
    it('4.9: says the broker has no timer wheel', async () => {
      const overview = await getScheduleOverview(ctx);
      for (const broker of overview.brokers) expect(broker).toMatchObject({ timerUnavailable: 'the broker has no timer wheel (4.x)' });
    });
  }
});
