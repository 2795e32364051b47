import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHECKIN_QR_KEY_PURPOSE, signCheckinToken } from '../../src/modules/activities/checkin-token.ts';
import { BROWSER_WAIT, canRunBrowser, launchChromium, WEB_DIST } from '../support/browser-harness.ts';
import { as, createTestContext, login, type TestContext } from '../support/context.ts';
import { orgOfUser } from '../support/org-factories.ts';
import {
  registerVolunteer,
  VOLUNTEER_PASSWORD,
  XSS,
  type RegisteredVolunteer,
} from '../support/volunteer-factories.ts';
import { axeViolations } from '../support/axe.ts';

// Activities on the mobile face at 375 px: an organiser publishes an activity through the staff API;
// a volunteer finds it in 身边的活动, signs up (or lands on the waitlist, and withdraws), and checks in
// by opening the QR code's link with the phone's position inside the geofence — or is told how far
// away they are, that the code has expired, that they did not sign up, that the position was not
// allowed. A visitor without an account reads the activities around their village.

const VIEWPORT = { width: 375, height: 812 };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The place of every test activity (geofence 200 m), and positions around it. */
const PLACE = { latitude: 32.983, longitude: 107.766 };
const northOf = (metres: number) => ({
  latitude: PLACE.latitude + metres / 111_195,
  longitude: PLACE.longitude,
});
const NEAR = northOf(60);
const FAR = northOf(1_500);

/** The machine may be busy (two test workers, Chromium): the page gets time to answer. */
const poll = <T>(read: () => Promise<T> | T, timeout = BROWSER_WAIT) => expect.poll(read, { timeout });

