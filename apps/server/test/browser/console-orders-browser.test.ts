// The order and project pages of the admin console in a real browser: the inbox by stage with its
// counts and overdue badges, 制单 (accept, reject) on the detail page — also when another vetter got
// there first — 派单 to ranked volunteers, 代点单 by a station, and a project taken from 确立 to 招募
// with a menu item published under it; each step checked in the database afterwards.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { ORDER_STATUSES, type OrderStatus } from '@civic/contracts';
import { trackingHashOf } from '../../src/modules/orders/order-intake.ts';
import { phoneIndex } from '../../src/platform/personal-data.ts';
import { as, DEMO_PASSWORD, login, nextIp, type Session, type TestContext } from '../support/context.ts';
import { multipartBody, orgOfUser, TINY_PNG, type OrgRef } from '../support/org-factories.ts';
import { createVolunteer, freshPhone, XSS } from '../support/volunteer-factories.ts';
import { BROWSER_WAIT, canRunBrowser, launchChromium, serveWebApp } from '../support/browser-harness.ts';

const DAY = 24 * 3_600_000;

/** Waits for the page to catch up (a server round trip, a re-render), then asserts. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: BROWSER_WAIT });

/** The inbox tabs, with the statuses each one counts (as the console's order-meta has them). */
const TABS: Array<{ key: string; label: string; statuses: readonly OrderStatus[] }> = [
  { key: 'vet', label: '待制单', statuses: ['submitted'] },
  { key: 'dispatch', label: '待派单', statuses: ['accepted'] },
  { key: 'claim', label: '待接单', statuses: ['dispatched'] },
  { key: 'service', label: '待实施·实施中', statuses: ['claimed', 'in_service'] },
  { key: 'review', label: '待评单', statuses: ['served'] },
  { key: 'closed', label: '已办结', statuses: ['closed'] },
  { key: 'all', label: '全部', statuses: ORDER_STATUSES },
];

