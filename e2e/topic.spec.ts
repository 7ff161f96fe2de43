import { expect, test } from '@playwright/test';
import { open } from './support';
import { mqadminTime, orderConf, topicRoute, topicStatus } from '../test-support/mqadmin';

test.describe('topic page', () => {
  test('shows route and per-queue offsets equal to mqadmin topicRoute and topicStatus', async ({ page }) => {
    const [route, status] = await Promise.all([topicRoute('LabTopic'), topicStatus('LabTopic')]);
    // searched: the sandboxes hold more topics than one page once the other tests have run
    await open(page, '/topics?search=LabTopic');
    await page.getByRole('link', { name: 'LabTopic', exact: true }).click();
    await expect(page).toHaveURL(/\/topics\/LabTopic$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('LabTopic');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('NORMAL');

    const brokers = route.brokerDatas;
    expect(brokers).toHaveLength(2);
    await expect(page.getByTestId('route-broker-row')).toHaveCount(brokers.length);
    for (const b of brokers) {
      const row = page.getByTestId('route-broker-row').filter({ hasText: String(b.brokerName) });
      for (const addr of Object.values(b.brokerAddrs)) await expect(row).toContainText(addr);
    }
    const queues = route.queueDatas;
    expect(queues).toHaveLength(2);
    for (const q of queues) {
      const row = page.getByTestId('route-queue-row').filter({ hasText: String(q.brokerName) });
      await expect(row.locator('td').nth(1)).toHaveText(String(q.readQueueNums));
      await expect(row.locator('td').nth(2)).toHaveText(String(q.writeQueueNums));
      await expect(row.locator('td').nth(3)).toHaveAttribute('title', `perm ${q.perm}`);
    }

    const rows = page.getByTestId('queue-row');
    await expect(rows).toHaveCount(status.length);
    for (const [i, r] of status.entries()) {
      const cells = rows.nth(i).locator('td');
      await expect(cells.nth(0)).toHaveText(r.brokerName);
      await expect(cells.nth(1)).toHaveText(String(r.queueId));
      await expect(cells.nth(2)).toHaveText(r.minOffset.toLocaleString('en-US'));
      await expect(cells.nth(3)).toHaveText(r.maxOffset.toLocaleString('en-US'));
      // (column 5 is the queue's oldest stored message)
      await expect(cells.nth(6).locator('[data-ms]')).toHaveAttribute('data-ms', String(mqadminTime(r.lastUpdated)));
      await expect(cells.nth(6)).toContainText(/UTC|GMT/);
      await expect(cells.nth(6)).toContainText('ago');
    }
    const total = status.reduce((n, r) => n + r.maxOffset - r.minOffset, 0);
    await expect(page.getByText(`${total.toLocaleString('en-US')} messages kept`)).toBeVisible();
  });

  test('shows the orderConf (as mqadmin updateOrderConf -m get prints it) and FIFO type of an ordered topic', async ({ page }) => {
    const expected = await orderConf('LabOrderTopic');
    // traffic.sh made it with updateTopic -o true on both masters: 4 queues each
    expect(expected.split(';').sort()).toEqual(['broker-a:4', 'broker-b:4']);
    await open(page, '/topics/LabOrderTopic');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('FIFO');
    await expect(page.getByTitle('orderConf in the namesrv KV')).toHaveText(`orderConf ${expected}`);
  });

  test('answers an unknown topic with a not-found page and 404, and illegal names with 400 naming topic', async ({ page, request }) => {
    const response = await open(page, '/topics/NoSuchTopicE2E');
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId('empty-state')).toContainText('Topic not found');
    const api404 = await request.get('/api/topics/NoSuchTopicE2E/status');
    expect(api404.status()).toBe(404);
    expect((await api404.json()).error).toMatchObject({ code: 'not_found', field: 'topic' });
    const api400 = await request.get(`/api/topics/${encodeURIComponent('bad name!')}/route`);
    expect(api400.status()).toBe(400);
    expect((await api400.json()).error.field).toBe('topic');
    const page400 = await open(page, `/topics/${encodeURIComponent('bad name!')}`);
    expect(page400?.status()).toBe(200);
    await expect(page.getByTestId('error-state')).toContainText('characters RocketMQ does not allow');
  });
});
