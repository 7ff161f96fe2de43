import { expect, test } from '@playwright/test';
import { sentMessages } from '../test-support/mqadmin-messages';
import { open } from './support';

/** The demo producer's normal messages carry keys "K-<run>-<i> CUST-.." and the property a=<i>. */
const indexOf = (keys: string) => Number(/K-[^-\s]+-(\d+)/.exec(keys)?.[1] ?? NaN);

test.describe('filter test', () => {
  test('tests a SQL92 selector against the stored messages, the brokers deciding; a broken one is refused with its position', async ({ page }) => {
    await open(page, '/topics/LabTopic');
    const card = page.getByTestId('filter-expression').locator('xpath=ancestor::section');
    await page.getByTestId('filter-type').selectOption('SQL92');
    await page.getByTestId('filter-expression').fill('a >');
    await card.getByRole('button', { name: 'Test' }).click();
    await expect(page.getByTestId('filter-error')).toContainText('expression: expected a value, a property name or "(", found the end of the expression at position 4');

    await card.locator('select').nth(1).selectOption({ label: '7d' });
    await page.getByTestId('filter-expression').fill('a > 5');
    await card.getByRole('button', { name: 'Test' }).click();
    const rows = page.getByTestId('filter-row');
    await expect(rows.first()).toBeVisible();
    const expected = sentMessages().filter((m) => m.kind === 'normal' && indexOf(m.keys.join(' ')) > 5).length;
    const matched = Number((await page.getByTestId('filter-matched').textContent())!.replace(/,/g, ''));
    expect(matched).toBeGreaterThanOrEqual(expected);
    // every row the brokers matched has a > 5
    for (const keys of await rows.locator('td:nth-child(4)').allTextContents()) expect(indexOf(keys), keys).toBeGreaterThan(5);
  });

  test('runs an online group\'s own subscription from the topic\'s group list', async ({ page }) => {
    await open(page, '/topics/LabTopic');
    await page.getByTestId('topic-group-row').filter({ hasText: 'lab_cg_online' }).getByTestId('test-subscription').click();
    await expect(page.getByTestId('filter-result')).toContainText('lab_cg_online subscribes with TAG *');
  });

  test('answers bad filter requests with a 400 naming the field', async ({ request }) => {
    const post = (data: Record<string, string | number>) => request.get(`/api/clusters/local/topics/LabTopic/filter-test?${new URLSearchParams(Object.entries(data).map(([k, v]) => [k, String(v)]))}`);
    for (const [data, field] of [
      [{ expressionType: 'SQL92', expression: "color = 'red" }, 'expression'],
      [{ expressionType: 'XPATH', expression: 'a' }, 'expressionType'],
      [{ expression: 'a', limit: 9999 }, 'limit'],
      [{ expressionType: 'TAG', expression: 'TagA', begin: 'yesterday' }, 'begin'],
    ] as const) {
      const response = await post(data);
      expect(response.status(), JSON.stringify(data)).toBe(400);
      expect((await response.json()).error.field).toBe(field);
    }
  });
});
