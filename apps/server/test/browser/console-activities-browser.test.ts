// The activity pages of the admin console in a real browser: a station admin creates an activity
// through the drawer and publishes it, signs a volunteer up on the 报名 tab, shows the rotating
// check-in QR code (the volunteer checks in with the token it carries), sees the sign-in sheet,
// then cancels the activity with a reason — each step checked in the database afterwards.
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { as, DEMO_PASSWORD, type Session, type TestContext } from '../support/context.ts';
import { orgOfUser, type OrgRef } from '../support/org-factories.ts';
import { registerVolunteer, XSS, type RegisteredVolunteer } from '../support/volunteer-factories.ts';
import { BROWSER_WAIT, canRunBrowser, launchChromium, serveWebApp } from '../support/browser-harness.ts';

const MINUTE = 60_000;

/** Waits for the page to catch up (a server round trip, a re-render, a poll), then asserts. */
const poll = <T>(read: () => Promise<T> | T, timeout = BROWSER_WAIT) => expect.poll(read, { timeout });

/** `YYYY-MM-DD HH:mm` in Beijing time, as the date pickers take it. */
const beijing = (date: Date) =>
  new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

describe.runIf(canRunBrowser)('activity pages of the admin console in a real browser', () => {
  let tc: TestContext;
  let browser: Browser;
  let baseUrl: string;
  let station: OrgRef;
  let volunteer: RegisteredVolunteer;
  let page: Page;
  const problems: string[] = [];
  /** The activity the steps below walk through its life. */
  let activityId = 0;
  const title = `重阳敬老茶话会 ${XSS}`.slice(0, 60);

  const db = () => tc.ctx.db.system;
  const activityRow = () =>
    db().selectFrom('activities').selectAll().where('id', '=', activityId).executeTakeFirstOrThrow();

  beforeAll(async () => {
    ({ tc, baseUrl } = await serveWebApp());
    station = await orgOfUser(db(), 'demo-station');
    volunteer = await registerVolunteer(tc, station.id);
    browser = await launchChromium();
    page = await logIn('demo-station');
  });

  afterAll(async () => {
    await browser?.close();
    await tc?.close();
  });

  // Element Plus puts data-testid on the native <input>/<textarea> of an el-input; accept either placement
  async function fill(testId: string, value: string, on: Page = page) {
    const el = on.getByTestId(testId);
    const tag = await el.evaluate((node) => node.tagName);
    await (tag === 'INPUT' || tag === 'TEXTAREA' ? el : el.locator('input, textarea').first()).fill(value);
  }

  /** Types into a date picker (found by its aria-label) and lets it parse the text. */
  async function pickDate(label: string, date: Date) {
    const input = page.locator(`input[aria-label="${label}"]`);
    await input.fill(beijing(date));
    await input.press('Enter');
  }

  /** Opens an el-select (by its test id) and picks the option with this label. */
  async function choose(testId: string, label: string) {
    await page.getByTestId(testId).click();
    await page.getByRole('option', { name: label, exact: true }).click();
  }

  /** Signs in on the console in Beijing time; `problems` collects page errors (the harness, any alert). */
  async function logIn(username: string): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 800 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const p = await context.newPage();
    p.on('pageerror', (error) => problems.push(error.message));
    await p.goto(`${baseUrl}/`);
    await p.waitForURL(/\/login/);
    await fill('login-username', username, p);
    await fill('login-password', DEMO_PASSWORD, p);
    await p.getByTestId('login-submit').click();
    await p.getByTestId('header-role').waitFor();
    return p;
  }

  const messageBox = () => page.locator('.el-message-box');

  it('creates an activity through the drawer, publishes it and finds it in the list', async () => {
    await page.getByRole('menuitem', { name: '活动管理', exact: true }).click();
    await page.waitForURL(/\/activities$/);
    await page.getByTestId('activities-table').waitFor();

    await page.getByTestId('activity-create').click();
    const drawer = page.getByTestId('activity-form-drawer');
    await drawer.waitFor();
    // the place defaults to the station's own coordinates, and the drawer says so
    await poll(async () => (await page.getByTestId('activity-form-place-hint').textContent()) ?? '').toMatch(
      /经纬度留空时，默认使用.+的位置|未登记坐标/,
    );

    // a bad end time is refused in Chinese before anything is sent
    const startsAt = new Date(Date.now() + 20 * MINUTE);
    const endsAt = new Date(startsAt.getTime() + 2 * 60 * MINUTE);
    await fill('activity-form-title', title);
    await choose('activity-form-form', '乐（文体娱乐）');
    await choose('activity-form-festival', '重阳');
    await fill('activity-form-place', '东风社区新时代文明实践站二楼');
    await fill('activity-form-description', '为社区老人表演节目、测量血压');
    await pickDate('活动开始时间', startsAt);
    await pickDate('活动结束时间', new Date(startsAt.getTime() - 30 * MINUTE));
    await page.getByTestId('activity-form-save').click();
    await poll(() => drawer.textContent()).toContain('结束时间须晚于开始时间');
    const before = await db()
      .selectFrom('activities')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();

    await pickDate('活动结束时间', endsAt);
    await fill('activity-form-capacity', '2');
    await page.getByTestId('activity-form-save').click();

    await page.waitForURL(/\/activities\/\d+(\?.*)?$/);
    activityId = Number(/\/activities\/(\d+)/.exec(page.url())![1]);
    await poll(async () => (await page.getByTestId('activity-title').textContent())?.trim()).toBe(title);
    const created = await activityRow();
    expect(created).toMatchObject({
      org_id: station.id,
      title,
      form: 'le',
      festival: 'double_ninth',
      status: 'draft',
      capacity: 2,
    });
    expect(Math.abs(new Date(created.starts_at).getTime() - startsAt.getTime())).toBeLessThan(MINUTE);
    expect(Math.abs(new Date(created.ends_at).getTime() - endsAt.getTime())).toBeLessThan(MINUTE);
    const after = await db()
      .selectFrom('activities')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n) + 1);

    await page.getByTestId('activity-action-publish').click();
    await messageBox().getByRole('button', { name: '发布' }).click();
    await poll(async () => (await page.getByTestId('activity-status').textContent())?.trim()).toBe('报名中');
    expect((await activityRow()).status).toBe('published');

    await page.getByRole('menuitem', { name: '活动管理', exact: true }).click();
    await page.waitForURL(/\/activities$/);
    await fill('activity-search-keyword', '重阳敬老茶话会');
    await page.getByRole('button', { name: '查询' }).click();
    const row = page
      .getByTestId('activities-table')
      .locator('.el-table__body tr')
      .filter({ hasText: created.activity_no });
    await poll(() => row.count()).toBe(1);
    expect((await row.getByTestId('activity-status').textContent())?.trim()).toBe('报名中');
    expect((await row.getByTestId('activity-signup-count').textContent())?.replace(/\s/g, '')).toBe('0/2');
    // the payload in the title is shown as text, never run
    expect(await row.textContent()).toContain('<img src=x');
    expect(problems).toEqual([]);
  });

  it('adds a volunteer on the 报名 tab', async () => {
    expect(activityId).toBeGreaterThan(0);
    await page.goto(`${baseUrl}/activities/${activityId}`);
    await page.getByTestId('activity-signups').waitFor();
    await page.getByTestId('activity-add-volunteers').click();
    const dialog = page.getByTestId('activity-add-volunteers-dialog');
    await dialog.waitFor();
    await fill('activity-add-search', volunteer.volunteerNo);
    await dialog.getByRole('button', { name: '搜索' }).click();
    const candidate = page
      .getByTestId('activity-add-table')
      .locator('.el-table__body tr')
      .filter({ hasText: volunteer.volunteerNo });
    await poll(() => candidate.count()).toBe(1);
    await candidate.locator('.el-checkbox').click();
    await poll(async () => (await page.getByTestId('activity-add-count').textContent())?.trim()).toBe('1');
    await page.getByTestId('activity-add-submit').click();
    await poll(async () => (await page.getByTestId('activity-add-result').textContent()) ?? '').toContain(
      '已报名 1 人',
    );
    await dialog.getByRole('button', { name: '完成' }).click();

    const signed = page
      .getByTestId('activity-signups-table')
      .locator('.el-table__body tr')
      .filter({ hasText: volunteer.volunteerNo });
    await poll(() => signed.count()).toBe(1);
    expect((await signed.getByTestId('signup-status').textContent())?.trim()).toBe('已报名');
    await poll(async () =>
      (await page.getByTestId('activity-counts').textContent())?.replace(/\s/g, ''),
    ).toContain('已报名1/招募2人');

    const signup = await db()
      .selectFrom('activity_signups')
      .select(['status', 'source'])
      .where('activity_id', '=', activityId)
      .where('volunteer_id', '=', volunteer.id)
      .executeTakeFirstOrThrow();
    expect(signup).toEqual({ status: 'confirmed', source: 'admin' });
    expect(problems).toEqual([]);
  });

  it('shows a QR code whose token checks the volunteer in, and the count follows', async () => {
    expect(activityId).toBeGreaterThan(0);
    await page.goto(`${baseUrl}/activities/${activityId}/qr`);
    await page.getByTestId('activity-qr-screen').waitFor();
    expect((await page.getByTestId('qr-title').textContent())?.trim()).toBe(title);
    const image = page.getByTestId('qr-image');
    await image.waitFor();
    const token = (await image.getAttribute('data-token'))!;
    const url = (await image.getAttribute('data-url'))!;
    expect(token).toMatch(new RegExp(`^${activityId}\\.in\\.`));
    expect(url).toContain(encodeURIComponent(token));
    await poll(async () => (await page.getByTestId('qr-checked-in').textContent())?.trim()).toBe('0');

    // the image is the QR code of the H5 check-in address on this server, nothing else
    const src = (await image.getAttribute('src'))!;
    const prefix = 'data:image/svg+xml;charset=utf-8,';
    expect(src.startsWith(prefix)).toBe(true);
    const expected = await QRCode.toString(`${baseUrl}${url}`, {
      type: 'svg',
      margin: 2,
      errorCorrectionLevel: 'M',
    });
    expect(decodeURIComponent(src.slice(prefix.length))).toBe(expected);
    const box = await image.boundingBox();
    expect(box!.width).toBeGreaterThan(300);

    // the volunteer scans it on the spot
    const activity = await activityRow();
    const position =
      activity.latitude !== null && activity.longitude !== null
        ? { latitude: activity.latitude, longitude: activity.longitude, accuracy: 10 }
        : {};
    const scan = await as(tc.app, volunteer.session as Session).post('/api/me/checkin', {
      token,
      ...position,
    });
    expect(scan.statusCode, scan.body).toBe(200);
    expect(scan.json()).toMatchObject({ direction: 'in', activityId, alreadyDone: false });
    const checkin = await db()
      .selectFrom('activity_checkins')
      .select(['in_method', 'checked_out_at'])
      .where('activity_id', '=', activityId)
      .where('volunteer_id', '=', volunteer.id)
      .executeTakeFirstOrThrow();
    expect(checkin).toEqual({ in_method: 'qr', checked_out_at: null });

    // the screen polls the sign-in sheet every 10 s
    await poll(async () => (await page.getByTestId('qr-checked-in').textContent())?.trim()).toBe('1');

    // 签退 shows another code
    await page.getByTestId('qr-direction-out').click();
    await poll(async () => (await page.getByTestId('qr-image').getAttribute('data-token')) ?? '').toMatch(
      new RegExp(`^${activityId}\\.out\\.`),
    );
    expect(problems).toEqual([]);
  });

  it('lists the check-in on the sign-in sheet and checks the volunteer out by hand, with a reason', async () => {
    await page.goto(`${baseUrl}/activities/${activityId}?tab=checkins`);
    const sheet = page.getByTestId('checkins-table');
    await sheet.waitFor();
    const line = sheet.locator('.el-table__body tr').filter({ hasText: volunteer.volunteerNo });
    await poll(() => line.count()).toBe(1);
    expect(await line.textContent()).toContain('扫码');
    expect((await page.getByTestId('checkin-summary').textContent())?.replace(/\s/g, '')).toContain(
      '已签到1人',
    );

    // 代签退 with 仍签退: the reason is required before anything is sent
    await line.getByTestId('checkin-manual-out').click();
    const dialog = page.getByTestId('activity-manual-checkin-dialog');
    await dialog.waitFor();
    await page.getByTestId('manual-checkin-override').click();
    await page.getByTestId('manual-checkin-submit').click();
    await poll(() => dialog.textContent()).toContain('请填写核准原因（至少 2 个字）');
    const still = await db()
      .selectFrom('activity_checkins')
      .select('checked_out_at')
      .where('activity_id', '=', activityId)
      .where('volunteer_id', '=', volunteer.id)
      .executeTakeFirstOrThrow();
    expect(still.checked_out_at).toBeNull();

    const reason = '志愿者家中有事提前离场，组织者现场确认';
    await fill('manual-checkin-reason', reason);
    await page.getByTestId('manual-checkin-submit').click();
    await poll(async () => (await line.textContent()) ?? '').toContain('组织者核准');
    expect((await page.getByTestId('checkin-summary').textContent())?.replace(/\s/g, '')).toContain(
      '已签退1人',
    );
    const out = await db()
      .selectFrom('activity_checkins')
      .select(['out_method', 'checked_out_at'])
      .where('activity_id', '=', activityId)
      .where('volunteer_id', '=', volunteer.id)
      .executeTakeFirstOrThrow();
    expect(out.out_method).toBe('override');
    expect(out.checked_out_at).not.toBeNull();
    const audited = await db()
      .selectFrom('audit_log')
      .select(['action', 'actor_username'])
      .where('action', '=', 'activity.checkin.override')
      .where('resource_id', '=', String(activityId))
      .execute();
    expect(audited).toEqual([{ action: 'activity.checkin.override', actor_username: 'demo-station' }]);
    expect(problems).toEqual([]);
  });

  it('prints the sign-in sheet for A4 and saves it as a PDF', async () => {
    await page.goto(`${baseUrl}/activities/${activityId}?tab=checkins`);
    const href = await page.getByTestId('checkin-print').getAttribute('href');
    expect(href).toBe(`/activities/${activityId}/sheet`);
    await page.goto(`${baseUrl}${href}`);
    const row = page.getByTestId('sheet-print-row').filter({ hasText: volunteer.volunteerNo });
    await poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('组织者核准');
    expect((await page.getByTestId('sheet-print-totals').textContent())?.replace(/\s/g, '')).toContain(
      '签到1人',
    );
    // what 另存为 PDF gives: Chromium's own PDF of the page, without the toolbar
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
    expect(await page.getByTestId('sheet-print-button').isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });

  it('creates a monthly series of drafts in one go', async () => {
    await page.goto(`${baseUrl}/activities`);
    await page.getByTestId('activity-create-series').click();
    const drawer = page.getByTestId('activity-form-drawer');
    await drawer.waitFor();
    expect(await drawer.textContent()).toContain('新建重复活动');
    const seriesTitle = '茶乡微讲堂（月度）';
    const first = new Date(Date.now() + 3 * 24 * 60 * MINUTE);
    await fill('activity-form-title', seriesTitle);
    // the 茶乡微讲堂 mark is offered for a 讲 activity only
    expect(await page.getByTestId('activity-form-micro-lecture').count()).toBe(0);
    await choose('activity-form-form', '讲（理论宣讲）');
    await page.getByTestId('activity-form-micro-lecture').click();
    await fill('activity-form-place', '东风社区新时代文明实践站');
    await pickDate('活动开始时间', first);
    await pickDate('活动结束时间', new Date(first.getTime() + 90 * MINUTE));
    await fill('activity-form-occurrences', '3');
    await page.getByTestId('activity-form-save').click();

    await page.waitForURL(/\/activities\/\d+(\?.*)?$/);
    await poll(async () => (await page.getByTestId('activity-title').textContent())?.trim()).toBe(
      seriesTitle,
    );
    const series = await db()
      .selectFrom('activity_series')
      .select(['id', 'frequency', 'occurrences'])
      .where('title', '=', seriesTitle)
      .executeTakeFirstOrThrow();
    expect(series).toMatchObject({ frequency: 'monthly', occurrences: 3 });
    const occurrences = await db()
      .selectFrom('activities')
      .select(['id', 'status', 'starts_at', 'form', 'micro_lecture'])
      .where('series_id', '=', series.id)
      .orderBy('starts_at')
      .execute();
    expect(occurrences).toHaveLength(3);
    expect(occurrences.every((o) => o.status === 'draft')).toBe(true);
    expect(occurrences.every((o) => o.form === 'jiang' && o.micro_lecture)).toBe(true);
    expect(page.url()).toContain(`/activities/${occurrences[0]!.id}`);
    expect(problems).toEqual([]);
  });

  it('lists the year by month on the archive page and links to an activity’s 档案 tab', async () => {
    // the seeded year of the station: its latest archived activity says which year to look at
    const latest = await db()
      .selectFrom('activities')
      .select(['starts_at'])
      .where('org_id', '=', station.id)
      .where('status', '=', 'archived')
      .orderBy('starts_at', 'desc')
      .executeTakeFirstOrThrow();
    const year = beijing(latest.starts_at).slice(0, 4);
    const [first] = await db()
      .selectFrom('activities')
      .select(['id', 'title', 'starts_at'])
      .where('org_id', '=', station.id)
      .where('status', '=', 'archived')
      .where('starts_at', '>=', new Date(`${year}-01-01T00:00:00+08:00`))
      .orderBy('starts_at')
      .limit(1)
      .execute();

    await page.getByRole('menuitem', { name: '活动档案', exact: true }).click();
    await page.waitForURL(/\/activity-archive$/);
    const yearInput = page.locator('input[aria-label="年度"]');
    await yearInput.fill(year);
    await yearInput.press('Enter');
    await page.getByRole('button', { name: '查看' }).click();
    const view = page.getByTestId('activity-archive-view');
    await poll(async () => (await view.textContent()) ?? '').toContain(`${year} 年活动档案`);
    // the month's activities are listed when its month is picked, earliest first
    const month = Number(beijing(first!.starts_at).slice(5, 7));
    await page.getByTestId(`archive-month-${month}`).click();
    const group = page.getByTestId('archive-month-table');
    await poll(async () => (await group.locator('h3').textContent()) ?? '').toContain(`${month} 月`);
    await poll(async () => (await group.textContent()) ?? '').toContain(first!.title);
    expect(await group.getByTestId('archive-traces').first().textContent()).toContain('签到表');
    await group.getByRole('link', { name: first!.title }).first().click();
    await page.waitForURL(new RegExp(`/activities/${first!.id}\\?tab=archive$`));
    await page.getByTestId('archive-summary').waitFor();
    expect(problems).toEqual([]);
  });

  it('cancels with a reason, telling the signed-up volunteer', async () => {
    await page.goto(`${baseUrl}/activities/${activityId}`);
    await page.getByTestId('activity-action-cancel').click();
    const box = messageBox();
    await box.waitFor();
    expect(await box.textContent()).toContain('已报名和候补的 1 名志愿者将收到取消通知');
    // too short a reason is refused in the dialog
    await box.locator('textarea').fill('雨');
    await box.getByRole('button', { name: '取消活动' }).click();
    await poll(() => box.textContent()).toContain('请填写取消原因（至少 2 个字）');
    expect((await activityRow()).status).toBe('published');

    const reason = '受台风影响，活动延期举行';
    await box.locator('textarea').fill(reason);
    await box.getByRole('button', { name: '取消活动' }).click();
    await poll(async () => (await page.getByTestId('activity-status').textContent())?.trim()).toBe('已取消');
    expect(await page.getByTestId('activity-cancel-reason').textContent()).toContain(reason);

    const row = await activityRow();
    expect(row).toMatchObject({ status: 'cancelled', cancel_reason: reason });
    const told = await db()
      .selectFrom('notifications')
      .select(['title', 'body'])
      .where('volunteer_id', '=', volunteer.id)
      .where('kind', '=', 'activity.cancelled')
      .execute();
    expect(told).toHaveLength(1);
    expect(told[0]!.body).toContain(reason);
    const audited = await db()
      .selectFrom('audit_log')
      .select(['actor_username', 'outcome'])
      .where('action', '=', 'activity.cancel')
      .where('resource_id', '=', String(activityId))
      .execute();
    expect(audited).toEqual([{ actor_username: 'demo-station', outcome: 'success' }]);
    // no lifecycle buttons are left on a cancelled activity
    expect(await page.locator('[data-testid^=activity-action-]').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
