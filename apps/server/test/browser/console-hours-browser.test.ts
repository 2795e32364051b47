// Service hours in a real browser. Two finished activities with pending credit records are made
// through the API (create, publish, sign up, manual check-in/out under an injected clock, finish):
// the station's, with three volunteers, and a team's, with two members. On the console's 服务时长
// page a station admin bulk-confirms one record, corrects another with a reason, rejects the third,
// sets and removes the hour rule, enters a manual record and a 补录 with evidence photos which they
// cannot confirm themselves but the institute's admin can. On H5 at 375 px (with axe) volunteers see
// their hours and why a record was rejected, and the team's leader confirms the members' hours.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { as, DEMO_PASSWORD, login, type TestContext } from '../support/context.ts';
import { orgOfUser, TINY_PNG, type OrgRef } from '../support/org-factories.ts';
import {
  registerVolunteer,
  VOLUNTEER_PASSWORD,
  XSS,
  type RegisteredVolunteer,
} from '../support/volunteer-factories.ts';
import { BROWSER_WAIT, canRunBrowser, launchChromium, serveWebApp } from '../support/browser-harness.ts';
import { expectAccessibleOnPhone } from '../support/axe.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const SECOND_PERSON = '须由另一位管理员确认';

const H5_VIEWPORT = { width: 375, height: 812 };

/** Waits for the page to catch up (a server round trip, a re-render), then asserts. */
const poll = <T>(read: () => Promise<T> | T, timeout = BROWSER_WAIT) => expect.poll(read, { timeout });

/** A record's service time as the list and the drawer show it: from … 至 to. */
const SPAN = /(\d{4}-\d{2}-\d{2} \d{2}:\d{2})\s*至 (\d{4}-\d{2}-\d{2} \d{2}:\d{2})/;

