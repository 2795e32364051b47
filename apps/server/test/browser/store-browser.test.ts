// 爱心超市 in a real browser: on H5 at 375 px (with axe) a volunteer sees their points and the
// station's items, redeems one and finds its pick-up code and QR under 我的兑换; in the console the
// store keeper types the code on 兑换核销, sees who redeemed what and hands it over; the same code
// again is refused as a duplicate pick-up, and H5 then shows the redemption as picked up. The keeper
// also cancels a pending redemption with a reason: the points and the stock go back, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { as, DEMO_PASSWORD, login, type TestContext } from '../support/context.ts';
import { orgOfUser } from '../support/org-factories.ts';
import { balanceOf, grantPoints, makeItem, stockOf } from '../support/store-factories.ts';
import {
  registerVolunteer,
  VOLUNTEER_PASSWORD,
  type RegisteredVolunteer,
} from '../support/volunteer-factories.ts';
import { BROWSER_WAIT, canRunBrowser, launchChromium, serveWebApp } from '../support/browser-harness.ts';
import { expectAccessibleOnPhone } from '../support/axe.ts';

const H5_VIEWPORT = { width: 375, height: 812 };

const poll = <T>(read: () => Promise<T> | T, timeout = BROWSER_WAIT) => expect.poll(read, { timeout });

