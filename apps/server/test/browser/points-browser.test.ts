// Points in a real browser: a volunteer's 我的积分 on H5 at 375 px (balance, lifetime points and
// the history with its reasons; axe finds no WCAG 2.1 AA violation), and the console's manual
// adjustment — a station admin adjusts a volunteer's points from the ledger, a large adjustment
// waits, and another admin confirms it on the 人工调整 tab.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { as, DEMO_PASSWORD, login, type TestContext } from '../support/context.ts';
import { createUser, orgOfUser, type OrgRef } from '../support/org-factories.ts';
import {
  registerVolunteer,
  VOLUNTEER_PASSWORD,
  type RegisteredVolunteer,
} from '../support/volunteer-factories.ts';
import { BROWSER_WAIT, canRunBrowser, launchChromium, serveWebApp } from '../support/browser-harness.ts';
import { expectAccessibleOnPhone } from '../support/axe.ts';

const H5_VIEWPORT = { width: 375, height: 812 };
const poll = <T>(read: () => Promise<T> | T, timeout = BROWSER_WAIT) => expect.poll(read, { timeout });

describe.runIf(canRunBrowser)('points on H5 and in the console in a real browser', () => {
  let tc: TestContext;
  let browser: Browser;
  let baseUrl: string;
  let station: OrgRef;
  let volunteer: RegisteredVolunteer;
  const problems: string[] = [];

  const balanceOf = async (id: number) =>
    (
      await tc.ctx.db.system
        .selectFrom('point_balances')
        .select('balance')
        .where('holder_type', '=', 'volunteer')
        .where('holder_id', '=', id)
        .executeTakeFirst()
    )?.balance ?? 0;

  beforeAll(async () => {
    ({ tc, baseUrl } = await serveWebApp());
    station = await orgOfUser(tc.ctx.db.system, 'demo-station');
    volunteer = await registerVolunteer(tc, station.id);
    await createUser(tc.ctx.db.system, 'points-browser-second', 'station_admin', station.id);
    const admin = as(tc.app, await login(tc.app, 'demo-station'));
    const res = await admin.post('/api/points/adjustments', {
      holderId: volunteer.id,
      points: 30,
      reason: '协助社区活动签到',
    });
    expect(res.statusCode, res.body).toBe(200);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await tc?.close();
  });

  async function fill(on: Page, testId: string, value: string) {
    const el = on.getByTestId(testId);
    const tag = await el.evaluate((node) => node.tagName);
    await (tag === 'INPUT' || tag === 'TEXTAREA' ? el : el.locator('input, textarea').first()).fill(value);
  }

  async function consoleAs(username: string): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 800 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const p = await context.newPage();
    p.on('pageerror', (error) => problems.push(error.message));
    await p.goto(`${baseUrl}/`);
    await p.waitForURL(/\/login/);
    await fill(p, 'login-username', username);
    await fill(p, 'login-password', DEMO_PASSWORD);
    await p.getByTestId('login-submit').click();
    await p.getByTestId('header-role').waitFor();
    return p;
  }

  it('我的积分 on H5: balance, lifetime points and the history in words, accessible at 375 px', async () => {
    const context = await browser.newContext({ viewport: H5_VIEWPORT, locale: 'zh-CN', bypassCSP: true });
    const h5 = await context.newPage();
    const errors: string[] = [];
    h5.on('pageerror', (error) => errors.push(error.message));
    try {
      await h5.goto(`${baseUrl}/h5/login`);
      await fill(h5, 'h5-login-username', volunteer.phone);
      await fill(h5, 'h5-login-password', VOLUNTEER_PASSWORD);
      await h5.getByTestId('h5-login-submit').click();
      await h5.waitForURL(/\/h5\/me/);
      await h5.getByTestId('h5-me-my-points').click();
      await h5.waitForURL(/\/h5\/my-points$/);
      await poll(async () => (await h5.getByTestId('h5-points-balance').textContent())?.trim()).toBe('30 分');
      expect((await h5.getByTestId('h5-points-lifetime').textContent())?.trim()).toBe('30 分');
      const entry = h5.getByTestId('h5-points-entry');
      expect(await entry.count()).toBe(1);
      expect(await entry.textContent()).toContain('人工调整：协助社区活动签到');
      expect((await entry.getByTestId('h5-points-delta').textContent())?.trim()).toBe('+30 分');

      await expectAccessibleOnPhone(h5);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the console: a large adjustment waits for a second admin, who confirms it', async () => {
    const page = await consoleAs('demo-station');
    await page.goto(`${baseUrl}/points?tab=entries&holderId=${volunteer.id}`);
    await poll(async () => (await page.getByTestId('points-holder-balance').textContent())?.trim()).toBe(
      '30',
    );
    await page.getByTestId('points-adjust-open').click();
    const dialog = page.getByTestId('points-adjust-dialog');
    await dialog.locator('.el-input-number input').fill('150');
    await fill(page, 'points-adjust-reason', '浏览器测试表彰奖励');
    await page.getByTestId('points-adjust-submit').click();
    const box = page.locator('.el-message-box');
    await poll(async () => (await box.textContent()) ?? '').toContain('须另一位管理员确认');
    await box.getByRole('button', { name: '确定' }).click();
    await poll(async () => (await page.locator('.el-message').first().textContent()) ?? '').toContain(
      '等待另一位管理员确认',
    );
    expect(await balanceOf(volunteer.id)).toBe(30);
    // the one who entered it sees no 确认 button for it
    await page.goto(`${baseUrl}/points?tab=adjustments`);
    const mine = page
      .getByTestId('points-adjustments')
      .locator('.el-table__body tr')
      .filter({ hasText: '浏览器测试表彰奖励' });
    await poll(() => mine.count()).toBe(1);
    expect(await mine.getByTestId('points-adjust-confirm').count()).toBe(0);

    const second = await consoleAs('points-browser-second');
    await second.goto(`${baseUrl}/points?tab=adjustments`);
    const row = second
      .getByTestId('points-adjustments')
      .locator('.el-table__body tr')
      .filter({ hasText: '浏览器测试表彰奖励' });
    await poll(() => row.count()).toBe(1);
    await row.getByTestId('points-adjust-confirm').click();
    const confirmBox = second.locator('.el-message-box');
    await poll(async () => (await confirmBox.textContent()) ?? '').toContain('150');
    await confirmBox.getByRole('button', { name: '确定' }).click();
    await poll(() => balanceOf(volunteer.id)).toBe(180);
    expect(problems).toEqual([]);
  });
});
