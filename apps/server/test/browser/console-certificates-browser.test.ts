import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { BROWSER_WAIT, canRunBrowser, launchChromium, serveWebApp } from '../support/browser-harness.ts';
import { DEMO_PASSWORD, type TestContext } from '../support/context.ts';

// 证明管理 in the console: the institute's admin finds the demo county's certificates (its own and
// its stations'), sees the revoked one with its status, and revokes another with a reason after
// confirming — the public verification then says 已撤销.

describe.runIf(canRunBrowser)('certificates in the console in a real browser', () => {
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

  async function fill(page: Page, testId: string, value: string) {
    const el = page.getByTestId(testId);
    const tag = await el.evaluate((node) => node.tagName);
    await (tag === 'INPUT' ? el : el.locator('input').first()).fill(value);
  }

  it('lists the certificates of the subtree and revokes one with a reason', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/login/);
    await fill(page, 'login-username', 'demo-institute');
    await fill(page, 'login-password', DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('header-role').waitFor();

    await page.goto(`${baseUrl}/certificates`);
    const rows = page.getByTestId('certificates-table').locator('.el-table__body-wrapper tbody tr');
    await expect.poll(() => rows.count(), { timeout: BROWSER_WAIT }).toBeGreaterThanOrEqual(4);
    const table = (await page.getByTestId('certificates-table').textContent()) ?? '';
    expect(table).toContain('已撤销');
    expect(table).toContain('有效');

    const valid = await tc.ctx.db.system
      .selectFrom('certificates')
      .select(['id', 'serial'])
      .where('revoked_at', 'is', null)
      .where('self_service', '=', false)
      .orderBy('issued_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    await fill(page, 'certificates-q', valid.serial);
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => rows.count(), { timeout: BROWSER_WAIT }).toBe(1);
    await page.getByTestId('certificate-revoke').first().click();
    const box = page.locator('.el-message-box');
    await box.waitFor({ timeout: BROWSER_WAIT });
    await box.locator('input').fill('服务记录有误，重新出具');
    await box.getByRole('button', { name: '撤销' }).click();
    await expect
      .poll(
        async () =>
          (
            await tc.ctx.db.system
              .selectFrom('certificates')
              .select('revoke_reason')
              .where('id', '=', valid.id)
              .executeTakeFirstOrThrow()
          ).revoke_reason,
        { timeout: BROWSER_WAIT },
      )
      .toBe('服务记录有误，重新出具');
    const verified = await tc.app.inject({ method: 'GET', url: `/api/public/certificates/${valid.serial}` });
    expect(verified.json()).toMatchObject({ status: 'revoked', signatureValid: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});
