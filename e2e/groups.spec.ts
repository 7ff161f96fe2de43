import path from 'node:path';
import { expect, test } from '@playwright/test';
import { openStore } from '../lib/console/store';
import { consumerConfig, consumerProgress, consumerProgressAll, consumerStatus, consumerThreads } from '../test-support/mqadmin';
import { LIVE } from '../test-support/sandbox';
import { isSystemGroup } from '../lib/console/core/names';
import { open } from './support';

test.describe('consumer groups', () => {
  test('lists groups sorted by lag with the numbers of mqadmin consumerProgress, state in the URL', async ({ page }) => {
    // TOOLS_CONSUMER is the group mqadmin itself pulls with (queryMsgByOffset): its offsets move under the tests
    const theirs = (await consumerProgressAll(false)).filter((r) => r.group !== 'TOOLS_CONSUMER');
    expect(theirs.map((r) => r.group)).toEqual(expect.arrayContaining(['lab_cg_broadcast', 'lab_cg_cluster', 'lab_cg_online', 'lab_cg_sql']));
    await open(page, '/groups');
    await expect(page.getByTestId('group-row').first()).toBeVisible();
    // default sort: lag, descending
    const lagCells = page.getByTestId('group-row').locator('td:nth-child(3)');
    const lags = (await lagCells.allTextContents()).map((t) => Number(t.replace(/,/g, '')));
    expect(lags).toEqual([...lags].sort((a, b) => b - a));
    await open(page, '/groups?system=show&pageSize=500');
    await expect(page.getByTestId('group-link').filter({ hasText: 'lab_cg_cluster' })).toHaveCount(1);
    const listed = new Set(await page.getByTestId('group-link').allTextContents());
    for (const row of theirs) {
      const tr = page.getByTestId('group-row').filter({ has: page.getByRole('link', { name: row.group, exact: true }) });
      if (!listed.has(row.group)) {
        // mqadmin lists a group by its %RETRY% topic, which stays when the group is deleted (other suites delete
        // theirs): the console lists groups by their config, so such a group must have none left anywhere
        expect(await consumerConfig(row.group).catch(() => []), `${row.group} has a config, yet the console does not list it`).toEqual([]);
        continue;
      }
      await expect(tr.locator('td').nth(2)).toHaveText(row.diffTotal.toLocaleString('en-US'));
      await expect(tr.locator('td').nth(1)).toContainText(row.count > 0 ? String(row.count) : 'offline');
      if (row.count === 0 && row.diffTotal > 0) await expect(tr.getByTestId('verdict')).toHaveText('no client');
    }
    await expect(page.getByTestId('group-row').filter({ has: page.getByRole('link', { name: 'lab_cg_dlq', exact: true }) }).getByTestId('verdict')).toHaveText('no client');
    await page.screenshot({ path: path.join('test-results', 'screens', 'group-list.png') });
    await expect(page.getByTestId('as-of')).toContainText('ago');

    await open(page, '/groups');
    await page.getByRole('button', { name: /^Group/ }).click();
    await expect(page).toHaveURL(/sort=name/);
    // other specs leave groups of their own (e2e_two_*, ...): the first by name is the first non-system group of the
    // full list above (whose rows were checked against mqadmin)
    const firstByName = [...listed].filter((g) => !isSystemGroup(g)).sort()[0]!;
    await expect(page.getByTestId('group-link').first()).toHaveText(firstByName);
    await page.getByRole('button', { name: /^Oldest unconsumed/ }).click();
    await expect(page).toHaveURL(/sort=-lagAge/); // numeric columns sort descending first
    // other suites leave groups named <prefix>_<Date.now() in base 36>: a bare word like "sql" can turn up in one
    // (it did: live_cg_mwurhsql); an underscore never does
    await page.getByLabel('Search groups').fill('lab_cg_sql');
    await expect(page).toHaveURL(/search=lab_cg_sql/);
    await expect(page.getByTestId('group-link')).toHaveText(['lab_cg_sql']);
    await page.getByLabel('Hide system groups').click();
    await page.getByLabel('Search groups').fill('TOOLS_');
    await expect(page.getByTestId('group-link')).toHaveText(['TOOLS_CONSUMER']);

    await page.getByRole('button', { name: /Refresh/ }).click();
    await expect(page.getByTestId('as-of')).toContainText(/as of [0-9] s ago/);
    await page.getByLabel(/auto-refresh/).uncheck();
    await expect(page.getByLabel(/auto-refresh/)).not.toBeChecked();
  });

  test('opens a group whose per-queue numbers equal mqadmin consumerProgress -g, with its lag chart', async ({ page }) => {
    const theirs = await consumerProgress('lab_cg_cluster');
    expect(theirs.rows.filter((r) => r.topic === 'LabTopic')).toHaveLength(8);
    await open(page, '/groups?sort=-lag');
    await page.getByRole('link', { name: 'lab_cg_cluster', exact: true }).click();
    await expect(page).toHaveURL(/\/groups\/lab_cg_cluster$/);
    const rows = page.getByTestId('progress-row');
    await expect(rows).toHaveCount(theirs.rows.length);
    for (const [i, r] of theirs.rows.entries()) {
      const cells = rows.nth(i).locator('td');
      await expect(cells.nth(0)).toHaveText(r.topic);
      await expect(cells.nth(1)).toHaveText(r.brokerName);
      await expect(cells.nth(2)).toHaveText(String(r.queueId));
      await expect(cells.nth(3)).toHaveText(r.brokerOffset.toLocaleString('en-US'));
      await expect(cells.nth(4)).toHaveText(r.consumerOffset.toLocaleString('en-US'));
      await expect(cells.nth(5)).toHaveText(r.diff.toLocaleString('en-US'));
    }
    await expect(page.getByTestId('total-lag')).toHaveText(theirs.diffTotal.toLocaleString('en-US'));
    await expect(page.getByTestId('lag-age')).toHaveText(/\d+ (s|min|h)/);
    await expect(page.getByTestId('client-count')).toHaveText('0');
  });

  test('draws the lag history the sampler wrote into the store', async ({ page }) => {
    // the e2e console samples every 2 s (playwright.config.ts); wait for a few points
    await page.waitForTimeout(7000);
    const atOpen = Date.now();
    await open(page, '/groups/lab_cg_cluster');
    await expect(page.getByTestId('lag-chart').locator('.recharts-line')).toHaveCount(1);
    await page.getByText(/^Data points/).click();
    const shown = await page.getByTestId('lag-point').count();
    const store = await openStore({ sqlitePath: path.resolve(process.env.E2E_DATA_DIR ?? 'test-results/e2e-data', 'console.db') });
    try {
      const rows = await store.lag.groupSeries('local', 'lab_cg_cluster', Date.now() - 3_600_000, Date.now());
      expect(rows.length).toBeGreaterThanOrEqual(3);
      // the sampler writes every 2 s while the page loads: the page shows at least what the store had when it was
      // opened and at most what it has now (one either way for the edges of the hour window)
      const atOpenRows = await store.lag.groupSeries('local', 'lab_cg_cluster', atOpen - 3_600_000, atOpen);
      expect(shown).toBeGreaterThanOrEqual(atOpenRows.length - 1);
      expect(shown).toBeLessThanOrEqual(rows.length + 1);
      const theirs = await consumerProgress('lab_cg_cluster');
      expect(rows.every((r) => r.lag === theirs.diffTotal)).toBe(true);
    } finally {
      await store.close();
    }
    await page.getByLabel('per queue').check();
    await expect(page.getByTestId('lag-chart').locator('.recharts-line')).toHaveCount(8);
    await page.getByRole('button', { name: '24h', exact: true }).click();
    await expect(page.getByRole('button', { name: '24h', exact: true })).toHaveAttribute('aria-pressed', 'true');
  });

  test('shows a broadcasting group without error, with each client\'s offsets as mqadmin consumerStatus', async ({ page }) => {
    await open(page, '/groups/lab_cg_broadcast');
    await expect(page.getByTestId('broadcast-note')).toBeVisible();
    await expect(page.getByTestId('error-state')).toHaveCount(0);
    await expect(page.getByTestId('client-row')).toHaveCount(1);
    const clientId = (await page.getByTestId('client-row').locator('td').first().textContent())!;
    const theirs = await consumerStatus('lab_cg_broadcast', clientId);
    expect(theirs.offsets.filter((o) => o.topic === 'LabTopic')).toHaveLength(8);
    const rows = page.getByTestId('client-queue-row');
    await expect(rows).toHaveCount(theirs.offsets.length);
    for (const [i, o] of theirs.offsets.entries()) {
      await expect(rows.nth(i).locator('td').nth(3)).toHaveText(o.offset.toLocaleString('en-US'));
    }
    await expect(page.getByTestId('total-lag')).toHaveText('0');
  });

  test('shows a client\'s thread stacks on demand, its consume threads first, as mqadmin consumerStatus -s lists them', async ({ page }) => {
    await open(page, '/groups/lab_cg_online');
    const client = page.getByTestId('client-runtime').first();
    await expect(client).toBeVisible();
    const clientId = (await page.getByTestId('client-row').locator('td').first().textContent())!;
    await client.getByTestId('thread-stacks-toggle').click();
    const summary = client.getByTestId('thread-stacks-summary');
    await expect(summary).toBeVisible({ timeout: 20_000 });
    const theirs = (await consumerThreads('lab_cg_online', clientId)).filter((t) => t.name.startsWith('ConsumeMessageThread_'));
    expect(theirs.length).toBeGreaterThan(0);
    await expect(client.getByTestId('consume-threads-total')).toHaveText(String(theirs.length));
    const consumeNames = await client.getByTestId('consume-threads').getByTestId('thread-name').allTextContents();
    expect(consumeNames.slice().sort()).toEqual(theirs.map((t) => t.name).sort());
    await expect(client.getByTestId('other-threads').getByTestId('thread-row').first()).toBeVisible();
    await client.screenshot({ path: path.join('test-results', 'screens', 'group-thread-stacks.png') });
    await client.getByTestId('thread-stacks-toggle').click();
    await expect(summary).toHaveCount(0);
  });

  test('diagnoses a group left with lag and no client with the lag of mqadmin consumerProgress, and finds nothing in a healthy one', async ({ page }) => {
    const theirs = await consumerProgress('lab_cg_dlq', undefined, false);
    expect(theirs.diffTotal).toBeGreaterThan(0);
    await open(page, '/groups/lab_cg_dlq');
    const panel = page.getByTestId('diagnosis');
    const cause = panel.locator('[data-testid="diagnosis-cause"][data-kind="no-client"]');
    await expect(cause).toBeVisible({ timeout: 20_000 });
    await expect(cause.getByTestId('cause-title')).toHaveText(`No client is online: ${theirs.diffTotal.toLocaleString('en-US')} messages wait`);
    await expect(cause.getByTestId('cause-evidence').filter({ hasText: 'lag' }).locator('td').nth(2)).toHaveText(theirs.diffTotal.toLocaleString('en-US'));
    await page.locator('#group-diagnosis').screenshot({ path: path.join('test-results', 'screens', 'group-diagnosis.png') });
    await cause.getByRole('link', { name: /online clients/ }).click();
    await expect(page).toHaveURL(/#group-connections$/);

    // the same cause in Chinese, from the catalog entry the server's English was made from
    await page.context().addCookies([{ name: 'console_locale', value: 'zh-CN', url: page.url() }]);
    await open(page, '/groups/lab_cg_dlq');
    await expect(cause.getByTestId('cause-title')).toHaveText(`没有在线客户端：${theirs.diffTotal.toLocaleString('en-US')} 条消息在等待`, { timeout: 20_000 });
    await expect(cause.getByTestId('cause-evidence').filter({ hasText: '在线客户端' }).locator('td').nth(2)).toHaveText('0');
    await page.locator('#group-diagnosis').screenshot({ path: path.join('test-results', 'screens', 'group-diagnosis-zh.png') });
    await page.context().clearCookies({ name: 'console_locale' });

    await open(page, '/groups/lab_cg_online');
    await expect(page.getByTestId('diagnosis-ok')).toHaveText('Nothing found that holds the group back.', { timeout: 20_000 });
    await expect(page.getByTestId('diagnosis-cause')).toHaveCount(0);
  });

  test('lists a topic\'s groups with their lag on it', async ({ page }) => {
    const theirs = await consumerProgress('lab_cg_sql', 'LabTopic');
    await open(page, '/topics/LabTopic');
    const row = page.getByTestId('topic-group-row').filter({ has: page.getByRole('link', { name: 'lab_cg_sql', exact: true }) });
    await expect(row.locator('td').nth(3)).toHaveText(theirs.diffTotal.toLocaleString('en-US'));
    await expect(page.getByTestId('topic-group-row').filter({ hasText: 'lab_cg_broadcast' })).toContainText('on clients');
  });

  test('exposes lag in Prometheus format equal to mqadmin', async ({ request }) => {
    const theirs = await consumerProgress('lab_cg_cluster');
    // one request of its own, so the request counter has a row whatever ran before
    expect((await request.get('/api/clusters/local/groups?pageSize=1')).status()).toBe(200);
    const text = await (await request.get('/api/metrics')).text();
    expect(text).toContain(`rocketmq_consumer_group_lag{cluster="local",group="lab_cg_cluster"} ${theirs.diffTotal}`);
    const q = theirs.rows[0]!;
    expect(text).toContain(`rocketmq_consumer_lag{cluster="local",group="lab_cg_cluster",topic="${q.topic}",broker="${q.brokerName}",queue="${q.queueId}"} ${q.diff}`);
    expect(text).toMatch(/rocketmq_consumer_group_lag_age_seconds\{cluster="local",group="lab_cg_cluster"\} \d+/);
    expect(text).toMatch(/rocketmq_console_http_requests_total\{route="\/api\/clusters\/\[cluster\]\/groups",method="GET",status="200"\} [1-9]/);
    expect(text).toMatch(new RegExp(`rocketmq_console_broker_calls_total\\{cluster="local",addr="${LIVE.brokerAMaster.replaceAll('.', '\\.')}",request="GET_CONSUME_STATS",outcome="ok"\\} \\d+`));
  });

  test('answers bad group requests with 400/404 naming the field', async ({ request, page }) => {
    const unknown = await request.get('/api/groups/no_such_group_e2e/progress');
    expect(unknown.status()).toBe(404);
    expect((await unknown.json()).error).toMatchObject({ code: 'not_found', field: 'group' });
    const big = await request.get('/api/groups?pageSize=10000');
    expect(big.status()).toBe(400);
    expect((await big.json()).error).toMatchObject({ field: 'pageSize', message: expect.stringContaining('500 or less') });
    const bad = await request.get(`/api/groups/${encodeURIComponent('bad group!')}/connections`);
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.field).toBe('group');
    const sort = await request.get('/api/groups?sort=size');
    expect(sort.status()).toBe(400);
    // the page says it once (the panels that asked on their own say nothing), whichever answer came back first
    await open(page, '/groups/no_such_group_e2e');
    await expect(page.getByTestId('error-state')).toHaveCount(1, { timeout: 30_000 });
    await expect(page.getByTestId('error-state')).toContainText('Consumer group not found');
    await expect(page.getByTestId('error-state')).toContainText('does not exist');
  });
});
