import { describe, expect, it } from 'vitest';
import { mqadminTime, topicStatus } from '../../../test-support/mqadmin';
import { liveConsole } from '../../../test-support/live-console';
import { LIVE, withBrokerFrozen } from '../../../test-support/sandbox';
import { listTopics } from './list';

// FREEZES_WITHOUT_CLIENTS: this file reads no client, so it runs after the freezing files that do

describe(`topic stats live (${LIVE.version})`, () => {
  const { ctx } = liveConsole();

  it('counts a topic’s messages and last write as mqadmin topicStatus prints them', async () => {
    const table = await ctx.topicStats.refresh();
    // the oracle: mqadmin's own table, read fresh (not the cached output other tests share)
    const rows = await topicStatus('LabTopic', LIVE, false);
    const lab = table.get('LabTopic');
    expect(lab?.messages).toBe(rows.reduce((n, r) => n + r.maxOffset - r.minOffset, 0));
    expect(lab?.messages).toBeGreaterThan(0);
    expect(lab?.lastUpdateTimestamp).toBe(Math.max(...rows.map((r) => mqadminTime(r.lastUpdated)).filter((t) => t > 0)));
    expect(lab?.partial).toBe(false);
    expect(table.failures).toEqual([]);
  });

  it('sorts the list by messages from the stats and says how old they are', async () => {
    const table = await ctx.topicStats.refresh();
    const page = await listTopics(ctx, { sort: 'messages', desc: true, page: 1, pageSize: 10, hideSystem: true });
    expect(page.stats.pending).toBe(false);
    expect(page.stats.asOf).toBe(table.asOf);
    const counts = page.items.map((t) => table.get(t.topic)?.messages);
    expect(counts.every((c) => c !== undefined)).toBe(true);
    expect([...counts].sort((a, b) => b! - a!)).toEqual(counts);
  });

  it('marks the topics of a broker that does not answer partial and names it, never counting them as 0', async () => {
    const slow = liveConsole({ requestTimeoutMs: 1000, fanOutDeadlineMs: 1500 }).ctx;
    await slow.admin.readableBrokers();
    const table = await withBrokerFrozen('broker-b-0', () => slow.topicStats.refresh());
    expect(table.failures.map((f) => f.brokerName)).toContain('broker-b');
    const lab = table.get('LabTopic');
    expect(lab?.partial).toBe(true);
    // broker-a's queues are still counted: a lower bound, marked, not a blank
    const onA = (await topicStatus('LabTopic', LIVE, false)).filter((r) => r.brokerName === 'broker-a');
    expect(lab?.messages).toBe(onA.reduce((n, r) => n + r.maxOffset - r.minOffset, 0));
  }, 60_000);
});
