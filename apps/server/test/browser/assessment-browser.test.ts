// 单位指标 in a real browser: the town admin opens the page from the menu, sees a row per station of
// the town with the total as the summary row (the server's figures for the year), sorts by service
// hours, switches to a quarter, and the page passes axe with no console errors; a team leader has no
// menu entry for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { as, DEMO_PASSWORD, login, type TestContext } from '../support/context.ts';
import { createUser, orgOfUser } from '../support/org-factories.ts';
import { BROWSER_WAIT, canRunBrowser, launchChromium, serveWebApp } from '../support/browser-harness.ts';
import { axeViolations } from '../support/axe.ts';

const poll = <T>(read: () => Promise<T> | T, timeout = BROWSER_WAIT) => expect.poll(read, { timeout });

async function fill(page: Page, testId: string, value: string) {
  const el = page.getByTestId(testId);
  const tag = await el.evaluate((node) => node.tagName);
  await (tag === 'INPUT' || tag === 'TEXTAREA' ? el : el.locator('input, textarea').first()).fill(value);
}

describe.runIf(canRunBrowser)('单位指标 in the console', () => {
  let tc: TestContext;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    ({ tc, baseUrl } = await serveWebApp());
    const station = await orgOfUser(tc.ctx.db.system, 'demo-station');
    await createUser(tc.ctx.db.system, 'assessment-browser-leader', 'team_leader', station.id);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await tc?.close();
  });

  async function consoleAs(username: string): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      bypassCSP: true,
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/login/);
    await fill(page, 'login-username', username);
    await fill(page, 'login-password', DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('header-role').waitFor();
    return page;
  }

  it('the town admin sees its stations with the year total, sorts them and passes axe', async () => {
    const page = await consoleAs('demo-institute');
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.getByRole('menuitem', { name: '单位指标', exact: true }).click();
    await page.waitForURL(/\/assessment\/units/);
    await page.getByTestId('assessment-period-kind').getByText('年度').click();
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    await poll(async () => (await page.getByTestId('assessment-summary').textContent()) ?? '').toContain(
      `${year}-01-01 至 ${year}-12-31`,
    );
    const api = as(tc.app, await login(tc.app, 'demo-institute'));
    const expected = (await api.get(`/api/assessment/units?from=${year}-01-01&to=${year}-12-31`)).json();
    const table = page.getByTestId('assessment-units');
    const bodyRows = table.locator('.el-table__body-wrapper tbody tr');
    await poll(() => bodyRows.count()).toBeGreaterThanOrEqual(expected.units.length);
    const footer = (await table.locator('.el-table__footer-wrapper').textContent()) ?? '';
    expect(footer).toContain('合计');
    expect(footer).toContain(String(expected.total.serviceHours));
    // sorted by service hours, most first (the default), then least first
    const hoursCell = () => bodyRows.first().locator('td').nth(5).textContent();
    // the rows: the stations, and the town's own facts (本级) when it has any
    const o = expected.own;
    const withOwn =
      o.activitiesHeld + o.serviceRecords + o.ordersReceived + o.ordersClosed + o.ratingCount > 0;
    const hours = [...expected.units, ...(withOwn ? [o] : [])].map(
      (u: { serviceHours: number }) => u.serviceHours,
    );
    await poll(async () => Number(await hoursCell())).toBe(Math.max(...hours));
    const hoursHeader = table.locator('.el-table__header-wrapper th').filter({ hasText: '服务时长(小时)' });
    await hoursHeader.locator('.sort-caret.ascending').click();
    await poll(async () => Number(await hoursCell())).toBe(Math.min(...hours));
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('assessment-period-kind').getByText('季度').click();
    await poll(async () => (await page.getByTestId('assessment-summary').textContent()) ?? '').toMatch(
      new RegExp(`${year}-\\d{2}-01 至`),
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a team leader has no menu entry for it', async () => {
    const page = await consoleAs('assessment-browser-leader');
    expect(await page.getByRole('menuitem', { name: '单位指标', exact: true }).count()).toBe(0);
    await page.context().close();
  });
});
