// 实践排行 in a real browser: the town admin opens the page from the menu, sees the year's volunteer
// board as the server ranks it, switches to the stations tab and a metric, pages, exports the board
// to Excel, and the page passes axe with no console errors; a team leader has no menu entry for it.
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

describe.runIf(canRunBrowser)('实践排行 in the console', () => {
  let tc: TestContext;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    ({ tc, baseUrl } = await serveWebApp());
    const station = await orgOfUser(tc.ctx.db.system, 'demo-station');
    await createUser(tc.ctx.db.system, 'rankings-browser-leader', 'team_leader', station.id);
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
      acceptDownloads: true,
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

  it('the town admin ranks volunteers and stations for the year, pages, exports and passes axe', async () => {
    const page = await consoleAs('demo-institute');
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.getByRole('menuitem', { name: '实践排行', exact: true }).click();
    await page.waitForURL(/\/assessment\/rankings/);
    await page.getByTestId('ranking-period-kind').getByText('年度').click();
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    await poll(async () => (await page.getByTestId('ranking-summary').textContent()) ?? '').toContain(
      `${year}-01-01 至 ${year}-12-31`,
    );
    const api = as(tc.app, await login(tc.app, 'demo-institute'));
    const expected = (
      await api.get(`/api/assessment/rankings/volunteers?metric=hours&from=${year}-01-01&to=${year}-12-31`)
    ).json() as { total: number; rows: Array<{ name: string; rank: number; serviceHours: number }> };
    expect(expected.total).toBeGreaterThan(20);
    const table = page.getByTestId('ranking-table');
    const bodyRows = table.locator('.el-table__body-wrapper tbody tr');
    await poll(() => bodyRows.count()).toBe(20);
    const first = expected.rows[0]!;
    await poll(async () => (await bodyRows.first().textContent()) ?? '').toContain(first.name);
    expect(await bodyRows.first().textContent()).toContain(String(first.serviceHours));
    expect(await page.locator('.el-pagination').textContent()).toContain(`共 ${expected.total} 条`);
    expect(await axeViolations(page)).toEqual([]);

    // page 2 holds the 21st entry
    await page.locator('.el-pagination .btn-next').click();
    const second = (
      await api.get(
        `/api/assessment/rankings/volunteers?metric=hours&from=${year}-01-01&to=${year}-12-31&page=2`,
      )
    ).json() as { rows: Array<{ name: string }> };
    await poll(async () => (await bodyRows.first().textContent()) ?? '').toContain(second.rows[0]!.name);

    // the stations tab, by activities held: the server's order
    await page.getByRole('tab', { name: '站所' }).click();
    await page.getByTestId('ranking-metric').click();
    await page.getByRole('option', { name: '开展活动数' }).click();
    const units = (
      await api.get(`/api/assessment/rankings/units?metric=activities&from=${year}-01-01&to=${year}-12-31`)
    ).json() as { rows: Array<{ name: string; rank: number | null }> };
    await poll(async () => (await bodyRows.first().textContent()) ?? '').toContain(units.rows[0]!.name);
    await poll(() => bodyRows.count()).toBe(Math.min(20, units.rows.length));

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('ranking-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^实践排行-.*\.xlsx$/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a team leader has no menu entry for it', async () => {
    const page = await consoleAs('rankings-browser-leader');
    expect(await page.getByRole('menuitem', { name: '实践排行', exact: true }).count()).toBe(0);
    await page.context().close();
  });
});