describe.runIf(canRunBrowser)('爱心超市 on H5 and the keeper’s pick-up in the console', () => {
  let tc: TestContext;
  let browser: Browser;
  let baseUrl: string;
  let volunteer: RegisteredVolunteer;
  let itemId = 0;
  let h5: Page;
  let code = '';
  const ITEM = '爱心礼包（测试）';

  beforeAll(async () => {
    ({ tc, baseUrl } = await serveWebApp());
    const station = await orgOfUser(tc.ctx.db.system, 'demo-station');
    volunteer = await registerVolunteer(tc, station.id);
    await grantPoints(tc, volunteer.id, 100, station.path);
    const admin = await login(tc.app, 'demo-station');
    itemId = (await makeItem(tc, admin, { name: ITEM, price: 30, stock: 2 })).id;
    // a second item above the balance: shown, but says why it cannot be redeemed
    await makeItem(tc, admin, { name: '电饭煲（测试）', price: 500, stock: 1 });
    expect((await as(tc.app, admin).get(`/api/store/items/${itemId}`)).statusCode).toBe(200);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await tc?.close();
  });

  async function fill(testId: string, value: string, on: Page) {
    const el = on.getByTestId(testId);
    const tag = await el.evaluate((node) => node.tagName);
    await (tag === 'INPUT' || tag === 'TEXTAREA' ? el : el.locator('input, textarea').first()).fill(value);
  }

  it('H5: shows the balance and items, redeems one and shows its pick-up code and QR', async () => {
    const context = await browser.newContext({ viewport: H5_VIEWPORT, locale: 'zh-CN', bypassCSP: true });
    h5 = await context.newPage();
    const errors: string[] = [];
    h5.on('pageerror', (error) => errors.push(error.message));
    await h5.goto(`${baseUrl}/h5/login?redirect=${encodeURIComponent('/store')}`);
    await fill('h5-login-username', volunteer.phone, h5);
    await fill('h5-login-password', VOLUNTEER_PASSWORD, h5);
    await h5.getByTestId('h5-login-submit').click();
    await h5.waitForURL(/\/h5\/store$/);
    await poll(async () => (await h5.getByTestId('h5-store-balance-value').textContent())?.trim()).toBe(
      '100',
    );
    const item = h5.getByTestId('h5-store-item').filter({ hasText: ITEM });
    await item.waitFor();
    expect(await item.textContent()).toContain('还剩 2 件');
    const dear = h5.getByTestId('h5-store-item').filter({ hasText: '电饭煲（测试）' });
    expect((await dear.getByTestId('h5-store-item-blocked').textContent())?.trim()).toBe('积分不足');
    await expectAccessibleOnPhone(h5);

    await item.getByTestId('h5-store-redeem').click();
    await h5.getByRole('button', { name: '确认兑换' }).click();
    await h5.waitForURL(/\/h5\/my-redemptions\?open=\d+/);
    const card = h5.getByTestId('h5-redemption').filter({ hasText: ITEM });
    await card.getByTestId('h5-redemption-code').waitFor();
    code = (await card.getByTestId('h5-redemption-code').textContent())!.trim();
    expect(code).toMatch(/^\d{6}$/);
    await card.getByTestId('h5-redemption-qr').waitFor();
    expect(await card.getAttribute('data-status')).toBe('pending');
    await expectAccessibleOnPhone(h5);
    expect(errors).toEqual([]);
  });

  it('console: the keeper types the code, hands it over, and a second pick-up is refused', async () => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 800 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/login/);
    await fill('login-username', 'demo-station', page);
    await fill('login-password', DEMO_PASSWORD, page);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('header-role').waitFor();
    await page.getByRole('menuitem', { name: '兑换核销', exact: true }).click();
    await page.waitForURL(/\/store-handover/);

    await fill('store-pickup-code', code, page);
    await page.getByTestId('store-pickup-lookup').click();
    const found = page.getByTestId('store-pickup-found');
    await found.waitFor();
    expect(await found.textContent()).toContain(ITEM);
    expect(await found.textContent()).toContain(volunteer.volunteerNo);
    await page.getByTestId('store-pickup-handover').click();
    await poll(async () => (await page.getByTestId('store-pickup-status').textContent())?.trim()).toBe(
      '已领取',
    );
    const row = await tc.ctx.db.system
      .selectFrom('store_redemptions')
      .select(['status'])
      .where('item_id', '=', itemId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('handed_over');

    // the same code again: a duplicate pick-up
    await fill('store-pickup-code', code, page);
    await page.getByTestId('store-pickup-lookup').click();
    await poll(async () => (await page.getByTestId('store-pickup-error').textContent()) ?? '').toContain(
      '不能重复领取',
    );
    await context.close();
  });

  it('H5: 我的兑换 shows it picked up, without the code', async () => {
    await h5.goto(`${baseUrl}/h5/my-redemptions`);
    const card = h5.getByTestId('h5-redemption').filter({ hasText: ITEM });
    await poll(() => card.getAttribute('data-status')).toBe('handed_over');
    expect(await card.getByTestId('h5-redemption-code').count()).toBe(0);
    await expectAccessibleOnPhone(h5);
  });

  it('console: the keeper cancels a pending redemption with a reason; points and stock go back', async () => {
    const balanceBefore = await balanceOf(tc, volunteer.id);
    const stockBefore = await stockOf(tc, itemId);
    const redeemed = await as(tc.app, volunteer.session).post('/api/me/store/redemptions', { itemId });
    expect(redeemed.statusCode, redeemed.body).toBe(200);
    const { id, pickupCode } = redeemed.json() as { id: number; pickupCode: string };
    expect(await balanceOf(tc, volunteer.id)).toBe(balanceBefore - 30);
    expect(await stockOf(tc, itemId)).toBe(stockBefore! - 1);

    const context = await browser.newContext({
      viewport: { width: 1366, height: 800 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/login/);
    await fill('login-username', 'demo-station', page);
    await fill('login-password', DEMO_PASSWORD, page);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('header-role').waitFor();
    await page.getByRole('menuitem', { name: '兑换核销', exact: true }).click();
    await page.waitForURL(/\/store-handover/);

    await fill('store-pickup-code', pickupCode, page);
    await page.getByTestId('store-pickup-lookup').click();
    await page.getByTestId('store-pickup-found').waitFor();
    await page.getByTestId('store-pickup-cancel').click();
    // the reason first (required), then a second confirmation
    const prompt = page.locator('.el-message-box').filter({ hasText: '取消兑换' });
    await prompt.locator('input').fill('物品损坏，无法发放');
    await prompt.getByRole('button', { name: '确定取消' }).click();
    await page
      .locator('.el-message-box')
      .filter({ hasText: '确认取消这次兑换吗' })
      .getByRole('button', { name: '确认' })
      .click();
    await poll(async () => (await page.locator('.el-message').last().textContent()) ?? '').toContain(
      '已取消',
    );
    await poll(async () => await page.getByTestId('store-pickup-found').count()).toBe(0);

    const row = await tc.ctx.db.system
      .selectFrom('store_redemptions')
      .select(['status', 'cancel_reason', 'cancelled_by', 'stock_returned'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'cancelled',
      cancel_reason: '物品损坏，无法发放',
      stock_returned: true,
    });
    expect(row.cancelled_by).not.toBeNull();
    expect(await balanceOf(tc, volunteer.id)).toBe(balanceBefore);
    expect(await stockOf(tc, itemId)).toBe(stockBefore);
    // the list shows it cancelled with the reason
    const line = page
      .getByTestId('store-redemptions-table')
      .locator('.el-table__body tr')
      .filter({ hasText: '物品损坏，无法发放' });
    await poll(async () => (await line.textContent()) ?? '').toContain('已取消');
    // the code no longer names an open redemption
    await fill('store-pickup-code', pickupCode, page);
    await page.getByTestId('store-pickup-lookup').click();
    await poll(
      async () =>
        (await page.getByTestId('store-pickup-error').count()) +
        (await page.getByTestId('store-pickup-found').count()),
    ).toBeGreaterThan(0);
    if (await page.getByTestId('store-pickup-found').count())
      expect(await page.getByTestId('store-pickup-status').textContent()).toContain('已取消');
    expect(errors).toEqual([]);
    await context.close();
  });
});