/** `YYYY-MM-DD HH:mm` in Beijing time, as the date pickers take it. */
const beijing = (date: Date) =>
  new Date(date.getTime() + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ');

describe.runIf(canRunBrowser)('service hours in the console and on H5 in a real browser', () => {
  let tc: TestContext;
  let browser: Browser;
  let baseUrl: string;
  let station: OrgRef;
  /** confirmed in bulk / corrected then confirmed / rejected / given a manual record */
  let vConfirm: RegisteredVolunteer;
  let vCorrect: RegisteredVolunteer;
  let vReject: RegisteredVolunteer;
  let vManual: RegisteredVolunteer;
  /** a team's leader, and two members with pending hours of the team's activity */
  let leader: RegisteredVolunteer;
  let members: RegisteredVolunteer[];
  let teamActivityId = 0;
  let activityId = 0;
  const title = `敬老院义务理发 ${XSS}`.slice(0, 60);
  let page: Page;
  const problems: string[] = [];

  const db = () => tc.ctx.db.system;
  const recordOf = (volunteerId: number) =>
    db()
      .selectFrom('service_records')
      .selectAll()
      .where('volunteer_id', '=', volunteerId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
  const lifetime = async (volunteerId: number) =>
    Number(
      (
        await db()
          .selectFrom('volunteers')
          .select('lifetime_hours')
          .where('id', '=', volunteerId)
          .executeTakeFirstOrThrow()
      ).lifetime_hours,
    );
  const userId = async (username: string) =>
    (await db().selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow())
      .id;

  beforeAll(async () => {
    ({ tc, baseUrl } = await serveWebApp());
    station = await orgOfUser(db(), 'demo-station');
    const registered = await Promise.all(Array.from({ length: 7 }, () => registerVolunteer(tc, station.id)));
    [vConfirm, vCorrect, vReject, vManual, leader] = registered as [
      RegisteredVolunteer,
      RegisteredVolunteer,
      RegisteredVolunteer,
      RegisteredVolunteer,
      RegisteredVolunteer,
    ];
    members = registered.slice(5);
    const setup = as(tc.app, await login(tc.app, 'demo-station'));
    const team = await setup.post('/api/teams', {
      orgId: station.id,
      name: '敬老助残服务小队',
      tier: 'squad',
      kind: 'regular',
    });
    expect(team.statusCode, team.body).toBe(200);
    const teamId = team.json().id as number;
    for (const body of [
      { volunteerIds: [leader.id], role: 'leader' },
      { volunteerIds: members.map((m) => m.id) },
    ]) {
      const added = await setup.post(`/api/teams/${teamId}/members`, body);
      expect(added.statusCode, added.body).toBe(200);
    }

    // yesterday's activity, run through the API with the clock set back
    const start = new Date(Math.floor((Date.now() - 24 * HOUR) / MINUTE) * MINUTE);
    const end = new Date(start.getTime() + 2 * HOUR);
    // sessions expire when idle: sign in afresh at each step of the clock
    const adminAt = async (now: Date) => {
      tc.setNow(now);
      return as(tc.app, await login(tc.app, 'demo-station'));
    };
    try {
      let admin = await adminAt(new Date(start.getTime() - 60 * MINUTE));
      // the station's activity (three volunteers) and the team's (its two members)
      const plan = [
        { title, teamId: null, ids: [vConfirm.id, vCorrect.id, vReject.id] },
        { title: '助残上门服务', teamId, ids: members.map((m) => m.id) },
      ];
      const activityIds: number[] = [];
      for (const item of plan) {
        const created = await admin.post('/api/activities', {
          title: item.title,
          teamId: item.teamId,
          form: 'bang',
          place: '镇敬老院活动室',
          startsAt: start.toISOString(),
          endsAt: end.toISOString(),
          capacity: 10,
        });
        expect(created.statusCode, created.body).toBe(200);
        const id = created.json().id as number;
        activityIds.push(id);
        const published = await admin.post(`/api/activities/${id}/publish`, {});
        expect(published.statusCode, published.body).toBe(200);
        const signed = await admin.post(`/api/activities/${id}/signups`, { volunteerIds: item.ids });
        expect(signed.statusCode, signed.body).toBe(200);
      }
      [activityId, teamActivityId] = activityIds as [number, number];
      admin = await adminAt(start);
      for (const [i, item] of plan.entries()) {
        for (const volunteerId of item.ids) {
          const res = await admin.post(`/api/activities/${activityIds[i]}/checkins`, {
            volunteerId,
            direction: 'in',
          });
          expect(res.statusCode, res.body).toBe(200);
        }
      }
      admin = await adminAt(end);
      for (const [i, item] of plan.entries()) {
        for (const volunteerId of item.ids) {
          const res = await admin.post(`/api/activities/${activityIds[i]}/checkins`, {
            volunteerId,
            direction: 'out',
          });
          expect(res.statusCode, res.body).toBe(200);
          expect(res.json().hours).toBe(2);
        }
        const finished = await admin.post(`/api/activities/${activityIds[i]}/finish`, {});
        expect(finished.statusCode, finished.body).toBe(200);
      }
    } finally {
      tc.setNow(null);
    }
    for (const v of [vConfirm, vCorrect, vReject]) {
      expect(await recordOf(v.id)).toMatchObject({
        kind: 'credit',
        status: 'pending',
        source_id: activityId,
      });
    }
    for (const m of members) {
      expect(await recordOf(m.id)).toMatchObject({
        kind: 'credit',
        status: 'pending',
        source_id: teamActivityId,
      });
    }

    browser = await launchChromium();
    page = await logIn('demo-station');
  });

  afterAll(async () => {
    await browser?.close();
    await tc?.close();
  });

  // Element Plus puts data-testid on the native <input>/<textarea> or on a wrapper; accept both
  async function fill(testId: string, value: string, on: Page = page) {
    const el = on.getByTestId(testId);
    const tag = await el.evaluate((node) => node.tagName);
    await (tag === 'INPUT' || tag === 'TEXTAREA' ? el : el.locator('input, textarea').first()).fill(value);
  }

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

  /** A volunteer signed in on H5 at 375 px (CSP bypassed so axe can be injected). */
  async function h5LogIn(volunteer: RegisteredVolunteer, redirect?: string) {
    const context = await browser.newContext({ viewport: H5_VIEWPORT, locale: 'zh-CN', bypassCSP: true });
    const h5 = await context.newPage();
    const errors: string[] = [];
    h5.on('pageerror', (error) => errors.push(error.message));
    await h5.goto(`${baseUrl}/h5/login${redirect ? `?redirect=${encodeURIComponent(redirect)}` : ''}`);
    await fill('h5-login-username', volunteer.phone, h5);
    await fill('h5-login-password', VOLUNTEER_PASSWORD, h5);
    await h5.getByTestId('h5-login-submit').click();
    await h5.waitForURL(redirect ? new RegExp(`/h5${redirect}$`) : /\/h5\/me/);
    return { h5, errors, close: () => context.close() };
  }

  const rowOf = (v: RegisteredVolunteer, on: Page = page) =>
    on.getByTestId('records-table').locator('.el-table__body tr').filter({ hasText: v.volunteerNo });
  const tabCount = async (tab: string, on: Page = page) =>
    (await on.getByTestId(`records-tab-count-${tab}`).textContent())?.trim();
  const messageBox = (on: Page = page) => on.locator('.el-message-box');

  it('lists the activity’s pending records with counts and confirms one in bulk', async () => {
    await page.getByRole('menuitem', { name: '服务时长', exact: true }).click();
    await page.waitForURL(/\/service-records/);
    await page.getByTestId('records-table').waitFor();
    await page.goto(`${baseUrl}/service-records?activityId=${activityId}`);
    await poll(() => rowOf(vConfirm).count()).toBe(1);
    await poll(() => tabCount('pending')).toBe('3');
    expect(await tabCount('all')).toBe('3');
    const row = rowOf(vConfirm);
    expect((await row.getByTestId('record-status').textContent())?.trim()).toBe('待确认');
    expect((await row.getByTestId('record-hours').textContent())?.trim()).toBe('2');
    // the payload in the activity's title is shown as text, never run
    expect(await row.textContent()).toContain('<img src=x');

    expect(await page.getByTestId('records-confirm').isDisabled()).toBe(true);
    await row.getByTestId('record-select').click();
    await poll(async () => (await page.getByTestId('records-confirm').textContent())?.trim()).toBe(
      '批量确认（1）',
    );
    await page.getByTestId('records-confirm').click();
    await poll(async () => (await messageBox().textContent()) ?? '').toContain('共 2 小时');
    await messageBox().getByRole('button', { name: '确认' }).click();

    await poll(() => rowOf(vConfirm).count()).toBe(0);
    await poll(() => tabCount('pending')).toBe('2');
    expect(await tabCount('confirmed')).toBe('1');
    const confirmed = await recordOf(vConfirm.id);
    expect(confirmed).toMatchObject({ status: 'confirmed', reviewed_by: await userId('demo-station') });
    expect(await lifetime(vConfirm.id)).toBe(2);
    // the others are untouched
    expect((await recordOf(vCorrect.id)).status).toBe('pending');
    expect((await recordOf(vReject.id)).status).toBe('pending');
    expect(problems).toEqual([]);
  });

  it('corrects a record with a reason, keeps the history, then confirms it', async () => {
    const row = rowOf(vCorrect);
    await row.getByTestId('record-correct').click();
    const dialog = page.getByTestId('record-correct-dialog');
    await dialog.waitFor();
    // the history so far: the check-out created it
    await poll(() => dialog.getByTestId('record-event').count()).toBe(1);
    expect(await dialog.getByTestId('record-event').first().getAttribute('data-action')).toBe('create');

    await fill('record-correct-hours', '1.5');
    await page.getByTestId('record-correct-hours').locator('input').press('Tab');
    await page.getByTestId('record-correct-submit').click();
    await poll(() => dialog.textContent()).toContain('请填写更正原因（至少 2 个字）');
    expect(Number((await recordOf(vCorrect.id)).hours)).toBe(2);

    const reason = '志愿者提前半小时离场，按实际服务时间更正';
    await fill('record-correct-reason', reason);
    await page.getByTestId('record-correct-submit').click();
    await poll(async () => (await rowOf(vCorrect).getByTestId('record-hours').textContent())?.trim()).toBe(
      '1.5',
    );

    const corrected = await recordOf(vCorrect.id);
    expect(corrected).toMatchObject({ status: 'pending' });
    expect(Number(corrected.hours)).toBe(1.5);
    const events = await db()
      .selectFrom('service_record_events')
      .select(['action', 'from_hours', 'to_hours', 'reason', 'actor_name'])
      .where('record_id', '=', corrected.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['create', 'correct']);
    expect(Number(events[1]!.from_hours)).toBe(2);
    expect(Number(events[1]!.to_hours)).toBe(1.5);
    expect(events[1]!.reason).toBe(reason);
    const audited = await db()
      .selectFrom('audit_log')
      .select(['actor_username'])
      .where('action', '=', 'hours.correct')
      .where('resource_id', '=', String(corrected.id))
      .execute();
    expect(audited).toEqual([{ actor_username: 'demo-station' }]);
    expect(await lifetime(vCorrect.id)).toBe(0);

    // confirmed: the corrected hours reach the lifetime total
    await rowOf(vCorrect).getByTestId('record-select').click();
    await page.getByTestId('records-confirm').click();
    await poll(async () => (await messageBox().textContent()) ?? '').toContain('共 1.5 小时');
    await messageBox().getByRole('button', { name: '确认' }).click();
    await poll(() => rowOf(vCorrect).count()).toBe(0);
    expect((await recordOf(vCorrect.id)).status).toBe('confirmed');
    expect(await lifetime(vCorrect.id)).toBe(1.5);
    expect(problems).toEqual([]);
  });

  it('rejects a record with a reason and shows it in the detail drawer', async () => {
    await rowOf(vReject).getByTestId('record-reject').click();
    const dialog = page.getByTestId('record-reject-dialog');
    await dialog.waitFor();
    await page.getByTestId('record-reject-submit').click();
    await poll(() => dialog.textContent()).toContain('请填写驳回原因（至少 2 个字）');
    expect((await recordOf(vReject.id)).status).toBe('pending');

    const reason = `当天未到场，签到系代签有误 ${XSS}`;
    await fill('record-reject-reason', reason);
    await page.getByTestId('record-reject-submit').click();
    await poll(() => rowOf(vReject).count()).toBe(0);
    await poll(() => tabCount('pending')).toBe('0');
    expect(await tabCount('rejected')).toBe('1');
    expect(await tabCount('all')).toBe('3');
    expect(await recordOf(vReject.id)).toMatchObject({ status: 'rejected', reject_reason: reason });
    expect(await lifetime(vReject.id)).toBe(0);

    await page.getByTestId('records-tab-rejected').click();
    await poll(() => rowOf(vReject).count()).toBe(1);
    // nothing left to do on a rejected record but read it
    expect(await rowOf(vReject).getByTestId('record-correct').count()).toBe(0);
    await rowOf(vReject).getByTestId('record-detail').click();
    const drawer = page.getByTestId('record-detail-drawer');
    await poll(async () => (await page.getByTestId('record-detail-reject-reason').textContent()) ?? '').toBe(
      reason,
    );
    await poll(() => drawer.getByTestId('record-event').count()).toBe(2);
    expect(
      await drawer
        .getByTestId('record-event')
        .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-action'))),
    ).toEqual(['create', 'reject']);
    await drawer.locator('.el-drawer__close-btn').click();
    expect(problems).toEqual([]);
  });

  it('shows the effective hour rule, sets the station’s own and restores the one above', async () => {
    const card = page.getByTestId('hour-rule-card');
    await poll(async () => (await card.getByTestId('hour-rule-text').textContent())?.trim() ?? '').toMatch(
      /^按 \d+ 分钟/,
    );
    expect(
      await db().selectFrom('hour_rules').select('org_id').where('org_id', '=', station.id).execute(),
    ).toEqual([]);
    await card.getByTestId('hour-rule-edit').click();
    const dialog = page.getByTestId('hour-rule-dialog');
    await dialog.waitFor();
    await page.getByTestId('hour-rule-step').click();
    await page.getByRole('option', { name: '15 分钟（0.25 小时）', exact: true }).click();
    await dialog.getByText('四舍五入', { exact: true }).click();
    await poll(async () => (await page.getByTestId('hour-rule-example').textContent()) ?? '').toContain(
      '按 15 分钟四舍五入计为 1.3 小时',
    );
    await page.getByTestId('hour-rule-save').click();
    await poll(async () => (await card.getByTestId('hour-rule-text').textContent())?.trim()).toBe(
      '按 15 分钟四舍五入',
    );
    expect((await card.getByTestId('hour-rule-origin').textContent())?.trim()).toBe('本单位自设');
    expect(
      await db()
        .selectFrom('hour_rules')
        .select(['step_minutes', 'rounding'])
        .where('org_id', '=', station.id)
        .execute(),
    ).toEqual([{ step_minutes: 15, rounding: 'nearest' }]);

    await card.getByTestId('hour-rule-restore').click();
    await messageBox().getByRole('button', { name: '恢复' }).click();
    await poll(async () => (await card.getByTestId('hour-rule-origin').textContent())?.trim()).not.toBe(
      '本单位自设',
    );
    expect(
      await db().selectFrom('hour_rules').select('org_id').where('org_id', '=', station.id).execute(),
    ).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('enters a manual record with an evidence photo that only another admin can confirm', async () => {
    await page.goto(`${baseUrl}/service-records`);
    await page.getByTestId('records-table').waitFor();
    await page.getByTestId('records-manual').click();
    const dialog = page.getByTestId('manual-record-dialog');
    await dialog.waitFor();

    // nothing filled in: every field says what it needs, and nothing is sent
    await page.getByTestId('manual-record-submit').click();
    await poll(() => dialog.textContent()).toContain('请上传证明材料（照片）');
    expect(await dialog.textContent()).toContain('请选择志愿者');

    await page.getByTestId('manual-record-volunteer').click();
    await fill('manual-record-volunteer', vManual.volunteerNo);
    const option = page.getByRole('option').filter({ hasText: vManual.volunteerNo });
    await option.waitFor();
    await option.click();
    const day = beijing(new Date(Date.now() - 24 * HOUR)).slice(0, 10);
    for (const [label, time] of [
      ['服务开始时间', '09:00'],
      ['服务结束时间', '11:00'],
    ] as const) {
      const input = page.locator(`input[aria-label="${label}"]`);
      await input.fill(`${day} ${time}`);
      await input.press('Enter');
    }
    await poll(async () => (await page.getByTestId('manual-record-duration').textContent())?.trim()).toBe(
      '共 2 小时 0 分钟',
    );
    const description = `为独居老人代购药品并送药上门 ${XSS}`;
    await fill('manual-record-description', description);
    await dialog.locator('input[type=file]').setInputFiles({
      name: '送药照片.png',
      mimeType: 'image/png',
      buffer: TINY_PNG,
    });
    await poll(() => dialog.locator('.el-upload-list__item.is-success').count()).toBe(1);
    await page.getByTestId('manual-record-submit').click();
    await poll(() => dialog.isVisible()).toBe(false);

    const manual = await recordOf(vManual.id);
    expect(manual).toMatchObject({
      kind: 'manual',
      source: 'manual',
      status: 'pending',
      note: description,
      created_by: await userId('demo-station'),
    });
    expect(Number(manual.hours)).toBe(2);
    expect(manual.evidence_upload_ids).toHaveLength(1);
    expect(new Date(manual.started_at).toISOString()).toBe(new Date(`${day}T09:00:00+08:00`).toISOString());

    // listed as pending, but its checkbox is locked for the one who entered it
    await fill('records-search-keyword', vManual.volunteerNo);
    await page.getByRole('button', { name: '查询' }).click();
    const row = rowOf(vManual);
    await poll(() => row.count()).toBe(1);
    expect(await row.getByTestId('record-select').count()).toBe(0);
    await row.getByTestId('record-select-locked').hover();
    await page.getByRole('tooltip').filter({ hasText: SECOND_PERSON }).waitFor();
    // and the server says no too
    const self = as(tc.app, await login(tc.app, 'demo-station'));
    const refused = await self.post('/api/service-records/confirm', { ids: [manual.id] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'SAME_PERSON',
      message: `补录/手工录入的时长${SECOND_PERSON}`,
    });
    expect((await recordOf(vManual.id)).status).toBe('pending');

    // the evidence photo is shown in the detail drawer
    await row.getByTestId('record-detail').click();
    const photo = page.getByTestId('record-evidence-photo').locator('img');
    await poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    expect(await page.getByTestId('record-detail-info').textContent()).toContain(description);
    await page.getByTestId('record-detail-drawer').locator('.el-drawer__close-btn').click();
    expect(problems).toEqual([]);

    // the institute's admin confirms it
    const other = await logIn('demo-institute');
    await other.goto(`${baseUrl}/service-records`);
    await other.getByTestId('records-table').waitFor();
    await fill('records-search-keyword', vManual.volunteerNo, other);
    await other.getByRole('button', { name: '查询' }).click();
    const theirs = rowOf(vManual, other);
    await poll(() => theirs.count()).toBe(1);
    await theirs.getByTestId('record-select').click();
    await other.getByTestId('records-confirm').click();
    await messageBox(other).getByRole('button', { name: '确认' }).click();
    await poll(async () => (await recordOf(vManual.id)).status).toBe('confirmed');
    expect((await recordOf(vManual.id)).reviewed_by).toBe(await userId('demo-institute'));
    expect(await lifetime(vManual.id)).toBe(2);
    await poll(() => theirs.count()).toBe(0);
    await other.context().close();
    expect(problems).toEqual([]);
  });

  it('backfills hours of the finished activity for a volunteer who served without checking in', async () => {
    await page.goto(`${baseUrl}/service-records?activityId=${activityId}`);
    await page.getByTestId('records-table').waitFor();
    await page.getByTestId('records-backfill').click();
    const dialog = page.getByTestId('backfill-dialog');
    await dialog.waitFor();

    await fill('backfill-activity', '敬老院义务理发');
    const activityOption = page.getByRole('option').filter({ hasText: '敬老院义务理发' });
    await activityOption.first().waitFor();
    await activityOption.first().click();
    await poll(
      async () => (await page.getByTestId('backfill-activity-length').textContent()) ?? '',
    ).toContain('最多补录 2 小时');
    await fill('backfill-volunteer', vManual.volunteerNo);
    const option = page.getByRole('option').filter({ hasText: vManual.volunteerNo });
    await option.waitFor();
    await option.click();
    await fill('backfill-hours', '1.5');
    await page.getByTestId('backfill-hours').locator('input').press('Tab');
    await fill('backfill-reason', '手机没电未能扫码，现场合影为证');
    // no evidence yet: refused in the dialog, nothing sent
    await page.getByTestId('backfill-submit').click();
    await poll(() => dialog.textContent()).toContain('请上传证明材料（照片）');
    const before = await db()
      .selectFrom('service_records')
      .select('id')
      .where('kind', '=', 'backfill')
      .where('volunteer_id', '=', vManual.id)
      .execute();
    expect(before).toEqual([]);

    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: '合影.png', mimeType: 'image/png', buffer: TINY_PNG });
    await poll(() => dialog.locator('.el-upload-list__item.is-success').count()).toBe(1);
    await page.getByTestId('backfill-submit').click();
    await poll(() => dialog.isVisible()).toBe(false);

    const backfill = await recordOf(vManual.id);
    expect(backfill).toMatchObject({
      kind: 'backfill',
      source: 'activity',
      source_id: activityId,
      status: 'pending',
      note: '手机没电未能扫码，现场合影为证',
      created_by: await userId('demo-station'),
    });
    expect(Number(backfill.hours)).toBe(1.5);
    expect(backfill.evidence_upload_ids).toHaveLength(1);
    // on the activity's pending list, locked for the one who entered it
    const row = rowOf(vManual);
    await poll(() => row.count()).toBe(1);
    expect((await row.textContent()) ?? '').toContain('补录时长');
    expect(await row.getByTestId('record-select-locked').count()).toBe(1);
    await poll(() => tabCount('pending')).toBe('1');
    expect(problems).toEqual([]);
  });

  it('shows the volunteer their hours and records on H5 at 375 px', async () => {
    const { h5, errors, close } = await h5LogIn(vCorrect);
    // 我的 links to the records below the hours card
    await h5.getByTestId('h5-me-my-hours').waitFor();
    await expectAccessibleOnPhone(h5);
    await h5.getByTestId('h5-me-my-hours').click();
    await h5.waitForURL(/\/h5\/my-hours$/);

    await poll(async () => (await h5.getByTestId('h5-my-hours-lifetime').textContent())?.trim()).toBe(
      '1.5 小时',
    );
    expect((await h5.getByTestId('h5-my-hours-pending').textContent())?.trim()).toBe('0 小时');
    expect((await h5.getByTestId('h5-my-hours-star').textContent())?.trim()).toContain('暂未评星');
    const record = h5.getByTestId('h5-my-hours-record');
    await poll(() => record.count()).toBe(1);
    expect(await record.getAttribute('data-status')).toBe('confirmed');
    expect(await record.textContent()).toContain(title);
    expect((await record.getByTestId('h5-my-hours-status').textContent())?.trim()).toBe('已确认');
    await expectAccessibleOnPhone(h5);

    // the rejected tab is empty for them, and says so
    await h5.getByRole('tab', { name: '已驳回' }).click();
    await poll(async () => (await h5.getByTestId('h5-my-hours-list').textContent()) ?? '').toContain(
      '没有被驳回的记录',
    );
    expect(errors).toEqual([]);
    await close();
  });

  it('shows a rejected volunteer why, on H5', async () => {
    const { h5, errors, close } = await h5LogIn(vReject, '/my-hours');
    const record = h5.getByTestId('h5-my-hours-record');
    await poll(() => record.count()).toBe(1);
    expect(await record.getAttribute('data-status')).toBe('rejected');
    expect(await record.textContent()).toContain('驳回原因：当天未到场，签到系代签有误 <img src=x');
    expect((await h5.getByTestId('h5-my-hours-lifetime').textContent())?.trim()).toBe('0 小时');
    expect(errors).toEqual([]);
    await close();
  });

  it('lets a team leader confirm the team’s pending hours on H5', async () => {
    const { h5, errors, close } = await h5LogIn(leader);
    await h5.goto(`${baseUrl}/h5/teams`);
    // only the team they lead offers it
    await poll(() => h5.getByTestId('h5-team-hours').count()).toBe(1);
    await expectAccessibleOnPhone(h5);
    await h5.getByTestId('h5-team-hours').click();
    await h5.waitForURL(/\/h5\/team-hours$/);
    const records = h5.getByTestId('h5-team-hours-record');
    await poll(() => records.count()).toBe(2);
    for (const m of members) expect(await records.filter({ hasText: m.name }).count()).toBe(1);
    await expectAccessibleOnPhone(h5);

    expect(await h5.getByTestId('h5-team-hours-confirm').isDisabled()).toBe(true);
    await h5.getByTestId('h5-team-hours-all').click();
    await poll(async () => (await h5.getByTestId('h5-team-hours-confirm').textContent())?.trim()).toBe(
      '确认选中的 2 条（4 小时）',
    );
    await h5.getByTestId('h5-team-hours-confirm').click();
    const dialog = h5.getByRole('dialog');
    await poll(async () => (await dialog.textContent()) ?? '').toContain('确认选中的 2 条记录，共 4 小时');
    await dialog.getByRole('button', { name: '确认' }).click();
    await h5.getByTestId('h5-team-hours-empty').waitFor();

    const leaderUser = await db()
      .selectFrom('volunteers')
      .select('user_id')
      .where('id', '=', leader.id)
      .executeTakeFirstOrThrow();
    for (const m of members) {
      expect(await recordOf(m.id)).toMatchObject({ status: 'confirmed', reviewed_by: leaderUser.user_id });
      expect(await lifetime(m.id)).toBe(2);
    }
    expect(errors).toEqual([]);
    await close();
  });

  it('imports opening records from Excel with a row report; confirmed, they add up on H5', async () => {
    const vOpening = await registerVolunteer(tc, station.id);
    const workbook = async (rows: Array<Array<string | number>>) => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('历史时长');
      sheet.addRow([
        '志愿者编号*',
        '姓名*',
        '历史时长(小时)*',
        '来源类型*',
        '来源名称*',
        '起始日期*',
        '截止日期*',
        '备注',
      ]);
      for (const row of rows) sheet.addRow(row);
      return Buffer.from(await book.xlsx.writeBuffer());
    };
    const register = `东风社区志愿服务登记簿 ${XSS}`.slice(0, 60);
    const xlsx = (buffer: Buffer) => ({
      name: '历史时长.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });

    await page.goto(`${baseUrl}/service-records`);
    await page.getByTestId('records-table').waitFor();
    await page.getByRole('button', { name: '历史时长' }).click();
    await page.getByTestId('records-opening-import').click();
    const dialog = page.getByTestId('opening-import-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('opening-import-evidence').locator('input[type=file]').setInputFiles({
      name: '登记簿.png',
      mimeType: 'image/png',
      buffer: TINY_PNG,
    });
    await poll(() => dialog.locator('.el-upload-list__item.is-success').count()).toBe(1);

    // a wrong name is reported by row and column, and nothing can be imported
    const fileInput = dialog.getByTestId('opening-import-file').locator('input[type=file]');
    await fileInput.setInputFiles(
      xlsx(
        await workbook([
          [vOpening.volunteerNo, '张冠李戴', 88.5, '纸质登记簿', register, '2018-01-01', '2025-12-31', ''],
        ]),
      ),
    );
    await page.getByTestId('opening-import-check').click();
    const errors = page.getByTestId('opening-import-errors');
    await poll(async () => (await errors.textContent()) ?? '').toContain('与编号');
    expect(await errors.textContent()).toContain('姓名');
    expect(await page.getByTestId('opening-import-submit').isDisabled()).toBe(true);

    // the corrected file checks clean and imports
    await dialog.locator('.el-upload-list__item').last().hover();
    await dialog.locator('.el-upload-list__item .el-icon--close').last().click();
    await fileInput.setInputFiles(
      xlsx(
        await workbook([
          [vOpening.volunteerNo, vOpening.name, 88.5, '纸质登记簿', register, '2018-01-01', '2025-12-31', ''],
        ]),
      ),
    );
    await page.getByTestId('opening-import-check').click();
    await poll(async () => (await page.getByTestId('opening-import-report').textContent()) ?? '').toContain(
      '全部可导入，合计 88.5 小时',
    );
    await page.getByTestId('opening-import-submit').click();
    await poll(() => dialog.isVisible()).toBe(false);
    const record = await recordOf(vOpening.id);
    expect(record).toMatchObject({
      kind: 'opening',
      status: 'pending',
      origin: 'register',
      origin_name: register,
    });
    expect(await lifetime(vOpening.id)).toBe(0);

    // listed with its origin and period; the detail names where the hours come from
    await fill('records-search-keyword', vOpening.volunteerNo);
    await page.getByRole('button', { name: '查询' }).click();
    const row = rowOf(vOpening);
    await poll(() => row.count()).toBe(1);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('平台启用前历史记录');
    expect(text).toContain('历史时长');
    expect(text).toContain('2018-01-01');
    expect(text).toContain('<img src=x');
    expect(await row.getByTestId('record-select-locked').count()).toBe(1);
    await row.getByTestId('record-detail').click();
    await poll(async () => (await page.getByTestId('record-detail-origin').textContent()) ?? '').toContain(
      `纸质登记簿：${register}`,
    );
    await page.getByTestId('record-detail-drawer').locator('.el-drawer__close-btn').click();

    // a second admin confirms it; the volunteer's total is the sum of their list
    const institute = as(tc.app, await login(tc.app, 'demo-institute'));
    expect((await institute.post('/api/service-records/confirm', { ids: [record.id] })).json()).toEqual({
      confirmed: 1,
    });
    const { h5, errors: h5Errors, close } = await h5LogIn(vOpening, '/my-hours');
    await poll(async () => (await h5.getByTestId('h5-my-hours-lifetime').textContent())?.trim()).toBe(
      '88.5 小时',
    );
    expect((await h5.getByTestId('h5-my-hours-opening').textContent())?.trim()).toBe(
      '含平台启用前 88.5 小时',
    );
    expect((await h5.getByTestId('h5-my-hours-year').textContent())?.trim()).toBe('0 小时');
    const item = h5.getByTestId('h5-my-hours-record');
    await poll(() => item.count()).toBe(1);
    expect(await item.textContent()).toContain('服务期间 2018-01-01 至 2025-12-31');
    expect(await item.textContent()).toContain('平台启用前历史记录');
    await expectAccessibleOnPhone(h5);
    expect(h5Errors).toEqual([]);
    await close();
    expect(problems).toEqual([]);
  });

  it('shows the hours and times of the demo county’s order services, in the list and the drawer', async () => {
    const center = await logIn('demo-center');
    await center.goto(`${baseUrl}/service-records`);
    await center.getByTestId('records-table').waitFor();
    await center.getByTestId('records-search-source').click();
    await center.getByRole('option', { name: '点单服务', exact: true }).click();
    await center.getByRole('button', { name: '查询' }).click();
    const rows = center.getByTestId('records-table').locator('.el-table__body tr');
    await poll(async () => {
      const texts = await rows.allTextContents();
      return texts.length > 0 && texts.every((text) => text.includes('点单服务'));
    }).toBe(true);
    // the newest first: every service took a while and is credited for it
    const texts = await rows.allInnerTexts();
    const hours = await rows.getByTestId('record-hours').allTextContents();
    expect(hours).toHaveLength(texts.length);
    for (const [i, text] of texts.entries()) {
      expect(Number(hours[i]!.trim()), text).toBeGreaterThan(0);
      const span = SPAN.exec(text);
      expect(span, text).not.toBeNull();
      expect(span![2], text).not.toBe(span![1]);
    }
    await rows.first().getByTestId('record-detail').click();
    const info = center.getByTestId('record-detail-info');
    await poll(async () => (await info.textContent()) ?? '').toMatch(/点单服务：XQ\d+/);
    const text = (await info.textContent()) ?? '';
    expect(text.match(/点单服务/g)).toHaveLength(1);
    expect(Number((await center.getByTestId('record-detail-hours').textContent())?.trim())).toBeGreaterThan(
      0,
    );
    expect(Number(/(\d+) 分钟/.exec(text)?.[1])).toBeGreaterThanOrEqual(60);
    const span = SPAN.exec(text);
    expect(span, text).not.toBeNull();
    expect(span![2]).not.toBe(span![1]);
    await center.context().close();
    expect(problems).toEqual([]);
  });

  it('warns before 结束 of an activity not yet started, and says so before confirming its 0-hour record', async () => {
    const volunteer = await registerVolunteer(tc, station.id);
    const admin = as(tc.app, await login(tc.app, 'demo-station'));
    const start = new Date(Math.ceil((Date.now() + 30 * MINUTE) / MINUTE) * MINUTE);
    const created = await admin.post('/api/activities', {
      title: '重阳节敬老文艺演出',
      teamId: null,
      form: 'le',
      place: '东风社区文化广场',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 2 * HOUR).toISOString(),
      capacity: 10,
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id as number;
    for (const [url, body] of [
      [`/api/activities/${id}/publish`, {}],
      [`/api/activities/${id}/signups`, { volunteerIds: [volunteer.id] }],
      // check-in opens an hour before the start
      [`/api/activities/${id}/checkins`, { volunteerId: volunteer.id, direction: 'in' }],
    ] as const) {
      const res = await admin.post(url, body);
      expect(res.statusCode, res.body).toBe(200);
    }
    const status = async () =>
      (await db().selectFrom('activities').select('status').where('id', '=', id).executeTakeFirstOrThrow())
        .status;

    await page.goto(`${baseUrl}/activities/${id}`);
    await page.getByTestId('activity-action-finish').click();
    await poll(async () => (await messageBox().textContent()) ?? '').toContain('活动尚未开始');
    expect(await messageBox().textContent()).toContain('0 小时');
    await messageBox().getByRole('button', { name: '取消' }).click();
    await poll(() => messageBox().isVisible()).toBe(false);
    expect(await status()).toBe('published');

    await page.getByTestId('activity-action-finish').click();
    await poll(async () => (await messageBox().textContent()) ?? '').toContain('活动尚未开始');
    await messageBox().getByRole('button', { name: '仍要结束' }).click();
    await poll(status).toBe('finished');
    const record = await recordOf(volunteer.id);
    expect(record).toMatchObject({ status: 'pending', source_id: id });
    expect(Number(record.hours)).toBe(0);

    // 批量确认 names the 0-hour record before confirming it
    await page.goto(`${baseUrl}/service-records?activityId=${id}`);
    await poll(() => rowOf(volunteer).count()).toBe(1);
    await rowOf(volunteer).getByTestId('record-select').click();
    await page.getByTestId('records-confirm').click();
    await poll(async () => (await messageBox().textContent()) ?? '').toContain('其中 1 条为 0 小时');
    await messageBox().getByRole('button', { name: '取消' }).click();
    await poll(() => messageBox().isVisible()).toBe(false);
    expect((await recordOf(volunteer.id)).status).toBe('pending');
    await page.getByTestId('records-confirm').click();
    await poll(async () => (await messageBox().textContent()) ?? '').toContain('其中 1 条为 0 小时');
    await messageBox().getByRole('button', { name: '仍要确认' }).click();
    await poll(async () => (await recordOf(volunteer.id)).status).toBe('confirmed');
    expect(await lifetime(volunteer.id)).toBe(0);
    expect(problems).toEqual([]);
  });
});
