import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { canRunBrowser, launchChromium, serveWebApp } from '../support/browser-harness.ts';
import { as, DEMO_PASSWORD, login, nextIp, type TestContext } from '../support/context.ts';
import { orgOfUser, TINY_PNG } from '../support/org-factories.ts';
import { registerVolunteer, VOLUNTEER_PASSWORD } from '../support/volunteer-factories.ts';
import { axeViolations } from '../support/axe.ts';

// The order loop on the mobile face at 375 px: a resident orders from the village's menu (or with a
// free-text need), follows it on the tracking page; staff vet and dispatch it through the API; the
// volunteer claims, starts and finishes it on H5; the resident rates it.

const VIEWPORT = { width: 375, height: 812 };
/** A village item of 城北街道's first station needing one volunteer (demo seed). */
const MENU_TITLE = '爱心陪诊';

describe.runIf(canRunBrowser)('H5 order loop in a real browser at 375 px', () => {
  let tc: TestContext;
  let browser: Browser;
  let baseUrl: string;
  let station: { id: number; town: string; village: string };
  /** The public menu answers with the item the test orders; otherwise the free-text need is used. */
  let menuItemId: number | null = null;
  let institute: ReturnType<typeof as>;
  let stationAdmin: ReturnType<typeof as>;

  beforeAll(async () => {
    ({ tc, baseUrl } = await serveWebApp());
    const org = await orgOfUser(tc.ctx.db.system, 'demo-station'); // a village of 城北街道
    const towns = (await tc.app.inject({ method: 'GET', url: '/api/public/residence-orgs' })).json<
      { name: string; children: { id: number; name: string }[] }[]
    >();
    const town = towns.find((t) => t.children.some((c) => c.id === org.id))!;
    expect(town.name).toContain('城北街道');
    station = { id: org.id, town: town.name, village: town.children.find((c) => c.id === org.id)!.name };
    const menu = await tc.app.inject({ method: 'GET', url: `/api/public/menu?orgId=${org.id}` });
    if (menu.statusCode === 200) {
      const items = menu.json<{ items: { id: number; title: string }[] }>().items;
      menuItemId = items.find((i) => i.title === MENU_TITLE)?.id ?? null;
    }
    institute = as(tc.app, await login(tc.app, 'demo-institute'));
    stationAdmin = as(tc.app, await login(tc.app, 'demo-station'));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await tc?.close();
  });

  /** A context whose page errors are collected; geolocation granted when given. */
  async function newContext(options: { axe?: boolean; geolocation?: boolean } = {}) {
    const context = await browser.newContext({
      viewport: VIEWPORT,
      locale: 'zh-CN',
      // axe is injected as an inline script, which the server's CSP (rightly) refuses
      bypassCSP: options.axe ?? false,
      ...(options.geolocation
        ? { permissions: ['geolocation'], geolocation: { latitude: 32.98, longitude: 107.77 } }
        : {}),
    });
    const errors: string[] = [];
    context.on('weberror', (error) => errors.push(error.error().message));
    return { context, errors };
  }

  // Vant puts data-testid on the field's wrapper; the <input> is inside
  async function fill(page: Page, testId: string, value: string) {
    const el = page.getByTestId(testId);
    const tag = await el.evaluate((node) => node.tagName);
    await (tag === 'INPUT' || tag === 'TEXTAREA' ? el : el.locator('input, textarea').first()).fill(value);
  }

  async function expectNoHorizontalOverflow(page: Page) {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(VIEWPORT.width);
  }

  async function pickVillage(page: Page) {
    await page.getByTestId('h5-services-village').click();
    await page.getByRole('menuitemradio', { name: station.town, exact: true }).click();
    await page.getByRole('menuitemradio', { name: station.village, exact: true }).click();
    await expect
      .poll(async () =>
        (await page.getByTestId('h5-services-village').locator('button').textContent())?.trim(),
      )
      .toBe(`${station.town} / ${station.village}`);
  }

  /** From /h5/services with the village picked: to the order form, by the menu or as 其他需求. */
  async function openOrderForm(page: Page) {
    if (menuItemId !== null) {
      await page.getByTestId('h5-menu-group-elderly').locator('.van-collapse-item__title').click();
      const item = page.getByTestId('h5-menu-item').filter({ hasText: MENU_TITLE });
      await item.waitFor();
      expect(await item.textContent()).toContain('需 1 名志愿者');
      await item.getByTestId('h5-menu-order').click();
      await page.waitForURL(new RegExp(`/h5/order/new\\?item=${menuItemId}$`));
      await expect.poll(() => page.getByTestId('h5-order-item').textContent()).toContain(MENU_TITLE);
    } else {
      await page.getByTestId('h5-services-other').click();
      await page.waitForURL(/\/h5\/order\/new$/);
      await page.getByTestId('h5-order-category-elderly').click();
    }
  }

  async function fillOrder(page: Page) {
    await fill(page, 'h5-order-description', '老人腿脚不便，下周需要陪同去县医院复查');
    await fill(page, 'h5-order-address', '滨河花园3号楼2单元');
    await fill(page, 'h5-order-name', '王秀英');
    await fill(page, 'h5-order-phone', '13900139001');
  }

  const orderIdOf = async (orderNo: string) =>
    (
      await tc.ctx.db.system
        .selectFrom('orders')
        .select(['id'])
        .where('order_no', '=', orderNo)
        .executeTakeFirstOrThrow()
    ).id;

  /** 点单 through the API, as the H5 form would; the tracking token and the order's id. */
  async function placeByApi(
    description: string,
    options: { contactPhone?: string; menuItemId?: number } = {},
  ) {
    const res = await tc.app.inject({
      method: 'POST',
      url: '/api/public/orders',
      remoteAddress: nextIp(),
      payload: {
        stationId: station.id,
        ...(options.menuItemId ? { menuItemId: options.menuItemId } : { serviceCategory: 'elderly' }),
        description,
        address: '滨河花园5号楼',
        contactName: '刘大爷',
        contactPhone: options.contactPhone ?? '13900139002',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ orderNo: string; trackingToken: string }>();
    return { ...body, id: await orderIdOf(body.orderNo) };
  }

  /** 制单, 派单 to a new volunteer, 接单, 开始 and 完成 — all through the API. */
  async function serveByApi(id: number) {
    expect((await institute.post(`/api/orders/${id}/accept`, {})).statusCode).toBe(200);
    const v = await registerVolunteer(tc, station.id);
    expect((await stationAdmin.post(`/api/orders/${id}/dispatch`, { volunteerIds: [v.id] })).statusCode).toBe(
      200,
    );
    for (const [step, body] of [
      ['claim', {}],
      ['start', {}],
      ['finish', { note: '已完成' }],
    ] as const) {
      const res = await as(tc.app, v.session).post(`/api/me/orders/${id}/${step}`, body);
      expect(res.statusCode, res.body).toBe(200);
    }
  }

  it('a resident orders, staff dispatch, the volunteer serves on H5, the resident rates 5 stars', async () => {
    const resident = await newContext();
    const page = await resident.context.newPage();
    await page.goto(`${baseUrl}/h5/`);
    await page.getByTestId('h5-home-services').click();
    await page.waitForURL(/\/h5\/services$/);
    await pickVillage(page);
    await expectNoHorizontalOverflow(page);
    await openOrderForm(page);
    await fillOrder(page);
    await expectNoHorizontalOverflow(page);
    await page.getByTestId('h5-order-submit').click();

    const orderNoEl = page.getByTestId('h5-order-no');
    await expect.poll(() => orderNoEl.textContent()).toMatch(/\S/);
    const orderNo = ((await orderNoEl.textContent()) ?? '').trim();
    await expectNoHorizontalOverflow(page);
    await page.getByTestId('h5-order-track').click();
    await page.waitForURL(/\/h5\/track\/[A-Za-z0-9_-]{20,}$/);
    const trackUrl = page.url();
    await expect.poll(() => page.getByTestId('h5-track-status').textContent()).toContain('待受理');
    expect(await page.getByTestId('h5-track-timeline').textContent()).toContain('提交需求');
    expect(await page.getByTestId('h5-track-no').textContent()).toContain(orderNo);
    await expectNoHorizontalOverflow(page);

    // the phone remembers the order (我的点单) and the village
    await page.goto(`${baseUrl}/h5/my-orders`);
    await expect.poll(() => page.getByTestId('h5-my-order').first().textContent()).toContain(orderNo);
    await expect.poll(() => page.getByTestId('h5-my-order-status').first().textContent()).toContain('待受理');
    await page.goto(`${baseUrl}/h5/services`);
    await expect
      .poll(async () =>
        (await page.getByTestId('h5-services-village').locator('button').textContent())?.trim(),
      )
      .toBe(`${station.town} / ${station.village}`);

    // 制单 by the institute, 派单 by the station to a volunteer of the village
    const id = await orderIdOf(orderNo);
    const row = await tc.ctx.db.system
      .selectFrom('orders')
      .select(['contact_phone_enc', 'menu_item_id', 'org_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.contact_phone_enc).not.toContain('13900139001');
    expect(row.org_id).toBe(station.id);
    expect(row.menu_item_id).toBe(menuItemId);
    const accepted = await institute.post(`/api/orders/${id}/accept`, { volunteersNeeded: 1 });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const volunteer = await registerVolunteer(tc, station.id);
    const dispatched = await stationAdmin.post(`/api/orders/${id}/dispatch`, {
      volunteerIds: [volunteer.id],
    });
    expect(dispatched.statusCode, dispatched.body).toBe(200);

    // the volunteer signs in on H5 and opens 派给我的 from the home page
    const helper = await newContext({ geolocation: true });
    const vPage = await helper.context.newPage();
    await vPage.goto(`${baseUrl}/h5/login`);
    await fill(vPage, 'h5-login-username', volunteer.phone);
    await fill(vPage, 'h5-login-password', VOLUNTEER_PASSWORD);
    await vPage.getByTestId('h5-login-submit').click();
    await vPage.waitForURL(/\/h5\/me/);
    // the home page shows one unread message: the dispatch; opening it marks it read and leads to 派给我的
    await vPage.goto(`${baseUrl}/h5/`);
    expect(await vPage.getByTestId('h5-home-unread').textContent()).toContain('1');
    await vPage.getByTestId('h5-home-messages').click();
    await vPage.waitForURL(/\/h5\/messages$/);
    const message = vPage.getByTestId('h5-messages').locator('.van-cell').filter({ hasText: orderNo });
    await message.click();
    await vPage.waitForURL(/\/h5\/tasks$/);
    await vPage.goto(`${baseUrl}/h5/`);
    await vPage.getByTestId('h5-home-messages').waitFor();
    expect(await vPage.getByTestId('h5-home-unread').count()).toBe(0);
    await vPage.getByTestId('h5-home-tasks').click();
    await vPage.waitForURL(/\/h5\/tasks$/);
    const card = () =>
      vPage.getByTestId('h5-tasks-list').getByTestId('h5-task-card').filter({ hasText: orderNo });
    await card().waitFor();
    expect(await card().getByTestId('h5-task-address').textContent()).toContain('滨河花园3号楼2单元');
    expect(await card().getByTestId('h5-task-status').textContent()).toContain('待接单');
    await expectNoHorizontalOverflow(vPage);

    await card().getByTestId('h5-task-claim').click();
    await expect.poll(() => card().getByTestId('h5-task-status').textContent()).toContain('待实施');
    await expectNoHorizontalOverflow(vPage);
    await card().getByTestId('h5-task-start').click();
    await vPage.locator('.van-dialog').getByRole('button', { name: '开始服务' }).click();
    await expect.poll(() => card().getByTestId('h5-task-status').textContent()).toContain('实施中');
    await card().getByTestId('h5-task-finish').click();
    await fill(vPage, 'h5-task-note', '陪同老人到县医院复查，已安全送回家');
    await vPage.getByTestId('h5-finish-dialog').getByRole('button', { name: '提交' }).click();
    await expect.poll(() => card().getByTestId('h5-task-status').textContent()).toContain('待评单');
    await expectNoHorizontalOverflow(vPage);

    // the start was signed in where the phone was
    const started = await tc.ctx.db.system
      .selectFrom('order_events')
      .select(['details'])
      .where('order_id', '=', id)
      .where('action', '=', 'start')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(started.details)).toContain('32.98');

    // the resident's tracking page: 已完成 (in the resident's words), then 5 stars
    await page.goto(trackUrl);
    await expect.poll(() => page.getByTestId('h5-track-status').textContent()).toContain('已完成');
    const timeline = (await page.getByTestId('h5-track-timeline').textContent()) ?? '';
    for (const step of ['已受理', '正在安排志愿者', '已安排志愿者', '开始服务', '服务完成'])
      expect(timeline).toContain(step);
    await page.getByTestId('h5-rate').locator('[role="radio"]').nth(4).click();
    await page.getByTestId('h5-rate-comment').locator('textarea').fill('志愿者很耐心，谢谢！');
    await page.getByTestId('h5-rate-submit').click();
    await expect.poll(() => page.getByTestId('h5-track-rated').textContent()).toContain('5 星');
    await expectNoHorizontalOverflow(page);
    const rated = await tc.ctx.db.system
      .selectFrom('orders')
      .select(['rating', 'status'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(rated).toEqual({ rating: 5, status: 'served' });

    expect([...resident.errors, ...helper.errors]).toEqual([]);
    await resident.context.close();
    await helper.context.close();
  });

  it('a volunteer who was too late sees the server say so', async () => {
    const { orderNo, id } = await placeByApi('帮忙换一下灯泡');
    expect((await institute.post(`/api/orders/${id}/accept`, {})).statusCode).toBe(200);
    const [first, second] = [
      await registerVolunteer(tc, station.id),
      await registerVolunteer(tc, station.id),
    ];
    const dispatched = await stationAdmin.post(`/api/orders/${id}/dispatch`, {
      volunteerIds: [first.id, second.id],
    });
    expect(dispatched.statusCode, dispatched.body).toBe(200);

    const { context, errors } = await newContext();
    await context.addCookies(
      second.session.cookie.split('; ').map((pair) => {
        const [name, ...value] = pair.split('=');
        return { name: name!, value: value.join('='), url: baseUrl };
      }),
    );
    const page = await context.newPage();
    await page.goto(`${baseUrl}/h5/tasks`);
    const card = page.getByTestId('h5-tasks-list').getByTestId('h5-task-card').filter({ hasText: orderNo });
    await card.waitFor();
    // the other volunteer takes it first
    expect((await as(tc.app, first.session).post(`/api/me/orders/${id}/claim`)).statusCode).toBe(200);
    await card.getByTestId('h5-task-claim').click();
    await expect
      .poll(() => page.locator('.van-toast--fail').last().textContent())
      .toContain('已被其他志愿者接单');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a two-person order: the first to claim waits in 进行中 for the second, then starts the service', async () => {
    const { orderNo, id } = await placeByApi('两位老人行动不便，需要两人陪同去县医院体检');
    const accepted = await institute.post(`/api/orders/${id}/accept`, { volunteersNeeded: 2 });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const [first, second] = [
      await registerVolunteer(tc, station.id),
      await registerVolunteer(tc, station.id),
    ];
    const dispatched = await stationAdmin.post(`/api/orders/${id}/dispatch`, {
      volunteerIds: [first.id, second.id],
    });
    expect(dispatched.statusCode, dispatched.body).toBe(200);

    const { context, errors } = await newContext();
    await context.addCookies(
      first.session.cookie.split('; ').map((pair) => {
        const [name, ...value] = pair.split('=');
        return { name: name!, value: value.join('='), url: baseUrl };
      }),
    );
    const page = await context.newPage();
    await page.goto(`${baseUrl}/h5/tasks`);
    const card = page.getByTestId('h5-tasks-list').getByTestId('h5-task-card').filter({ hasText: orderNo });
    await card.waitFor();
    expect(await card.textContent()).toContain('2 人');
    await card.getByTestId('h5-task-claim').click();
    const tabs = page.getByTestId('h5-tasks-tabs');

    // claimed: the card is in 进行中 as the volunteer's own step, waiting for one more volunteer
    await expect.poll(() => tabs.getByRole('tab', { selected: true }).textContent()).toContain('进行中');
    await expect.poll(() => card.count()).toBe(1);
    expect((await card.getByTestId('h5-task-status').textContent())?.trim()).toBe('已接单');
    expect(await card.getByTestId('h5-task-waiting').textContent()).toContain('还需 1 名志愿者接单');
    expect(await card.getByTestId('h5-task-claim').count()).toBe(0);
    expect(await card.getByTestId('h5-task-start').count()).toBe(0);
    expect(await tabs.getByRole('tab', { name: /已完成/ }).textContent()).toContain('已完成（0）');
    await expectNoHorizontalOverflow(page);

    // the second volunteer claims: the service can start, and the first one starts it
    expect((await as(tc.app, second.session).post(`/api/me/orders/${id}/claim`)).statusCode).toBe(200);
    await page.reload();
    await tabs.getByRole('tab', { name: /进行中/ }).click();
    await expect.poll(() => card.getByTestId('h5-task-status').textContent()).toContain('待实施');
    expect(await card.getByTestId('h5-task-waiting').count()).toBe(0);
    await card.getByTestId('h5-task-start').click();
    await page.locator('.van-dialog').getByRole('button', { name: '开始服务' }).click();
    await expect.poll(() => card.getByTestId('h5-task-status').textContent()).toContain('实施中');
    expect(await card.getByTestId('h5-task-finish').count()).toBe(1);
    // the second volunteer may finish it for both of them
    const theirs = (await as(tc.app, second.session).get('/api/me/orders')).json<
      { id: number; status: string; offerStatus: string }[]
    >();
    expect(theirs.find((o) => o.id === id)).toMatchObject({ status: 'in_service', offerStatus: 'claimed' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the tracking page: 撤销 with a reason, the reason for a rejection, 需求未解决 after closing', async () => {
    const { context, errors } = await newContext();
    const page = await context.newPage();

    const cancelled = await placeByApi('想请人帮忙修水管');
    await page.goto(`${baseUrl}/h5/track/${cancelled.trackingToken}`);
    await expect.poll(() => page.getByTestId('h5-track-status').textContent()).toContain('待受理');
    await page.getByTestId('h5-track-cancel').click();
    // the reason is required: confirming without one keeps the dialog open
    await page.getByTestId('h5-cancel-dialog').getByRole('button', { name: '确定撤销' }).click();
    await expect
      .poll(() => page.locator('.van-toast--fail').last().textContent())
      .toContain('请填写撤销原因');
    await fill(page, 'h5-cancel-dialog-note', '邻居已经帮忙修好了');
    await page.getByTestId('h5-cancel-dialog').getByRole('button', { name: '确定撤销' }).click();
    await expect.poll(() => page.getByTestId('h5-track-status').textContent()).toContain('已撤销');
    expect(await page.getByTestId('h5-track-timeline').textContent()).toContain('邻居已经帮忙修好了');
    expect(await page.getByTestId('h5-track-cancel').count()).toBe(0);

    const rejected = await placeByApi('请帮我代缴话费');
    const reject = await institute.post(`/api/orders/${rejected.id}/reject`, {
      reason: '不属于志愿服务范围',
    });
    expect(reject.statusCode, reject.body).toBe(200);
    await page.goto(`${baseUrl}/h5/track/${rejected.trackingToken}`);
    await expect.poll(() => page.getByTestId('h5-track-status').textContent()).toContain('未受理');
    expect(await page.getByTestId('h5-track-reject').textContent()).toContain('不属于志愿服务范围');
    expect(await page.getByTestId('h5-track-steps').count()).toBe(0);

    const closed = await placeByApi('陪老人聊聊天');
    await serveByApi(closed.id);
    const evaluated = await stationAdmin.post(`/api/orders/${closed.id}/evaluate`, { evaluation: '已办结' });
    expect(evaluated.statusCode, evaluated.body).toBe(200);
    await page.goto(`${baseUrl}/h5/track/${closed.trackingToken}`);
    await expect.poll(() => page.getByTestId('h5-track-status').textContent()).toContain('已完成');
    await page.getByTestId('h5-track-reopen').click();
    await fill(page, 'h5-reopen-dialog-note', '老人说志愿者没来');
    await page.getByTestId('h5-reopen-dialog').getByRole('button', { name: '提交' }).click();
    await expect.poll(() => page.getByTestId('h5-track-status').textContent()).toContain('已受理');
    await expectNoHorizontalOverflow(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('其他需求: a free-text need with a service category, checked before it is sent', async () => {
    const { context, errors } = await newContext({ axe: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/h5/services`);
    await pickVillage(page);
    await page.getByTestId('h5-services-other').click();
    await page.waitForURL(/\/h5\/order\/new$/);
    await page.getByTestId('h5-order-category').waitFor();
    await page.waitForLoadState('networkidle');
    const violations = await axeViolations(page);
    expect(violations, violations.join('\n')).toEqual([]);

    await page.getByTestId('h5-order-submit').click();
    const messages = () => page.locator('.van-field__error-message').allTextContents();
    await expect.poll(messages).toContain('请选择服务类别');
    expect(await messages()).toContain('请填写需求描述');
    await fillOrder(page);
    await fill(page, 'h5-order-phone', '1390013');
    await page.getByTestId('h5-order-category-health').click();
    await page.getByTestId('h5-order-submit').click();
    await expect.poll(messages).toEqual([expect.stringContaining('手机号')]);
    await fill(page, 'h5-order-phone', '13900139003');
    await page.getByTestId('h5-order-submit').click();
    await page.getByTestId('h5-order-track').click();
    await expect.poll(() => page.getByTestId('h5-track-status').textContent()).toContain('待受理');
    expect(await page.locator('#h5-track-title').textContent()).toContain('医疗健康');
    await expectNoHorizontalOverflow(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  /** A signed-in volunteer's phone: the session's cookies in a new context. */
  async function volunteerContext(session: { cookie: string }, options: { axe?: boolean } = {}) {
    const phone = await newContext(options);
    await phone.context.addCookies(
      session.cookie.split('; ').map((pair) => {
        const [name, ...value] = pair.split('=');
        return { name: name!, value: value.join('='), url: baseUrl };
      }),
    );
    return phone;
  }

  /** The words of the order loop staff use, which a resident should never have to read. */
  const INTERNAL_WORDS = ['制单', '评单', '派单', '接单', '实施'];

  it('the tracking page speaks plainly: the service ordered, 已受理 → 已安排志愿者 → 服务中 → 已完成', async () => {
    expect(menuItemId, `the demo menu offers ${MENU_TITLE}`).not.toBeNull();
    const { trackingToken, id } = await placeByApi('想请志愿者陪我去医院', { menuItemId: menuItemId! });
    const { context, errors } = await newContext();
    const page = await context.newPage();
    const main = page.locator('main');
    async function expectPlain(status: string) {
      await page.goto(`${baseUrl}/h5/track/${trackingToken}`);
      await expect.poll(() => page.getByTestId('h5-track-status').textContent()).toContain(status);
      // the service the resident ordered, not a category code or a staff stage
      expect(await page.getByTestId('h5-track-service').textContent()).toContain(MENU_TITLE);
      const text = (await main.textContent()) ?? '';
      for (const word of INTERNAL_WORDS) expect(text, `${status}: "${word}" on the page`).not.toContain(word);
    }

    await expectPlain('待受理');
    expect(
      (await page.getByTestId('h5-track-steps').locator('.van-step').allTextContents()).map((t) => t.trim()),
    ).toEqual(['已受理', '已安排志愿者', '服务中', '已完成']);
    expect((await institute.post(`/api/orders/${id}/accept`, {})).statusCode).toBe(200);
    await expectPlain('已受理');
    const v = await registerVolunteer(tc, station.id);
    expect((await stationAdmin.post(`/api/orders/${id}/dispatch`, { volunteerIds: [v.id] })).statusCode).toBe(
      200,
    );
    expect((await as(tc.app, v.session).post(`/api/me/orders/${id}/claim`)).statusCode).toBe(200);
    await expectPlain('已安排志愿者');
    expect((await as(tc.app, v.session).post(`/api/me/orders/${id}/start`, {})).statusCode).toBe(200);
    await expectPlain('服务中');
    const finished = await as(tc.app, v.session).post(`/api/me/orders/${id}/finish`, { note: '已陪同复查' });
    expect(finished.statusCode).toBe(200);
    await expectPlain('已完成');
    const timeline = (await page.getByTestId('h5-track-timeline').textContent()) ?? '';
    for (const step of ['已受理', '已安排志愿者', '开始服务', '服务完成']) expect(timeline).toContain(step);
    await expectNoHorizontalOverflow(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a resident with only a landline orders with a photo; staff see the number masked', async () => {
    const { context, errors } = await newContext({ axe: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/h5/services`);
    await pickVillage(page);
    await page.getByTestId('h5-services-other').click();
    await page.waitForURL(/\/h5\/order\/new$/);
    await page.getByTestId('h5-order-category-elderly').click();
    await fillOrder(page);
    await fill(page, 'h5-order-phone', '0916-1234567');
    await page
      .getByTestId('h5-order-photos')
      .locator('input[type="file"]')
      .setInputFiles({ name: '漏水.png', mimeType: 'image/png', buffer: TINY_PNG });
    await expect.poll(() => page.getByTestId('h5-order-photos').locator('img').count()).toBe(1);
    const formViolations = await axeViolations(page);
    expect(formViolations, formViolations.join('\n')).toEqual([]);
    await page.getByTestId('h5-order-submit').click();
    const orderNoEl = page.getByTestId('h5-order-no');
    await expect.poll(() => orderNoEl.textContent()).toMatch(/\S/);
    const orderNo = ((await orderNoEl.textContent()) ?? '').trim();
    const row = await tc.ctx.db.system
      .selectFrom('orders')
      .selectAll()
      .where('order_no', '=', orderNo)
      .executeTakeFirstOrThrow();
    expect(tc.ctx.cipher.decrypt(row.contact_phone_enc)).toBe('0916-1234567');
    // the photo is kept in the database, bound to this order and its village
    const photoIds = row.photo_ids;
    expect(photoIds).toHaveLength(1);
    const photo = await tc.ctx.db.system
      .selectFrom('uploads')
      .select(['org_path', 'uploaded_by', 'byte_size'])
      .where('id', '=', photoIds[0]!)
      .executeTakeFirstOrThrow();
    expect(photo).toEqual({ org_path: row.org_path, uploaded_by: null, byte_size: TINY_PNG.length });
    const detail = await stationAdmin.get(`/api/orders/${row.id}`);
    expect(detail.json().contactPhone).toBe('0916-***4567');

    await page.getByTestId('h5-order-track').click();
    await page.getByTestId('h5-track-photo').first().waitFor();
    expect(await page.getByTestId('h5-track-photo').count()).toBe(1);
    await expectNoHorizontalOverflow(page);
    await page.waitForLoadState('networkidle');
    const trackViolations = await axeViolations(page);
    expect(trackViolations, trackViolations.join('\n')).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the volunteer calls the resident while serving (revealed on asking, audited), adds a photo on finishing, and the number is gone after', async () => {
    const { orderNo, id } = await placeByApi('帮忙修理漏水的水龙头', { contactPhone: '0916-7654321' });
    expect((await institute.post(`/api/orders/${id}/accept`, {})).statusCode).toBe(200);
    const v = await registerVolunteer(tc, station.id);
    expect((await stationAdmin.post(`/api/orders/${id}/dispatch`, { volunteerIds: [v.id] })).statusCode).toBe(
      200,
    );
    expect((await as(tc.app, v.session).post(`/api/me/orders/${id}/claim`)).statusCode).toBe(200);
    const volunteerUser = await tc.ctx.db.system
      .selectFrom('volunteers')
      .select('user_id')
      .where('id', '=', v.id)
      .executeTakeFirstOrThrow();

    const { context, errors } = await volunteerContext(v.session, { axe: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/h5/tasks`);
    await page.getByRole('tab', { name: /进行中/ }).click();
    const card = page.getByTestId('h5-tasks-list').getByTestId('h5-task-card').filter({ hasText: orderNo });
    await card.waitFor();
    // masked until the volunteer asks for it
    expect(await card.textContent()).toContain('0916-***4321');
    expect(await card.getByTestId('h5-task-call').count()).toBe(0);
    await card.getByTestId('h5-task-contact').click();
    const call = card.getByTestId('h5-task-call');
    await call.waitFor();
    expect(await call.getAttribute('href')).toBe('tel:0916-7654321');
    expect(await call.textContent()).toContain('0916-7654321');
    const reveals = await tc.ctx.db.system
      .selectFrom('audit_log')
      .select(['actor_user_id', 'resource_id'])
      .where('action', '=', 'order.contact_reveal')
      .where('resource_id', '=', String(id))
      .execute();
    expect(reveals).toEqual([{ actor_user_id: volunteerUser.user_id, resource_id: String(id) }]);
    await expectNoHorizontalOverflow(page);
    const revealedViolations = await axeViolations(page);
    expect(revealedViolations, revealedViolations.join('\n')).toEqual([]);

    // 开始服务, then 完成服务 with a photo as evidence
    expect((await as(tc.app, v.session).post(`/api/me/orders/${id}/start`, {})).statusCode).toBe(200);
    await page.reload();
    await page.getByRole('tab', { name: /进行中/ }).click();
    await card.getByTestId('h5-task-finish').click();
    await fill(page, 'h5-task-note', '更换了水龙头阀芯，不再漏水');
    await page
      .getByTestId('h5-finish-photos')
      .locator('input[type="file"]')
      .setInputFiles({ name: '修好了.png', mimeType: 'image/png', buffer: TINY_PNG });
    await expect.poll(() => page.getByTestId('h5-finish-photos').locator('img').count()).toBe(1);
    const dialogViolations = await axeViolations(page);
    expect(dialogViolations, dialogViolations.join('\n')).toEqual([]);
    await page.getByTestId('h5-finish-dialog').getByRole('button', { name: '提交' }).click();
    await page.getByRole('tab', { name: /已完成/ }).click();
    await expect.poll(() => card.getByTestId('h5-task-status').count()).toBe(1);
    const served = await tc.ctx.db.system
      .selectFrom('orders')
      .select(['status', 'service_photo_ids', 'org_path'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(served.status).toBe('served');
    expect(served.service_photo_ids).toHaveLength(1);
    const evidence = await tc.ctx.db.system
      .selectFrom('uploads')
      .select(['org_path', 'uploaded_by'])
      .where('id', '=', served.service_photo_ids[0]!)
      .executeTakeFirstOrThrow();
    expect(evidence).toEqual({ org_path: served.org_path, uploaded_by: volunteerUser.user_id });
    // the service is done: the number is masked again and cannot be asked for
    expect(await card.getByTestId('h5-task-contact').count()).toBe(0);
    expect(await card.getByTestId('h5-task-call').count()).toBe(0);
    expect(await card.textContent()).not.toContain('0916-7654321');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a resident with an account: 我的 lists their orders (earlier ones found by phone with a code), no volunteer pages, and the console sends them to H5', async () => {
    const residentPhone = '13900139088';
    const earlier = await placeByApi('上个月请人帮忙打扫卫生', { contactPhone: residentPhone });
    const resident = await tc.ctx.db.system
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'demo-resident')
      .executeTakeFirstOrThrow();

    const { context, errors } = await newContext({ axe: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/h5/login`);
    await fill(page, 'h5-login-username', 'demo-resident');
    await fill(page, 'h5-login-password', DEMO_PASSWORD);
    await page.getByTestId('h5-login-submit').click();
    await page.waitForURL(/\/h5\/me/);
    await page.getByTestId('h5-resident-me').waitFor();
    expect(await page.locator('main').textContent()).not.toContain('不是志愿者账号');
    // the bottom bar has no volunteer pages; 我的队伍 leads back to 我的
    expect(await page.locator('.van-tabbar').getByText('我的队伍').count()).toBe(0);
    await page.goto(`${baseUrl}/h5/teams`);
    await page.waitForURL(/\/h5\/me$/);
    await page.getByTestId('h5-resident-me').waitFor();
    await expectNoHorizontalOverflow(page);

    // an order placed while signed in is the account's
    await page.goto(`${baseUrl}/h5/services`);
    await pickVillage(page);
    await page.getByTestId('h5-services-other').click();
    await page.waitForURL(/\/h5\/order\/new$/);
    await page.getByTestId('h5-order-category-elderly').click();
    await fillOrder(page);
    await fill(page, 'h5-order-phone', residentPhone);
    await page.getByTestId('h5-order-submit').click();
    const orderNoEl = page.getByTestId('h5-order-no');
    await expect.poll(() => orderNoEl.textContent()).toMatch(/\S/);
    const placedNo = ((await orderNoEl.textContent()) ?? '').trim();
    const placed = await tc.ctx.db.system
      .selectFrom('orders')
      .select(['resident_user_id'])
      .where('order_no', '=', placedNo)
      .executeTakeFirstOrThrow();
    expect(placed.resident_user_id).toBe(resident.id);

    await page.goto(`${baseUrl}/h5/me`);
    const orders = page.getByTestId('h5-resident-orders');
    await expect.poll(() => orders.textContent()).toContain(placedNo);
    expect(await orders.textContent()).not.toContain(earlier.orderNo);

    // the earlier one, placed without signing in, is found by the phone and a one-time code
    await fill(page, 'h5-resident-find-phone', residentPhone);
    await page.getByTestId('h5-resident-send-code').click();
    // demo mode has no SMS gateway: the page shows the code, and says so
    const demo = page.getByTestId('h5-resident-demo-code');
    await expect.poll(() => demo.textContent()).toMatch(/\d{6}/);
    const code = /(\d{6})/.exec((await demo.textContent()) ?? '')![1]!;
    await page.waitForLoadState('networkidle');
    const meViolations = await axeViolations(page);
    expect(meViolations, meViolations.join('\n')).toEqual([]);
    await fill(page, 'h5-resident-code', code);
    await page.getByTestId('h5-resident-link').click();
    await expect.poll(() => orders.textContent()).toContain(earlier.orderNo);
    const linked = await tc.ctx.db.system
      .selectFrom('orders')
      .select(['resident_user_id'])
      .where('id', '=', earlier.id)
      .executeTakeFirstOrThrow();
    expect(linked.resident_user_id).toBe(resident.id);
    await expectNoHorizontalOverflow(page);

    // opening one shows its progress in plain words
    await orders.getByTestId('h5-resident-order').filter({ hasText: earlier.orderNo }).click();
    await expect.poll(() => page.getByTestId('h5-track-status').textContent()).toContain('待受理');

    // the console is for staff: a resident is shown where to go instead of an empty workbench
    await page.goto(`${baseUrl}/`);
    await page.getByTestId('console-mobile-only').waitFor();
    expect(await page.getByTestId('console-mobile-only-h5').getAttribute('href')).toBe('/h5/me');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('/h5/services, the order form, the tracking page, 派给我的 and 我的消息 pass axe (WCAG 2.1 A/AA)', async () => {
    const { context, errors } = await newContext({ axe: true });
    const page = await context.newPage();
    const found: Record<string, string[]> = {};
    async function check(state: string) {
      await page.waitForLoadState('networkidle');
      const violations = await axeViolations(page);
      if (violations.length) found[state] = violations;
    }

    await page.goto(`${baseUrl}/h5/services`);
    await page.getByTestId('h5-services-pick').waitFor();
    await check('/h5/services, no village');
    await pickVillage(page);
    await page
      .getByTestId('h5-menu-item')
      .first()
      .or(page.getByTestId('h5-services-other'))
      .first()
      .waitFor();
    await check('/h5/services, menu');

    await openOrderForm(page);
    await check('/h5/order/new');
    await fillOrder(page);
    await page.getByTestId('h5-order-time').locator('button').first().click();
    await page.getByRole('tab', { name: '选择日期' }).waitFor();
    await check('/h5/order/new, date picker open');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('tab', { name: '选择时间', selected: true }).waitFor();
    await check('/h5/order/new, time picker open');
    await page.getByRole('button', { name: '确定' }).click();
    await page.getByRole('tab', { name: '选择日期' }).waitFor({ state: 'hidden' });
    await expect
      .poll(() => page.getByTestId('h5-order-time').locator('button').first().textContent())
      .toMatch(/\d{4}-\d{2}-\d{2} 09:00/);
    await page.getByTestId('h5-order-submit').click();
    await page.getByTestId('h5-order-no').waitFor();
    const orderNo = ((await page.getByTestId('h5-order-no').textContent()) ?? '').trim();
    const preferred = await tc.ctx.db.system
      .selectFrom('orders')
      .select(['preferred_at'])
      .where('order_no', '=', orderNo)
      .executeTakeFirstOrThrow();
    expect(new Date(preferred.preferred_at!).getUTCHours()).toBe(1); // 09:00 in Beijing
    await check('/h5/order/new, placed');
    await page.getByTestId('h5-order-track').click();
    await expect.poll(() => page.getByTestId('h5-track-status').textContent()).toContain('待受理');
    await check('/h5/track, submitted');
    await page.getByTestId('h5-track-cancel').click();
    await page.getByTestId('h5-cancel-dialog-note').waitFor();
    await check('/h5/track, cancel dialog open');
    await page.getByTestId('h5-cancel-dialog').getByRole('button', { name: '取消' }).click();
    await page.getByTestId('h5-cancel-dialog-note').waitFor({ state: 'hidden' });
    await serveByApi(await orderIdOf(orderNo));
    await page.reload();
    await page.getByTestId('h5-rate').waitFor();
    await check('/h5/track, served (rating)');

    const volunteer = await registerVolunteer(tc, station.id);
    await page.goto(`${baseUrl}/h5/login`);
    await fill(page, 'h5-login-username', volunteer.phone);
    await fill(page, 'h5-login-password', VOLUNTEER_PASSWORD);
    await page.getByTestId('h5-login-submit').click();
    await page.waitForURL(/\/h5\/me/);
    await page.goto(`${baseUrl}/h5/tasks`);
    await page.getByTestId('h5-tasks-list').waitFor();
    await check('/h5/tasks');
    await page.goto(`${baseUrl}/h5/messages`);
    await page.getByTestId('h5-messages-empty').waitFor();
    await check('/h5/messages, empty');
    const offered = await placeByApi('想请志愿者帮忙读报');
    expect((await institute.post(`/api/orders/${offered.id}/accept`, {})).statusCode).toBe(200);
    const sent = await stationAdmin.post(`/api/orders/${offered.id}/dispatch`, {
      volunteerIds: [volunteer.id],
    });
    expect(sent.statusCode, sent.body).toBe(200);
    await page.reload();
    await page.getByTestId('h5-messages').waitFor();
    await check('/h5/messages, one unread');

    expect(found, `axe violations:\n${JSON.stringify(found, null, 2)}`).toEqual({});
    expect(errors).toEqual([]);
    await context.close();
  });
});
