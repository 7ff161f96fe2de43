import { expect, request as apiRequest, test, type Page } from '@playwright/test';
import { consumerProgress } from '../test-support/mqadmin';
import { queryMsgByKey } from '../test-support/mqadmin-messages';
import { open } from './support';

// Favourites and recent searches (issue 16): a star on the group and topic pages puts them first on the home page
// with their lag (mqadmin consumerProgress is the oracle), lag age and alerts; stars and searches are each user's
// own; a recent search runs again with one click and finds what mqadmin queryMsgByKey lists.

const cluster = process.env.E2E_CLUSTER!;
const adminPassword = process.env.E2E_ADMIN_PASSWORD!;
const c = encodeURIComponent(cluster);
// no client consumes it: its lag stays put between mqadmin's reading and the console's snapshot
const GROUP = 'lab_cg_dlq';
const TOPIC = 'LabTopic';

const starredGroup = (page: Page, group: string) => page.getByTestId('starred-group').filter({ has: page.getByRole('link', { name: group, exact: true }) });

test.describe('favourites and recent searches', () => {
  test('a starred group comes first on the home page with the lag mqadmin shows, its lag age and alerts; unstarring removes it', async ({ page }) => {
    await open(page, `/clusters/${c}/groups/${GROUP}`);
    await page.getByRole('button', { name: `Star group ${GROUP}` }).click();
    await expect(page.getByRole('button', { name: `Unstar group ${GROUP}` })).toBeEnabled();
    await open(page, `/clusters/${c}/topics/${TOPIC}`);
    await page.getByRole('button', { name: `Star topic ${TOPIC}` }).click();
    await expect(page.getByRole('button', { name: `Unstar topic ${TOPIC}` })).toBeEnabled();

    const theirs = await consumerProgress(GROUP, undefined, false);
    expect(theirs.diffTotal).toBeGreaterThan(0);
    await open(page, '/');
    const starred = page.getByTestId('starred');
    // first: before every cluster card
    const starredBox = await starred.boundingBox();
    const firstCard = await page.getByTestId('home-cluster').first().boundingBox();
    expect(starredBox!.y).toBeLessThan(firstCard!.y);
    const row = starredGroup(page, GROUP);
    await expect(row.getByTestId('starred-lag')).toHaveText(theirs.diffTotal.toLocaleString('en-US'));
    // waiting messages have an age (an unknown one would be "—", never 0)
    await expect(row.getByTestId('starred-lag-age')).toHaveText(/^\d+ (s|min|h|d)/);
    await expect(row.getByTestId('starred-alerts')).toBeVisible();
    const topicRow = page.getByTestId('starred-topic').filter({ has: page.getByRole('link', { name: TOPIC, exact: true }) });
    await expect(topicRow.getByTestId('starred-messages')).toHaveText(/^[\d,]+$/);
    await page.screenshot({ path: '/tmp/home-starred.png', fullPage: true });

    await row.getByRole('button', { name: `Unstar group ${GROUP}` }).click();
    await expect(starredGroup(page, GROUP)).toHaveCount(0);
    await topicRow.getByRole('button', { name: `Unstar topic ${TOPIC}` }).click();
    await expect(page.getByTestId('starred-empty')).toHaveText(/Star a topic or group to see it here/);
    await open(page, `/clusters/${c}/groups/${GROUP}`);
    await expect(page.getByRole('button', { name: `Star group ${GROUP}` })).toHaveAttribute('aria-pressed', 'false');
  });

  test('a key search is kept in recent searches and runs again with one click, with the rows mqadmin lists', async ({ page }) => {
    const listed = await queryMsgByKey(TOPIC, 'CUST-1');
    expect(listed.length).toBeGreaterThan(0);
    await open(page, `/clusters/${c}/messages?mode=key`);
    await page.getByLabel('Topic').fill(TOPIC);
    await page.getByLabel("Key (any of the message's keys)").fill('CUST-1');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page.getByTestId('message-row')).toHaveCount(listed.length);

    await open(page, '/');
    const entry = page.getByTestId('recent-search').filter({ hasText: `Key CUST-1 in ${TOPIC}` });
    await expect(entry).toHaveCount(1);
    await entry.getByRole('link').click();
    await expect(page).toHaveURL(/\/messages\?.*mode=key/);
    await expect(page).toHaveURL(/key=CUST-1/);
    await expect(page.getByTestId('message-row')).toHaveCount(listed.length);
    for (const r of listed) await expect(page.getByTestId('message-row').filter({ hasText: r.msgId })).toHaveCount(1);
    // running it again moves it up, it is not kept twice
    await open(page, '/');
    await expect(page.getByTestId('recent-search').filter({ hasText: `Key CUST-1 in ${TOPIC}` })).toHaveCount(1);
  });

  test("stars are each user's own: a viewer may star, and neither sees the other's", async ({ page, browser, baseURL }) => {
    const admin = await apiRequest.newContext({ baseURL: baseURL!, extraHTTPHeaders: { origin: baseURL! } });
    expect((await admin.post('/api/auth/login', { data: { username: 'admin', password: adminPassword } })).status()).toBe(200);
    const username = `fav-viewer-${Date.now().toString(36)}`;
    const password = `${username}-pass-123`;
    const created = await admin.post('/api/admin/users', { data: { username, password, bindings: [{ cluster, role: 'viewer' }], mustChangePassword: false } });
    expect(created.status(), await created.text()).toBe(200);
    // the admin (this page's session) stars a group
    expect((await page.request.put(`/api/clusters/${c}/favourites/groups/${GROUP}`)).status()).toBe(200);

    const theirs = await browser.newContext({ storageState: undefined });
    const viewer = await theirs.newPage();
    await viewer.goto('/login');
    await expect(viewer.locator('html[data-hydrated="true"]')).toHaveCount(1);
    await viewer.getByLabel('Username').fill(username);
    await viewer.getByLabel('Password').fill(password);
    await viewer.getByRole('button', { name: 'Sign in' }).click();
    await expect(viewer.getByTestId('starred-empty')).toBeVisible();
    await expect(viewer.getByTestId('starred-group')).toHaveCount(0);
    // a viewer stars with one click, for themselves only
    await open(viewer, `/clusters/${c}/topics/${TOPIC}`);
    await viewer.getByRole('button', { name: `Star topic ${TOPIC}` }).click();
    await expect(viewer.getByRole('button', { name: `Unstar topic ${TOPIC}` })).toBeEnabled();
    const mine = await (await viewer.request.get(`/api/clusters/${c}/favourites`)).json();
    expect({ groups: mine.groups.map((g: { name: string }) => g.name), topics: mine.topics.map((t: { name: string }) => t.name) }).toEqual({ groups: [], topics: [TOPIC] });
    const admins = await (await page.request.get(`/api/clusters/${c}/favourites`)).json();
    expect({ groups: admins.groups.map((g: { name: string }) => g.name), topics: admins.topics.map((t: { name: string }) => t.name) }).toEqual({ groups: [GROUP], topics: [] });
    // starring what does not exist is refused, naming the field; nothing is audited
    const unknown = await page.request.put(`/api/clusters/${c}/favourites/groups/no_such_group_fav`);
    expect(unknown.status()).toBe(404);
    expect((await unknown.json()).error.field).toBe('group');
    const audit = await (await page.request.get(`/api/clusters/${c}/audit?group=${GROUP}`)).json();
    expect(JSON.stringify(audit)).not.toMatch(/favourite/i);

    expect((await page.request.delete(`/api/clusters/${c}/favourites/groups/${GROUP}`)).status()).toBe(200);
    await theirs.close();
    await admin.dispose();
  });
});
