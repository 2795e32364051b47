import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { DEMO_PASSWORD, type TestContext } from '../support/context.ts';
import { canRunBrowser, launchChromium, serveWebApp } from '../support/browser-harness.ts';

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

  async function logIn(username: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
    await page.goto(`${baseUrl}/orgs`);
    await page.waitForURL(/\/login/);
    await fill(page, 'login-username', username);
    await fill(page, 'login-password', DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('org-tree').waitFor();
    return page;
  }

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
