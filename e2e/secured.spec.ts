import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { clusterList, consumerProgress, listAcls, listUsers } from '../test-support/mqadmin';
import { SECURED_ACCOUNTS, securedSandboxOf } from '../test-support/sandbox';
import { parse } from 'yaml';
import { open } from './support';

// E2E_SECURED=1 (sandbox/scripts/test.sh's last step): the console serves the sandboxes with access control,
// `secured` (5.5.0, ACL 2.0) and `secured-4.9` (4.9.8, ACL 1.0) signed as their administrator, `secured-none`
// (5.5.0, no credentials), `secured-reader` (5.5.0, the read-only account). See sandbox/scripts/console-config.sh.
const V5 = securedSandboxOf(process.env.RMQ_VERSION_V5 ?? '5.5.0');
const V4 = securedSandboxOf(process.env.RMQ_VERSION_V4 ?? '4.9.8');
/** A user this file creates through the UI: its password is a secret too. */
const NEW_USER = { username: `e2e_user_${Date.now().toString(36)}`, password: `e2e-pw-${Date.now().toString(36)}-x` };
/** An ACL 1.0 account this file creates through the UI on the 4.9.8 cluster. */
const NEW_ACCOUNT = { accessKey: `e2e_ak_${Date.now().toString(36)}`, secretKey: `e2e-sk-${Date.now().toString(36)}-x` };
const SECRETS = [...Object.values(SECURED_ACCOUNTS).map((a) => a.secretKey), NEW_USER.password, NEW_ACCOUNT.secretKey];
/** The 4.9.8 sandbox's brokers share one rocketmq.home.dir (sandbox/scripts/auth.sh): the ACL file they all write. */
const aclFileAccounts = () => (parse(readFileSync(path.join(V4.dir, 'rmqhome', 'conf', 'plain_acl.yml'), 'utf8')) as { accounts: Array<Record<string, unknown>> }).accounts;
/** Every API answer the browser received in this file, scanned for the secrets at the end. */
const answers: Array<{ url: string; body: string }> = [];

