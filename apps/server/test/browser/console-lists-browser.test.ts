// Console lists that must neither truncate nor puzzle (issue 13), in a real browser on the demo
// county: 活动档案 as the centre shows January's activities and the year's figures as the database
// counts them (the old page loaded the latest 2,000 of the county's 3,000-odd activities and lost
// January to April); 需求工作台 tells a station why a 待制单 order of its own village has no
// buttons, finds an order number in whatever tab it is, filters by unit, category, source and date,
// and exports the filtered rows to Excel with the residents' phones masked.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { OUR_FESTIVALS } from '@civic/contracts';
import { DEMO_PASSWORD, nextIp, type TestContext } from '../support/context.ts';
import { orgOfUser, type OrgRef } from '../support/org-factories.ts';
import { freshPhone } from '../support/volunteer-factories.ts';
import { BROWSER_WAIT, canRunBrowser, launchChromium, serveWebApp } from '../support/browser-harness.ts';

const DAY = 86_400_000;
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: BROWSER_WAIT });
/** Beijing's calendar day of `at`. */
const beijingDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
/** "3,426 场" → 3426 */
const numberIn = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

describe.runIf(canRunBrowser)('console lists that neither truncate nor puzzle, in a real browser', () => {
  let tc: TestContext;
  let browser: Browser;
  let baseUrl: string;
  let station: OrgRef & { name: string };
  let otherStation: OrgRef;

  const db = () => tc.ctx.db.system;

  beforeAll(async () => {
    ({ tc, baseUrl } = await serveWebApp());
    const own = await orgOfUser(db(), 'demo-station');
    const { name } = await db()
      .selectFrom('orgs')
      .select('name')
      .where('id', '=', own.id)
      .executeTakeFirstOrThrow();
    station = { ...own, name };
    otherStation = await orgOfUser(db(), 'demo-station2');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await tc?.close();
  });

  // Element Plus puts data-testid on the native <input> of an el-input; accept either placement
  async function fill(page: Page, testId: string, value: string) {
    const el = page.getByTestId(testId);
    const tag = await el.evaluate((node) => node.tagName);
    await (tag === 'INPUT' ? el : el.locator('input').first()).fill(value);
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

  /** 点单 on H5 at a village; `at` places it on an earlier day. */
  async function place(stationId: number, extra: Record<string, unknown> = {}, at?: Date) {
    const phone = await freshPhone(tc);
    if (at) tc.setNow(at);
    try {
      const res = await tc.app.inject({
        method: 'POST',
        url: '/api/public/orders',
        remoteAddress: nextIp(),
        payload: {
          stationId,
          serviceCategory: 'elderly',
          description: '独居老人需要上门帮忙打扫卫生',
          address: '三号楼二单元',
          contactName: '王阿姨',
          contactPhone: phone,
          ...extra,
        },
      });
      expect(res.statusCode, res.body).toBe(200);
      const { orderNo } = res.json() as { orderNo: string };
      const { id } = await db()
        .selectFrom('orders')
        .select('id')
        .where('order_no', '=', orderNo)
        .executeTakeFirstOrThrow();
      return { id, orderNo, phone };
    } finally {
      tc.setNow(null);
    }
  }

  it('活动档案: the centre sees January’s activities and the year’s figures as the database counts them', async () => {
    const year = Number(beijingDay(new Date()).slice(0, 4));
    const center = await orgOfUser(db(), 'demo-center');
    const { rows } = await sql<{
      month: number;
      total: number;
      held: number;
      festival: number;
      complete: number;
    }>`
      SELECT extract(month FROM a.starts_at AT TIME ZONE 'Asia/Shanghai')::int AS month,
        count(*)::int AS total,
        count(*) FILTER (WHERE a.status NOT IN ('draft', 'cancelled'))::int AS held,
        count(*) FILTER (WHERE a.status NOT IN ('draft', 'cancelled')
          AND a.festival = ANY(${[...OUR_FESTIVALS]}::text[]))::int AS festival,
        count(*) FILTER (WHERE a.status NOT IN ('draft', 'cancelled') AND btrim(coalesce(a.summary, '')) <> ''
          AND EXISTS (SELECT 1 FROM activity_photos f WHERE f.activity_id = a.id)
          AND EXISTS (SELECT 1 FROM activity_checkins c WHERE c.activity_id = a.id))::int AS complete
      FROM activities a
      WHERE a.org_path <@ ${center.path}::ltree
        AND to_char(a.starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY') = ${String(year)}
      GROUP BY 1`.execute(db());
    const january = rows.find((r) => r.month === 1)!;
    const sum = (key: 'total' | 'held' | 'festival' | 'complete') => rows.reduce((n, r) => n + r[key], 0);
    // the county's year is more than the old page ever loaded, and January has activities
    expect(sum('total')).toBeGreaterThan(2000);
    expect(january.total).toBeGreaterThan(0);
    const firstOfJanuary = await db()
      .selectFrom('activities')
      .select(['title'])
      .where(sql<boolean>`org_path <@ ${center.path}::ltree`)
      .where('starts_at', '>=', new Date(`${year}-01-01T00:00:00+08:00`))
      .orderBy('starts_at')
      .orderBy('id')
      .executeTakeFirstOrThrow();

    const { page, problems } = await logIn('demo-center');
    await page.getByRole('menuitem', { name: '活动档案', exact: true }).click();
    await page.waitForURL(/\/activity-archive$/);
    const view = page.getByTestId('activity-archive-view');
    await poll(async () => (await view.textContent()) ?? '').toContain(`${year} 年活动档案`);

    // the year's figures, counted over every activity
    const stat = (id: string) => page.getByTestId(id).locator('.el-statistic__content');
    await poll(async () => numberIn(await stat('archive-stat-held').textContent())).toBe(sum('held'));
    expect(numberIn(await stat('archive-stat-festival').textContent())).toBe(sum('festival'));
    expect(numberIn(await stat('archive-stat-complete').textContent())).toBe(sum('complete'));
    expect(numberIn(await stat('archive-stat-months').textContent())).toBe(
      rows.filter((r) => r.held > 0).length,
    );

    // January: its count on the month, its activities from the first, every one of them paged
    const month = page.getByTestId('archive-month-1');
    expect(numberIn(await month.locator('.month-count').textContent())).toBe(january.total);
    await month.click();
    const table = page.getByTestId('archive-month-table');
    await poll(async () => (await table.locator('h3').textContent()) ?? '').toContain('1 月');
    expect(await page.getByTestId('archive-month-meta').textContent()).toContain(`共 ${january.total} 场`);
    await poll(async () => numberIn(await table.locator('.el-pagination__total').textContent())).toBe(
      january.total,
    );
    await poll(async () => (await table.getByTestId('archive-open').first().textContent())?.trim()).toBe(
      firstOfJanuary.title,
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it('需求工作台: a station is told why its village’s 待制单 order has no buttons', async () => {
    const order = await place(station.id, { description: '需要志愿者帮忙修理楼道的照明灯' });
    const { page, problems } = await logIn('demo-station');
    await page.goto(`${baseUrl}/orders/${order.id}`);
    await poll(async () => (await page.getByTestId('order-no').textContent())?.trim()).toBe(order.orderNo);
    const waiting = page.getByTestId('order-waiting');
    await poll(async () => (await waiting.textContent()) ?? '').toContain('待制单');
    expect(await waiting.textContent()).toContain('实践所或实践中心');
    expect(await page.locator('[data-testid^="order-action-"]').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('需求工作台: an order number is found in whatever tab it is', async () => {
    const order = await place(station.id, { description: '需要志愿者陪同老人去银行办事' });
    const institute = await tc.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'demo-institute', password: DEMO_PASSWORD },
      remoteAddress: nextIp(),
    });
    const cookie = institute.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const accepted = await tc.app.inject({
      method: 'POST',
      url: `/api/orders/${order.id}/accept`,
      headers: { cookie, 'x-csrf-token': institute.json().csrfToken as string },
      payload: {},
    });
    expect(accepted.statusCode, accepted.body).toBe(200);

    const { page, problems } = await logIn('demo-institute');
    await page.goto(`${baseUrl}/orders?tab=vet`);
    await page.getByTestId('orders-table').waitFor();
    await fill(page, 'orders-search-keyword', order.orderNo);
    await page.getByRole('button', { name: '查询' }).click();
    // the order is 待派单 now: the search leaves the empty 待制单 tab for 全部, and shows it
    await page.waitForURL(/tab=all/);
    const table = page.getByTestId('orders-table');
    await poll(async () => (await table.textContent()) ?? '').toContain(order.orderNo);
    expect(await table.locator('.el-table__body tr').count()).toBe(1);
    expect(await page.getByTestId('orders-tab-dispatch').textContent()).toContain('1');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('需求工作台: the centre filters by village, category, source and date, and exports those rows', async () => {
    const longAgo = new Date(Date.now() - 200 * DAY);
    const mine = [
      await place(station.id, { serviceCategory: 'law', description: '咨询宅基地纠纷的法律问题' }, longAgo),
      await place(station.id, { serviceCategory: 'law', description: '咨询赡养老人的法律问题' }, longAgo),
    ];
    // the same day and category in another village, and the same village on another day: left out
    await place(otherStation.id, { serviceCategory: 'law' }, longAgo);
    await place(station.id, { serviceCategory: 'law' });

    const { page, problems } = await logIn('demo-center');
    await page.goto(`${baseUrl}/orders?tab=vet`);
    await page.getByTestId('orders-table').waitFor();
    // 单位: the village, by typing its name into the tree select
    const orgSelect = page.locator('.el-select[data-testid="orders-search-org"]');
    await orgSelect.click();
    await orgSelect.locator('input').fill(station.name);
    await page.getByRole('option', { name: station.name, exact: true }).click();
    // 服务类别 and 来源
    await page.locator('.el-select[data-testid="orders-search-category"]').click();
    await page.getByRole('option', { name: '法律服务', exact: true }).click();
    await page.locator('.el-select[data-testid="orders-search-channel"]').click();
    await page.getByRole('option', { name: '群众线上点单', exact: true }).click();
    // 点单日期: that one day
    const dates = page.locator('.date-range input');
    await dates.nth(0).fill(beijingDay(longAgo));
    await dates.nth(1).fill(beijingDay(longAgo));
    await dates.nth(1).press('Enter');
    await page.getByRole('button', { name: '查询' }).click();

    const table = page.getByTestId('orders-table');
    const shownNumbers = async () =>
      (await table.locator('.el-table__body tr td:first-child').allTextContents())
        .map((t) => t.trim())
        .sort();
    await poll(shownNumbers).toEqual(mine.map((o) => o.orderNo).sort());

    // the export: those rows, phones masked
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('orders-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^群众需求-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const phoneColumn = header.indexOf('联系电话') + 1;
    expect(phoneColumn).toBeGreaterThan(0);
    const rows = [];
    for (let r = 2; r <= sheet.rowCount; r++) rows.push(sheet.getRow(r));
    expect(rows.map((row) => row.getCell(1).text).sort()).toEqual(mine.map((o) => o.orderNo).sort());
    for (const row of rows) expect(row.getCell(phoneColumn).text).toMatch(/^1\d{2}\*{4}\d{4}$/);
    const text = rows.map((row) => (row.values as unknown[]).join('|')).join('\n');
    for (const o of mine) expect(text).not.toContain(o.phone);
    expect(problems).toEqual([]);
    await page.close();
  });
});
