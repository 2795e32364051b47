// 礼遇褒奖 in a real browser: the town admin opens the page from the menu, sees both yearly lists
// filled from the seeded hours and ledger with their stars, the page passes axe, and exports the
// masked workbook, and lists the year's 时长里程碑 by threshold; the station admin adds a privilege
// that then shows on a volunteer's H5 我的积分 beside their milestones (with axe at 375 px).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { DEMO_PASSWORD, type TestContext } from '../support/context.ts';
import { orgOfUser } from '../support/org-factories.ts';
import {
  registerVolunteer,
  VOLUNTEER_PASSWORD,
  type RegisteredVolunteer,
} from '../support/volunteer-factories.ts';
import { BROWSER_WAIT, canRunBrowser, launchChromium, serveWebApp } from '../support/browser-harness.ts';
import { axeViolations } from '../support/axe.ts';

const poll = <T>(read: () => Promise<T> | T, timeout = BROWSER_WAIT) => expect.poll(read, { timeout });

async function fill(page: Page, testId: string, value: string) {
  const el = page.getByTestId(testId);
  const tag = await el.evaluate((node) => node.tagName);
  await (tag === 'INPUT' || tag === 'TEXTAREA' ? el : el.locator('input, textarea').first()).fill(value);
}

describe.runIf(canRunBrowser)('礼遇褒奖 in the console and the privileges on H5', () => {
  let tc: TestContext;
  let browser: Browser;
  let baseUrl: string;
  let volunteer: RegisteredVolunteer;
  let year = 0;

  beforeAll(async () => {
    ({ tc, baseUrl } = await serveWebApp());
    const station = await orgOfUser(tc.ctx.db.system, 'demo-station');
    volunteer = await registerVolunteer(tc, station.id);
    const { rows } = await sql<{ y: number }>`
      SELECT extract(year FROM ended_at AT TIME ZONE 'Asia/Shanghai')::int AS y FROM service_records
      WHERE status = 'confirmed' AND kind <> 'opening' GROUP BY 1 ORDER BY sum(hours) DESC LIMIT 1`.execute(
      tc.ctx.db.system,
    );
    year = rows[0]!.y;
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

  it('console: the town admin sees both lists with stars, passes axe and exports the workbook', async () => {
    const page = await consoleAs('demo-institute');
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.getByRole('menuitem', { name: '礼遇褒奖', exact: true }).click();
    await page.waitForURL(/\/honours/);
    // the year of the seeded service (the page opens on the current year)
    const yearInput = page.getByTestId('honours-year').locator('input').first();
    await yearInput.fill(String(year));
    await yearInput.press('Enter');
    await poll(async () => (await page.getByTestId('honours-summary').textContent()) ?? '').toContain(
      `${year} 年`,
    );
    const hoursRows = page.getByTestId('honours-by-hours').locator('tbody tr');
    await poll(() => hoursRows.count()).toBeGreaterThan(2);
    expect(await page.getByTestId('honours-by-points').locator('tbody tr').count()).toBeGreaterThan(2);
    expect(await hoursRows.first().textContent()).toMatch(/^1/);
    // 文明户榜 with its sample rules, beside the volunteers' lists
    expect(await page.getByTestId('honours-household-rules').textContent()).toContain('文明户榜入选条件');
    await poll(async () => (await page.getByTestId('honours-household-rules').textContent()) ?? '').toMatch(
      /在册 \d+ 户/,
    );
    // 时长里程碑: the year's milestones of the town, as many as the table holds
    const town = await orgOfUser(tc.ctx.db.system, 'demo-institute');
    const { rows: reached } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM hour_milestones
       WHERE org_path <@ ${town.path}::ltree
         AND extract(year FROM reached_at AT TIME ZONE 'Asia/Shanghai') = ${year}`.execute(tc.ctx.db.system);
    expect(reached[0]!.n).toBeGreaterThan(0);
    const milestones = page.getByTestId('honours-milestones');
    await poll(() => milestones.locator('.el-pagination__total').textContent()).toContain(
      `共 ${reached[0]!.n} 条`,
    );
    await milestones.getByTestId('honours-milestones-hours').getByText('100 小时').click();
    await poll(async () => {
      const texts = await milestones.locator('tbody tr').allTextContents();
      return texts.length > 0 && texts.every((r) => r.includes('累计 100 小时'));
    }).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('honours-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^礼遇褒奖-.+\.xlsx$/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('console: the station admin adds a privilege; H5 我的积分 shows it to the volunteer', async () => {
    const page = await consoleAs('demo-station');
    await page.getByRole('menuitem', { name: '礼遇褒奖', exact: true }).click();
    await page.waitForURL(/\/honours/);
    await page.getByTestId('honours-privilege-create').click();
    const dialog = page.getByRole('dialog', { name: '新增礼遇' });
    await dialog.getByPlaceholder('如：优先服务、免费体检').fill('理发优惠（测试）');
    await page.getByTestId('honours-privilege-save').click();
    await poll(async () => (await page.getByTestId('honours-privileges').textContent()) ?? '').toContain(
      '理发优惠（测试）',
    );
    await page.context().close();

    // the volunteer's milestone (granted by confirming hours: test/honours/milestones.test.ts)
    await sql`INSERT INTO hour_milestones (volunteer_id, hours, org_path, reached_at)
      SELECT id, 100, org_path, '2026-03-02T10:00:00+08:00' FROM volunteers WHERE id = ${volunteer.id}`.execute(
      tc.ctx.db.system,
    );
    const context = await browser.newContext({
      viewport: { width: 375, height: 812 },
      locale: 'zh-CN',
      bypassCSP: true,
    });
    const h5 = await context.newPage();
    await h5.goto(`${baseUrl}/h5/login?redirect=${encodeURIComponent('/my-points')}`);
    await fill(h5, 'h5-login-username', volunteer.phone);
    await fill(h5, 'h5-login-password', VOLUNTEER_PASSWORD);
    await h5.getByTestId('h5-login-submit').click();
    await h5.waitForURL(/\/h5\/my-points$/);
    const privilege = h5.getByTestId('h5-honours-privilege').filter({ hasText: '理发优惠（测试）' });
    await privilege.waitFor();
    // a new volunteer has no star yet: the privilege says which star earns it
    expect(await privilege.textContent()).toContain('1 星可享');
    expect(await h5.getByTestId('h5-honours-star').textContent()).toContain('还未评上星级');
    expect(await h5.getByTestId('h5-honours-milestones').textContent()).toContain(
      '累计服务满 100 小时2026年3月2日 达到 · 1 星',
    );
    expect(await h5.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await axeViolations(h5)).toEqual([]);
    await context.close();
  });
});