test.describe.serial('clusters with access control', () => {
  test.beforeEach(({ page }) => {
    page.on('response', async (response) => {
      if (!response.url().includes('/api/')) return;
      answers.push({ url: response.url(), body: await response.text().catch(() => '') });
    });
  });

  for (const on of [V5, V4]) {
    test(`${on.cluster} (${on.isV5 ? 'ACL 2.0' : 'ACL 1.0'}), signed: the cluster and a group's lag as mqadmin, signed with tools.yml, prints them`, async ({ page }) => {
      const brokers = await clusterList(on);
      expect(brokers).toHaveLength(3);
      await open(page, `/clusters/${on.cluster}`);
      await expect(page.getByTestId('broker-row')).toHaveCount(3);
      for (const b of brokers) await expect(page.getByTestId('broker-row').filter({ hasText: b.addr })).toContainText(b.version);
      await expect(page.getByTestId('partial-failures')).toHaveCount(0);

      const progress = await consumerProgress('lab_cg_cluster', undefined, false, on);
      expect(progress.rows.length).toBeGreaterThan(0);
      await open(page, `/clusters/${on.cluster}/groups/lab_cg_cluster`);
      await expect(page.getByTestId('total-lag')).toHaveText(progress.diffTotal.toLocaleString('en-US'));
      await expect(page.getByTestId('partial-failures')).toHaveCount(0);
    });
  }

  test('the access control page lists the users and policies of every broker and answers "may this user do it?" as the broker would', async ({ page }) => {
    await open(page, `/clusters/${V5.cluster}/acl`);
    await expect(page.getByTestId('acl-account')).toContainText('The console signs as rocketmq (Super user)');
    await expect(page.getByTestId('acl-user')).toHaveCount(3);
    for (const [user, type] of [['lab_app', 'Normal'], ['lab_reader', 'Normal'], ['rocketmq', 'Super']]) {
      await expect(page.locator(`[data-testid="acl-user"][data-user="${user}"]`)).toContainText(type!);
      await expect(page.locator(`[data-testid="acl-user"][data-user="${user}"]`)).toContainText('every broker (3)');
    }
    await expect(page.getByTestId('acl-policy').filter({ hasText: 'User:lab_reader' })).toContainText('Get, List, Sub');
    await page.getByLabel('User').fill('lab_reader');
    await page.getByLabel('Action').selectOption('Pub');
    await page.getByLabel('Resource').fill('Topic:LabTopic');
    await page.getByRole('button', { name: 'Ask' }).click();
    await expect(page.getByTestId('acl-answer')).toHaveAttribute('data-decision', 'Deny');
    await expect(page.getByTestId('acl-answer')).toContainText('no matched policies');
    await page.getByLabel('User').fill('lab_app');
    await page.getByRole('button', { name: 'Ask' }).click();
    await expect(page.getByTestId('acl-answer')).toHaveAttribute('data-decision', 'Allow');
    await expect(page.getByTestId('acl-answer')).toContainText('Custom entry on Topic:* (Pub, Sub, Get) decides: Allow');

    await open(page, `/clusters/${V4.cluster}/acl`);
    await expect(page.getByTestId('acl-notes')).toContainText('GET_BROKER_CLUSTER_ACL_CONFIG (54) was removed');
  });

  test('the access control page in Chinese: headings, the users as every broker keeps them, and the simulator\'s answer', async ({ page, baseURL }) => {
    await page.context().addCookies([{ name: 'console_locale', value: 'zh-CN', url: baseURL! }]);
    await open(page, `/clusters/${V5.cluster}/acl`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { name: '访问控制' })).toBeVisible();
    await expect(page.getByTestId('acl-account')).toContainText('控制台以 rocketmq（Super 用户）签名');
    await expect(page.locator('[data-testid="acl-user"][data-user="lab_reader"]')).toContainText('所有 Broker（3）');
    await page.getByLabel('用户', { exact: true }).fill('lab_app');
    await page.getByLabel('操作', { exact: true }).selectOption('Pub');
    await page.getByLabel('资源', { exact: true }).fill('Topic:LabTopic');
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByTestId('acl-answer')).toHaveAttribute('data-decision', 'Allow');
    await expect(page.getByTestId('acl-answer')).toContainText('Topic:* 上的 Custom 条目（Pub, Sub, Get）决定：Allow');
    await page.screenshot({ path: 'test-results/secured-acl-zh.png', fullPage: true });
  });

  test('creates a user and a policy entry through the change dialogs, each on every broker as mqadmin lists them, then deletes both', async ({ page }) => {
    await open(page, `/clusters/${V5.cluster}/acl`);
    await page.getByTestId('acl-new-user').click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('Username').fill(NEW_USER.username);
    await dialog.getByLabel('Password').fill(NEW_USER.password);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect(dialog.getByText('set (not shown)')).toHaveCount(3);
    await dialog.getByTestId('apply-change').click();
    await expect(dialog.getByTestId('change-status')).toHaveText('completed');
    await expect(dialog.getByTestId('change-step')).toHaveCount(3);
    await dialog.getByRole('button', { name: 'Done' }).click();
    for (const addr of [V5.brokerAMaster, V5.brokerASlave, V5.brokerBMaster]) expect((await listUsers(addr, V5)).map((u) => u.username)).toContain(NEW_USER.username);
    await expect(page.locator(`[data-testid="acl-user"][data-user="${NEW_USER.username}"]`)).toContainText('every broker (3)');

    await page.getByTestId('acl-new-policy').click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Subject').selectOption(`User:${NEW_USER.username}`);
    await dialog.getByLabel('Resource').fill('Group:e2e-*');
    await dialog.getByLabel('Action Pub').uncheck();
    await dialog.getByLabel('Decision').selectOption('Deny');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect(dialog.getByText('Deny Sub')).toHaveCount(3);
    await dialog.getByTestId('apply-change').click();
    await expect(dialog.getByTestId('change-status')).toHaveText('completed');
    await dialog.getByRole('button', { name: 'Done' }).click();
    const listed = (await listAcls(V5.brokerBMaster, V5)).filter((a) => a.subject === `User:${NEW_USER.username}`);
    expect(listed).toEqual([{ subject: `User:${NEW_USER.username}`, policyType: 'Custom', resource: 'Group:e2e-*', actions: ['Sub'], sourceIps: [], decision: 'Deny' }]);
    const row = page.getByTestId('acl-policy').filter({ hasText: `User:${NEW_USER.username}` });
    await expect(row).toContainText('Group:e2e-*');

    await row.getByTestId('acl-delete-policy').click();
    dialog = page.getByRole('dialog');
    await dialog.getByTestId('apply-change').click();
    await expect(dialog.getByTestId('change-status')).toHaveText('completed');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.locator(`[data-testid="acl-user"][data-user="${NEW_USER.username}"]`).getByTestId('acl-delete-user').click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Type the broker name to confirm').fill(`user ${NEW_USER.username}`);
    await dialog.getByTestId('apply-change').click();
    await expect(dialog.getByTestId('change-status')).toHaveText('completed');
    expect((await listUsers(V5.brokerAMaster, V5)).map((u) => u.username)).not.toContain(NEW_USER.username);
    expect((await listAcls(V5.brokerAMaster, V5)).filter((a) => a.subject === `User:${NEW_USER.username}`)).toEqual([]);
  });

  test('secured-4.9 (ACL 1.0): creates an account in every broker\'s plain_acl.yml, looks it up without its secret, deletes it', async ({ page }) => {
    await open(page, `/clusters/${V4.cluster}/acl`);
    await expect(page.getByTestId('acl1-broker')).toHaveCount(3);
    await expect(page.getByTestId('acl1-brokers')).toContainText(path.join(V4.dir, 'rmqhome', 'conf', 'plain_acl.yml'));
    await page.getByTestId('acl1-new-account').click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('Access key').fill(NEW_ACCOUNT.accessKey);
    await dialog.getByLabel('Secret key').fill(NEW_ACCOUNT.secretKey);
    await dialog.getByLabel('Default topic perm').selectOption('SUB');
    await dialog.getByLabel('Topic perms').fill('LabTopic=PUB|SUB');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await expect(dialog.getByText('created', { exact: true })).toHaveCount(3);
    await expect(dialog.getByText('set (not shown)')).toHaveCount(1);
    await dialog.getByTestId('apply-change').click();
    await expect(dialog.getByTestId('change-status')).toHaveText('completed');
    await dialog.getByRole('button', { name: 'Done' }).click();
    expect(aclFileAccounts().find((a) => a.accessKey === NEW_ACCOUNT.accessKey)).toEqual({ accessKey: NEW_ACCOUNT.accessKey, secretKey: NEW_ACCOUNT.secretKey, admin: false, defaultTopicPerm: 'SUB', topicPerms: ['LabTopic=PUB|SUB'] });

    await page.getByLabel('Access key').fill(NEW_ACCOUNT.accessKey);
    await page.getByRole('button', { name: 'Look up' }).click();
    await expect(page.getByTestId('acl1-presence')).toHaveText(['has it', 'has it', 'has it']);
    await page.getByTestId('acl1-delete-account').click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Type the broker name to confirm').fill(`account ${NEW_ACCOUNT.accessKey}`);
    await dialog.getByTestId('apply-change').click();
    await expect(dialog.getByTestId('change-status')).toHaveText('completed');
    await dialog.getByRole('button', { name: 'Done' }).click();
    expect(aclFileAccounts().find((a) => a.accessKey === NEW_ACCOUNT.accessKey)).toBeUndefined();
    await expect(page.getByTestId('acl1-presence')).toHaveText(['does not have it', 'does not have it', 'does not have it']);
  });

  test('secured-reader: a read-only account reads everything, and the access control page says changes will be refused', async ({ page }) => {
    await open(page, '/clusters/secured-reader');
    await expect(page.getByTestId('broker-row')).toHaveCount(3);
    await expect(page.getByTestId('partial-failures')).toHaveCount(0);
    await open(page, '/clusters/secured-reader/acl');
    await expect(page.getByTestId('acl-account')).toContainText('lab_reader');
    await expect(page.getByTestId('acl-account')).toContainText('read-only for the console');
    // and says so where changes start: the change buttons are disabled with the reason
    await open(page, '/clusters/secured-reader/topics');
    const create = page.getByTestId('create-topic');
    await expect(create).toHaveAttribute('aria-disabled', 'true');
    await create.hover();
    await expect(page.getByRole('tooltip')).toContainText('the console signs as lab_reader on cluster secured-reader, whose ACL 2.0 policies allow no Create or Update');
    const session = (await (await page.request.get('/api/session')).json()) as { clusters: Array<{ name: string; accountReadOnly?: string }> };
    expect(session.clusters.find((c) => c.name === 'secured-reader')?.accountReadOnly).toMatch(/lab_reader/);
    expect(session.clusters.find((c) => c.name === 'secured')?.accountReadOnly).toBeUndefined();
    await open(page, '/clusters/secured/topics');
    await expect(page.getByTestId('create-topic')).not.toHaveAttribute('aria-disabled', 'true');
  });

  test('secured-none, no credentials: the cluster page names each broker\'s refusal, and the API answers 403 naming the cluster and what to check', async ({ page, request }) => {
    await open(page, '/clusters/secured-none');
    const banner = page.getByTestId('partial-failures');
    await expect(banner).toBeVisible();
    for (const addr of [V5.brokerAMaster, V5.brokerASlave, V5.brokerBMaster]) await expect(banner).toContainText(addr);
    await expect(banner).toContainText("refused GET_BROKER_RUNTIME_INFO to the console's account (access control): username cannot be null");

    const answer = await request.get(`/api/clusters/secured-none/brokers/${encodeURIComponent(V5.brokerAMaster)}/runtime`);
    expect(answer.status()).toBe(403);
    const { error } = await answer.json();
    expect(error.code).toBe('access_refused');
    expect(error.message).toContain(`cluster secured-none: ${V5.brokerAMaster} refused GET_BROKER_RUNTIME_INFO for no account`);
    expect(error.message).toContain('Check the credentials of cluster secured-none in the clusters file');
  });

  test('no secret of the clusters file is in any API answer, page, the client bundle or the console\'s log', async ({ page, request }) => {
    // the answers of the tests above, and of the routes that describe clusters and the session
    for (const url of ['/api/session', '/api/overview', `/api/clusters/${V5.cluster}/brokers`, `/api/clusters/${V4.cluster}/brokers`, '/api/clusters/secured-none/brokers']) {
      const answer = await request.get(url);
      answers.push({ url, body: await answer.text() });
    }
    expect(answers.length).toBeGreaterThan(10);
    for (const { url, body } of answers) for (const secret of SECRETS) expect(body.includes(secret), `${secret} in ${url}`).toBe(false);
    for (const url of [`/clusters/${V5.cluster}`, `/clusters/${V4.cluster}/topics`]) {
      await open(page, url);
      const html = await page.content();
      for (const secret of SECRETS) expect(html.includes(secret), `${secret} in ${url}`).toBe(false);
    }
    const bundle = files(path.resolve(import.meta.dirname, '../.next/static')).filter((f) => f.endsWith('.js'));
    expect(bundle.length).toBeGreaterThan(10);
    for (const file of bundle) {
      const text = readFileSync(file, 'utf8');
      for (const secret of SECRETS) expect(text.includes(secret), `${secret} in ${file}`).toBe(false);
    }
    // the server's log of this whole run (sign-ins, the changes above, the brokers' refusals of the unsigned cluster)
    const log = readFileSync(process.env.E2E_CONSOLE_LOG!, 'utf8');
    expect(log.split('\n').filter((l) => l.startsWith('{')).length).toBeGreaterThan(5);
    for (const secret of SECRETS) expect(log.includes(secret), `${secret} in the console's log`).toBe(false);
  });
});

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}
