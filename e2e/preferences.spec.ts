import { expect, test, type Browser, type Page } from '@playwright/test';
import { LIVE } from '../test-support/sandbox';
import { ADMIN_STATE, open } from './support';

// The language and theme of the pages: taken from the browser at first, switched in the sidebar, remembered for the
// user (a new browser of the same user gets them after its first page), checked by screenshots in both languages
// and themes. The admin's choices are put back at the end: the other specs read English in the system's theme.
const c = LIVE.cluster;

async function browse(browser: Browser, baseURL: string, options: { locale?: string; colorScheme?: 'light' | 'dark' }): Promise<Page> {
  const context = await browser.newContext({ baseURL, storageState: ADMIN_STATE, viewport: { width: 1440, height: 900 }, extraHTTPHeaders: { origin: baseURL }, ...options });
  return context.newPage();
}

const sidebar = (page: Page) => page.getByRole('navigation').first();
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
/** Relative luminance of an rgb()/oklch() colour as the browser resolved it, 0 (black) to 1 (white). */
const lightness = (page: Page) =>
  page.evaluate(() => {
    const probe = document.createElement('canvas').getContext('2d')!;
    probe.fillStyle = getComputedStyle(document.body).backgroundColor;
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
    return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
  });

test.describe.configure({ mode: 'serial' });

test.describe('language and theme', () => {
  test.afterAll(async ({ request }) => {
    const reset = await request.put('/api/session/preferences', { data: { locale: 'en', theme: 'system' } });
    expect(reset.status()).toBe(200);
  });

  test('a Chinese browser reads Chinese; switching to English is remembered for the user in another browser', async ({ browser, baseURL }) => {
    const zh = await browse(browser, baseURL!, { locale: 'zh-CN' });
    await zh.request.put('/api/session/preferences', { data: { locale: 'zh-CN' } }).then((r) => expect(r.status()).toBe(200));
    await zh.context().clearCookies({ name: 'console_locale' });
    await open(zh, `/clusters/${c}/groups`);
    await expect(zh.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(sidebar(zh).getByRole('link', { name: '消费者组' })).toBeVisible();
    await expect(sidebar(zh).getByRole('link', { name: '审计日志' })).toBeVisible();
    await expect(zh.getByTestId('locale-switch')).toHaveValue('zh-CN');
    await zh.screenshot({ path: 'test-results/preferences-zh-light.png' });

    await zh.getByTestId('locale-switch').selectOption('en');
    await expect(sidebar(zh).getByRole('link', { name: 'Consumer groups' })).toBeVisible();
    await expect(zh.locator('html')).toHaveAttribute('lang', 'en');

    // another browser of the same user, Chinese by its Accept-Language and with no cookie of its own: English,
    // the user's choice, once its first page has read it
    const other = await browse(browser, baseURL!, { locale: 'zh-CN' });
    await open(other, `/clusters/${c}/topics`);
    await expect(sidebar(other).getByRole('link', { name: 'Consumer groups' })).toBeVisible({ timeout: 15_000 });
    await expect(other.locator('html')).toHaveAttribute('lang', 'en');
    await zh.context().close();
    await other.context().close();
  });

  test('the theme follows the system until one is chosen, and the choice holds against the system', async ({ browser, baseURL }) => {
    const dark = await browse(browser, baseURL!, { colorScheme: 'dark' });
    await dark.request.put('/api/session/preferences', { data: { theme: 'system' } }).then((r) => expect(r.status()).toBe(200));
    await open(dark, `/clusters/${c}/topics`);
    await expect(dark.locator('html')).toHaveClass(/\bdark\b/);
    expect(await lightness(dark)).toBeLessThan(0.2);
    await expect(dark.getByTestId('theme-switch')).toHaveValue('system');
    await dark.screenshot({ path: 'test-results/preferences-en-dark.png' });

    await dark.getByTestId('theme-switch').selectOption('light');
    await expect(dark.locator('html')).not.toHaveClass(/\bdark\b/);
    expect(await lightness(dark)).toBeGreaterThan(0.9);
    await dark.reload();
    await expect(dark.locator('html')).not.toHaveClass(/\bdark\b/);

    const light = await browse(browser, baseURL!, { colorScheme: 'light' });
    await open(light, `/clusters/${c}/groups`);
    await light.getByTestId('theme-switch').selectOption('dark');
    await expect(light.locator('html')).toHaveClass(/\bdark\b/);
    await light.reload();
    // chosen dark: rendered dark by the server, before any script runs
    await expect(light.locator('html')).toHaveClass(/\bdark\b/);
    expect(await background(light)).not.toBe('rgb(248, 250, 252)');
    expect(await lightness(light)).toBeLessThan(0.2);

    // Chinese and dark together: the sidebar stays dark, the page's text stays readable
    await light.getByTestId('locale-switch').selectOption('zh-CN');
    await expect(sidebar(light).getByRole('link', { name: '主题' })).toBeVisible();
    await light.screenshot({ path: 'test-results/preferences-zh-dark.png' });
    await dark.context().close();
    await light.context().close();
  });

  test('the sign-in page speaks the browser\'s language before anyone signs in, and signs in from Chinese', async ({ browser, baseURL }) => {
    // the project's storageState would sign this browser in: nobody here
    const context = await browser.newContext({ baseURL, locale: 'zh-CN', viewport: { width: 1440, height: 900 }, storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await open(page, '/login');
    await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
    await expect(page.getByText('登录 RocketMQ 控制台')).toBeVisible();
    await page.screenshot({ path: 'test-results/preferences-zh-login.png' });
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill(process.env.E2E_ADMIN_PASSWORD!);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page).not.toHaveURL(/\/login/);
    await context.close();
  });

  test('a bad preference is refused naming the field', async ({ request }) => {
    const bad = await request.put('/api/session/preferences', { data: { locale: 'fr' } });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: 'bad_input', field: 'locale' });
    const unknown = await request.put('/api/session/preferences', { data: { colour: 'red' } });
    expect(unknown.status()).toBe(400);
  });
});
