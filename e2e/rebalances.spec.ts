import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import type { RebalanceHistory } from '../lib/console/groups/rebalances';
import { openStore } from '../lib/console/store';
import { startedConsumer, type RunningConsumer } from '../test-support/consumer';
import { consumerConnection, consumerStatus, mqadmin } from '../test-support/mqadmin';
import { open } from './support';

// A fresh group on a fresh topic (4 queues per master), so the clients started here disturb no other spec's group.
// The e2e console reads online groups' clients every 3 s (REBALANCE_SAMPLE_INTERVAL_MS in playwright.config.ts).
test.describe('rebalance history', () => {
  const rebalancesUrl = (group: string) => `/api/clusters/local/groups/${group}/rebalances?range=1h`;
  const running: RunningConsumer[] = [];
  let groupUnderTest: string | undefined;
  // after the test however it ended, a timeout included: what the clients printed when it failed, then stop them
  test.afterEach(async ({ request }, testInfo) => {
    if (testInfo.status !== testInfo.expectedStatus) {
      for (const [i, c] of running.entries()) await testInfo.attach(`consumer-${i}.txt`, { body: c.output(), contentType: 'text/plain' });
      if (groupUnderTest) {
        const answer = await request.get(rebalancesUrl(groupUnderTest)).then((r) => r.text(), (e: unknown) => String(e));
        await testInfo.attach('rebalances.json', { body: answer, contentType: 'application/json' });
      }
    }
    groupUnderTest = undefined;
    for (const c of running.splice(0)) await c.stop();
  });

  test('draws a second client joining and leaving on the lag chart and lists who and which queues moved', async ({ page, request }) => {
    test.setTimeout(300_000);
    const suffix = Date.now().toString(36);
    const [group, topic] = [`e2e_cg_rebalance_${suffix}`, `E2eRebalanceTopic_${suffix}`];
    groupUnderTest = group;
    await mqadmin(['updateTopic', '-c', 'DefaultCluster', '-t', topic, '-r', '4', '-w', '4'], { cache: false });
    const start = async (instance: string) => running.push(await startedConsumer(['--group', group, '--topic', topic, '--instance', `${instance}_${suffix}`, '--threads', '2']));
    const history = async (api: APIRequestContext) => (await (await api.get(rebalancesUrl(group))).json()) as RebalanceHistory;
    await start('first');
    // the sampler's first reading of the group is its baseline (no event): wait for it before the second client
    const store = await openStore({ sqlitePath: path.resolve(process.env.E2E_DATA_DIR ?? 'test-results/e2e-data', 'console.db') });
    try {
      await expect.poll(async () => (await store.rebalance.baselines('local')).find((b) => b.group === group)?.clients ?? 0, { timeout: 90_000 }).toBe(1);
    } finally {
      await store.close();
    }

    await start('second');
    await expect.poll(async () => (await history(request)).rebalances.flatMap((r) => r.joined).filter((id) => id.includes(`second_${suffix}`)), { timeout: 90_000 }).toHaveLength(1);
    // the sampler may see the second client before it took its queues: wait until the moves equal what mqadmin says it holds
    const secondId = (await history(request)).rebalances.flatMap((r) => r.joined).find((id) => id.includes(`second_${suffix}`))!;
    const held = (await consumerStatus(group, secondId)).offsets.filter((o) => o.topic === topic).map((o) => `${topic} ${o.brokerName}/${o.queueId}`).sort();
    expect(held).toHaveLength(4);
    await expect
      .poll(async () => (await history(request)).rebalances.flatMap((r) => r.moved.filter((m) => m.to === secondId && m.topic === topic).map((m) => `${m.topic} ${m.brokerName}/${m.queueId}`)).sort(), { timeout: 60_000 })
      .toEqual(held);

    await open(page, `/groups/${group}`);
    // a vertical line's box is 0 px wide, which Playwright calls hidden: count the markers instead
    await expect(page.getByTestId('lag-chart').locator('.rebalance-marker')).not.toHaveCount(0, { timeout: 30_000 });
    const rows = page.getByTestId('rebalance-row');
    await expect(rows.first()).toBeVisible();
    await expect(page.getByTestId('rebalances').getByTestId('rebalance-joined').filter({ hasText: secondId })).toHaveCount(1);
    // each row says how many queues moved; opened, it names each one from → to. The sampler may see the join in two
    // readings (CI: the retry queue first, the topic's queues a reading later), so the rows together name them
    const moved = page.getByTestId('rebalances').getByTestId('rebalance-moved').locator('summary');
    for (let i = 0; i < (await moved.count()); i++) await moved.nth(i).click();
    const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const q of held) await expect(page.getByTestId('rebalances')).toContainText(new RegExp(`${literal(q)}: [^→]*→ ${literal(secondId)}`));

    // the second client leaves: its queues go back to the first
    await running.pop()!.stop();
    await expect.poll(async () => (await history(request)).rebalances.flatMap((r) => r.left).filter((id) => id === secondId), { timeout: 150_000 }).toEqual([secondId]);
    // The first client never stopped, but on a loaded machine a broker can drop it for a while (its channel closed
    // after a timed-out call, back at its next heartbeat): the history then records it leaving and joining again,
    // as the broker said. Whatever it recorded of the first client must end with it online, as mqadmin lists it.
    const firstId = (await consumerConnection(group, false)).clients.map((c) => c.clientId).find((id) => id.includes(`first_${suffix}`));
    expect(firstId).toBeDefined();
    await expect
      .poll(async () => {
        const events = (await history(request)).rebalances.flatMap((r) => [...r.left.filter((id) => id === firstId).map(() => -1), ...r.joined.filter((id) => id === firstId).map(() => 1)]);
        return events.reduce((a, b) => a + b, 0);
      }, { timeout: 60_000 })
      .toBe(0);
    expect((await history(request)).rebalances.flatMap((r) => [...r.joined, ...r.left]).every((id) => id === firstId || id === secondId)).toBe(true);
    await page.reload();
    await expect(page.getByTestId('rebalance-left').filter({ hasText: secondId })).toHaveCount(1, { timeout: 30_000 });
    await expect(page.getByTestId('lag-chart').locator('.rebalance-marker')).not.toHaveCount(0);
    await expect(page.getByTestId('rebalance-legend')).toContainText('rebalance');
    await page.screenshot({ path: path.join('test-results', 'screens', 'group-rebalances.png'), fullPage: true });
  });

  test('a group without rebalances says so under its chart', async ({ page }) => {
    await open(page, '/groups/lab_cg_cluster');
    await expect(page.getByTestId('rebalances')).toContainText('No rebalance in this range');
  });
});
