// Accounts in a real browser (issue 12): a centre admin the security admin created shows as 待激活
// on the accounts page with no 激活 button for them; the audit admin, told by the bell, activates it
// on the 账号激活 page after a confirmation. And a login from an address with many failures — a
// village behind one NAT — still goes through: the page solves the proof-of-work challenge itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { as, DEMO_PASSWORD, login, type TestContext } from '../support/context.ts';
import { BROWSER_WAIT, canRunBrowser, launchChromium, serveWebApp } from '../support/browser-harness.ts';

const poll = <T>(read: () => Promise<T> | T, timeout = BROWSER_WAIT) => expect.poll(read, { timeout });

describe.runIf(canRunBrowser)('account activation and login friction in the console', () => {
  let tc: TestContext;
  let browser: Browser;
  let baseUrl: string;
  let pending = { id: 0, username: '' };

  const statusOf = async (id: number) =>
    (
      await tc.ctx.db.system
        .selectFrom('users')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).status;

  beforeAll(async () => {
    ({ tc, baseUrl } = await serveWebApp());
    browser = await launchChromium();
    const security = as(tc.app, await login(tc.app, 'demo-security'));
    const centerId = (
      await tc.ctx.db.system
        .selectFrom('orgs')
        .select('id')
        .where('kind', '=', 'center')
        .executeTakeFirstOrThrow()
    ).id;
    const username = `newcenter${process.pid}`;
    const res = await security.post('/api/users', {
      username,
      displayName: '新任中心管理员',
      role: 'center_admin',
      orgId: centerId,
    });
    expect(res.statusCode, res.body).toBe(200);
    pending = { id: res.json().user.id, username };
  });

  afterAll(async () => {
    await browser?.close();
    await tc?.close();
  });

  async function fill(page: Page, testId: string, value: string) {
    const el = page.getByTestId(testId);
    const tag = await el.evaluate((node) => node.tagName);
    await (tag === 'INPUT' || tag === 'TEXTAREA' ? el : el.locator('input, textarea').first()).fill(value);
  }

  async function logIn(username: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/login/);
    await fill(page, 'login-username', username);
    await fill(page, 'login-password', DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('header-role').waitFor();
    return { page, problems };
  }

  it('the security admin sees the new centre admin as 待激活, without an 激活 button', async () => {
    const { page, problems } = await logIn('demo-security');
    await page.goto(`${baseUrl}/users`);
    const row = page.getByTestId('user-table').locator('tr', { hasText: pending.username });
    await row.waitFor();
    await poll(() => row.getByTestId('user-status-pending').textContent()).toContain('待激活');
    expect(await page.getByTestId('user-activate').count()).toBe(0);
    // nor is the 账号激活 page in their menu
    expect(await page.getByRole('menuitem', { name: '待激活账号', exact: true }).count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the audit admin is alerted, and activates it on the 账号激活 page after confirming', async () => {
    const { page, problems } = await logIn('demo-audit');
    await poll(async () => (await page.getByTestId('notifications-unread').textContent())?.trim()).not.toBe(
      '',
    );
    await page.getByRole('menuitem', { name: '待激活账号', exact: true }).click();
    await page.waitForURL(/\/account-activations/);
    const row = page.getByTestId('activation-table').locator('tr', { hasText: pending.username });
    await row.waitFor();
    await poll(() => row.textContent()).toContain('demo-security');
    await poll(() => row.textContent()).toContain('新建账号');

    // cancelling the confirmation changes nothing
    await row.getByTestId('activate-user').click();
    const box = page.locator('.el-message-box');
    await poll(() => box.textContent()).toContain(pending.username);
    await box.getByRole('button', { name: '取消' }).click();
    expect(await statusOf(pending.id)).toBe('pending');

    await row.getByTestId('activate-user').click();
    await box.getByRole('button', { name: '激活' }).click();
    await poll(() => statusOf(pending.id)).toBe('active');
    await poll(() => row.count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the audit admin reads the log in words, filters by picking, and finds the raw values in the detail', async () => {
    const { page, problems } = await logIn('demo-audit');
    await page.goto(`${baseUrl}/audit-logs`);
    const table = page.getByTestId('audit-table');
    const rows = table.locator('.el-table__body-wrapper tbody tr');
    await poll(() => rows.count()).toBeGreaterThan(0);
    // labels and names, not codes: no "auth.login", no "session #9", no raw JSON
    const text = (await table.textContent()) ?? '';
    expect(text).not.toMatch(/[a-z_]+\.[a-z_]+|#\d|\{"/);
    expect(text).toContain('登录');

    // 动作 is a picker: 激活账号, from the 账号 group
    await page.getByTestId('audit-filter-action').click();
    await page.getByRole('option', { name: '激活账号', exact: true }).click();
    await page.getByRole('button', { name: '查询' }).click();
    const activation = rows.filter({ hasText: pending.username });
    await poll(() => activation.count()).toBe(1);
    expect(new Set(await table.getByTestId('audit-action').allTextContents())).toEqual(new Set(['激活账号']));
    expect((await activation.getByTestId('audit-resource').textContent())?.trim()).toBe(
      `账号 新任中心管理员（${pending.username}）`,
    );
    expect(await activation.getByTestId('audit-actor').textContent()).toContain('（demo-audit）');

    // the detail keeps the raw values
    await activation.getByTestId('audit-detail').click();
    const drawer = page.locator('.el-drawer');
    await poll(() => drawer.getByTestId('audit-detail-raw-resource').textContent()).toContain(
      `user #${pending.id}`,
    );
    expect(await drawer.textContent()).toContain('user.activate');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a login from an address with many failures solves the challenge by itself and gets in', async () => {
    // thirty villagers mistyping behind the browser's address (127.0.0.1)
    for (let i = 0; i < 30; i += 1) {
      const res = await tc.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: `villager${i}x`, password: 'Wrong#pass1' },
        remoteAddress: '127.0.0.1',
      });
      expect(res.statusCode).toBe(401);
    }
    const asked = await tc.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'demo-center', password: DEMO_PASSWORD },
      remoteAddress: '127.0.0.1',
    });
    expect(asked.json().code).toBe('CHALLENGE_REQUIRED');

    const redeemed = () => tc.ctx.db.system.selectFrom('login_challenges_used').select('id').execute();
    expect(await redeemed()).toHaveLength(0);

    const { page, problems } = await logIn('demo-center');
    await poll(async () => (await page.getByTestId('header-role').textContent())?.trim()).toBe('中心管理员');
    // it got in by solving one
    expect(await redeemed()).toHaveLength(1);
    expect(problems).toEqual([]);
    await page.close();
  });
});
