// The volunteer card's photo and privileges, and the organiser's H5 card check-in, in a real browser.
// On H5 (375 px, axe) a star volunteer sets their card photo and sees it with the privileges their
// level earns; the console's volunteer drawer sets a photo and the printable card shows photo and
// privileges. An organiser signs in on H5, opens 扫志愿者证签到 from 我的, picks today's activity
// and checks volunteers in by the typed number (the camera path cannot run headless): refused with
// the rule's words, 签到成功 with the name, then "already"; each step is checked in the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BROWSER_WAIT, canRunBrowser, launchChromium, serveWebApp } from '../support/browser-harness.ts';
import { as, DEMO_PASSWORD, login, type Session, type TestContext } from '../support/context.ts';
import { orgOfUser, TINY_PNG, type OrgRef } from '../support/org-factories.ts';
import { signedInVolunteers } from '../support/store-factories.ts';
import { registerVolunteer } from '../support/volunteer-factories.ts';
import { axeViolations, expectAccessibleOnPhone } from '../support/axe.ts';

const VIEWPORT = { width: 375, height: 812 };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const poll = <T>(read: () => Promise<T> | T, timeout = BROWSER_WAIT) => expect.poll(read, { timeout });

describe.runIf(canRunBrowser)('the card photo and privileges, and the organiser’s H5 card check-in', () => {
  let tc: TestContext;
  let browser: Browser;
  let baseUrl: string;
  let station: OrgRef;
  const problems: string[] = [];

  beforeAll(async () => {
    ({ tc, baseUrl } = await serveWebApp());
    station = await orgOfUser(tc.ctx.db.system, 'demo-station');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await tc?.close();
  });

  async function withSession(
    session: Session,
    viewport = VIEWPORT,
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({
      viewport,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      bypassCSP: true, // axe is injected as an inline script
    });
    await context.addCookies(
      session.cookie.split('; ').map((pair) => {
        const [name, ...value] = pair.split('=');
        return { name: name!, value: value.join('='), url: baseUrl };
      }),
    );
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    return { context, page };
  }

  /** The <img> has loaded a real picture (the photo route answered with an image). */
  const loadedImage = (page: Page, selector: string) =>
    page
      .locator(selector)
      .evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0);

  it('H5: a star volunteer sets their card photo and sees it with the privileges they earned', async () => {
    const [v] = await signedInVolunteers(tc, station, 1, 100);
    const admin = as(tc.app, await login(tc.app, 'demo-station'));
    const made = await admin.post('/api/honours/privileges', { name: '社区卫生室优先就诊', minStar: 1 });
    expect(made.statusCode, made.body).toBe(200);
    const { context, page } = await withSession(v!.session);
    await page.goto(`${baseUrl}/h5/me`);
    await page.getByTestId('h5-me-card').click();
    await page.waitForURL(/\/h5\/card$/);
    await page.getByTestId('volunteer-card').waitFor();
    const privileges = page.getByTestId('volunteer-card-privileges');
    await privileges.waitFor();
    expect(await privileges.textContent()).toContain('社区卫生室优先就诊');

    await page.getByTestId('h5-card-photo-input').setInputFiles({
      name: 'me.png',
      mimeType: 'image/png',
      buffer: TINY_PNG,
    });
    const photo = page.locator('img.volunteer-card__photo');
    await photo.waitFor();
    expect(await photo.getAttribute('src')).toMatch(/^\/api\/me\/volunteer-card\/photo\/[0-9a-f-]{36}$/);
    await poll(() => loadedImage(page, 'img.volunteer-card__photo')).toBe(true);
    const row = await tc.ctx.db.system
      .selectFrom('volunteers')
      .select('photo_id')
      .where('id', '=', v!.id)
      .executeTakeFirstOrThrow();
    expect(row.photo_id).not.toBeNull();
    await expectAccessibleOnPhone(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('console: the drawer sets a volunteer’s photo; the printable card shows photo and privileges', async () => {
    const [v] = await signedInVolunteers(tc, station, 1, 100);
    const { context, page } = await withSession(await login(tc.app, 'demo-station'), {
      width: 1366,
      height: 800,
    });
    const { volunteer_no: volunteerNo } = await tc.ctx.db.system
      .selectFrom('volunteers')
      .select('volunteer_no')
      .where('id', '=', v!.id)
      .executeTakeFirstOrThrow();
    await page.goto(`${baseUrl}/volunteers`);
    await page
      .getByTestId('volunteer-search-keyword')
      .locator('input')
      .or(page.locator('input[data-testid="volunteer-search-keyword"]'))
      .first()
      .fill(volunteerNo);
    await page.getByRole('button', { name: '查询' }).click();
    const tableRow = page
      .getByTestId('volunteers-table')
      .locator('tbody tr')
      .filter({ hasText: volunteerNo });
    await poll(() => tableRow.count()).toBe(1);
    await tableRow.getByRole('button', { name: v!.name, exact: true }).click();
    await page.getByTestId('volunteer-detail').waitFor();
    await page.getByTestId('volunteer-photo-none').waitFor();
    await page.getByTestId('volunteer-photo-input').setInputFiles({
      name: 'scan.png',
      mimeType: 'image/png',
      buffer: TINY_PNG,
    });
    await page.getByTestId('volunteer-photo').waitFor();
    await poll(() => loadedImage(page, '[data-testid="volunteer-photo"]')).toBe(true);

    await page.goto(`${baseUrl}/volunteers/${v!.id}/card`);
    await page.getByTestId('volunteer-card').waitFor();
    expect(await page.locator('img.volunteer-card__photo').getAttribute('src')).toMatch(
      new RegExp(`^/api/volunteers/${v!.id}/photo/`),
    );
    await poll(() => loadedImage(page, 'img.volunteer-card__photo')).toBe(true);
    expect(await page.getByTestId('volunteer-card-privilege').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('H5 organiser: picks today’s activity and checks volunteers in by the typed number', async () => {
    const admin = as(tc.app, await login(tc.app, 'demo-station'));
    const startsAt = new Date(Date.now() + 5 * MINUTE);
    const title = `扫证签到演练（手机）${Date.now() % 1000}`;
    const created = await admin.post('/api/activities', {
      title,
      form: 'bang',
      place: '东风社区新时代文明实践站',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
      capacity: 20,
    });
    expect(created.statusCode, created.body).toBe(200);
    const activityId = created.json().id as number;
    expect((await admin.post(`/api/activities/${activityId}/publish`)).statusCode).toBe(200);
    const v = await registerVolunteer(tc, station.id);
    expect((await as(tc.app, v.session).post(`/api/me/activities/${activityId}/signup`)).statusCode).toBe(
      200,
    );
    const stranger = await registerVolunteer(tc, station.id);

    // the organiser signs in on the phone
    const context = await browser.newContext({
      viewport: VIEWPORT,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      bypassCSP: true,
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${baseUrl}/h5/login`);
    await page.getByTestId('h5-login-username').locator('input').fill('demo-station');
    await page.getByTestId('h5-login-password').locator('input').fill(DEMO_PASSWORD);
    await page.getByTestId('h5-login-submit').click();
    await page.waitForURL(/\/h5\/me$/);
    await page.getByTestId('h5-me-organiser-checkin').click();
    await page.waitForURL(/\/h5\/organiser\/checkin$/);
    const item = page.getByTestId('h5-organiser-activity').filter({ hasText: title });
    await item.waitFor();
    await expectAccessibleOnPhone(page);
    await item.click();
    await page.getByTestId('h5-organiser-scan').waitFor();
    expect(await page.getByTestId('h5-organiser-chosen').textContent()).toBe(title);

    const code = page.getByTestId('h5-organiser-code');
    const newest = page.getByTestId('h5-organiser-outcome').first();
    // not signed up: refused, in the rule's words
    await code.fill(stranger.volunteerNo);
    await page.getByTestId('h5-organiser-submit').click();
    await poll(() => newest.getAttribute('data-kind')).toBe('refused');
    expect(await newest.textContent()).toContain('没有报名');
    // the signed-up volunteer: 签到成功 with the name
    await code.fill(v.volunteerNo);
    await page.getByTestId('h5-organiser-submit').click();
    await poll(async () => (await newest.textContent()) ?? '').toContain(`签到成功：${v.name}`);
    expect(await newest.getAttribute('data-kind')).toBe('ok');
    const row = await tc.ctx.db.system
      .selectFrom('activity_checkins')
      .select(['in_method', 'recorded_by'])
      .where('activity_id', '=', activityId)
      .where('volunteer_id', '=', v.id)
      .executeTakeFirstOrThrow();
    expect(row.in_method).toBe('card');
    expect(row.recorded_by).not.toBeNull();
    // again, by the card's token: already checked in
    const token = (await as(tc.app, v.session).get('/api/me/volunteer-card')).json().token as string;
    await code.fill(token);
    await page.getByTestId('h5-organiser-submit').click();
    await poll(() => newest.getAttribute('data-kind')).toBe('already');
    expect(await newest.textContent()).toContain(`已签到：${v.name}`);
    expect(
      await tc.ctx.db.system
        .selectFrom('activity_checkins')
        .select('id')
        .where('activity_id', '=', activityId)
        .execute(),
    ).toHaveLength(1);
    await expectAccessibleOnPhone(page);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('H5: a volunteer is sent from the organiser page to 我的', async () => {
    const v = await registerVolunteer(tc, station.id);
    const { context, page } = await withSession(v.session);
    await page.goto(`${baseUrl}/h5/organiser/checkin`);
    await page.waitForURL(/\/h5\/me$/);
    expect(await page.getByTestId('h5-me-organiser').count()).toBe(0);
    await context.close();
  });
});