describe.runIf(canRunBrowser)('H5 activities and QR check-in in a real browser at 375 px', () => {
  let tc: TestContext;
  let browser: Browser;
  let baseUrl: string;
  let station: { id: number; town: string; village: string };
  let stationAdmin: ReturnType<typeof as>;
  let serial = 0;

  beforeAll(async () => {
    tc = await createTestContext({
      webDist: WEB_DIST,
      // one test moves the server's clock to the activity's end: sessions must outlive it
      env: { SESSION_IDLE_MINUTES: '100000', SESSION_ABSOLUTE_HOURS: '10000', PASSWORD_MAX_AGE_DAYS: '0' },
    });
    await tc.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(tc.app.server.address() as { port: number }).port}`;
    const org = await orgOfUser(tc.ctx.db.system, 'demo-station'); // a village of 城北街道
    const towns = (await tc.app.inject({ method: 'GET', url: '/api/public/residence-orgs' })).json<
      { name: string; children: { id: number; name: string }[] }[]
    >();
    const town = towns.find((t) => t.children.some((c) => c.id === org.id))!;
    station = { id: org.id, town: town.name, village: town.children.find((c) => c.id === org.id)!.name };
    stationAdmin = as(tc.app, await login(tc.app, 'demo-station'));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await tc?.close();
  });

  /** A published activity of the station at PLACE; by default starting in 10 minutes, for 2 hours. */
  async function publishActivity(options: { startsIn?: number; capacity?: number; audience?: string } = {}) {
    serial += 1;
    const title = `重阳节敬老志愿服务第${serial}场`;
    const startsAt = new Date(Date.now() + (options.startsIn ?? 10 * MINUTE));
    const created = await stationAdmin.post('/api/activities', {
      title,
      form: 'bang',
      festival: 'double_ninth',
      description: `为社区老人理发、测血压、包饺子。${XSS}`,
      place: '东风社区新时代文明实践站',
      ...PLACE,
      geofenceM: 200,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
      capacity: options.capacity ?? 20,
      audience: options.audience ?? 'volunteers',
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id as number;
    const published = await stationAdmin.post(`/api/activities/${id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    return { id, title, startsAt };
  }

  async function signUpByApi(v: RegisteredVolunteer, activityId: number, status = 'confirmed') {
    const res = await as(tc.app, v.session).post(`/api/me/activities/${activityId}/signup`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().signup.status).toBe(status);
  }

  /** The link of the organiser's QR code now, as the phone's scanner opens it. */
  async function checkinUrl(activityId: number, direction: 'in' | 'out' = 'in') {
    const res = await stationAdmin.get(`/api/activities/${activityId}/checkin-code?direction=${direction}`);
    expect(res.statusCode, res.body).toBe(200);
    const url = res.json().url as string;
    expect(url).toMatch(/^\/h5\/checkin\?t=/);
    return `${baseUrl}${url}`;
  }

  const checkinsOf = (activityId: number, volunteerId: number) =>
    tc.ctx.db.system
      .selectFrom('activity_checkins')
      .select(['checked_in_at', 'checked_out_at', 'in_method', 'in_distance_m'])
      .where('activity_id', '=', activityId)
      .where('volunteer_id', '=', volunteerId)
      .execute();

  /** A phone whose page errors are collected (the harness catches alert() calls: an XSS that ran). */
  async function newContext(
    options: { axe?: boolean; position?: { latitude: number; longitude: number } | null } = {},
  ) {
    const context = await browser.newContext({
      viewport: VIEWPORT,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      // axe is injected as an inline script, which the server's CSP (rightly) refuses
      bypassCSP: options.axe ?? false,
      ...(options.position ? { permissions: ['geolocation'], geolocation: options.position } : {}),
    });
    const errors: string[] = [];
    context.on('weberror', (error) => errors.push(error.error().message));
    return { context, errors };
  }

  /** Signs the volunteer's H5 session into the browser context (as after logging in). */
  async function signIn(context: BrowserContext, v: RegisteredVolunteer) {
    await context.addCookies(
      v.session.cookie.split('; ').map((pair) => {
        const [name, ...value] = pair.split('=');
        return { name: name!, value: value.join('='), url: baseUrl };
      }),
    );
  }

  async function fill(page: Page, testId: string, value: string) {
    const el = page.getByTestId(testId);
    const tag = await el.evaluate((node) => node.tagName);
    await (tag === 'INPUT' || tag === 'TEXTAREA' ? el : el.locator('input, textarea').first()).fill(value);
  }

  async function expectNoHorizontalOverflow(page: Page) {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(VIEWPORT.width);
  }

  const result = (page: Page) => page.getByTestId('h5-checkin-result');
  const resultTitle = (page: Page) => page.getByTestId('h5-checkin-title').textContent();

  it('a volunteer finds the activity, signs up, checks in inside the fence and out at the end', async () => {
    const activity = await publishActivity();
    const volunteer = await registerVolunteer(tc, station.id);
    const { context, errors } = await newContext({ position: NEAR });
    const page = await context.newPage();

    await page.goto(`${baseUrl}/h5/login`);
    await fill(page, 'h5-login-username', volunteer.phone);
    await fill(page, 'h5-login-password', VOLUNTEER_PASSWORD);
    await page.getByTestId('h5-login-submit').click();
    await page.waitForURL(/\/h5\/me/);
    await page.goto(`${baseUrl}/h5/`);
    await page.getByTestId('h5-home-activities').click();
    await page.waitForURL(/\/h5\/activities$/);
    const card = page.getByTestId('h5-activity-card').filter({ hasText: activity.title });
    await card.waitFor();
    expect(await card.getByTestId('h5-activity-count').textContent()).toContain('已报名 0/20 人');
    const tags = (await card.textContent()) ?? '';
    for (const text of ['报名中', '帮（志愿帮扶）', '重阳']) expect(tags).toContain(text);
    expect(await card.getByTestId('h5-activity-mine').count()).toBe(0);
    await expectNoHorizontalOverflow(page);

    await card.getByTestId('h5-activity-open').click();
    await page.waitForURL(new RegExp(`/h5/activities/${activity.id}$`));
    await poll(() => page.locator('#h5-activity-title').textContent()).toContain(activity.title);
    // the description is text, never markup
    expect(await page.locator('.h5-activity-block__text').first().textContent()).toContain(XSS);
    expect(await page.getByTestId('h5-activity-not-signed-up').textContent()).toContain('您还没有报名');
    await page.getByTestId('h5-activity-signup').click();
    await page.locator('.van-dialog').getByRole('button', { name: '确定报名' }).click();
    await poll(() => page.getByTestId('h5-activity-signup-status').textContent()).toContain('已报名');
    expect(await page.getByTestId('h5-activity-count').textContent()).toContain('已报名 1/20 人');
    expect(await page.getByTestId('h5-activity-signup').count()).toBe(0);
    await expectNoHorizontalOverflow(page);
    // 大字模式 still fits the 375 px screen
    await page.getByTestId('h5-large-text').click();
    await expectNoHorizontalOverflow(page);
    await page.getByTestId('h5-large-text').click();
    // no reminder yet: nothing to confirm; the reminder's link (…?confirm=1) asks for 确认参加
    expect(await page.getByTestId('h5-activity-confirm').count()).toBe(0);
    await page.goto(`${baseUrl}/h5/activities/${activity.id}?confirm=1`);
    await page.getByTestId('h5-activity-confirm').click();
    await poll(() => page.getByTestId('h5-activity-attendance').count()).toBe(1);
    const signup = await tc.ctx.db.system
      .selectFrom('activity_signups')
      .select(['status', 'attendance_confirmed_at'])
      .where('activity_id', '=', activity.id)
      .where('volunteer_id', '=', volunteer.id)
      .executeTakeFirstOrThrow();
    expect(signup.status).toBe('confirmed');
    expect(signup.attendance_confirmed_at).not.toBeNull();

    // the phone's scanner opens the organiser's QR code; the position was allowed before
    await page.goto(await checkinUrl(activity.id));
    await poll(() => result(page).getAttribute('data-state')).toBe('done');
    expect(await resultTitle(page)).toBe('签到成功');
    expect(await page.getByTestId('h5-checkin-activity').textContent()).toBe(activity.title);
    await expectNoHorizontalOverflow(page);
    const rows = await checkinsOf(activity.id, volunteer.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.in_method).toBe('qr');
    expect(Number(rows[0]!.in_distance_m)).toBeLessThan(200);

    // a reload sends the same token again: already done, nothing new
    await page.reload();
    await poll(() => resultTitle(page)).toBe('您已签到');
    expect(await checkinsOf(activity.id, volunteer.id)).toHaveLength(1);

    // 我的活动: to come, with my sign-up
    await page.goto(`${baseUrl}/h5/my-activities`);
    const mine = page
      .getByTestId('h5-my-activities-list')
      .getByTestId('h5-activity-card')
      .filter({ hasText: activity.title });
    await mine.waitFor();
    expect(await mine.getByTestId('h5-activity-mine').textContent()).toContain('我已报名');
    await expectNoHorizontalOverflow(page);

    // at the end of the activity the organiser shows the check-out code
    tc.setNow(new Date(activity.startsAt.getTime() + 2 * HOUR));
    try {
      await page.goto(await checkinUrl(activity.id, 'out'));
      await poll(() => resultTitle(page)).toBe('签退成功');
      expect(await page.getByTestId('h5-checkin-hours').textContent()).toMatch(/^\d+(\.\d)? 小时$/);
      const [row] = await checkinsOf(activity.id, volunteer.id);
      expect(row!.checked_out_at).not.toBeNull();
    } finally {
      tc.setNow(null);
    }

    expect(errors).toEqual([]);
    await context.close();
  });

  it('outside the fence: the distance, no check-in; 重新签到 at the place succeeds', async () => {
    const activity = await publishActivity();
    const volunteer = await registerVolunteer(tc, station.id);
    await signUpByApi(volunteer, activity.id);
    const { context, errors } = await newContext({ position: FAR });
    await signIn(context, volunteer);
    const page = await context.newPage();

    await page.goto(await checkinUrl(activity.id));
    await poll(() => result(page).getAttribute('data-state')).toBe('failed');
    expect(await resultTitle(page)).toBe('不在签到范围内');
    const message = (await page.getByTestId('h5-checkin-message').textContent()) ?? '';
    expect(message).toMatch(/距活动地点约 1[45]\d\d 米/);
    expect(message).toContain('200 米');
    expect(await checkinsOf(activity.id, volunteer.id)).toHaveLength(0);
    await expectNoHorizontalOverflow(page);

    // the volunteer walks over and taps 重新签到: the same token, a new position
    await context.setGeolocation(NEAR);
    await page.getByTestId('h5-checkin-retry').click();
    await poll(() => resultTitle(page)).toBe('签到成功');
    expect(await checkinsOf(activity.id, volunteer.id)).toHaveLength(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the QR link before logging in: to the login page and back, then checked in', async () => {
    const activity = await publishActivity();
    const volunteer = await registerVolunteer(tc, station.id);
    await signUpByApi(volunteer, activity.id);
    const { context, errors } = await newContext({ position: NEAR });
    const page = await context.newPage();

    await page.goto(await checkinUrl(activity.id));
    await page.waitForURL(/\/h5\/login\?redirect=/);
    await fill(page, 'h5-login-username', volunteer.phone);
    await fill(page, 'h5-login-password', VOLUNTEER_PASSWORD);
    await page.getByTestId('h5-login-submit').click();
    await page.waitForURL(/\/h5\/checkin\?t=/);
    await poll(() => resultTitle(page)).toBe('签到成功');
    expect(await checkinsOf(activity.id, volunteer.id)).toHaveLength(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says why not: expired or forged code, not signed up, not yet open, position not allowed', async () => {
    const activity = await publishActivity();
    const later = await publishActivity({ startsIn: 3 * DAY });
    const volunteer = await registerVolunteer(tc, station.id);
    const stranger = await registerVolunteer(tc, station.id);
    await signUpByApi(volunteer, activity.id);
    await signUpByApi(volunteer, later.id);
    const key = tc.ctx.cipher.derive(CHECKIN_QR_KEY_PURPOSE);
    const old = signCheckinToken(key, activity.id, 'in', new Date(Date.now() - 5 * MINUTE)).token;

    const { context, errors } = await newContext({ position: NEAR });
    await signIn(context, volunteer);
    const page = await context.newPage();

    // a photo of an old code
    await page.goto(`${baseUrl}/h5/checkin?t=${encodeURIComponent(old)}`);
    await poll(() => resultTitle(page)).toBe('二维码已过期');
    expect(await page.getByTestId('h5-checkin-advice').textContent()).toContain('最新的二维码');
    expect(await page.getByTestId('h5-checkin-retry').count()).toBe(0);
    // a changed one
    await page.goto(`${baseUrl}/h5/checkin?t=${encodeURIComponent(`${old.slice(0, -3)}abc`)}`);
    await poll(() => resultTitle(page)).toBe('二维码无效');
    // no token at all
    await page.goto(`${baseUrl}/h5/checkin`);
    await poll(() => resultTitle(page)).toBe('没有读到二维码');
    // three days early
    await page.goto(await checkinUrl(later.id));
    await poll(() => resultTitle(page)).toBe('不在签到时间内');
    expect(await page.getByTestId('h5-checkin-message').textContent()).toContain('签到尚未开始');
    expect(await checkinsOf(activity.id, volunteer.id)).toHaveLength(0);
    expect(errors).toEqual([]);
    await context.close();

    // someone who did not sign up
    const other = await newContext({ position: NEAR });
    await signIn(other.context, stranger);
    const otherPage = await other.context.newPage();
    await otherPage.goto(await checkinUrl(activity.id));
    await poll(() => resultTitle(otherPage)).toBe('您没有报名该活动');
    expect(await otherPage.getByTestId('h5-checkin-message').textContent()).toContain('没有报名');
    expect(await checkinsOf(activity.id, stranger.id)).toHaveLength(0);
    expect(other.errors).toEqual([]);
    await other.context.close();

    // a phone that does not allow the position: the page explains, then says so
    const denied = await newContext({ position: null });
    await signIn(denied.context, volunteer);
    const deniedPage = await denied.context.newPage();
    await deniedPage.goto(await checkinUrl(activity.id));
    await deniedPage.getByTestId('h5-checkin-intro').waitFor();
    await deniedPage.getByTestId('h5-checkin-start').click();
    await poll(() => resultTitle(deniedPage)).toMatch(/位置/);
    expect(await deniedPage.getByTestId('h5-checkin-advice').textContent()).toContain('组织者为您手动签到');
    expect(await checkinsOf(activity.id, volunteer.id)).toHaveLength(0);
    await expectNoHorizontalOverflow(deniedPage);
    expect(denied.errors).toEqual([]);
    await denied.context.close();
  });

  it('a full activity puts the volunteer on the waitlist (候补第 1 位); withdrawing asks first', async () => {
    const activity = await publishActivity({ capacity: 1 });
    const first = await registerVolunteer(tc, station.id);
    await signUpByApi(first, activity.id);
    const second = await registerVolunteer(tc, station.id);
    const { context, errors } = await newContext();
    await signIn(context, second);
    const page = await context.newPage();

    await page.goto(`${baseUrl}/h5/activities/${activity.id}`);
    await poll(() => page.getByTestId('h5-activity-signup').textContent()).toContain('报名候补');
    await page.getByTestId('h5-activity-signup').click();
    await page.locator('.van-dialog').getByRole('button', { name: '报名候补' }).click();
    await poll(() => page.locator('.van-dialog__message').last().textContent()).toContain('候补名单第 1 位');
    await page.locator('.van-dialog').getByRole('button', { name: '知道了' }).click();
    expect(await page.getByTestId('h5-activity-signup-status').textContent()).toContain('候补第 1 位');
    expect(await page.getByTestId('h5-activity-count').textContent()).toContain('候补 1 人');
    // waitlisted: no 确认参加 yet
    expect(await page.getByTestId('h5-activity-confirm').count()).toBe(0);
    await expectNoHorizontalOverflow(page);

    // the second thought: cancelling is confirmed in a dialog, 再想想 changes nothing
    await page.getByTestId('h5-activity-cancel').click();
    await page.locator('.van-dialog').getByRole('button', { name: '再想想' }).click();
    expect(await page.getByTestId('h5-activity-signup-status').textContent()).toContain('候补第 1 位');
    await page.getByTestId('h5-activity-cancel').click();
    await page.locator('.van-dialog').getByRole('button', { name: '确定取消' }).click();
    await poll(() => page.getByTestId('h5-activity-not-signed-up').textContent()).toContain('您已取消报名');
    const row = await tc.ctx.db.system
      .selectFrom('activity_signups')
      .select('status')
      .where('activity_id', '=', activity.id)
      .where('volunteer_id', '=', second.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('cancelled');

    // the server refuses a second sign-up for the first volunteer in its own words
    const again = await newContext();
    await signIn(again.context, first);
    const firstPage = await again.context.newPage();
    await firstPage.goto(`${baseUrl}/h5/activities/${activity.id}`);
    await poll(() => firstPage.getByTestId('h5-activity-signup-status').textContent()).toContain('已报名');
    expect(await firstPage.getByTestId('h5-activity-signup').count()).toBe(0);
    expect([...errors, ...again.errors]).toEqual([]);
    await context.close();
    await again.context.close();
  });

  it('a visitor without an account reads the activities around the village', async () => {
    const activity = await publishActivity({ audience: 'public' });
    const { context, errors } = await newContext({ axe: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/h5/activities`);
    await page.getByTestId('h5-activities-pick').waitFor();
    await page.getByTestId('h5-activities-village').click();
    await page.getByRole('menuitemradio', { name: station.town, exact: true }).click();
    await page.getByRole('menuitemradio', { name: station.village, exact: true }).click();
    const card = page.getByTestId('h5-activity-card').filter({ hasText: activity.title });
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('面向群众开放');
    expect(text).toContain(XSS);
    await expectNoHorizontalOverflow(page);
    // a public activity opens for anyone: its page, without logging in
    await card.getByTestId('h5-activity-title').click();
    await page.waitForURL(new RegExp(`/h5/activities/${activity.id}$`));
    const shown = page.getByTestId('h5-activity-public');
    await shown.waitFor();
    const detail = (await shown.textContent()) ?? '';
    for (const part of [
      activity.title,
      '东风社区新时代文明实践站',
      '面向群众开放',
      '欢迎群众按时到场参加',
      XSS,
    ])
      expect(detail).toContain(part);
    expect(await page.getByTestId('h5-activity-login-required').count()).toBe(0);
    await expectNoHorizontalOverflow(page);
    await page.waitForLoadState('networkidle');
    const violations = await axeViolations(page);
    expect(violations, violations.join('\n')).toEqual([]);

    // one for volunteers only: its facts too, and that signing up needs a volunteer's login
    const forVolunteers = await publishActivity({ audience: 'volunteers' });
    await page.goto(`${baseUrl}/h5/activities/${forVolunteers.id}`);
    await page.getByTestId('h5-activity-public').waitFor();
    expect(await page.getByTestId('h5-activity-public').textContent()).toContain(forVolunteers.title);
    await page.getByTestId('h5-activity-login-required').waitFor();
    await page.getByTestId('h5-activity-login').click();
    await page.waitForURL(new RegExp(`/h5/login\\?redirect=(%2F|/)activities(%2F|/)${forVolunteers.id}$`));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('/activities, /activities/:id, /my-activities and /checkin pass axe (WCAG 2.1 A/AA)', async () => {
    const activity = await publishActivity();
    const full = await publishActivity({ capacity: 1 });
    const volunteer = await registerVolunteer(tc, station.id);
    const other = await registerVolunteer(tc, station.id);
    await signUpByApi(other, full.id);
    await signUpByApi(volunteer, full.id, 'waitlisted');

    const found: Record<string, string[]> = {};
    const { context, errors } = await newContext({ axe: true, position: NEAR });
    const page = await context.newPage();
    async function check(state: string) {
      await page.waitForLoadState('networkidle');
      const violations = await axeViolations(page);
      if (violations.length) found[state] = violations;
    }

    // the visitor's list
    await page.goto(`${baseUrl}/h5/activities`);
    await page.getByTestId('h5-activities-pick').waitFor();
    await check('/h5/activities, visitor, no village');
    await page.getByTestId('h5-activities-village').click();
    await page.getByRole('menuitemradio', { name: station.town, exact: true }).click();
    await page.getByRole('menuitemradio', { name: station.village, exact: true }).click();
    await page.getByTestId('h5-activity-card').first().waitFor();
    await check('/h5/activities, visitor, village');
    await page.goto(`${baseUrl}/h5/activities/${activity.id}`);
    await page.getByTestId('h5-activity-login-required').waitFor();
    await check('/h5/activities/:id, visitor');

    await signIn(context, volunteer);
    await page.goto(`${baseUrl}/h5/`);
    await page.getByTestId('h5-home-my-activities').waitFor();
    await check('/h5/, volunteer');
    await page.goto(`${baseUrl}/h5/activities`);
    await page.getByTestId('h5-activities-list').waitFor();
    await check('/h5/activities, volunteer');
    await page.goto(`${baseUrl}/h5/activities/${activity.id}`);
    await page.getByTestId('h5-activity-signup').waitFor();
    await check('/h5/activities/:id, not signed up');
    await page.getByTestId('h5-activity-signup').click();
    await page.locator('.van-dialog').getByRole('button', { name: '确定报名' }).waitFor();
    await check('/h5/activities/:id, sign-up dialog');
    await page.locator('.van-dialog').getByRole('button', { name: '确定报名' }).click();
    await poll(() => page.getByTestId('h5-activity-signup-status').textContent()).toContain('已报名');
    await page.locator('.van-toast').waitFor({ state: 'hidden' });
    await check('/h5/activities/:id, signed up');
    await page.goto(`${baseUrl}/h5/activities/${full.id}`);
    await poll(() => page.getByTestId('h5-activity-signup-status').textContent()).toContain('候补第 1 位');
    await check('/h5/activities/:id, waitlisted');
    await page.goto(`${baseUrl}/h5/my-activities`);
    await page.getByTestId('h5-my-activities-list').getByTestId('h5-activity-card').first().waitFor();
    await check('/h5/my-activities');

    await page.goto(await checkinUrl(activity.id));
    await poll(() => resultTitle(page)).toBe('签到成功');
    await check('/h5/checkin, done');
    await page.goto(`${baseUrl}/h5/checkin?t=1.in.1.aaaaaaaaaaaaaaaaaaaaaa`);
    await poll(() => resultTitle(page)).toBe('二维码无效');
    await check('/h5/checkin, failed');
    await context.clearPermissions();
    await page.goto(await checkinUrl(activity.id));
    await page.getByTestId('h5-checkin-intro').waitFor();
    await check('/h5/checkin, intro');

    expect(found, `axe violations:\n${JSON.stringify(found, null, 2)}`).toEqual({});
    expect(errors).toEqual([]);
    await context.close();
  });
});
