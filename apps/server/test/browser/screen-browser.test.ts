// 数据大屏 in a real browser at 1920×1080: the county admin opens it from the console menu, the tiles
// show the server's totals, the charts are drawn, the live order feed lists the latest orders with the
// overdue ones in red; the screen refreshes itself without a reload (a new order appears in the feed);
// an institute admin's screen shows its own town; a team leader has no menu entry; axe passes and
// the console stays free of errors.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { as, login, type TestContext } from '../support/context.ts';
import { createUser, orgOfUser } from '../support/org-factories.ts';
import {
  BROWSER_WAIT,
  canRunBrowser,
  consoleSignedIn,
  launchChromium,
  serveWebApp,
} from '../support/browser-harness.ts';
import { axeViolations } from '../support/axe.ts';

const poll = <T>(read: () => Promise<T> | T, timeout = BROWSER_WAIT) => expect.poll(read, { timeout });

interface Screen {
  orgName: string;
  totals: {
    teams: number;
    volunteers: number;
    serviceHours: number;
    activitiesHeld: number;
    ordersReceived: number;
    ordersOverdue: number;
  };
  orders: Array<{ orderNo: string; overdue: boolean }>;
}

describe.runIf(canRunBrowser)('数据大屏', () => {
  let tc: TestContext;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    ({ tc, baseUrl } = await serveWebApp());
    const station = await orgOfUser(tc.ctx.db.system, 'demo-station');
    await createUser(tc.ctx.db.system, 'screen-browser-leader', 'team_leader', station.id);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await tc?.close();
  });

  const consoleAs = (username: string) =>
    consoleSignedIn(browser, baseUrl, username, { width: 1920, height: 1080 });

  const tile = (page: Page, key: string) =>
    page.getByTestId(`screen-tile-${key}`).getByTestId('tile-value').textContent();
  const n = (x: number) => x.toLocaleString('zh-CN');

  async function expectTiles(page: Page, s: Screen) {
    await poll(() => tile(page, 'volunteers')).toBe(n(s.totals.volunteers));
    expect(await tile(page, 'teams')).toBe(n(s.totals.teams));
    expect(await tile(page, 'hours')).toBe(n(s.totals.serviceHours));
    expect(await tile(page, 'activities')).toBe(n(s.totals.activitiesHeld));
    expect(await tile(page, 'orders')).toBe(n(s.totals.ordersReceived));
    expect(await page.getByTestId('screen-title').textContent()).toContain(s.orgName);
  }

  it('the county admin opens it from the menu; tiles, charts, feed with overdue in red; it refreshes itself', async () => {
    const { page, errors } = await consoleAs('demo-center');
    const api = as(tc.app, await login(tc.app, 'demo-center'));
    const expected = (await api.get('/api/assessment/screen')).json() as Screen;
    expect(expected.totals.volunteers).toBeGreaterThan(0);
    // the page's own clock, running as usual, so the test can jump to the next refresh below
    await page.clock.install();
    await page.reload();

    await page.getByRole('menuitem', { name: '数据大屏', exact: true }).click();
    await page.waitForURL(/\/screen$/);
    await expectTiles(page, expected);
    // the stage fills the 1920×1080 window
    const box = await page.getByTestId('screen').boundingBox();
    expect(Math.round(box!.width)).toBe(1920);
    expect(Math.round(box!.height)).toBe(1080);
    // the charts are drawn on canvases
    await poll(() => page.locator('[data-testid="screen"] canvas').count()).toBeGreaterThanOrEqual(4);
    // the feed: the latest orders, the overdue ones in red
    const feed = page.getByTestId('screen-feed');
    await poll(() => feed.getByTestId('screen-order').count()).toBeGreaterThan(0);
    const overdueRows = feed.locator('[data-testid="screen-order"].overdue');
    const overdueExpected = expected.orders.filter((o) => o.overdue).length;
    if (overdueExpected > 0) {
      await poll(() => overdueRows.count()).toBeGreaterThan(0);
      const color = await overdueRows.first().evaluate((el) => getComputedStyle(el).color);
      expect(color).toBe('rgb(255, 128, 128)');
    }
    expect(await axeViolations(page)).toEqual([]);

    // a new overdue order shows up on the next refresh, without a reload
    const marker = await page.evaluate(() => {
      (window as unknown as { __screenMarker: string }).__screenMarker = 'still here';
      return 'still here';
    });
    const first = await tc.ctx.db.system
      .selectFrom('orders')
      .select(['org_id', 'org_path', 'contact_phone_enc', 'contact_phone_index'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const fresh = await tc.ctx.db.system
      .insertInto('orders')
      .values({
        ...first,
        service_category: 'elderly',
        description: '大屏刷新测试',
        address: '测试地址',
        contact_name: '测试',
        tracking_hash: crypto.randomBytes(32).toString('hex'),
        channel: 'phone',
        status: 'dispatched',
        stage_due_at: new Date(Date.now() - 3_600_000),
      })
      .returning('order_no')
      .executeTakeFirstOrThrow();
    // the page polls every 30 s: jump the page's clock past the next poll rather than reloading
    const newest = feed.getByTestId('screen-order').first();
    const before = await newest.textContent();
    await page.clock.fastForward(31_000);
    await poll(async () => (await newest.textContent()) ?? '').not.toBe(before);
    expect(await newest.textContent()).toContain('关爱老人');
    expect(await newest.textContent()).toContain('待接单·超时');
    expect(await newest.evaluate((el) => el.classList.contains('overdue'))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __screenMarker?: string }).__screenMarker)).toBe(
      marker,
    );
    expect(fresh.order_no).toBeTruthy();
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);

  it("an institute admin's screen shows its own town", async () => {
    const { page, errors } = await consoleAs('demo-institute');
    const api = as(tc.app, await login(tc.app, 'demo-institute'));
    const expected = (await api.get('/api/assessment/screen')).json() as Screen;
    await page.goto(`${baseUrl}/screen`);
    await expectTiles(page, expected);
    const institute = await orgOfUser(tc.ctx.db.system, 'demo-institute');
    expect(expected.orgName).toBe(
      (
        await tc.ctx.db.system
          .selectFrom('orgs')
          .select('name')
          .where('id', '=', institute.id)
          .executeTakeFirstOrThrow()
      ).name,
    );
    await poll(() => page.getByTestId('screen-board-stations').locator('li').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('a team leader has no menu entry for it', async () => {
    const { page } = await consoleAs('screen-browser-leader');
    expect(await page.getByRole('menuitem', { name: '数据大屏', exact: true }).count()).toBe(0);
    await page.context().close();
  });
});
