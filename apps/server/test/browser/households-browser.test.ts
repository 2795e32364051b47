// 群众文明积分 in a real browser: in the console a station admin finds a household on 户籍登记,
// awards points from a village rule with an evidence photo (a small award posts at once; a large one
// waits), and another admin of the station confirms the large one on 积分记录与待确认; on H5 the
// village's public board (no account, 375 px, axe) ranks the household with its head's name masked,
// and a resident linked to a household sees its points on 我的.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { as, DEMO_PASSWORD, login, type TestContext } from '../support/context.ts';
import { createUser, orgOfUser, TINY_PNG, type OrgRef } from '../support/org-factories.ts';
import { BROWSER_WAIT, canRunBrowser, launchChromium, serveWebApp } from '../support/browser-harness.ts';
import { expectAccessibleOnPhone } from '../support/axe.ts';

const poll = <T>(read: () => Promise<T> | T, timeout = BROWSER_WAIT) => expect.poll(read, { timeout });

describe.runIf(canRunBrowser)('群众文明积分: the console award flow and the H5 board', () => {
  let tc: TestContext;
  let browser: Browser;
  let baseUrl: string;
  let station: OrgRef;
  let householdId = 0;
  const HOUSEHOLD_NO = '7-77';

  beforeAll(async () => {
    ({ tc, baseUrl } = await serveWebApp());
    station = await orgOfUser(tc.ctx.db.system, 'demo-station');
    await createUser(tc.ctx.db.system, 'hh-browser-second', 'station_admin', station.id);
    const admin = as(tc.app, await login(tc.app, 'demo-station'));
    const h = await admin.post('/api/households', {
      householdNo: HOUSEHOLD_NO,
      headName: '司马长风',
      members: [{ name: '林小雨', relation: '配偶' }],
      phone: '13812345678',
    });
    expect(h.statusCode, h.body).toBe(200);
    householdId = h.json().id;
    for (const [name, points] of [
      ['浏览器小项', 50],
      ['浏览器大项', 200],
    ] as const)
      expect((await admin.post('/api/households/rules', { name, points: points / 10 })).statusCode).toBe(200);
    // the station's threshold: 10 points (the large rule, 20, waits for a second person)
    expect(
      (await admin.patch('/api/households/settings', { confirmThreshold: 10, boardMode: 'masked' }))
        .statusCode,
    ).toBe(200);
    browser = await launchChromium();
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

  async function signIn(username: string): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 800 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/login/);
    await fill(page, 'login-username', username);
    await fill(page, 'login-password', DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('header-role').waitFor();
    await page.getByRole('menuitem', { name: '群众文明积分', exact: true }).click();
    await page.waitForURL(/\/households/);
    return page;
  }

  async function balance() {
    const row = await tc.ctx.db.system
      .selectFrom('point_balances')
      .select(['balance', 'lifetime'])
      .where('holder_type', '=', 'household')
      .where('holder_id', '=', householdId)
      .executeTakeFirst();
    return row?.balance ?? 0;
  }

  async function award(page: Page, rule: string) {
    const row = page
      .getByTestId('households-table')
      .locator('.el-table__row')
      .filter({ hasText: HOUSEHOLD_NO });
    await row.getByTestId('household-award').click();
    await page.getByTestId('award-rule').click();
    await page.locator('.el-select-dropdown__item:visible').filter({ hasText: rule }).click();
    await fill(page, 'award-note', '打扫村道');
    // no photo yet: 保存 is disabled and says why
    expect(await page.getByTestId('award-save').isDisabled()).toBe(true);
    expect(await page.getByTestId('award-missing').textContent()).toContain('积分凭证照片');
    await page
      .getByTestId('award-photo')
      .setInputFiles({ name: '凭证.png', mimeType: 'image/png', buffer: TINY_PNG });
    await page.getByTestId('award-save').click();
  }

  it('console: awards a small item at once and holds a large one for a second person', async () => {
    const page = await signIn('demo-station');
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await fill(page, 'household-search', HOUSEHOLD_NO);
    await page.getByRole('button', { name: '查询' }).first().click();
    const row = page
      .getByTestId('households-table')
      .locator('.el-table__row')
      .filter({ hasText: HOUSEHOLD_NO });
    await row.waitFor();
    // the phone is masked in the list
    expect(await row.textContent()).toContain('138****5678');

    await award(page, '浏览器小项');
    await poll(balance).toBe(5);
    await award(page, '浏览器大项');
    await poll(async () => (await page.locator('.el-message').allTextContents()).join()).toContain(
      '另一位工作人员确认',
    );
    expect(await balance()).toBe(5);
    const photos = await tc.ctx.db.system
      .selectFrom('household_awards')
      .select(['photo_id', 'status'])
      .where('household_id', '=', householdId)
      .execute();
    expect(photos.map((p) => p.status).sort()).toEqual(['pending', 'posted']);
    expect(photos.every((p) => p.photo_id !== null)).toBe(true);

    // the recorder sees the pending award without a 确认 button
    await page.getByRole('tab', { name: '积分记录与待确认' }).click();
    const mine = page.getByTestId('awards-table').locator('.el-table__row').filter({ hasText: HOUSEHOLD_NO });
    await mine.waitFor();
    expect(await mine.getByTestId('award-confirm').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('console: a second admin confirms the large award and the points post', async () => {
    const page = await signIn('hh-browser-second');
    await page.getByRole('tab', { name: '积分记录与待确认' }).click();
    const row = page.getByTestId('awards-table').locator('.el-table__row').filter({ hasText: HOUSEHOLD_NO });
    await row.waitFor();
    await row.getByTestId('award-confirm').click();
    await poll(balance).toBe(25);
    await page.context().close();
  });

  it('H5: the public board ranks the household with the name masked, accessibly', async () => {
    const context = await browser.newContext({
      viewport: { width: 375, height: 812 },
      locale: 'zh-CN',
      bypassCSP: true,
    });
    const h5 = await context.newPage();
    await h5.goto(`${baseUrl}/h5/board/${station.id}`);
    const row = h5.getByTestId('h5-board-row').filter({ hasText: HOUSEHOLD_NO });
    await row.waitFor();
    expect(await row.textContent()).toContain('司**风');
    expect(await row.textContent()).toContain('25 分');
    expect(await h5.content()).not.toContain('司马长风');
    await expectAccessibleOnPhone(h5);
    await context.close();
  });

  it("H5: a linked resident's 我的 shows the household's points and leads to the board", async () => {
    const context = await browser.newContext({
      viewport: { width: 375, height: 812 },
      locale: 'zh-CN',
      bypassCSP: true,
    });
    const h5 = await context.newPage();
    await h5.goto(`${baseUrl}/h5/login`);
    await fill(h5, 'h5-login-username', 'demo-resident');
    await fill(h5, 'h5-login-password', DEMO_PASSWORD);
    await h5.getByTestId('h5-login-submit').click();
    await h5.waitForURL(/\/h5\/me/);
    const card = h5.getByTestId('h5-my-household');
    await card.waitFor();
    expect(await card.textContent()).toContain('1-01 户');
    await expectAccessibleOnPhone(h5);
    await h5.getByTestId('h5-household-board-link').click();
    await h5.waitForURL(new RegExp(`/h5/board/${station.id}$`));
    await h5.getByTestId('h5-board-row').first().waitFor();
    await context.close();
  });
});
