import { expect, test, type Page } from '@playwright/test';
import { printMsg } from '../test-support/mqadmin-scan';
import { open } from './support';

const PAGE = '/messages?mode=range';

/** The range the form put in the URL (UTC ISO), as epoch ms. */
function rangeOf(page: Page): { begin: number; end: number } {
  const url = new URL(page.url());
  return { begin: Date.parse(url.searchParams.get('begin')!), end: Date.parse(url.searchParams.get('end')!) };
}

/** LabTopic messages mqadmin printMsg shows stored in [begin, end]. */
async function expected(begin: number, end: number, tag?: string) {
  return (await printMsg('LabTopic')).filter((m) => m.storeTimestamp >= begin && m.storeTimestamp <= end && (!tag || m.tags === tag));
}

/** Hands the page's NDJSON to the app one line every `ms`, so the progress and the Cancel button can be seen. */
async function slowStreams(page: Page, ms: number) {
  await page.addInitScript((delay) => {
    const original = window.fetch.bind(window);
    window.fetch = async (input, init) => {
      const response = await original(input, init);
      if (!response.headers.get('content-type')?.includes('ndjson') || !response.body) return response;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          for (;;) {
            const nl = buffer.indexOf('\n');
            if (nl >= 0) {
              await new Promise((r) => setTimeout(r, delay));
              // as a real body does: an aborted fetch stops delivering at once
              if (init?.signal?.aborted) return controller.error(new DOMException('The operation was aborted.', 'AbortError'));
              controller.enqueue(new TextEncoder().encode(buffer.slice(0, nl + 1)));
              buffer = buffer.slice(nl + 1);
              return;
            }
            const { value, done } = await reader.read();
            if (done) return controller.close();
            buffer += value;
          }
        },
        cancel: () => reader.cancel(),
      });
      return new Response(body, { status: response.status, headers: response.headers });
    };
  }, ms);
}

