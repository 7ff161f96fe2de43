import { expect, test } from '@playwright/test';
import { open } from './support';
import { clusterList, clusterListMore, brokerStatus } from '../test-support/mqadmin';
import { LIVE } from '../test-support/sandbox';

test.describe('cluster overview', () => {
  test('shows every broker as mqadmin clusterList does, with today\'s counts of clusterList -m', async ({ page }) => {
    const [base, more] = await Promise.all([clusterList(), clusterListMore()]);
    // broker-a master and slave, broker-b master
    expect(base).toHaveLength(3);
    expect(more).toHaveLength(3);
    await open(page, '/cluster');
    await expect(page).toHaveURL(/\/clusters\/local$/);
    await expect(page.getByRole('heading', { name: 'Cluster local' })).toBeVisible();
    await expect(page.getByTestId('cluster-name')).toHaveText(['DefaultCluster']);
    const rows = page.getByTestId('broker-row');
    await expect(rows).toHaveCount(base.length);
    for (const [i, r] of base.entries()) {
      const cells = rows.nth(i).locator('td');
      await expect(cells.nth(0)).toHaveText(r.brokerName);
      await expect(cells.nth(1)).toHaveText(String(r.brokerId));
      await expect(cells.nth(2)).toHaveText(r.brokerId === 0 ? 'MASTER' : 'SLAVE');
      await expect(cells.nth(3)).toHaveText(r.addr);
      await expect(cells.nth(4)).toHaveText(r.version);
      // a TPS is a sliding window's rate read at another moment than mqadmin's: within half a message a second
      await expect(cells.nth(5)).toHaveText(/^\d+\.\d\d$/);
      expect(Math.abs(Number(await cells.nth(5).textContent()) - r.inTps), `${r.addr} inTps`).toBeLessThanOrEqual(0.5);
    }
    // today's counts: the 5.x proxy's heartbeat sync keeps writing a little, so ours lies between mqadmin's reads
    // before and after (equal when nothing was written meanwhile)
    const shownToday = await Promise.all(base.map(async (_, i) => [await rows.nth(i).locator('td').nth(7).textContent(), await rows.nth(i).locator('td').nth(8).textContent()].map((t) => Number(t!.replaceAll(',', '')))));
    const later = await clusterListMore();
    for (const [i, [inToday, outToday]] of shownToday.entries()) {
      expect(inToday, `${base[i]!.addr} inToday`).toBeGreaterThanOrEqual(more[i]!.inToday);
      expect(inToday, `${base[i]!.addr} inToday`).toBeLessThanOrEqual(later[i]!.inToday);
      expect(outToday, `${base[i]!.addr} outToday`).toBeGreaterThanOrEqual(more[i]!.outToday);
      expect(outToday, `${base[i]!.addr} outToday`).toBeLessThanOrEqual(later[i]!.outToday);
    }
    await expect(page.getByTestId('tile-brokers')).toHaveText(`${base.length} (2)`);
    await expect(page.getByTestId('as-of')).toContainText('as of');
    await expect(page.getByTestId('partial-failures')).toHaveCount(0);
  });

  test('opens a broker\'s runtime table, equal to mqadmin brokerStatus', async ({ page }) => {
    const expected = await brokerStatus(LIVE.brokerAMaster, false);
    await open(page, '/cluster');
    await page.getByRole('link', { name: LIVE.brokerAMaster }).click();
    await expect(page).toHaveURL(new RegExp(`/brokers/${encodeURIComponent(LIVE.brokerAMaster)}$`));
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('broker-a (master)');
    const keys = page.getByTestId('runtime-row').locator('td:first-child');
    await expect(keys).toHaveCount(Object.keys(expected).length);
    const shown = await keys.allTextContents();
    expect([...shown].sort()).toEqual(Object.keys(expected).sort());
    for (const key of ['brokerVersionDesc', 'bootTimestamp']) {
      await expect(page.locator(`td[data-key="${key}"]`)).toHaveText(expected[key]!);
    }
    // counters the 5.x proxy's heartbeat sync keeps moving a little: ours lies between mqadmin's before and after
    const later = await brokerStatus(LIVE.brokerAMaster, false);
    for (const key of ['msgPutTotalTodayNow', 'commitLogMaxOffset']) {
      const shown = Number(await page.locator(`td[data-key="${key}"]`).textContent());
      expect(shown, key).toBeGreaterThanOrEqual(Number(expected[key]));
      expect(shown, key).toBeLessThanOrEqual(Number(later[key]));
    }
    await page.getByLabel('Filter runtime entries').fill('msgPutTotal');
    await expect(page.getByTestId('runtime-row')).toHaveCount(3);
  });

  test('answers 404 naming the field for a broker the namesrv does not list', async ({ request }) => {
    const response = await request.get('/api/brokers/10.1.2.3%3A10911/runtime');
    expect(response.status()).toBe(404);
    expect((await response.json()).error).toMatchObject({ code: 'not_found', field: 'addr' });
    const bad = await request.get('/api/brokers/not-an-address/runtime');
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.field).toBe('addr');
  });
});
