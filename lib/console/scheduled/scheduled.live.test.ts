import { describe, expect, it } from 'vitest';
import { brokerStatus, clusterList, topicStatus } from '../../../test-support/mqadmin';
import { LIVE } from '../../../test-support/sandbox';
import { liveConsole } from '../../../test-support/live-console';
import { getScheduleOverview } from './overview';

const TWO_HOURS = 2 * 3_600_000;

// traffic.sh leaves 2 messages at delay level 18 (2 h) and, on 5.x, 2 timer messages due in 2 h in LabDelayTopic
describe(`scheduled messages (${LIVE.version})`, () => {
  const { ctx } = liveConsole();

  it('shows per master and delay level the stored offset of mqadmin topicStatus SCHEDULE_TOPIC_XXXX and the delivered one of brokerStatus scheduleMessageOffset_<level>, and the demo\'s waiting messages with their due time', async () => {
    const [overview, stored] = await Promise.all([getScheduleOverview(ctx), topicStatus('SCHEDULE_TOPIC_XXXX', LIVE, false)]);
    expect(overview.failures).toEqual([]);
    expect(overview.brokers.map((b) => b.brokerName).sort()).toEqual(['broker-a', 'broker-b']);
    let compared = 0;
    for (const broker of overview.brokers) {
      expect(broker.levels.map((l) => l.delay).slice(0, 3)).toEqual(['1s', '5s', '10s']);
      const theirs = await brokerStatus(broker.addr, false);
      for (const level of broker.levels) {
        const where = `${broker.brokerName} level ${level.level}`;
        const queue = stored.find((r) => r.brokerName === broker.brokerName && r.queueId === level.level - 1);
        expect(level.maxOffset ?? 0, where).toBe(queue?.maxOffset ?? 0);
        const line = theirs[`scheduleMessageOffset_${level.level}`];
        // a 4.9 broker names a level only once it has delivered from it; until then nothing is delivered
        if (line !== undefined) expect(`${level.deliveredOffset},${level.maxOffset}`, where).toBe(line);
        else if (level.maxOffset !== undefined) expect(level.deliveredOffset, where).toBe(queue!.minOffset);
        if (level.maxOffset !== undefined) compared++;
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
