// A team leader's console in a real browser (issue 12): demo-leader leads the demo station's 中队
// and sees that team's members, activities and hours — no unit filters, the team named in the
// header and on the home page; the security admin's account form asks a team leader's account for
// the team it leads, picked from the teams of the chosen unit.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { DEMO_PASSWORD, type TestContext } from '../support/context.ts';
import { BROWSER_WAIT, canRunBrowser, launchChromium, serveWebApp } from '../support/browser-harness.ts';

const poll = <T>(read: () => Promise<T> | T, timeout = BROWSER_WAIT) => expect.poll(read, { timeout });

describe.runIf(canRunBrowser)('a team leader’s console', () => {
  let tc: TestContext;
  let browser: Browser;
  let baseUrl: string;
  let team = { id: 0, name: '', members: 0 };

  beforeAll(async () => {
    ({ tc, baseUrl } = await serveWebApp());
    browser = await launchChromium();
    const db = tc.ctx.db.system;
    const leader = await db
      .selectFrom('users as u')
      .innerJoin('teams as t', 't.id', 'u.team_id')
      .select(['t.id', 't.name'])
      .where('u.username', '=', 'demo-leader')
      .executeTakeFirstOrThrow();
    // the leader's register: active members of the team and every team below it
    const { rows } = await sql<{ n: number }>`
      WITH RECURSIVE down AS (SELECT id FROM teams WHERE id = ${leader.id}
        UNION SELECT t.id FROM teams t JOIN down d ON t.parent_id = d.id)
      SELECT count(DISTINCT volunteer_id)::int AS n FROM team_members
      WHERE status = 'active' AND team_id IN (SELECT id FROM down)`.execute(db);
    team = { id: Number(leader.id), name: leader.name, members: Number(rows[0]!.n) };
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

  it('shows the leader their team, and only its members and activities', async () => {
    const { page, problems } = await logIn('demo-leader');
    await poll(() => page.getByTestId('header-team').textContent()).toContain(team.name);
    await poll(() => page.getByTestId('home-team-scope').textContent()).toContain(team.name);

    await page.goto(`${baseUrl}/volunteers`);
    await poll(() => page.locator('.page-title').first().textContent()).toContain('本队队员');
    await poll(() => page.locator('.el-pagination__total').first().textContent()).toMatch(
      new RegExp(`共\\s*${team.members}\\s*条`),
    );
    // no unit filter: the team's members live wherever they live
    expect(await page.locator('.el-form-item__label', { hasText: '所属单位' }).count()).toBe(0);

    await page.goto(`${baseUrl}/activities`);
    await poll(() => page.locator('.page-title').first().textContent()).toContain('本队活动');
    expect(await page.locator('.el-form-item__label', { hasText: /^单位$/ }).count()).toBe(0);

    await page.goto(`${baseUrl}/service-records`);
    await poll(() => page.locator('.page-title').first().textContent()).toContain('本队活动的服务时长');
    expect(await page.getByTestId('records-search-kind').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('asks the security admin for a team leader’s team, from the unit’s own teams', async () => {
    const { page, problems } = await logIn('demo-security');
    await page.goto(`${baseUrl}/users`);
    const row = page.getByTestId('user-table').locator('tr', { hasText: 'demo-leader' });
    await row.waitFor();
    await poll(() => row.textContent()).toContain(team.name);

    // editing demo-leader: the team picker shows their team
    await row.getByRole('button', { name: '编辑' }).click();
    const drawer = page.getByTestId('user-form-drawer');
    await poll(() => drawer.getByTestId('user-form-team').textContent()).toContain(team.name);
    await drawer.getByTestId('user-form-team').click();
    const options = page.locator('.el-select-dropdown__item:visible');
    await poll(() => options.count()).toBeGreaterThan(0);
    expect(await options.allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining(team.name)]),
    );
    await page.keyboard.press('Escape');
    expect(problems).toEqual([]);
    await page.close();
  });
});