test.describe('messages by topic and time range', () => {
  test('scans LabTopic: the messages mqadmin printMsg shows in the range, each linking to its page; a tag narrows them', async ({ page }) => {
    await open(page, PAGE);
    await page.locator('input[name="topic"]').fill('LabTopic');
    await page.getByRole('button', { name: '24 h' }).click();
    await page.getByRole('button', { name: 'Scan' }).click();
    await expect(page.getByTestId('scan-status')).toContainText('Scan complete');
    await expect(page).toHaveURL(/topic=LabTopic/);
    const { begin, end } = rangeOf(page);
    const all = await expected(begin, end);
    expect(all.length).toBeGreaterThan(30);
    await expect(page.getByTestId('scan-count')).toHaveText(`${all.length.toLocaleString('en-US')} messages`);
    await expect(page.getByTestId('scan-status')).toContainText(`${all.length.toLocaleString('en-US')} matched`);
    await expect(page.getByTestId('scan-status')).toContainText('queues 8/8');
    // sorted by store time: the first row is the oldest message of the range
    const oldest = [...all].sort((a, b) => a.storeTimestamp - b.storeTimestamp)[0]!;
    const first = page.getByTestId('scan-row').first();
    await expect(first.locator('[data-ms]')).toHaveAttribute('data-ms', String(oldest.storeTimestamp));
    await expect(first.getByTestId('message-link')).toHaveAttribute('href', /^\/clusters\/local\/messages\/[0-9A-F]+\?topic=LabTopic$/);
    await expect(first).toContainText(/UTC|GMT/);

    await page.locator('input[name="tag"]').fill('TagA');
    await page.getByRole('button', { name: 'Scan' }).click();
    await expect(page).toHaveURL(/tag=TagA/);
    const tagged = all.filter((m) => m.tags === 'TagA');
    await expect(page.getByTestId('scan-count')).toHaveText(`${tagged.length.toLocaleString('en-US')} messages`);
    const tags = await page.getByTestId('scan-tags').allTextContents();
    expect(tags.length).toBeGreaterThan(0);
    expect(new Set(tags)).toEqual(new Set(['TagA']));
  });

  test('continues with the cursor after a small limit until every message is shown once', async ({ page }) => {
    const end = Date.now();
    const begin = end - 86_400_000;
    await open(page, `${PAGE}&topic=LabTopic&begin=${new Date(begin).toISOString()}&end=${new Date(end).toISOString()}&limit=25`);
    await expect(page.getByTestId('scan-status')).toContainText('Stopped at the limit');
    await expect(page.getByTestId('scan-count')).toHaveText('25 messages');
    const total = (await expected(begin, end)).length;
    for (let i = 0; i < 10 && !(await page.getByTestId('scan-status').textContent())?.includes('Scan complete'); i++) {
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page.getByTestId('scan-status')).toBeVisible();
    }
    await expect(page.getByTestId('scan-status')).toContainText('Scan complete');
    await expect(page.getByTestId('scan-count')).toContainText(`${total.toLocaleString('en-US')} messages`);
    await expect(page.getByRole('button', { name: 'Continue' })).toHaveCount(0);
  });

  test('shows progress while it runs, cancels, and continues after the cancel', async ({ page }) => {
    await slowStreams(page, 300);
    const end = Date.now();
    const begin = end - 86_400_000;
    const total = (await expected(begin, end)).length;
    await open(page, `${PAGE}&topic=LabTopic&begin=${new Date(begin).toISOString()}&end=${new Date(end).toISOString()}`);
    await expect(page.getByTestId('scan-progress')).toContainText(/Scanning: queues \d+\/8 · [\d,]+ scanned · [\d,]+ matched/);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('scan-status')).toContainText('Cancelled');
    const shown = Number((await page.getByTestId('scan-count').textContent())!.replace(/\D/g, ''));
    expect(shown).toBeLessThan(total);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByTestId('scan-status')).toContainText('Scan complete', { timeout: 30_000 });
    await expect(page.getByTestId('scan-count')).toContainText(`${total.toLocaleString('en-US')} messages`);
  });

  test('answers bad input with 400 naming the field, an unknown topic with 404', async ({ page, request }) => {
    const now = Date.now();
    const api = (topic: string, qs: string) => request.get(`/api/topics/${topic}/messages?${qs}`);
    const cases: Array<[string, string, number, string]> = [
      ['LabTopic', `begin=${now}&end=${now - 1000}`, 400, 'end'],
      ['LabTopic', `begin=${now - 8 * 86_400_000}&end=${now}`, 400, 'begin'],
      ['LabTopic', `begin=yesterday&end=${now}`, 400, 'begin'],
      ['LabTopic', `begin=${now - 1000}&end=${now}&cursor=not-a-cursor`, 400, 'cursor'],
      ['LabTopic', `begin=${now - 1000}&end=${now}&limit=0`, 400, 'limit'],
      ['NoSuchTopicRangeE2E', `begin=${now - 1000}&end=${now}`, 404, 'topic'],
    ];
    for (const [topic, qs, status, field] of cases) {
      const response = await api(topic, qs);
      expect(response.status(), qs).toBe(status);
      expect((await response.json()).error.field, qs).toBe(field);
    }
    const ok = await api('LabTopic', `begin=${now - 60_000}&end=${now}`);
    expect(ok.headers()['content-type']).toContain('application/x-ndjson');
    const lines = (await ok.text()).trim().split('\n').map((l) => JSON.parse(l) as { type: string });
    expect(lines[0]!.type).toBe('start');
    expect(lines.at(-1)!.type).toBe('done');

    await open(page, PAGE);
    await page.locator('input[name="topic"]').fill('NoSuchTopicRangeE2E');
    await page.getByRole('button', { name: 'Scan' }).click();
    await expect(page.getByTestId('error-state')).toContainText('Topic not found');
    await page.locator('input[name="topic"]').fill('LabTopic');
    await page.locator('input[name="begin"]').fill('2026-01-02T00:00:00');
    await page.locator('input[name="end"]').fill('2026-01-01T00:00:00');
    await page.getByRole('button', { name: 'Scan' }).click();
    await expect(page.getByTestId('error-state')).toContainText('Check end');
    await expect(page.locator('input[name="end"]')).toHaveAttribute('aria-invalid', 'true');
  });
});
