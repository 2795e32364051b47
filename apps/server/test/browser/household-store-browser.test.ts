// 户积分兑换 in a real browser (issue 14): on H5 at 375 px (with axe) the demo resident, linked to
// household 1-01 of 东风社区 in the demo seed, goes from the household card on 我的 to 去兑换, sees the
// household's points and the station's items, redeems one and finds its pick-up code and QR under
// 我的兑换, then cancels it after confirming: the points go back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { as, DEMO_PASSWORD, login, type TestContext } from '../support/context.ts';
import { BROWSER_WAIT, canRunBrowser, launchChromium, serveWebApp } from '../support/browser-harness.ts';
import { expectAccessibleOnPhone } from '../support/axe.ts';

const poll = <T>(read: () => Promise<T> | T, timeout = BROWSER_WAIT) => expect.poll(read, { timeout });

describe.runIf(canRunBrowser)('户积分兑换 on H5 for a linked resident', () => {
  let tc: TestContext;
  let browser: Browser;
  let baseUrl: string;
  let balance = 0;
  let itemName = '';

  beforeAll(async () => {
    ({ tc, baseUrl } = await serveWebApp());
    // the demo store has an item the demo household can afford
    const resident = as(tc.app, await login(tc.app, 'demo-resident'));
    const shop = (await resident.get('/api/me/household/store')).json() as {
      balance: number;
      items: { name: string; blocked: string | null }[];
    };
    balance = shop.balance;
    const open = shop.items.find((i) => i.blocked === null);
    expect(open, `balance ${balance}: no item the demo household can redeem`).toBeDefined();
    itemName = open!.name;
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

  it('redeems from the household card, shows the pick-up code and QR, and cancels after confirming', async () => {
    const context = await browser.newContext({
      viewport: { width: 375, height: 812 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      bypassCSP: true,
    });
    const h5 = await context.newPage();
    const errors: string[] = [];
    h5.on('pageerror', (error) => errors.push(error.message));
    await h5.goto(`${baseUrl}/h5/login`);
    await fill(h5, 'h5-login-username', 'demo-resident');
    await fill(h5, 'h5-login-password', DEMO_PASSWORD);
    await h5.getByTestId('h5-login-submit').click();
    await h5.waitForURL(/\/h5\/me/);
    await h5.getByTestId('h5-my-household').waitFor();
    await h5.getByTestId('h5-household-store-link').click();
    await h5.waitForURL(/\/h5\/household\/store$/);
    await poll(async () => (await h5.getByTestId('h5-store-balance-value').textContent())?.trim()).toBe(
      String(balance),
    );
    expect(await h5.getByTestId('h5-store-balance').textContent()).toContain('本户可用积分');
    const item = h5.getByTestId('h5-store-item').filter({ hasText: itemName }).first();
    await item.waitFor();
    await expectAccessibleOnPhone(h5);

    await item.getByTestId('h5-store-redeem').click();
    await h5.getByRole('button', { name: '确认兑换' }).click();
    await h5.waitForURL(/\/h5\/household\/redemptions\?open=\d+/);
    const card = h5.getByTestId('h5-redemption').filter({ hasText: itemName }).first();
    await card.getByTestId('h5-redemption-code').waitFor();
    expect((await card.getByTestId('h5-redemption-code').textContent())!.trim()).toMatch(/^\d{6}$/);
    await card.getByTestId('h5-redemption-qr').waitFor();
    expect(await card.getAttribute('data-status')).toBe('pending');
    await expectAccessibleOnPhone(h5);

    await card.getByTestId('h5-redemption-cancel').click();
    await h5.getByRole('button', { name: '确定取消' }).click();
    await poll(() => h5.getByTestId('h5-redemption').first().getAttribute('data-status')).toBe('cancelled');
    const resident = as(tc.app, await login(tc.app, 'demo-resident'));
    expect((await resident.get('/api/me/household/store')).json().balance).toBe(balance);
    expect(errors).toEqual([]);
    await context.close();
  });
});
