// 随时记 and the volunteer card in a real browser: a volunteer records a service of their own on H5
// (375 px) and sees it pending, withdraws it, reads the station's reason for a rejected one; shows
// their card with its QR code; both pages pass axe (WCAG 2.1 AA). In the console the organiser
// checks a volunteer in by their card (the volunteer number typed, as when a scanner fails) from
// the sign-in sheet; each step is checked in the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BROWSER_WAIT, canRunBrowser, launchChromium, serveWebApp } from '../support/browser-harness.ts';
import { as, DEMO_PASSWORD, login, type TestContext } from '../support/context.ts';
import { orgOfUser } from '../support/org-factories.ts';
import { registerVolunteer, XSS, type RegisteredVolunteer } from '../support/volunteer-factories.ts';
import { axeViolations } from '../support/axe.ts';

const VIEWPORT = { width: 375, height: 812 };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const poll = <T>(read: () => Promise<T> | T, timeout = BROWSER_WAIT) => expect.poll(read, { timeout });

/** Yesterday's calendar day in China (the log's day: always in the past, within 30 days). */
const yesterday = () => new Date(Date.now() + 8 * HOUR - DAY).toISOString().slice(0, 10);

describe.runIf(canRunBrowser)('随时记 and the volunteer card in a real browser', () => {
  let tc: TestContext;
  let browser: Browser;
  let baseUrl: string;
  let stationId: number;
  const problems: string[] = [];

  beforeAll(async () => {
    ({ tc, baseUrl } = await serveWebApp());
    stationId = (await orgOfUser(tc.ctx.db.system, 'demo-station')).id;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await tc?.close();
  });

  async function phone(v: RegisteredVolunteer): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({
      viewport: VIEWPORT,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      bypassCSP: true, // axe is injected as an inline script
    });
    await context.addCookies(
      v.session.cookie.split('; ').map((pair) => {
        const [name, ...value] = pair.split('=');
        return { name: name!, value: value.join('='), url: baseUrl };
      }),
    );
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    return { context, page };
  }

  // Element Plus puts data-testid on the native <input> of an el-input, or on its wrapper
  async function fill(page: Page, testId: string, value: string) {
    const el = page.getByTestId(testId);
    const tag = await el.evaluate((node) => node.tagName);
    await (tag === 'INPUT' || tag === 'TEXTAREA' ? el : el.locator('input, textarea').first()).fill(value);
  }

  const records = (volunteerId: number) =>
    tc.ctx.db.system
      .selectFrom('service_records')
      .select(['id', 'status', 'note', 'place', 'hours'])
      .where('volunteer_id', '=', volunteerId)
      .where('source', '=', 'self')
      .orderBy('id')
      .execute();

  it('H5 随时记: records a service, sees it pending, withdraws it, reads a rejection’s reason', async () => {
    const v = await registerVolunteer(tc, stationId);
    const { context, page } = await phone(v);
    await page.goto(`${baseUrl}/h5/me`);
    await page.getByTestId('h5-me-self-log').click();
    await page.waitForURL(/\/h5\/self-log$/);
    await page.getByTestId('h5-self-log-rules').waitFor();
    await poll(async () => (await page.getByTestId('h5-self-log-list').textContent()) ?? '').toContain(
      '还没有记录',
    );

    const what = `帮独居老人买菜、打扫院子${XSS}`.slice(0, 60);
    await page.getByTestId('h5-self-log-description').locator('textarea').fill(what);
    await page.getByTestId('h5-self-log-place').locator('input').fill('东风社区 3 号楼');
    await page.getByTestId('h5-self-log-day').fill(yesterday());
    await page.getByTestId('h5-self-log-start').fill('09:00');
    await page.getByTestId('h5-self-log-end').fill('10:30');
    await poll(async () => (await page.locator('.h5-self-log__length').textContent()) ?? '').toContain(
      '1 小时30 分钟',
    );
    await page.getByTestId('h5-self-log-submit').click();
    const item = page.getByTestId('h5-self-log-item').first();
    await poll(async () => (await item.getAttribute('data-status')) ?? '').toBe('pending');
    expect(await item.getByTestId('h5-self-log-status').textContent()).toContain('待审核');
    expect(await item.textContent()).toContain('1.5 小时');
    const [row] = await records(v.id);
    expect(row).toMatchObject({ status: 'pending', note: what, place: '东风社区 3 号楼' });
    expect(await axeViolations(page)).toEqual([]);

    // a second record at the same time is refused with the reason, on the page
    await page.getByTestId('h5-self-log-description').locator('textarea').fill('陪老人聊天');
    await page.getByTestId('h5-self-log-place').locator('input').fill('东风社区 3 号楼');
    await page.getByTestId('h5-self-log-day').fill(yesterday());
    await page.getByTestId('h5-self-log-start').fill('10:00');
    await page.getByTestId('h5-self-log-end').fill('11:00');
    await page.getByTestId('h5-self-log-submit').click();
    await poll(async () => (await page.getByTestId('h5-self-log-error').textContent()) ?? '').toContain(
      '重叠',
    );
    expect(await records(v.id)).toHaveLength(1);

    // withdraw, after confirming
    await item.getByTestId('h5-self-log-withdraw').click();
    await page.locator('.van-dialog').getByRole('button', { name: '撤回', exact: true }).click();
    await poll(async () => (await item.getAttribute('data-status')) ?? '').toBe('withdrawn');
    expect((await records(v.id))[0]!.status).toBe('withdrawn');

    // a record the station rejected shows the reason
    const station = as(tc.app, await login(tc.app, 'demo-station'));
    const created = await as(tc.app, v.session).post('/api/me/self-logs', {
      description: '清理楼道杂物',
      place: '东风社区 5 号楼',
      startedAt: `${yesterday()}T14:00:00+08:00`,
      endedAt: `${yesterday()}T15:00:00+08:00`,
    });
    expect(created.statusCode, created.body).toBe(200);
    const rejected = await station.post(`/api/service-records/${created.json().id}/reject`, {
      reason: '无法核实，请附照片后重新记录',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    await page.reload();
    const first = page.getByTestId('h5-self-log-item').first();
    await poll(async () => (await first.getAttribute('data-status')) ?? '').toBe('rejected');
    expect(await first.textContent()).toContain('驳回原因：无法核实，请附照片后重新记录');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('H5 志愿者电子证: name, number, star level, organisation and the QR code', async () => {
    const v = await registerVolunteer(tc, stationId);
    const { context, page } = await phone(v);
    await page.goto(`${baseUrl}/h5/me`);
    await page.getByTestId('h5-me-card').click();
    await page.waitForURL(/\/h5\/card$/);
    const card = page.getByTestId('volunteer-card');
    await card.waitFor();
    expect(await page.getByTestId('volunteer-card-name').textContent()).toBe(v.name);
    expect(await page.getByTestId('volunteer-card-no').textContent()).toBe(v.volunteerNo);
    expect(await page.getByTestId('volunteer-card-star').textContent()).toContain('暂未评星');
    await page.getByTestId('volunteer-card-qr').waitFor();
    expect(await page.getByTestId('volunteer-card-qr').getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(VIEWPORT.width);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('console: the organiser checks a volunteer in by card from the sign-in sheet', async () => {
    const station = as(tc.app, await login(tc.app, 'demo-station'));
    const startsAt = new Date(Date.now() + 10 * MINUTE);
    const created = await station.post('/api/activities', {
      title: '志愿者证签到演练',
      form: 'bang',
      place: '东风社区新时代文明实践站',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
      capacity: 20,
    });
    expect(created.statusCode, created.body).toBe(200);
    const activityId = created.json().id as number;
    expect((await station.post(`/api/activities/${activityId}/publish`)).statusCode).toBe(200);
    const v = await registerVolunteer(tc, stationId);
    expect((await as(tc.app, v.session).post(`/api/me/activities/${activityId}/signup`)).statusCode).toBe(
      200,
    );
    const stranger = await registerVolunteer(tc, stationId);

    const context = await browser.newContext({
      viewport: { width: 1366, height: 800 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/login/);
    await fill(page, 'login-username', 'demo-station');
    await fill(page, 'login-password', DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('header-role').waitFor();

    await page.goto(`${baseUrl}/activities/${activityId}?tab=checkins`);
    await page.getByTestId('checkin-card').click();
    const dialog = page.getByTestId('card-checkin-dialog');
    await dialog.waitFor();
    const code = page.locator('#card-checkin-code');
    // not signed up: refused with the rule's words
    await code.fill(stranger.volunteerNo);
    await code.press('Enter');
    const outcome = page.getByTestId('card-checkin-outcome').first();
    await poll(async () => (await outcome.getAttribute('data-ok')) ?? '').toBe('false');
    expect(await outcome.textContent()).toContain('没有报名');
    // the signed-up volunteer, by the scanned card token
    const token = (await as(tc.app, v.session).get('/api/me/volunteer-card')).json().token as string;
    await code.fill(token);
    await code.press('Enter');
    await poll(
      async () => (await page.getByTestId('card-checkin-outcome').first().textContent()) ?? '',
    ).toContain(`${v.name}（${v.volunteerNo}）签到成功`);
    const row = await tc.ctx.db.system
      .selectFrom('activity_checkins')
      .select(['in_method', 'recorded_by'])
      .where('activity_id', '=', activityId)
      .where('volunteer_id', '=', v.id)
      .executeTakeFirstOrThrow();
    expect(row.in_method).toBe('card');
    expect(row.recorded_by).not.toBeNull();
    expect(
      await tc.ctx.db.system
        .selectFrom('activity_checkins')
        .select('id')
        .where('activity_id', '=', activityId)
        .where('volunteer_id', '=', stranger.id)
        .execute(),
    ).toEqual([]);
    // the sheet behind the dialog lists the check-in by card
    await page.getByRole('button', { name: '完成' }).click();
    const line = page
      .getByTestId('checkins-table')
      .locator('.el-table__body tr')
      .filter({ hasText: v.volunteerNo });
    await poll(async () => (await line.textContent()) ?? '').toContain('组织者扫志愿者证');
    expect(problems).toEqual([]);
    await context.close();
  });
});
