import { expect, test } from '@playwright/test';
import { LIVE } from '../test-support/sandbox';
import { open } from './support';

// Every page and API answer carries the security headers; the pages run under the policy without a violation.
test.describe('security headers', () => {
  test('pages and API answers carry a CSP without unsafe-eval, frame-ancestors none, nosniff and a referrer policy; the pages run under it', async ({ page, request }) => {
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(m.text());
    });
    for (const url of [`/clusters/${LIVE.cluster}`, `/clusters/${LIVE.cluster}/groups`, `/clusters/${LIVE.cluster}/topics/LabTopic`, `/clusters/${LIVE.cluster}/groups/lab_cg_online`]) {
      const response = await open(page, url);
      const headers = response?.headers() ?? {};
      expect(headers['content-security-policy'], url).toMatch(/frame-ancestors 'none'/);
      expect(headers['content-security-policy'], url).not.toMatch(/unsafe-eval/);
      expect(headers['x-content-type-options'], url).toBe('nosniff');
      expect(headers['referrer-policy'], url).toBe('same-origin');
      expect(headers['x-frame-options'], url).toBe('DENY');
    }
    // the group page drew its data (hydrated and fetched under the policy)
    await expect(page.getByTestId('total-lag')).not.toHaveText('…');
    expect(violations).toEqual([]);
    for (const url of ['/api/health', `/api/clusters/${LIVE.cluster}/groups`]) {
      const answer = await request.get(url);
      expect(answer.headers()['x-content-type-options'], url).toBe('nosniff');
      expect(answer.headers()['content-security-policy'], url).toMatch(/default-src 'self'/);
    }
  });
});
