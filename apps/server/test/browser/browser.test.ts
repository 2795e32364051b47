import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { DEMO_PASSWORD, type TestContext } from '../support/context.ts';
import { BROWSER_WAIT, canRunBrowser, launchChromium, serveWebApp } from '../support/browser-harness.ts';
import { axeViolations } from '../support/axe.ts';

/** Waits for the page to catch up (a server round trip, a re-render), then asserts. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: BROWSER_WAIT });

describe.runIf(canRunBrowser)('admin console in a real browser', () => {
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

  // Element Plus puts data-testid on the native <input> of an el-input; accept either placement
  async function fill(page: Page, testId: string, value: string) {
    const el = page.getByTestId(testId);
    const tag = await el.evaluate((node) => node.tagName);
    await (tag === 'INPUT' ? el : el.locator('input')).fill(value);
  }

  /** Signs in through the login page; staff without the org pages land elsewhere (`ready`). */
  async function logIn(username: string, ready = 'org-tree'): Promise<Page> {
    // CSP bypassed so that axe can be injected where a test checks contrast
    const context = await browser.newContext({
      viewport: { width: 1366, height: 800 },
      locale: 'zh-CN',
      bypassCSP: true,
    });
    const page = await context.newPage();
    page.on('close', () => void context.close());
    await page.goto(`${baseUrl}/orgs`);
    await page.waitForURL(/\/login/);
    await fill(page, 'login-username', username);
    await fill(page, 'login-password', DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId(ready).waitFor();
    return page;
  }

  const tableText = (page: Page, testId: string) => page.getByTestId(testId).textContent();

  it('the login page meets WCAG 2.1 AA, its primary button included', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/login`);
    await page.getByTestId('login-submit').waitFor();
    expect(await axeViolations(page, { restPointer: true })).toEqual([]);
    // and the button's colours by the numbers: white on the theme's primary at 4.5:1 or more
    const colours = await page.getByTestId('login-submit').evaluate((button) => {
      const style = getComputedStyle(button);
      return [style.color, style.backgroundColor];
    });
    expect(contrast(colours[0]!, colours[1]!)).toBeGreaterThanOrEqual(4.5);
    await context.close();
  });

  it('staff pages meet AA colour contrast: tables, tags, buttons, help text', async () => {
    const page = await logIn('demo-center');
    const found: Record<string, string[]> = {};
    for (const [path, ready] of [
      ['/orgs', '[data-testid=org-tree]'],
      ['/site-standards', '.el-table'],
      ['/platforms', '[data-testid=platform-card]'],
      ['/site-standards/coverage', '.el-statistic'],
      ['/volunteers', '.el-table .el-tag'],
      ['/service-records', '.el-table .el-tag'],
    ] as const) {
      await page.goto(`${baseUrl}${path}`);
      await page.locator(ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      if (path === '/orgs') {
        // a unit open: its buttons (编辑 is primary) and its details
        await page.getByTestId('org-tree-node').first().click();
        await page.getByTestId('org-detail-name').waitFor();
      }
      const violations = await axeViolations(page, { rules: ['color-contrast'], restPointer: true });
      if (violations.length) found[path] = violations;
    }
    expect(found, `contrast failures:\n${JSON.stringify(found, null, 2)}`).toEqual({});
    await page.close();
  });

  it('a station admin is offered only what they may do', async () => {
    const page = await logIn('demo-station');
    // their own station: 编辑, but no 迁移, 归档 or 删除 (the server refuses them on one's own unit)
    await page.getByTestId('org-tree-node').first().click();
    await page.getByTestId('org-edit').waitFor();
    for (const action of ['org-move', 'org-archive', 'org-delete'])
      expect(await page.getByTestId(action).count(), action).toBe(0);

    // the county's standards are theirs to use, not to change: 查看, never 编辑
    await page.goto(`${baseUrl}/site-standards`);
    const open = page.getByTestId('standard-open');
    await poll(() => open.count()).toBeGreaterThan(0);
    expect(new Set(await open.allTextContents())).toEqual(new Set(['查看']));
    await open.first().click();
    await poll(() => page.locator('.el-drawer').textContent()).toContain('查看标准模板');
    expect(await page.locator('.el-drawer').getByRole('button', { name: '保存' }).count()).toBe(0);

    // the five platforms belong to the centre
    await page.goto(`${baseUrl}/platforms`);
    await poll(() => page.getByTestId('platform-card').count()).toBe(5);
    expect(await page.getByTestId('platform-edit').count()).toBe(0);
    await page.close();
  });

  it('the centre edits the platforms and its own standards', async () => {
    const page = await logIn('demo-center');
    await page.goto(`${baseUrl}/platforms`);
    await poll(() => page.getByTestId('platform-edit').count()).toBe(5);
    await page.goto(`${baseUrl}/site-standards`);
    await poll(() => page.getByTestId('standard-open').count()).toBeGreaterThan(0);
    expect(new Set(await page.getByTestId('standard-open').allTextContents())).toEqual(new Set(['编辑']));
    await page.close();
  });

  it('达标统计 opens on the standard the county inspects against', async () => {
    const page = await logIn('demo-center');
    await page.goto(`${baseUrl}/site-standards/coverage`);
    // 八有 (the demo county's inspections), not the first preset, 五有 (no inspections: all 0 %)
    await poll(() => page.locator('.picker .el-select').textContent()).toContain('八有');
    const inspected = page
      .locator('.el-statistic')
      .filter({ hasText: '已检查' })
      .locator('.el-statistic__number');
    await expect
      .poll(async () => Number((await inspected.textContent())?.replace(/\D/g, '')))
      .toBeGreaterThan(0);
    await page.close();
  });

  it('shows names, not internal codes: no org path, no standard codes', async () => {
    const page = await logIn('demo-center');
    await page.getByTestId('org-tree-node').filter({ hasText: '杨河镇新时代文明实践所' }).first().click();
    await poll(() => page.getByTestId('org-detail-name').textContent()).toBe('杨河镇新时代文明实践所');
    const detail = (await page.getByTestId('org-detail').textContent()) ?? '';
    expect(detail).not.toContain('路径');
    expect(detail).not.toMatch(/\b\d+\.\d+\.\d+\b/);
    expect((await page.getByTestId('org-detail-ancestry').textContent())?.trim()).toBe(
      '西乡县新时代文明实践中心',
    );

    await page.goto(`${baseUrl}/site-standards`);
    await poll(() => tableText(page, 'standards-table')).toContain('八有');
    expect(await tableText(page, 'standards-table')).not.toMatch(/wuyou|bayou|liuyou/);
    await page.close();
  });

  it('at 1366 px the lists fit: no table scrolls sideways, no row of buttons wraps', async () => {
    const page = await logIn('demo-center');
    const found: Record<string, string[]> = {};
    for (const path of [
      '/orgs/list',
      '/site-standards',
      '/inspections',
      '/volunteers',
      '/volunteers/import',
      '/projects',
      '/menu-items',
      '/orders',
      '/activities',
      '/service-records',
      '/account-activations',
    ]) {
      await page.goto(`${baseUrl}${path}`);
      await page.locator('.el-table').first().waitFor();
      await page.waitForLoadState('networkidle');
      const problems = await page.evaluate(() => {
        const out: string[] = [];
        document.querySelectorAll('.el-table').forEach((table) => {
          // the columns' widths are laid out in the header: wider than the table means a sideways
          // scroll, with the last columns hidden under the fixed 操作 column
          const header = table.querySelector('.el-table__header') as HTMLElement | null;
          const width = (table as HTMLElement).clientWidth;
          if (header && header.offsetWidth > width + 1)
            out.push(`columns ${header.offsetWidth} px wide in a ${width} px table`);
          table.querySelectorAll('td .cell').forEach((cell) => {
            const tops = [...cell.querySelectorAll(':scope > .el-button')].map((b) =>
              Math.round(b.getBoundingClientRect().top),
            );
            if (new Set(tops).size > 1) out.push(`buttons wrap in "${cell.textContent?.trim()}"`);
          });
        });
        return out;
      });
      if (problems.length) found[path] = [...new Set(problems)];
    }
    // and the security admin's accounts, the audit admin's log
    for (const [user, path] of [
      ['demo-security', '/users'],
      ['demo-audit', '/audit-logs'],
    ] as const) {
      const other = await logIn(user, 'header-role');
      await other.goto(`${baseUrl}${path}`);
      await other.locator('.el-table__body-wrapper tbody tr').first().waitFor();
      const width = await other
        .locator('.el-table')
        .first()
        .evaluate((table) => ({
          columns: (table.querySelector('.el-table__header') as HTMLElement).offsetWidth,
          table: (table as HTMLElement).clientWidth,
        }));
      expect(width.columns, `${path} of ${user}`).toBeLessThanOrEqual(width.table + 1);
      await other.close();
    }
    expect(found, JSON.stringify(found, null, 2)).toEqual({});
    await page.close();
  });

  it('the sidebar folds to icons and stays folded', async () => {
    const page = await logIn('demo-center');
    const aside = page.getByTestId('aside');
    const width = async () => (await aside.boundingBox())!.width;
    expect(await width()).toBeGreaterThan(150);
    await page.getByTestId('aside-toggle').click();
    await poll(width).toBeLessThanOrEqual(64);
    expect(await page.getByTestId('aside-toggle').getAttribute('aria-label')).toBe('展开菜单');
    // the room goes to the page
    await page.reload();
    await page.getByTestId('org-tree').waitFor();
    await poll(width).toBeLessThanOrEqual(64);
    await page.getByTestId('aside-toggle').click();
    await poll(width).toBeGreaterThan(150);
    await page.close();
  });

  it('a centre admin logs in and sees the whole organisation network', async () => {
    const page = await logIn('demo-center');
    await expect.poll(() => page.getByTestId('header-role').textContent()).toContain('中心管理员');
    const tree = page.getByTestId('org-tree');
    await expect.poll(() => tree.textContent()).toContain('西乡县新时代文明实践中心');
    await expect.poll(() => tree.textContent()).toContain('杨河镇新时代文明实践所');
    await page.getByTestId('org-tree-node').filter({ hasText: '杨河镇新时代文明实践所' }).first().click();
    await expect.poll(() => page.getByTestId('org-detail-name').textContent()).toBe('杨河镇新时代文明实践所');
    await page.close();
  });

  it('a station admin sees only their own station', async () => {
    const page = await logIn('demo-station');
    const tree = page.getByTestId('org-tree');
    await expect.poll(() => tree.textContent()).toContain('东风社区新时代文明实践站');
    const text = (await tree.textContent()) ?? '';
    expect(text).not.toContain('西乡县新时代文明实践中心');
    expect(text).not.toContain('杨河镇');
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login/);
    await page.close();
  });

  it('a wrong password shows the Chinese error and stays on the login page', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/login`);
    await fill(page, 'login-username', 'demo-center');
    await fill(page, 'login-password', 'Wrong#password1');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('账号或密码错误');
    expect(page.url()).toContain('/login');
    await page.close();
  });
});

/** WCAG contrast ratio of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, bl] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}
