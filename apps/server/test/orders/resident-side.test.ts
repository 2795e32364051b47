// The residents' and volunteers' side of orders (issue 13): landlines as contact phones, the
// service ordered on the tracking view, photos a resident adds to an order (also without an
// account: bound to the order, limited in size, count and rate), a resident's account (orders placed
// signed in, earlier ones linked by phone with a one-time code), and the volunteer serving an order:
// the resident's phone revealed only during the assignment and audited, evidence photos bound to it.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTACT_PHONE_MESSAGE } from '@civic/contracts';
import { as, createTestContext, login, nextIp, type Session, type TestContext } from '../support/context.ts';
import {
  createUser,
  multipartBody,
  orgOfUser,
  tableDigest,
  TINY_PNG,
  type OrgRef,
} from '../support/org-factories.ts';
import { registerVolunteer, type RegisteredVolunteer } from '../support/volunteer-factories.ts';

let t: TestContext;
let station: OrgRef;
let institute: ReturnType<typeof as>;
let stationAdmin: ReturnType<typeof as>;
let resident: ReturnType<typeof as>;
let residentId: number;

const CHINESE = /[\u4e00-\u9fa5]/;
let phoneSerial = 0;
/** A mobile no other test in this file uses. */
const freshMobile = () => `1390013${String(7000 + (phoneSerial += 1)).padStart(4, '0')}`;

beforeAll(async () => {
  t = await createTestContext();
  station = await orgOfUser(t.ctx.db.system, 'demo-station');
  institute = as(t.app, await login(t.app, 'demo-institute'));
  stationAdmin = as(t.app, await login(t.app, 'demo-station'));
  resident = as(t.app, await login(t.app, 'demo-resident'));
  residentId = (
    await t.ctx.db.system
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'demo-resident')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => t?.close());

const pub = (method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, payload, remoteAddress: nextIp() });

const need = (extra: Record<string, unknown> = {}) => ({
  stationId: station.id,
  serviceCategory: 'elderly',
  description: '老人家里的水管漏水，需要帮忙看看',
  address: '东风社区5号楼1单元',
  contactName: '赵大爷',
  contactPhone: freshMobile(),
  ...extra,
});

async function place(extra: Record<string, unknown> = {}) {
  const res = await pub('POST', '/api/public/orders', need(extra));
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json<{ orderNo: string; trackingToken: string }>();
  const row = await t.ctx.db.system
    .selectFrom('orders')
    .select('id')
    .where('order_no', '=', body.orderNo)
    .executeTakeFirstOrThrow();
  return { ...body, id: row.id };
}

const orderRow = (id: number) =>
  t.ctx.db.system.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

function expect4xx(res: { statusCode: number; body: string }, status: number, code?: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = JSON.parse(res.body) as { code: string; message: string };
  expect(body.message).toMatch(CHINESE);
  if (code) expect(body.code).toBe(code);
}

/** Sends one file to a photo route, with or without a session. */
function sendPhoto(url: string, data: Buffer, session?: Session, fileName = 'photo.png') {
  const body = multipartBody(fileName, 'image/png', data);
  return t.app.inject({
    method: 'POST',
    url,
    remoteAddress: nextIp(),
    headers: {
      'content-type': body.contentType,
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
    },
    payload: body.payload,
  });
}

/** 制单 and 派单 to a new volunteer of the village; the volunteer. */
async function dispatchToNew(id: number): Promise<RegisteredVolunteer> {
  expect((await institute.post(`/api/orders/${id}/accept`, {})).statusCode).toBe(200);
  const v = await registerVolunteer(t, station.id);
  const res = await stationAdmin.post(`/api/orders/${id}/dispatch`, { volunteerIds: [v.id] });
  expect(res.statusCode, res.body).toBe(200);
  return v;
}

const auditsOf = (action: string, orderId: number) =>
  t.ctx.db.system
    .selectFrom('audit_log')
    .select(['actor_user_id', 'summary'])
    .where('action', '=', action)
    .where('resource_id', '=', String(orderId))
    .orderBy('id')
    .execute();

