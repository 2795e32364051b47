// 宣传稿件 in a real browser: demo-institute's admin records a 省级 piece for the institute itself with
// a screenshot in the drawer, finds it with the filters, sees the 年度统计's 本级 row count it (the
// province shortfall shrinks as the server says), deletes it after confirming; axe finds nothing on
// the list and the summary, and a team leader has no menu entry. No page or console errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestContext } from '../support/context.ts';
import { axeViolations } from '../support/axe.ts';
import { TINY_PNG } from '../support/org-factories.ts';
import { XSS_SHORT } from '../support/xss.ts';
import {
  BROWSER_WAIT,
  canRunBrowser,
  consoleSignedIn,
  fillTestId,
  launchChromium,
  serveWebApp,
} from '../support/browser-harness.ts';

const poll = <T>(read: () => Promise<T> | T, timeout = BROWSER_WAIT) => expect.poll(read, { timeout });
const TITLE = `浏览器测试：茶乡新风志愿服务进万家${XSS_SHORT}`;

describe.runIf(canRunBrowser)('宣传稿件: record with a screenshot, filter, summary, delete', () => {
  let tc: TestContext;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    ({ tc, baseUrl } = await serveWebApp());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await tc?.close();
  });

  const stored = () =>
    tc.ctx.db.system
      .selectFrom('publicity_pieces')
      .select(['id', 'level', 'screenshot_id'])
      .where('title', '=', TITLE)
      .executeTakeFirst();

  /** The 本级 row of the summary: [counted, shortfall] of the province column. */
  async function ownProvince(page: Page): Promise<[number, number]> {
    const row = page
      .getByTestId('publicity-summary')
      .locator('.el-table__body tr')
      .filter({ hasText: '（本级）' });
    const text = (await row.locator('td').nth(1).textContent()) ?? '';
    const match = /^(\d+)(?:（差 (\d+)）)?$/.exec(text.trim());
    if (!match) throw new Error(`unexpected cell: ${text}`);
    return [Number(match[1]), Number(match[2] ?? 0)];
  }

  /** Opens the 年度统计 tab once its 本级 row is there (the summary reloads after each change). */
  async function openSummary(page: Page): Promise<[number, number]> {
    await page.getByRole('tab', { name: '年度统计' }).click();
    await page
      .getByTestId('publicity-summary')
      .locator('.el-table__body tr')
      .filter({ hasText: '（本级）' })
      .waitFor();
    return ownProvince(page);
  }

  it('an institute admin records, filters, sees the summary change and deletes', async () => {
    const { page, errors } = await consoleSignedIn(browser, baseUrl, 'demo-institute');
    await page.getByRole('menuitem', { name: '宣传稿件', exact: true }).click();
    await page.waitForURL(/\/publicity$/);
    await page.getByTestId('pieces-table').waitFor();

    const [before, shortBefore] = await openSummary(page);
    expect(shortBefore).toBe(Math.max(0, 1 - before));
    await page.getByRole('tab', { name: '稿件登记' }).click();

    // the drawer: 省级, outlet, title, link, a screenshot picked and previewed
    await page.getByTestId('piece-create').click();
    const drawer = page.getByTestId('piece-form-drawer');
    await drawer.getByText('省级', { exact: true }).click();
    await fillTestId(page, 'piece-form-outlet', '陕西文明网');
    await fillTestId(page, 'piece-form-title', TITLE);
    // a bad link is refused in the form, with the contracts' message
    await fillTestId(page, 'piece-form-url', 'ftp://www.sxwmw.cn/a.html');
    await page.getByTestId('piece-form-save').click();
    await drawer.getByText('链接须以 http:// 或 https:// 开头').waitFor();
    await fillTestId(page, 'piece-form-url', 'https://www.sxwmw.cn/wmsj/2026/a.html');
    await page
      .getByTestId('piece-form-upload')
      .locator('input[type=file]')
      .setInputFiles({ name: '截图.png', mimeType: 'image/png', buffer: TINY_PNG });
    await page.getByTestId('piece-form-preview').locator('img').waitFor();
    const uploaded = page.waitForResponse(
      (r) => /\/api\/publicity\/\d+\/screenshot$/.test(r.url()) && r.request().method() === 'POST',
    );
    await page.getByTestId('piece-form-save').click();
    expect((await uploaded).status()).toBe(200);
    await poll(async () => Boolean((await stored())?.screenshot_id)).toBe(true);

    // found with the keyword and the level filter; the title opens the link in a new tab
    await fillTestId(page, 'piece-search', '茶乡新风志愿服务进万家');
    const listed = page.waitForResponse((r) => r.url().includes('/api/publicity?') && r.ok());
    await page.getByRole('button', { name: '查询' }).click();
    await listed;
    const rows = page.getByTestId('pieces-table').locator('.el-table__body tr');
    await poll(() => rows.count()).toBe(1);
    const link = rows.first().getByTestId('piece-title');
    expect(await link.textContent()).toBe(TITLE);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
    await rows.first().getByTestId('piece-thumb').locator('img').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // the 本级 row counts it: one more province piece, the shortfall as the quota of 1 says
    await poll(async () => (await openSummary(page))[0]).toBe(before + 1);
    expect((await ownProvince(page))[1]).toBe(Math.max(0, 1 - (before + 1)));
    expect(await axeViolations(page)).toEqual([]);

    // deleted after confirming
    await page.getByRole('tab', { name: '稿件登记' }).click();
    await rows.first().getByTestId('piece-delete').click();
    const dialog = page.getByRole('dialog', { name: '删除宣传稿件' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '删除' }).click();
    await poll(() => rows.filter({ hasText: '茶乡新风' }).count()).toBe(0);
    await poll(async () => (await stored()) ?? null).toBeNull();
    await poll(async () => (await openSummary(page))[0]).toBe(before);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a team leader has no menu entry for it', async () => {
    const { page, errors } = await consoleSignedIn(browser, baseUrl, 'demo-leader');
    await page.getByRole('menuitem').first().waitFor();
    expect(await page.getByRole('menuitem', { name: '宣传稿件', exact: true }).count()).toBe(0);
    await page.goto(`${baseUrl}/publicity`);
    await page.getByText('无权访问').first().waitFor();
    expect(await page.getByTestId('pieces-table').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
