import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { BROWSER_WAIT, canRunBrowser, launchChromium, WEB_DIST } from '../support/browser-harness.ts';
import { pdfText, servedActivity } from '../support/certificate-factories.ts';
import { as, createTestContext, login, type TestContext } from '../support/context.ts';
import { orgOfUser } from '../support/org-factories.ts';
import { registerVolunteer, type RegisteredVolunteer } from '../support/volunteer-factories.ts';
import { axeViolations } from '../support/axe.ts';

// 志愿服务记录证明 on the mobile face at 375 px: a volunteer picks a period, gets a certificate and
// downloads its PDF (or is told plainly that a period has no confirmed hours); anyone opening the
// QR code's page sees the key facts and the verdict — valid, revoked with the reason, altered, or
// an unknown serial. Every page passes axe (WCAG 2.1 AA).

const VIEWPORT = { width: 375, height: 812 };
const DAY = 86_400_000;

describe.runIf(canRunBrowser)('H5 certificates and their public verification in a real browser', () => {
  let tc: TestContext;
  let browser: Browser;
  let baseUrl: string;
  let volunteer: RegisteredVolunteer;
  let stationAdmin: ReturnType<typeof as>;

  beforeAll(async () => {
    tc = await createTestContext({ webDist: WEB_DIST });
    await tc.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(tc.app.server.address() as { port: number }).port}`;
    const station = await orgOfUser(tc.ctx.db.system, 'demo-station');
    volunteer = await registerVolunteer(tc, station.id);
    await servedActivity(tc, station, volunteer.id, {
      endedAt: new Date(Date.now() - 10 * DAY),
      hours: 2.5,
      title: '东风社区重阳敬老',
    });
    stationAdmin = as(tc.app, await login(tc.app, 'demo-station'));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await tc?.close();
  });

  async function newPage(signedIn: boolean) {
    const context = await browser.newContext({
      viewport: VIEWPORT,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      bypassCSP: true,
      acceptDownloads: true,
    });
    const errors: string[] = [];
    context.on('weberror', (error) => errors.push(error.error().message));
    if (signedIn)
      await context.addCookies(
        volunteer.session.cookie.split('; ').map((pair) => {
          const [name, ...value] = pair.split('=');
          return { name: name!, value: value.join('='), url: baseUrl };
        }),
      );
    return { context, page: await context.newPage(), errors };
  }

  it('lets a volunteer choose a period, get a certificate and download its PDF', async () => {
    const { context, page, errors } = await newPage(true);
    await page.goto(`${baseUrl}/h5/my-certificates`);
    await page.getByTestId('h5-cert-form').waitFor({ timeout: BROWSER_WAIT });
    await page.getByTestId('h5-cert-list').waitFor({ timeout: BROWSER_WAIT });
    expect(await axeViolations(page)).toEqual([]);

    // a period without confirmed hours: a plain answer, nothing issued
    await page.getByTestId('h5-cert-period-custom').click();
    await page.getByTestId('h5-cert-from').fill('2001-01-01');
    await page.getByTestId('h5-cert-to').fill('2001-12-31');
    await page.getByTestId('h5-cert-issue').click();
    await expect
      .poll(() => page.getByTestId('h5-cert-error').textContent(), { timeout: BROWSER_WAIT })
      .toContain('没有已确认的服务时长');

    await page.getByTestId('h5-cert-period-past_year').click();
    await page.getByTestId('h5-cert-issue').click();
    const issued = page.getByTestId('h5-cert-issued');
    await issued.waitFor({ timeout: BROWSER_WAIT });
    expect(await issued.textContent()).toContain('2.5 小时');
    expect(await page.getByTestId('h5-cert-item').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: BROWSER_WAIT }),
      page.getByTestId('h5-cert-issued-download').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^志愿服务记录证明-ZM\d{4}-.+\.pdf$/);
    const file = await download.path();
    const pdf = fs.readFileSync(file);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await pdfText(pdf)).replace(/\s+/g, '');
    expect(text).toContain(volunteer.name);
    expect(text).toContain('东风社区重阳敬老');
    expect(text).toContain('平台自助出具');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows anyone the verification: valid, revoked with the reason, altered, or not found', async () => {
    const issued = await as(tc.app, volunteer.session).post('/api/me/certificates', {
      from: new Date(Date.now() - 30 * DAY + 8 * 3600_000).toISOString().slice(0, 10),
      to: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
    });
    expect(issued.statusCode, issued.body).toBe(200);
    const cert = issued.json() as { id: number; serial: string };
    const { context, page, errors } = await newPage(false);

    const verdict = page.getByTestId('h5-verify-verdict');
    await page.goto(`${baseUrl}/h5/verify/${cert.serial}`);
    await verdict.waitFor({ timeout: BROWSER_WAIT });
    expect(await verdict.getAttribute('data-signature')).toBe('valid');
    expect(await verdict.getAttribute('data-status')).toBe('valid');
    expect(await verdict.textContent()).toContain('核验通过');
    const facts = (await page.getByTestId('h5-verify-facts').textContent()) ?? '';
    expect(facts).toContain('2.5 小时');
    expect(facts).toContain(`${volunteer.name[0]}*`);
    expect(facts).not.toContain(volunteer.name);
    expect(await axeViolations(page)).toEqual([]);

    const revoked = await stationAdmin.post(`/api/certificates/${cert.id}/revoke`, {
      reason: '时长有误，已重新出具',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    await page.reload();
    await page.getByTestId('h5-verify-revoked').waitFor({ timeout: BROWSER_WAIT });
    expect(await page.getByTestId('h5-verify-revoked').textContent()).toContain('时长有误，已重新出具');
    expect(await verdict.textContent()).toContain('已撤销');
    expect(await axeViolations(page)).toEqual([]);

    const row = await tc.ctx.db.system
      .selectFrom('certificates')
      .select('content')
      .where('id', '=', cert.id)
      .executeTakeFirstOrThrow();
    await tc.ctx.db.system
      .updateTable('certificates')
      .set({ content: row.content.replace('"totalHours":2.5', '"totalHours":25.5') })
      .where('id', '=', cert.id)
      .execute();
    await page.reload();
    await expect
      .poll(() => verdict.getAttribute('data-signature'), { timeout: BROWSER_WAIT })
      .toBe('invalid');
    expect(await verdict.textContent()).toContain('未通过核验');

    await page.goto(`${baseUrl}/h5/verify/ZM2026-FORGED000000`);
    const notFound = page.getByTestId('h5-verify-not-found');
    await notFound.waitFor({ timeout: BROWSER_WAIT });
    expect(await notFound.textContent()).toContain('未找到该编号');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
