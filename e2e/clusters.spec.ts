import { expect, test } from '@playwright/test';
import { sandboxAdmin } from '../test-support/admin';
import { clusterList, consumerProgress, consumerProgressAll } from '../test-support/mqadmin';
import { offlineGroupWithOffsets } from '../test-support/reset';
import { isPopPhantom, popGroupsOf, SANDBOXES, type Sandbox } from '../test-support/sandbox';
import { isSystemGroup } from '../lib/console/core/names';
import { open } from './support';

// The console serves both sandboxes side by side: `local` (RocketMQ 5.5.0) and `local-4.9` (4.9.8). Each page is of
// one cluster and says which; mqadmin of that cluster is the oracle.
const five = SANDBOXES.v5;
const four = SANDBOXES.v4;
const key = (r: { brokerName: string; queueId: number }) => `${r.brokerName}/${r.queueId}`;
const offsetsOf = async (group: string, on: Sandbox) => new Map((await consumerProgress(group, 'LabTopic', false, on)).rows.map((r) => [key(r), r.consumerOffset]));

test.describe('two clusters side by side', () => {
  test('the home page shows both: brokers up, versions and total lag as each cluster\'s mqadmin says', async ({ page, request }) => {
    const [brokers5, brokers4, groups5, groups4] = await Promise.all([clusterList(five), clusterList(four), consumerProgressAll(false, five), consumerProgressAll(false, four)]);
    expect(brokers5).toHaveLength(3);
    expect(brokers4).toHaveLength(3);
    await open(page, '/');
    for (const [sandbox, brokers, groups] of [[five, brokers5, groups5], [four, brokers4, groups4]] as const) {
      const card = page.locator(`[data-testid="home-cluster"][data-cluster="${sandbox.cluster}"]`);
      await expect(card.getByTestId('home-brokers-up')).toHaveText(`${brokers.length} / ${brokers.length}`);
      await expect(card.getByText(brokers[0]!.version, { exact: true })).toBeVisible();
      // the lag snapshot of every user group, equal to the sum mqadmin consumerProgress prints (no traffic runs now),
      // plus on 5.x the proxy's POP groups, which it cannot list (their lag as the live suite holds it against brokerConsumeStats)
      const userGroups = groups.filter((g) => !isSystemGroup(g.group) && !isPopPhantom(g.group, sandbox));
      expect(userGroups.length).toBeGreaterThan(3);
      let popLag = 0;
      for (const group of popGroupsOf(sandbox)) {
        const progress = await request.get(`/api/clusters/${sandbox.cluster}/groups/${group}/progress`);
        expect(progress.status(), group).toBe(200);
        popLag += ((await progress.json()) as { totalLag: number }).totalLag;
      }
      await expect(card.getByTestId('home-total-lag')).toHaveText((userGroups.reduce((n, g) => n + g.diffTotal, 0) + popLag).toLocaleString('en-US'), { timeout: 30_000 });
    }
  });

  test('moves between the clusters with the switcher, keeping the section; each list is its own cluster\'s', async ({ page }) => {
    const theirs4 = (await consumerProgressAll(false, four)).filter((g) => !isSystemGroup(g.group));
    expect(theirs4.length).toBeGreaterThan(3);
    await open(page, `/clusters/${five.cluster}/groups?pageSize=500`);
    await expect(page.getByTestId('group-row').first()).toBeVisible();
    await page.getByLabel('Cluster', { exact: true }).selectOption(four.cluster);
    await expect(page).toHaveURL(new RegExp(`/clusters/${four.cluster.replace('.', '\\.')}/groups$`));
    await expect(page.getByRole('heading', { name: 'Consumer groups' })).toBeVisible();
    await page.goto(`/clusters/${four.cluster}/groups?pageSize=500`);
    for (const g of theirs4.filter((r) => r.group.startsWith('lab_'))) {
      const row = page.getByTestId('group-row').filter({ has: page.getByRole('link', { name: g.group, exact: true }) });
      await expect(row.locator('td').nth(2)).toHaveText(g.diffTotal.toLocaleString('en-US'));
    }
    // a group page of the 4.9 cluster, its queues as the 4.9 mqadmin prints them (LabTopic's 8 and, on 4.9, the retry topic's)
    const progress = await consumerProgress('lab_cg_cluster', undefined, false, four);
    expect(progress.rows.filter((r) => r.topic === 'LabTopic')).toHaveLength(8);
    await open(page, `/clusters/${four.cluster}/groups/lab_cg_cluster`);
    await expect(page.getByTestId('progress-row')).toHaveCount(progress.rows.length);
    await expect(page.getByTestId('total-lag')).toHaveText(progress.diffTotal.toLocaleString('en-US'));
  });

  test('resets a group on the 4.9.8 cluster while the 5.5.0 one is open in another tab; each keeps its own audit log', async ({ page, context }) => {
    test.setTimeout(180_000);
    const group = `e2e_two_${Date.now().toString(36)}`;
    // the same group name on both clusters: nothing of one may reach the other
    const admin4 = sandboxAdmin(four.namesrv);
    const admin5 = sandboxAdmin(five.namesrv);
    const original4 = await offlineGroupWithOffsets(admin4, group, four);
    const original5 = await offlineGroupWithOffsets(admin5, group, five);
    admin4.close();
    admin5.close();

    const other = await context.newPage();
    await open(other, `/clusters/${five.cluster}/groups/${group}`);
    await expect(other.getByTestId('progress-row')).toHaveCount(8);

    await open(page, `/clusters/${four.cluster}/groups/${group}`);
    await expect(page.getByTestId('progress-row')).toHaveCount(8);
    await page.getByRole('button', { name: 'Reset offsets…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Latest (skip backlog)').check();
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect(dialog.getByTestId('preview-row')).toHaveCount(8);
    await dialog.getByLabel('Type the group name to confirm').fill(group);
    await dialog.getByRole('button', { name: 'Apply reset' }).click();
    await expect(dialog.getByTestId('reset-result')).toContainText('completed');

    // 4.9.8: every queue at its max offset; 5.5.0: untouched
    const after4 = await offsetsOf(group, four);
    const max4 = new Map((await consumerProgress(group, 'LabTopic', false, four)).rows.map((r) => [key(r), r.brokerOffset]));
    expect(after4.size).toBe(8);
    for (const [k, offset] of after4) expect(offset, k).toBe(max4.get(k));
    expect(after4).not.toEqual(original4);
    expect(await offsetsOf(group, five)).toEqual(original5);

    // the tab on the 5.5.0 cluster still shows its own numbers, and its audit log has no row of the 4.9 reset
    await other.getByRole('button', { name: /Refresh/ }).click();
    await expect(other.getByTestId('total-lag')).toHaveText((await consumerProgress(group, 'LabTopic', false, five)).diffTotal.toLocaleString('en-US'));
    await open(other, `/clusters/${five.cluster}/audit?group=${group}`);
    await expect(other.getByTestId('empty-state')).toBeVisible();
    await open(page, `/clusters/${four.cluster}/audit?group=${group}`);
    await expect(page.getByTestId('audit-row')).toHaveCount(1);
    await expect(page.getByTestId('audit-row')).toContainText('reset-offset');
  });

  test('answers an unknown cluster with 404 naming the field, on pages and in the API', async ({ page, request }) => {
    const api = await request.get('/api/clusters/no-such-cluster/groups');
    expect(api.status()).toBe(404);
    expect(await api.json()).toMatchObject({ error: { field: 'cluster', message: expect.stringContaining('no cluster named "no-such-cluster"') } });
    const response = await page.goto('/clusters/no-such-cluster/groups');
    expect(response?.status()).toBe(404);
    // the old one-cluster URLs are the default cluster's
    const legacy = await request.get('/api/groups?pageSize=1');
    expect(legacy.status()).toBe(200);
    await open(page, '/topics');
    await expect(page).toHaveURL(new RegExp(`/clusters/${five.cluster}/topics$`));
  });
});
