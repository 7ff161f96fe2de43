import { expect, test } from '@playwright/test';
import { open } from './support';
import { topicList, topicStatus } from '../test-support/mqadmin';

test.describe('topic list', () => {
  test('lists the same set as mqadmin topicList once system topics are shown', async ({ page }) => {
    const expected = await topicList();
    await open(page, '/topics?pageSize=200');
    await expect(page.getByTestId('topic-row').first()).toBeVisible();
    const hiddenCount = await page.getByTestId('topic-row').count();
    await page.getByLabel('Hide system topics').click();
    await expect(page).toHaveURL(/system=show/);
    await expect(page.getByTestId('pager-summary')).toHaveText(`1–${expected.length} of ${expected.length}`);
    const shown = await page.getByTestId('topic-link').allTextContents();
    expect([...shown].sort()).toEqual([...expected].sort());
    expect(hiddenCount).toBeLessThan(expected.length);
    const trace = page.getByTestId('topic-row').filter({ has: page.getByRole('link', { name: 'RMQ_SYS_TRACE_TOPIC', exact: true }) });
    await expect(trace).toContainText('SYSTEM');
  });

  test('searches, filters by type, sorts and pages on the server with the state in the URL', async ({ page }) => {
    const lab = (await topicList()).filter((t) => t.toLowerCase().includes('lab')).sort((a, b) => a.localeCompare(b));
    const labRetry = lab.filter((t) => t.startsWith('%RETRY%'));
    await open(page, '/topics');
    await page.getByLabel('Search topics').fill('lab');
    await expect(page).toHaveURL(/search=lab/);
    await expect(page.getByTestId('topic-link')).toHaveText(lab);
    await expect(page.getByTestId('topic-row').filter({ hasText: 'LabOrderTopic' })).toContainText('FIFO');
    await expect(page.getByTestId('topic-row').filter({ hasText: /^LabTopic/ })).toContainText('NORMAL');

    await page.getByRole('button', { name: /^Topic/ }).click();
    await expect(page).toHaveURL(/sort=-name/);
    await expect(page.getByTestId('topic-link').first()).toHaveText('LabTopic');

    await page.getByLabel('Topic type').selectOption('RETRY');
    await expect(page).toHaveURL(/type=RETRY/);
    await expect(page.getByTestId('topic-link')).toHaveText([...labRetry].reverse());

    await page.reload();
    await expect(page.locator('html[data-hydrated="true"]')).toHaveCount(1);
    await expect(page.getByLabel('Search topics')).toHaveValue('lab');
    await expect(page.getByTestId('topic-link')).toHaveCount(labRetry.length);

    await open(page, '/topics?search=lab&pageSize=2');
    await expect(page.getByTestId('pager-summary')).toHaveText(`1–2 of ${lab.length}`);
    await page.getByRole('button', { name: 'Next ›' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByTestId('pager-summary')).toHaveText(`3–4 of ${lab.length}`);
    await expect(page.getByTestId('topic-link')).toHaveText(lab.slice(2, 4));
  });

  test('shows the message count of each visible topic as mqadmin topicStatus adds up', async ({ page }) => {
    const status = await topicStatus('LabTopic');
    const messages = status.reduce((n, r) => n + r.maxOffset - r.minOffset, 0);
    await open(page, '/topics?search=LabTopic');
    const row = page.getByTestId('topic-row').filter({ has: page.getByRole('link', { name: 'LabTopic', exact: true }) });
    await expect(row.locator('td').nth(5)).toHaveText(messages.toLocaleString('en-US'));
  });

  test('sorts by message count from the background stats and shows how old they are', async ({ page }) => {
    test.setTimeout(240_000);
    await open(page, '/topics?search=Lab');
    // the console builds the stats at start: "building" at first, then their age
    await expect(page.getByTestId('topic-stats-age')).toContainText(/stats as of .+ ago/, { timeout: 30_000 });
    await page.getByRole('button', { name: /^Messages/ }).click();
    await expect(page).toHaveURL(/sort=-messages/);
    const cells = page.getByTestId('topic-row').locator('td:nth-child(6)');
    const read = async () => {
      await expect(cells.first()).not.toHaveText('building…');
      const counts = (await cells.allTextContents()).map((t) => (t.trim() === '—' ? undefined : Number(t.replace(/[^0-9]/g, ''))));
      return { counts, known: counts.filter((c): c is number => c !== undefined) };
    };
    // the order comes from the background stats, the cells are read live: a build in which a broker timed out (CI,
    // under load: 2 s requests) has no numbers for its topics and sorts them by name until the next build (60 s)
    await expect
      .poll(async () => {
        const { known } = await read();
        if (known.every((n, i) => i === 0 || known[i - 1]! >= n)) return true;
        await page.reload();
        return false;
      }, { timeout: 150_000, intervals: [5000] })
      .toBe(true);
    const { counts, known } = await read();
    expect(known.length).toBeGreaterThan(0);
    expect([...known].sort((a, b) => b - a)).toEqual(known);
    // unknown counts (no broker answered) come after every known one, never as 0
    expect(counts.slice(0, known.length)).toEqual(known);
    const lab = (await topicStatus('LabTopic')).reduce((n, r) => n + r.maxOffset - r.minOffset, 0);
    const labRow = page.getByTestId('topic-row').filter({ has: page.getByRole('link', { name: 'LabTopic', exact: true }) });
    await expect(labRow.locator('td').nth(5)).toHaveText(lab.toLocaleString('en-US'));
    await page.getByRole('button', { name: /^Last write/ }).click();
    await expect(page).toHaveURL(/sort=-lastWrite/);
  });

  test('explains an empty result and rejects bad list parameters with the field named', async ({ page, request }) => {
    await open(page, '/topics?search=zzz-no-such');
    await expect(page.getByTestId('empty-state')).toContainText('No topic matches');
    for (const [qs, field] of [['page=-1', 'page'], ['pageSize=10000', 'pageSize'], ['type=QUEUE', 'type'], ['sort=size', 'sort']] as const) {
      const response = await request.get(`/api/topics?${qs}`);
      expect(response.status(), qs).toBe(400);
      expect((await response.json()).error.field, qs).toBe(field);
    }
    await open(page, '/topics?page=-1');
    await expect(page.getByTestId('error-state')).toContainText('page must be 1 or more');
  });
});