describe('landlines as contact phones', () => {
  it('a resident orders with a landline: stored normalised with its index, masked for staff', async () => {
    const { id, trackingToken } = await place({ contactPhone: '(0916)1234567转801' });
    const row = await orderRow(id);
    expect(t.ctx.cipher.decrypt(row.contact_phone_enc)).toBe('0916-1234567-801');
    const detail = await stationAdmin.get(`/api/orders/${id}`);
    expect(detail.json().contactPhone).toBe('0916-***4567');
    // the tracking view never carries the phone
    expect((await pub('GET', `/api/public/orders/${trackingToken}`)).body).not.toContain('1234567');
  });

  it('代点单 takes a landline too', async () => {
    const res = await stationAdmin.post('/api/orders', {
      ...need({ contactPhone: '0916 7654321' }),
      channel: 'phone',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(t.ctx.cipher.decrypt((await orderRow(res.json().order.id)).contact_phone_enc)).toBe(
      '0916-7654321',
    );
    expect(res.json().order.contactPhone).toBe('0916-***4321');
  });

  it('refuses a number that is neither, with the message that says what is accepted, and stores nothing', async () => {
    const before = await tableDigest(t.ctx.db.system, 'orders');
    for (const bad of ['0916-123', '1234567', '091-61234567', '138001380']) {
      const res = await pub('POST', '/api/public/orders', need({ contactPhone: bad }));
      expect4xx(res, 400, 'INVALID_PHONE');
      expect(res.json().message).toBe(CONTACT_PHONE_MESSAGE);
    }
    expect(await tableDigest(t.ctx.db.system, 'orders')).toBe(before);
  });
});

describe('the tracking view names the service ordered', () => {
  it('gives the menu item’s title, or null for a free-text need', async () => {
    const { rows } = await sql<{ id: number; title: string }>`
      SELECT id, title FROM menu_items
      WHERE status = 'published' AND ${station.path}::ltree <@ area_path ORDER BY id LIMIT 1`.execute(
      t.ctx.db.system,
    );
    const item = rows[0]!;
    expect(item, 'the demo village has a published menu').toBeDefined();
    const ordered = await place({ serviceCategory: undefined, menuItemId: item.id });
    const view = await pub('GET', `/api/public/orders/${ordered.trackingToken}`);
    expect(view.json().serviceTitle).toBe(item.title);
    const free = await place();
    expect((await pub('GET', `/api/public/orders/${free.trackingToken}`)).json().serviceTitle).toBeNull();
  });
});

describe('a resident’s photos of their need', () => {
  it('bound to the order when uploaded, shown back by the link, seen by staff; no uploader account', async () => {
    const { id, trackingToken } = await place();
    const res = await sendPhoto(`/api/public/orders/${trackingToken}/photos`, TINY_PNG);
    expect(res.statusCode, res.body).toBe(200);
    const photo = res.json<{ id: string; url: string }>();
    expect(photo.url).toBe(`/api/public/orders/${trackingToken}/photos/${photo.id}`);
    const row = await orderRow(id);
    expect(row.photo_ids).toEqual([photo.id]);
    const upload = await t.ctx.db.system
      .selectFrom('uploads')
      .select(['org_path', 'uploaded_by', 'byte_size', 'mime_type'])
      .where('id', '=', photo.id)
      .executeTakeFirstOrThrow();
    expect(upload).toEqual({
      org_path: row.org_path,
      uploaded_by: null,
      byte_size: TINY_PNG.length,
      mime_type: 'image/png',
    });
    expect(await auditsOf('order.photo_add', id)).toEqual([
      { actor_user_id: null, summary: expect.objectContaining({ photoId: photo.id }) },
    ]);

    const tracking = (await pub('GET', `/api/public/orders/${trackingToken}`)).json();
    expect(tracking.photos).toEqual([photo]);
    const image = await pub('GET', photo.url);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.rawPayload.equals(TINY_PNG)).toBe(true);
    // staff of the village see it with the order
    const detail = (await stationAdmin.get(`/api/orders/${id}`)).json();
    expect(detail.photos).toEqual([`/api/uploads/${photo.id}`]);
    expect((await stationAdmin.get(`/api/uploads/${photo.id}`)).statusCode).toBe(200);
  });

  it('limits them: images only, 5 MB each, 3 per order, only while the need is handled — refusals store nothing', async () => {
    const { id, trackingToken } = await place();
    const url = `/api/public/orders/${trackingToken}/photos`;
    const uploadsBefore = await tableDigest(t.ctx.db.system, 'uploads');
    expect4xx(await sendPhoto(url, Buffer.from('not an image at all')), 415, 'UNSUPPORTED_FILE');
    const big = Buffer.concat([TINY_PNG, Buffer.alloc(5 * 1024 * 1024)]);
    const tooBig = await sendPhoto(url, big);
    expect4xx(tooBig, 413, 'TOO_LARGE');
    expect(tooBig.json().message).toContain('5 MB');
    expect(await tableDigest(t.ctx.db.system, 'uploads')).toBe(uploadsBefore);

    for (let i = 0; i < 3; i += 1) expect((await sendPhoto(url, TINY_PNG)).statusCode).toBe(200);
    const afterThree = await tableDigest(t.ctx.db.system, 'uploads');
    expect4xx(await sendPhoto(url, TINY_PNG), 409, 'TOO_MANY_PHOTOS');
    expect(await tableDigest(t.ctx.db.system, 'uploads')).toBe(afterThree);
    expect((await orderRow(id)).photo_ids).toHaveLength(3);

    const other = await place();
    const cancelled = await pub('POST', `/api/public/orders/${other.trackingToken}/cancel`, {
      reason: '不需要了',
    });
    expect(cancelled.statusCode).toBe(200);
    expect4xx(
      await sendPhoto(`/api/public/orders/${other.trackingToken}/photos`, TINY_PNG),
      409,
      'PHOTOS_CLOSED',
    );
    expect(await tableDigest(t.ctx.db.system, 'uploads')).toBe(afterThree);
  });

  it('a photo is served only through its own order; an unknown link finds nothing', async () => {
    const first = await place();
    const second = await place();
    const photo = (await sendPhoto(`/api/public/orders/${first.trackingToken}/photos`, TINY_PNG)).json();
    expect4xx(await pub('GET', `/api/public/orders/${second.trackingToken}/photos/${photo.id}`), 404);
    const unknown = 'x'.repeat(32);
    expect4xx(await pub('GET', `/api/public/orders/${unknown}/photos/${photo.id}`), 404);
    expect4xx(await sendPhoto(`/api/public/orders/${unknown}/photos`, TINY_PNG), 404);
  });

  it('limits the rate per client address', async () => {
    const { trackingToken } = await place();
    const body = multipartBody('p.png', 'image/png', Buffer.from('x'));
    const codes: number[] = [];
    for (let i = 0; i < 22; i += 1) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/public/orders/${trackingToken}/photos`,
        remoteAddress: '10.99.99.99',
        headers: { 'content-type': body.contentType },
        payload: body.payload,
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 20).every((c) => c === 415)).toBe(true);
    expect(codes.slice(20)).toEqual([429, 429]);
  });
});

describe('a resident’s account', () => {
  it('an order placed signed in is the account’s: listed, followed, rated and cancelled by id', async () => {
    const placed = await resident.post('/api/me/requests', need());
    expect(placed.statusCode, placed.body).toBe(200);
    const { orderNo } = placed.json();
    const row = await t.ctx.db.system
      .selectFrom('orders')
      .select(['id', 'resident_user_id'])
      .where('order_no', '=', orderNo)
      .executeTakeFirstOrThrow();
    expect(row.resident_user_id).toBe(residentId);
    const list = (await resident.get('/api/me/requests')).json<Array<{ id: number; orderNo: string }>>();
    expect(list[0]).toMatchObject({ id: row.id, orderNo, status: 'submitted' });
    const view = await resident.get(`/api/me/requests/${row.id}`);
    expect(view.statusCode).toBe(200);
    expect(view.json().orderNo).toBe(orderNo);
    const cancelled = await resident.post(`/api/me/requests/${row.id}/cancel`, { reason: '已经解决了' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    expect(await auditsOf('order.cancel', row.id)).toEqual([
      expect.objectContaining({ actor_user_id: residentId }),
    ]);
  });

  it('earlier orders are linked by the phone and a one-time code; a wrong code counts and five spend it', async () => {
    const phone = freshMobile();
    const earlier = await place({ contactPhone: phone });
    const another = await place({ contactPhone: phone });
    const unrelated = await place();

    const sent = await resident.post('/api/me/requests/phone-code', { phone });
    expect(sent.statusCode, sent.body).toBe(200);
    // demo mode without a gateway: the answer carries the code
    const code = sent.json().demoCode as string;
    expect(code).toMatch(/^\d{6}$/);
    // asking again at once is refused
    expect4xx(await resident.post('/api/me/requests/phone-code', { phone }), 429);

    const wrong = code === '000000' ? '000001' : '000000';
    expect4xx(await resident.post('/api/me/requests/link', { phone, code: wrong }), 400, 'CODE_INVALID');
    expect((await orderRow(earlier.id)).resident_user_id).toBeNull();
    const linked = await resident.post('/api/me/requests/link', { phone, code });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toEqual({ linked: 2 });
    for (const o of [earlier, another]) expect((await orderRow(o.id)).resident_user_id).toBe(residentId);
    expect((await orderRow(unrelated.id)).resident_user_id).toBeNull();
    expect(await auditsOf('order.link_resident', earlier.id)).toEqual([
      { actor_user_id: residentId, summary: { phoneVerified: true } },
    ]);
    // a code works once
    expect4xx(await resident.post('/api/me/requests/link', { phone, code }), 400, 'CODE_INVALID');
    const list = (await resident.get('/api/me/requests')).json<Array<{ id: number }>>();
    expect(list.map((o) => o.id)).toEqual(expect.arrayContaining([earlier.id, another.id]));

    // five wrong codes spend a code: the right one no longer works
    await createUser(t.ctx.db.system, 'resident-guesser', 'resident', station.id);
    const guesser = as(t.app, await login(t.app, 'resident-guesser'));
    const target = freshMobile();
    const theirs = await place({ contactPhone: target });
    const right = (await guesser.post('/api/me/requests/phone-code', { phone: target })).json()
      .demoCode as string;
    for (let i = 0; i < 5; i += 1) {
      const guess = String((Number(right) + 1 + i) % 1_000_000).padStart(6, '0');
      expect4xx(
        await guesser.post('/api/me/requests/link', { phone: target, code: guess }),
        400,
        'CODE_INVALID',
      );
    }
    expect4xx(
      await guesser.post('/api/me/requests/link', { phone: target, code: right }),
      400,
      'CODE_INVALID',
    );
    expect((await orderRow(theirs.id)).resident_user_id).toBeNull();
  });

  it('orders linked to one account are not moved to another by the same phone', async () => {
    const phone = freshMobile();
    const mine = await place({ contactPhone: phone });
    await createUser(t.ctx.db.system, 'resident-first', 'resident', station.id);
    await createUser(t.ctx.db.system, 'resident-second', 'resident', station.id);
    const first = as(t.app, await login(t.app, 'resident-first'));
    const second = as(t.app, await login(t.app, 'resident-second'));
    const code = (await first.post('/api/me/requests/phone-code', { phone })).json().demoCode;
    expect((await first.post('/api/me/requests/link', { phone, code })).json()).toEqual({ linked: 1 });
    const theirCode = (await second.post('/api/me/requests/phone-code', { phone })).json().demoCode;
    expect((await second.post('/api/me/requests/link', { phone, code: theirCode })).json()).toEqual({
      linked: 0,
    });
    const firstId = (
      await t.ctx.db.system
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'resident-first')
        .executeTakeFirstOrThrow()
    ).id;
    expect((await orderRow(mine.id)).resident_user_id).toBe(firstId);
    expect4xx(await second.get(`/api/me/requests/${mine.id}`), 404);
  });

  it('with an SMS gateway the code is sent through the outbound queue, never in the answer', async () => {
    const gateway = await createTestContext({ env: { WEBHOOK_URL: 'http://127.0.0.1:9/hook' } });
    try {
      const phone = '0916-2345678';
      const res = await gateway.app.inject({
        method: 'POST',
        url: '/api/public/orders',
        remoteAddress: nextIp(),
        payload: need({ contactPhone: phone }),
      });
      expect(res.statusCode, res.body).toBe(200);
      const someone = as(gateway.app, await login(gateway.app, 'demo-resident'));
      const sent = await someone.post('/api/me/requests/phone-code', { phone: '09162345678' });
      expect(sent.statusCode, sent.body).toBe(200);
      expect(sent.json()).toEqual({ validMinutes: 10 });
      const message = await gateway.ctx.db.system
        .selectFrom('webhook_outbox')
        .select(['event', 'payload', 'order_id'])
        .where('event', '=', 'resident.phone_code')
        .executeTakeFirstOrThrow();
      expect(message.payload).toMatchObject({ phoneKind: 'landline', validMinutes: 10 });
      expect((message.payload as { code: string }).code).toMatch(/^\d{6}$/);
    } finally {
      await gateway.close();
    }
  });
});

describe('the volunteer serving an order reaches the resident', () => {
  it('the phone is revealed only between 接单 and 完成服务, and every reveal is audited', async () => {
    const { id } = await place({ contactPhone: '0916-3456789' });
    const v = await dispatchToNew(id);
    const volunteer = as(t.app, v.session);
    // offered, not yet taken
    expect4xx(await volunteer.post(`/api/me/orders/${id}/contact`), 403, 'NOT_CLAIMED');
    expect((await volunteer.post(`/api/me/orders/${id}/claim`)).statusCode).toBe(200);
    for (let i = 0; i < 2; i += 1) {
      const res = await volunteer.post(`/api/me/orders/${id}/contact`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ name: '赵大爷', phone: '0916-3456789' });
    }
    const userId = (
      await t.ctx.db.system
        .selectFrom('volunteers')
        .select('user_id')
        .where('id', '=', v.id)
        .executeTakeFirstOrThrow()
    ).user_id;
    const reveals = await auditsOf('order.contact_reveal', id);
    expect(reveals).toHaveLength(2);
    expect(reveals.every((r) => r.actor_user_id === userId)).toBe(true);
    // the audit never holds the number
    expect(JSON.stringify(reveals)).not.toContain('3456789');

    // another volunteer of the village, to whom it was never offered
    const stranger = as(t.app, (await registerVolunteer(t, station.id)).session);
    expect4xx(await stranger.post(`/api/me/orders/${id}/contact`), 404);

    expect((await volunteer.post(`/api/me/orders/${id}/start`, {})).statusCode).toBe(200);
    expect((await volunteer.post(`/api/me/orders/${id}/contact`)).statusCode).toBe(200);
    expect((await volunteer.post(`/api/me/orders/${id}/finish`, { note: '修好了' })).statusCode).toBe(200);
    expect4xx(await volunteer.post(`/api/me/orders/${id}/contact`), 409, 'ASSIGNMENT_OVER');
    expect(await auditsOf('order.contact_reveal', id)).toHaveLength(3);
  });

  it('a volunteer withdrawn from a reopened order can no longer reveal it', async () => {
    const { id, trackingToken } = await place();
    const v = await dispatchToNew(id);
    const volunteer = as(t.app, v.session);
    for (const step of ['claim', 'start'])
      expect((await volunteer.post(`/api/me/orders/${id}/${step}`, {})).statusCode).toBe(200);
    expect((await volunteer.post(`/api/me/orders/${id}/finish`, { note: '已完成' })).statusCode).toBe(200);
    expect((await stationAdmin.post(`/api/orders/${id}/evaluate`, { evaluation: '办结' })).statusCode).toBe(
      200,
    );
    expect(
      (await pub('POST', `/api/public/orders/${trackingToken}/reopen`, { reason: '没修好' })).statusCode,
    ).toBe(200);
    expect4xx(await volunteer.post(`/api/me/orders/${id}/contact`), 409, 'ASSIGNMENT_OVER');
  });

  it('evidence photos: only while serving, bound to the order; finishing keeps those named, refuses others', async () => {
    const { id } = await place();
    const v = await dispatchToNew(id);
    const volunteer = as(t.app, v.session);
    expect((await volunteer.post(`/api/me/orders/${id}/claim`)).statusCode).toBe(200);
    expect4xx(await sendPhoto(`/api/me/orders/${id}/photos`, TINY_PNG, v.session), 409, 'NOT_IN_SERVICE');
    expect((await volunteer.post(`/api/me/orders/${id}/start`, {})).statusCode).toBe(200);
    const first = await sendPhoto(`/api/me/orders/${id}/photos`, TINY_PNG, v.session);
    expect(first.statusCode, first.body).toBe(200);
    const second = await sendPhoto(`/api/me/orders/${id}/photos`, TINY_PNG, v.session);
    const [a, b] = [first.json().id as string, second.json().id as string];
    const row = await orderRow(id);
    expect(row.service_photo_ids).toEqual([a, b]);
    const upload = await t.ctx.db.system
      .selectFrom('uploads')
      .select(['org_path', 'uploaded_by'])
      .where('id', '=', a)
      .executeTakeFirstOrThrow();
    expect(upload.org_path).toBe(row.org_path);
    expect(upload.uploaded_by).not.toBeNull();
    expect(await auditsOf('order.evidence_add', id)).toHaveLength(2);

    // a photo not uploaded to this order is refused, and the order stays in service
    const foreign = (
      await sendPhoto(`/api/public/orders/${(await place()).trackingToken}/photos`, TINY_PNG)
    ).json().id;
    expect4xx(
      await volunteer.post(`/api/me/orders/${id}/finish`, { note: '已完成', photoIds: [a, foreign] }),
      400,
      'UNKNOWN_PHOTO',
    );
    expect((await orderRow(id)).status).toBe('in_service');
    const finished = await volunteer.post(`/api/me/orders/${id}/finish`, { note: '已完成', photoIds: [b] });
    expect(finished.statusCode, finished.body).toBe(200);
    expect((await orderRow(id)).service_photo_ids).toEqual([b]);
    expect(finished.json().servicePhotos).toEqual([`/api/uploads/${b}`]);
    // the service is over: no more evidence
    expect4xx(await sendPhoto(`/api/me/orders/${id}/photos`, TINY_PNG, v.session), 409);
  });
});