describe.runIf(canRunBrowser)('order and project pages of the admin console in a real browser', () => {
  let tc: TestContext;
  let browser: Browser;
  let baseUrl: string;
  /** 城北街道 (demo-institute) and its first village station (demo-station). */
  let institute: OrgRef;
  let station: OrgRef & { name: string };
  let instituteSession: Session;
  let stationSession: Session;

  const db = () => tc.ctx.db.system;
  const userId = async (username: string) =>
    (await db().selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow())
      .id;
  const orderRow = (id: number) =>
    db().selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const eventsOf = (id: number) =>
    db()
      .selectFrom('order_events')
      .select(['action', 'from_status', 'to_status', 'actor_kind', 'actor_user_id', 'reason', 'details'])
      .where('order_id', '=', id)
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    ({ tc, baseUrl } = await serveWebApp());
    institute = await orgOfUser(db(), 'demo-institute');
    const own = await orgOfUser(db(), 'demo-station');
    expect(own.path.startsWith(`${institute.path}.`)).toBe(true);
    const { name } = await db()
      .selectFrom('orgs')
      .select('name')
      .where('id', '=', own.id)
      .executeTakeFirstOrThrow();
    station = { ...own, name };
    instituteSession = await login(tc.app, 'demo-institute');
    stationSession = await login(tc.app, 'demo-station');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await tc?.close();
  });

  /** 点单 through the public API, as a resident on H5 would; `at` places it in the past. */
  async function placeByApi(description: string, at?: Date): Promise<{ id: number; orderNo: string }> {
    if (at) tc.setNow(at);
    try {
      const res = await tc.app.inject({
        method: 'POST',
        url: '/api/public/orders',
        remoteAddress: nextIp(),
        payload: {
          stationId: station.id,
          serviceCategory: 'elderly',
          description,
          address: '滨河花园3号楼',
          contactName: '王秀英',
          contactPhone: await freshPhone(tc),
        },
      });
      expect(res.statusCode, res.body).toBe(200);
      const { orderNo } = res.json<{ orderNo: string }>();
      const { id } = await db()
        .selectFrom('orders')
        .select('id')
        .where('order_no', '=', orderNo)
        .executeTakeFirstOrThrow();
      return { id, orderNo };
    } finally {
      tc.setNow(null);
    }
  }

  // Element Plus puts data-testid on the native <input>/<textarea> of an el-input; accept either placement
  async function fill(page: Page, testId: string, value: string) {
    const el = page.getByTestId(testId);
    const tag = await el.evaluate((node) => node.tagName);
    await (tag === 'INPUT' || tag === 'TEXTAREA' ? el : el.locator('input, textarea').first()).fill(value);
  }

  /** Opens an el-select (by its test id) and picks the option with this label. */
  async function choose(page: Page, testId: string, label: string) {
    await page.getByTestId(testId).click();
    await page.getByRole('option', { name: label, exact: true }).click();
  }

  /** Signs in on the console; `problems` collects uncaught page errors (the harness, any alert). */
  async function logIn(username: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/login/);
    await fill(page, 'login-username', username);
    await fill(page, 'login-password', DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('header-role').waitFor();
    return { page, problems };
  }

  async function openMenu(page: Page, title: string, url: RegExp) {
    await page.getByRole('menuitem', { name: title, exact: true }).click();
    await page.waitForURL(url);
  }

  const textOf = async (page: Page, testId: string) =>
    ((await page.getByTestId(testId).textContent()) ?? '').trim();

  it('the inbox counts orders per stage, flags the overdue one and opens it with its timeline', async () => {
    // a need that came in ten days ago: its 制单 deadline (one working day) is long past
    const description = `独居老人需要有人陪同去县医院复查 ${XSS}`;
    const late = await placeByApi(description, new Date(Date.now() - 10 * DAY));
    const fresh = await placeByApi('想请志愿者帮忙打扫一下院子');
    const lateRow = await orderRow(late.id);
    expect(lateRow.stage_due_at!.getTime()).toBeLessThan(Date.now());

    // the server's clock stands still for this test: a seeded order crossing its deadline between
    // the query below and the page's own would otherwise change the badges under the test
    const now = new Date();
    tc.setNow(now);
    try {
      // what the institute should see: every order of its villages, by status, and the overdue ones
      const { rows } = await sql<{ status: OrderStatus; n: number; overdue: number }>`
        SELECT status, count(*)::int AS n, count(*) FILTER (WHERE stage_due_at < ${now})::int AS overdue
        FROM orders WHERE org_path <@ ${institute.path}::ltree GROUP BY status`.execute(db());
      const expected = (statuses: readonly OrderStatus[]) =>
        rows
          .filter((r) => statuses.includes(r.status))
          .reduce((sum, r) => ({ count: sum.count + r.n, overdue: sum.overdue + r.overdue }), {
            count: 0,
            overdue: 0,
          });
      expect(expected(['submitted']).overdue).toBeGreaterThan(0);

      const { page, problems } = await logIn('demo-institute');
      await openMenu(page, '需求工作台', /\/orders(\?.*)?$/);
      for (const tab of TABS) {
        const label = page.getByTestId(`orders-tab-${tab.key}`);
        const want = expected(tab.statuses);
        await poll(async () => (await label.locator('.tab-count').textContent())?.trim()).toBe(
          String(want.count),
        );
        expect(await label.textContent()).toContain(tab.label);
        const badge = page.getByTestId(`orders-tab-overdue-${tab.key}`);
        const shown = tab.key !== 'closed' && want.overdue > 0;
        await poll(() => badge.count()).toBe(shown ? 1 : 0);
        if (shown) {
          expect((await badge.locator('.el-badge__content').textContent())?.trim()).toBe(
            String(want.overdue),
          );
          expect(await badge.getAttribute('title')).toBe(`${want.overdue} 件超时`);
        }
      }

      // 待制单 lists both new orders; the late one's deadline is marked overdue, the fresh one's is not
      const table = page.getByTestId('orders-table');
      const rowOf = (orderNo: string) => table.locator('.el-table__body tr').filter({ hasText: orderNo });
      await rowOf(late.orderNo).waitFor();
      await rowOf(fresh.orderNo).waitFor();
      expect(await rowOf(late.orderNo).getByTestId('order-deadline').getAttribute('title')).toBe('已超时');
      expect(await rowOf(late.orderNo).textContent()).toContain('（已超时）');
      expect(await rowOf(fresh.orderNo).getByTestId('order-deadline').getAttribute('title')).toBeNull();
      expect(await rowOf(fresh.orderNo).textContent()).not.toContain('已超时');

      // 只看超时 keeps exactly the overdue orders awaiting 制单
      await page.getByTestId('orders-search-overdue').click();
      await page.getByRole('button', { name: '查询' }).click();
      const bodyRows = table.locator('.el-table__body tr');
      await poll(() => bodyRows.count()).toBe(expected(['submitted']).overdue);
      expect(await rowOf(fresh.orderNo).count()).toBe(0);
      await rowOf(late.orderNo).getByRole('link', { name: late.orderNo }).click();

      await page.waitForURL(new RegExp(`/orders/${late.id}$`));
      await poll(() => textOf(page, 'order-no')).toBe(late.orderNo);
      expect(await textOf(page, 'order-status')).toBe('待制单');
      // the resident's text is shown as text, never as markup
      expect(await textOf(page, 'order-description')).toBe(description);
      expect(await page.getByTestId('order-info').locator('img').count()).toBe(0);
      expect(await page.getByTestId('order-info').textContent()).toContain('群众线上点单');
      expect(await page.getByTestId('order-info').getByTestId('order-deadline').getAttribute('title')).toBe(
        '已超时',
      );
      const timeline = page.getByTestId('order-timeline');
      const submitted = timeline.getByTestId('order-event-submit');
      expect((await submitted.textContent()) ?? '').toContain('点单');
      expect((await submitted.textContent()) ?? '').toContain('待制单');
      expect(await timeline.textContent()).toContain('群众');
      // the institute vets: 受理 and 驳回 are offered on a submitted order
      expect(await page.getByTestId('order-action-accept').isVisible()).toBe(true);
      expect(await page.getByTestId('order-action-reject').isVisible()).toBe(true);

      expect(problems).toEqual([]);
      await page.close();
    } finally {
      tc.setNow(null);
    }
  });

  it('制单: the institute accepts one order (category, priority, head count) and rejects another with a reason', async () => {
    const toAccept = await placeByApi('老人腿脚不便，想请人每周上门量血压');
    const toReject = await placeByApi('请帮我代缴这个月的话费');
    const vetter = await userId('demo-institute');

    const { page, problems } = await logIn('demo-institute');
    await page.goto(`${baseUrl}/orders/${toAccept.id}`);
    await poll(() => textOf(page, 'order-no')).toBe(toAccept.orderNo);
    await page.getByTestId('order-action-accept').click();
    const dialog = page.getByTestId('order-accept-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(toAccept.orderNo);
    await choose(page, 'order-accept-category', '医疗健康');
    await dialog.locator('label.el-radio', { hasText: '紧急' }).click();
    const headCount = dialog.locator('.el-input-number input');
    await headCount.fill('2');
    // commit the number without moving focus on: Tab would open the next field's date picker,
    // whose panel can cover the submit button
    await headCount.blur();
    await page.getByTestId('order-accept-submit').click();

    await poll(() => textOf(page, 'order-status')).toBe('待派单');
    await poll(() => page.locator('.el-message--success').last().textContent()).toContain('已受理');
    const info = page.getByTestId('order-info');
    expect(await info.textContent()).toContain('医疗健康');
    expect(await info.textContent()).toContain('紧急');
    expect(await info.textContent()).toContain('2 人');
    expect(
      await page.getByTestId('order-timeline').getByTestId('order-event-accept').textContent(),
    ).toContain('待制单 → 待派单');
    // the vetter's buttons are gone; the institute may dispatch now
    expect(await page.getByTestId('order-action-accept').count()).toBe(0);
    expect(await page.getByTestId('order-action-dispatch').isVisible()).toBe(true);

    const accepted = await orderRow(toAccept.id);
    expect(accepted).toMatchObject({
      status: 'accepted',
      service_category: 'health',
      priority: 'urgent',
      volunteers_needed: 2,
    });
    // the next stage's clock runs from now
    expect(accepted.stage_due_at!.getTime()).toBeGreaterThan(Date.now());
    const acceptEvents = (await eventsOf(toAccept.id)).filter((e) => e.action === 'accept');
    expect(acceptEvents).toEqual([
      expect.objectContaining({
        from_status: 'submitted',
        to_status: 'accepted',
        actor_kind: 'vetter',
        actor_user_id: vetter,
      }),
    ]);

    // 驳回: the reason is required, then shown on the order and in its flow
    await page.goto(`${baseUrl}/orders/${toReject.id}`);
    await poll(() => textOf(page, 'order-no')).toBe(toReject.orderNo);
    await page.getByTestId('order-action-reject').click();
    const box = page.locator('.el-message-box');
    await box.waitFor();
    await box.getByRole('button', { name: '驳回' }).click();
    await poll(() => box.locator('.el-message-box__errormsg').textContent()).toContain('请填写内容');
    const reason = '不属于志愿服务范围，建议拨打 12345 反映';
    await box.locator('textarea').fill(reason);
    await box.getByRole('button', { name: '驳回' }).click();

    await poll(() => textOf(page, 'order-status')).toBe('已驳回');
    expect(await page.getByTestId('order-info').textContent()).toContain(`驳回原因${reason}`);
    const rejectEvent = page
      .getByTestId('order-timeline')
      .locator('.el-timeline-item')
      .filter({
        has: page.getByTestId('order-event-reject'),
      });
    expect(await rejectEvent.textContent()).toContain(reason);
    // nothing more to do on a rejected order
    expect(await page.getByTestId('order-info').getByRole('button').count()).toBe(0);

    const rejected = await orderRow(toReject.id);
    expect(rejected).toMatchObject({ status: 'rejected', reject_reason: reason, stage_due_at: null });
    expect((await eventsOf(toReject.id)).filter((e) => e.action === 'reject')).toEqual([
      expect.objectContaining({
        from_status: 'submitted',
        to_status: 'rejected',
        actor_kind: 'vetter',
        actor_user_id: vetter,
        reason,
      }),
    ]);
    const audits = await db()
      .selectFrom('audit_log')
      .select(['action', 'resource_id', 'actor_username'])
      .where('action', 'in', ['order.accept', 'order.reject'])
      .where('resource_id', 'in', [String(toAccept.id), String(toReject.id)])
      .orderBy('seq')
      .execute();
    expect(audits).toEqual([
      { action: 'order.accept', resource_id: String(toAccept.id), actor_username: 'demo-institute' },
      { action: 'order.reject', resource_id: String(toReject.id), actor_username: 'demo-institute' },
    ]);

    expect(problems).toEqual([]);
    await page.close();
  });

  it('制单 on an order another vetter has just handled: the refusal is shown and the page catches up', async () => {
    const center = as(tc.app, await login(tc.app, 'demo-center'));
    const first = await placeByApi('村口路灯坏了，晚上老人出门不方便');
    const second = await placeByApi('想请人帮忙写一封家书');

    const { page, problems } = await logIn('demo-institute');
    const errorMessage = () => page.locator('.el-message--error').last().textContent();

    // 受理 from the dialog, after the centre accepted the order behind the user's back
    await page.goto(`${baseUrl}/orders/${first.id}`);
    await poll(() => textOf(page, 'order-status')).toBe('待制单');
    await page.getByTestId('order-action-accept').click();
    const dialog = page.getByTestId('order-accept-dialog');
    await dialog.waitFor();
    const accepted = await center.post(`/api/orders/${first.id}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    await page.getByTestId('order-accept-submit').click();
    await poll(errorMessage).toContain('该需求当前为“待派单”，不能执行“受理制单”');
    await poll(() => textOf(page, 'order-status')).toBe('待派单');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByTestId('order-action-accept').count()).toBe(0);
    expect(await page.getByTestId('order-timeline').getByTestId('order-event-accept').count()).toBe(1);

    // 驳回 through the prompt, after the centre rejected it first
    await page.goto(`${baseUrl}/orders/${second.id}`);
    await poll(() => textOf(page, 'order-status')).toBe('待制单');
    const rejected = await center.post(`/api/orders/${second.id}/reject`, { reason: '重复提交' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    await page.getByTestId('order-action-reject').click();
    const box = page.locator('.el-message-box');
    await box.locator('textarea').fill('不属于志愿服务范围');
    await box.getByRole('button', { name: '驳回' }).click();
    await poll(errorMessage).toContain('该需求当前为“已驳回”，不能执行“驳回”');
    await poll(() => textOf(page, 'order-status')).toBe('已驳回');
    expect(await page.getByTestId('order-info').textContent()).toContain('驳回原因重复提交');

    // the database kept the centre's decisions, once each
    expect((await orderRow(first.id)).status).toBe('accepted');
    expect((await orderRow(second.id)).reject_reason).toBe('重复提交');
    expect((await eventsOf(first.id)).map((e) => e.action)).toEqual(['submit', 'accept']);
    expect((await eventsOf(second.id)).map((e) => e.action)).toEqual(['submit', 'reject']);

    expect(problems).toEqual([]);
    await page.close();
  });

  it('派单: the station sees ranked candidates with their reasons and dispatches to two named volunteers', async () => {
    // 助残: a sign-language interpreter who can give first aid — few seeded volunteers fit that well
    const order = await placeByApi('聋哑老人要去派出所办事，需要手语翻译陪同');
    const acceptRes = await as(tc.app, instituteSession).post(`/api/orders/${order.id}/accept`, {
      serviceCategory: 'disability',
      skills: ['sign_language', 'first_aid'],
      volunteersNeeded: 1,
    });
    expect(acceptRes.statusCode, acceptRes.body).toBe(200);
    const fit = { serviceCategories: ['disability'], skills: ['sign_language', 'first_aid'] };
    const first = await createVolunteer(tc, stationSession, station.id, { ...fit, name: '欧阳晓岚' });
    const second = await createVolunteer(tc, stationSession, station.id, { ...fit, name: '上官明远' });
    const unfit = await createVolunteer(tc, stationSession, station.id, {
      serviceCategories: ['law'],
      skills: ['law'],
      name: '司马静怡',
    });
    const dispatcher = await userId('demo-station');

    const { page, problems } = await logIn('demo-station');
    await page.goto(`${baseUrl}/orders/${order.id}`);
    await poll(() => textOf(page, 'order-status')).toBe('待派单');
    // a station dispatches but does not vet
    expect(await page.getByTestId('order-action-reject').count()).toBe(0);
    await page.getByTestId('order-action-dispatch').click();
    const dialog = page.getByTestId('order-dispatch-dialog');
    await dialog.waitFor();
    const rows = page.getByTestId('dispatch-candidates').locator('.el-table__body tr');
    const rowOf = (name: string) => rows.filter({ hasText: name });
    await rowOf(first.name).waitFor();
    await rowOf(second.name).waitFor();
    expect(await rowOf(unfit.name).count()).toBe(0);

    // ranked: the scores never rise down the list
    const scores = (await rows.locator('td:nth-child(3)').allTextContents()).map((s) => Number(s.trim()));
    expect(scores.length).toBeGreaterThanOrEqual(2);
    expect(scores.every((score) => Number.isFinite(score))).toBe(true);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const name of [first.name, second.name]) {
      const reasons = (await rowOf(name).locator('.el-tag').allTextContents()).map((r) => r.trim());
      expect(reasons).toEqual(expect.arrayContaining(['服务类别对口', '具备所需专长 2/2', '当前无在办需求']));
    }

    expect(await page.getByTestId('dispatch-submit').isDisabled()).toBe(true);
    await rowOf(first.name).locator('.el-checkbox').click();
    await rowOf(second.name).locator('.el-checkbox').click();
    await poll(() => textOf(page, 'dispatch-count')).toBe('2');
    await page.getByTestId('dispatch-submit').click();

    await poll(() => textOf(page, 'order-status')).toBe('待接单');
    await dialog.waitFor({ state: 'hidden' });
    const assignees = page.getByTestId('order-assignees').locator('.el-table__body tr');
    await poll(() => assignees.count()).toBe(2);
    for (const name of [first.name, second.name])
      expect(await assignees.filter({ hasText: name }).textContent()).toContain('待接单');
    expect(
      await page.getByTestId('order-timeline').getByTestId('order-event-dispatch').textContent(),
    ).toContain('待派单 → 待接单');

    expect((await orderRow(order.id)).status).toBe('dispatched');
    const offers = await db()
      .selectFrom('order_assignees')
      .select(['volunteer_id', 'status'])
      .where('order_id', '=', order.id)
      .orderBy('volunteer_id')
      .execute();
    expect(offers).toEqual(
      [first.id, second.id].sort((a, b) => a - b).map((id) => ({ volunteer_id: id, status: 'offered' })),
    );
    const dispatchEvents = (await eventsOf(order.id)).filter((e) => e.action === 'dispatch');
    expect(dispatchEvents).toHaveLength(1);
    expect(dispatchEvents[0]).toMatchObject({
      from_status: 'accepted',
      to_status: 'dispatched',
      actor_kind: 'dispatcher',
      actor_user_id: dispatcher,
    });
    expect(dispatchEvents[0]!.details).toMatchObject({
      volunteerIds: expect.arrayContaining([first.id, second.id]),
    });

    expect(problems).toEqual([]);
    await page.close();
  });

  it('代点单: station staff record a home-visit need for a resident, with the channel', async () => {
    const staff = await userId('demo-station');
    const phone = await freshPhone(tc);
    const description = '走访时了解到老人家里的水管漏水，需要志愿者帮忙维修';

    const { page, problems } = await logIn('demo-station');
    await openMenu(page, '代点单', /\/orders\/new$/);
    // a station's staff place orders for their own village: it is preselected
    // (the tree-select's dropdown carries the test id too: read the select itself)
    const stationSelect = page.locator('.el-select[data-testid="order-form-station"]');
    await poll(() => stationSelect.textContent()).toContain(station.name);

    // the form says what is missing before anything is sent
    await page.getByTestId('order-form-submit').click();
    const messages = () => page.locator('.el-form-item__error').allTextContents();
    await poll(messages).toEqual(
      expect.arrayContaining([
        '请选择服务类别或服务项目',
        '请填写需求描述',
        '请填写服务地址',
        '请填写联系人',
      ]),
    );

    await page.getByTestId('order-form-channel').getByText('上门走访代点单').click();
    await choose(page, 'order-form-category', '关爱老人');
    await fill(page, 'order-form-description', description);
    await fill(page, 'order-form-address', '东风社区幸福巷12号');
    await fill(page, 'order-form-contact-name', '李桂兰');
    await fill(page, 'order-form-contact-phone', phone);
    await page.getByTestId('order-form-submit').click();

    const placedNo = page.getByTestId('order-placed-no');
    await poll(() => placedNo.textContent()).toMatch(/\S/);
    const orderNo = ((await placedNo.textContent()) ?? '').trim();
    const link = (await page.getByTestId('order-tracking-link').inputValue()).trim();
    const token = /\/h5\/track\/([A-Za-z0-9_-]{20,})$/.exec(link)?.[1];
    expect(token, link).toBeDefined();

    const row = await db()
      .selectFrom('orders')
      .selectAll()
      .where('order_no', '=', orderNo)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      channel: 'visit',
      status: 'submitted',
      org_id: station.id,
      service_category: 'elderly',
      description,
      contact_name: '李桂兰',
      created_by: staff,
      resident_user_id: null,
    });
    // the phone is stored encrypted (with its blind index); the link shown once opens this order
    expect(row.contact_phone_enc).not.toContain(phone);
    expect(row.contact_phone_index).toBe(phoneIndex(tc.ctx.cipher, phone));
    expect(row.tracking_hash).toBe(trackingHashOf(token!));
    const events = await eventsOf(row.id);
    expect(events).toEqual([
      expect.objectContaining({
        action: 'submit',
        to_status: 'submitted',
        actor_kind: 'staff',
        actor_user_id: staff,
        details: { channel: 'visit' },
      }),
    ]);

    await page.getByTestId('order-placed-open').click();
    await page.waitForURL(new RegExp(`/orders/${row.id}$`));
    await poll(() => textOf(page, 'order-no')).toBe(orderNo);
    expect(await page.getByTestId('order-info').textContent()).toContain('上门走访代点单');
    // the phone is masked on screen
    expect(await textOf(page, 'order-contact-phone')).not.toBe(phone);
    expect(await textOf(page, 'order-contact-phone')).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(await page.getByTestId('order-timeline').textContent()).toContain('工作人员代点单');

    expect(problems).toEqual([]);
    await page.close();
  });

  it('代点单 for a resident with only a landline: accepted, stored normalised, shown masked', async () => {
    const { page, problems } = await logIn('demo-station');
    await openMenu(page, '代点单', /\/orders\/new$/);
    const stationSelect = page.locator('.el-select[data-testid="order-form-station"]');
    await poll(() => stationSelect.textContent()).toContain(station.name);
    await page.getByTestId('order-form-channel').getByText('电话代点单').click();
    await choose(page, 'order-form-category', '关爱老人');
    await fill(page, 'order-form-description', '老人家里只有座机，电话里说需要有人帮忙换灯泡');
    await fill(page, 'order-form-address', '东风社区幸福巷8号');
    await fill(page, 'order-form-contact-name', '张大娘');
    await fill(page, 'order-form-contact-phone', '0916 1234567');
    await page.getByTestId('order-form-submit').click();

    const placedNo = page.getByTestId('order-placed-no');
    await poll(() => placedNo.textContent()).toMatch(/\S/);
    const orderNo = ((await placedNo.textContent()) ?? '').trim();
    const row = await db()
      .selectFrom('orders')
      .selectAll()
      .where('order_no', '=', orderNo)
      .executeTakeFirstOrThrow();
    expect(tc.ctx.cipher.decrypt(row.contact_phone_enc)).toBe('0916-1234567');
    expect(row.contact_phone_index).toBe(phoneIndex(tc.ctx.cipher, '0916-1234567'));
    // the resident adds a photo through the tracking link the station passed on
    const link = (await page.getByTestId('order-tracking-link').inputValue()).trim();
    const token = /\/h5\/track\/([A-Za-z0-9_-]{20,})$/.exec(link)![1]!;
    const photo = multipartBody('灯泡.png', 'image/png', TINY_PNG);
    const added = await tc.app.inject({
      method: 'POST',
      url: `/api/public/orders/${token}/photos`,
      remoteAddress: nextIp(),
      headers: { 'content-type': photo.contentType },
      payload: photo.payload,
    });
    expect(added.statusCode, added.body).toBe(200);
    await page.getByTestId('order-placed-open').click();
    await page.waitForURL(new RegExp(`/orders/${row.id}$`));
    await poll(() => textOf(page, 'order-contact-phone')).toBe('0916-***4567');
    // staff see it with the order, served from the village's uploads
    const thumbnail = page.getByTestId('order-photos').locator('img');
    await thumbnail.waitFor();
    await poll(() => thumbnail.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('项目库: the institute establishes a project, moves it to 招募 and publishes a menu item under it', async () => {
    const name = `银发关爱行动${Date.now() % 100000}`;
    const itemTitle = `${name}·上门助浴`;
    const admin = await userId('demo-institute');

    const { page, problems } = await logIn('demo-institute');
    await openMenu(page, '项目库', /\/projects$/);
    await page.getByTestId('project-create').click();
    const drawer = page.getByTestId('project-form-drawer');
    await fill(page, 'project-form-name', name);
    await choose(page, 'project-form-category', '关爱老人');
    await fill(page, 'project-form-target', '24');
    await page.getByTestId('project-form-save').click();

    await page.waitForURL(/\/projects\/\d+$/);
    await drawer.waitFor({ state: 'hidden' });
    const projectId = Number(/\/projects\/(\d+)$/.exec(page.url())![1]);
    await poll(() => textOf(page, 'project-name')).toBe(name);
    const info = page.getByTestId('project-info');
    expect(await info.textContent()).toContain('确立项目');
    expect(await info.textContent()).toContain('24 次');
    const history = page.getByTestId('project-history').locator('.el-timeline-item');
    await poll(() => history.count()).toBe(1);

    // the only legal next stage is 招募; the note goes into the history
    const next = page.getByTestId('project-status-next');
    await poll(() => next.count()).toBe(1);
    expect(await next.textContent()).toContain('招募志愿者');
    await next.click();
    const note = '面向全镇招募助老志愿者 20 名';
    await fill(page, 'project-status-note', note);
    await page.getByTestId('project-status-confirm').click();
    await poll(() => history.count()).toBe(2);
    expect(await page.getByTestId('project-history').textContent()).toContain('确立项目 → 招募志愿者');
    expect(await page.getByTestId('project-history').textContent()).toContain(note);
    expect(await info.textContent()).toContain('招募志愿者');

    const project = await db()
      .selectFrom('projects')
      .selectAll()
      .where('id', '=', projectId)
      .executeTakeFirstOrThrow();
    expect(project).toMatchObject({
      name,
      status: 'recruiting',
      owner_org_id: institute.id,
      service_category: 'elderly',
      yearly_target: 24,
    });
    const changes = await db()
      .selectFrom('project_status_history')
      .select(['from_status', 'to_status', 'note', 'changed_by'])
      .where('project_id', '=', projectId)
      .orderBy('id')
      .execute();
    expect(changes).toEqual([
      { from_status: null, to_status: 'established', note: null, changed_by: admin },
      { from_status: 'established', to_status: 'recruiting', note, changed_by: admin },
    ]);

    // from the project to its (empty) service list, then 新增服务项目 tied to it
    await info.getByRole('link', { name: '0 项服务' }).click();
    await page.waitForURL(new RegExp(`/menu-items\\?projectId=${projectId}$`));
    const table = page.getByTestId('menu-items-table');
    await poll(() => table.textContent()).toContain('暂无符合条件的服务项目');
    await page.getByTestId('menu-item-create').click();
    const menuDrawer = page.getByTestId('menu-item-form-drawer');
    await menuDrawer.waitFor();
    await page.getByTestId('menu-item-form-project').click();
    await page.getByTestId('menu-item-form-project').locator('input').fill(name);
    await page.getByRole('option', { name: `${name}（` }).click();
    await fill(page, 'menu-item-form-title', itemTitle);
    await choose(page, 'menu-item-form-category', '关爱老人');
    await page.getByTestId('menu-item-form-save').click();

    await menuDrawer.waitFor({ state: 'hidden' });
    const itemRow = table.locator('.el-table__body tr').filter({ hasText: itemTitle });
    await itemRow.first().waitFor();
    expect(await itemRow.first().textContent()).toContain(name);
    expect(await itemRow.first().textContent()).toContain('已上架');

    const item = await db()
      .selectFrom('menu_items')
      .selectAll()
      .where('title', '=', itemTitle)
      .executeTakeFirstOrThrow();
    expect(item).toMatchObject({
      project_id: projectId,
      status: 'published',
      owner_org_id: institute.id,
      area_org_id: institute.id,
      area_path: institute.path,
      service_category: 'elderly',
    });
    // published: residents of the institute's villages can order it
    const menu = await tc.app.inject({ method: 'GET', url: `/api/public/menu?orgId=${station.id}` });
    expect(menu.statusCode, menu.body).toBe(200);
    expect(JSON.stringify(menu.json())).toContain(itemTitle);

    await page.goto(`${baseUrl}/projects/${projectId}`);
    await poll(() => info.textContent()).toContain('1 项服务');

    expect(problems).toEqual([]);
    await page.close();
  });
});
