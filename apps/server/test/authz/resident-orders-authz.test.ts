// The authorization matrix of the residents' and volunteers' H5 order routes (issue 13): a resident's
// account routes (/api/me/requests…) are the resident's alone — every other role is refused (403) and
// another resident finds nothing of theirs (404); the volunteer's routes on an order
// (/api/me/orders/:id/contact, /photos) are refused to residents and staff (403) and to volunteers it
// was not offered to (404); the photo routes behind a tracking link answer only that link's order.
// Every refusal changes nothing in the database.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, nextIp, type Session, type TestContext } from '../support/context.ts';
import { createUser, multipartBody, orgOfUser, tableDigest, TINY_PNG } from '../support/org-factories.ts';
import { registerVolunteer, type RegisteredVolunteer } from '../support/volunteer-factories.ts';

let t: TestContext;
const sessions: Record<string, Session> = {};
/** The objects under attack: demo-resident's order (with a photo), and an order a volunteer serves. */
const ids = { residentOrder: 0, residentPhoto: '', servedOrder: 0, token: '', otherToken: '' };
let serving: RegisteredVolunteer;
let stranger: RegisteredVolunteer;
const TABLES = [
  'orders',
  'order_events',
  'order_assignees',
  'uploads',
  'resident_phone_codes',
  'webhook_outbox',
];
const digests: Record<string, string> = {};

const need = (phone: string) => ({
  serviceCategory: 'elderly',
  description: '需要志愿者帮忙买菜',
  address: '东风社区2号楼',
  contactName: '孙奶奶',
  contactPhone: phone,
});

function call(
  session: Session | null,
  method: 'GET' | 'POST',
  url: string,
  payload?: object,
): Promise<LightMyRequestResponse> {
  const headers = session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {};
  if (url.endsWith('/photos') && method === 'POST') {
    const body = multipartBody('p.png', 'image/png', TINY_PNG);
    return t.app.inject({
      method,
      url,
      remoteAddress: nextIp(),
      headers: { ...headers, 'content-type': body.contentType },
      payload: body.payload,
    });
  }
  return t.app.inject({
    method,
    url,
    remoteAddress: nextIp(),
    headers,
    ...(method === 'POST' ? { payload: payload ?? {} } : {}),
  });
}

beforeAll(async () => {
  t = await createTestContext();
  const db = t.ctx.db.system;
  const station = await orgOfUser(db, 'demo-station');
  await createUser(db, 'resident-other', 'resident', station.id);
  for (const username of [
    'demo-resident',
    'resident-other',
    'demo-volunteer',
    'demo-station',
    'demo-center',
    'demo-leader',
    'demo-security',
    'demo-audit',
  ])
    sessions[username] = await login(t.app, username);

  // demo-resident's own order, with a photo
  const placed = await as(t.app, sessions['demo-resident']!).post('/api/me/requests', {
    stationId: station.id,
    ...need('13900137001'),
  });
  expect(placed.statusCode, placed.body).toBe(200);
  ids.token = placed.json().trackingToken;
  ids.residentOrder = (
    await db
      .selectFrom('orders')
      .select('id')
      .where('order_no', '=', placed.json().orderNo)
      .executeTakeFirstOrThrow()
  ).id;
  const photo = await call(null, 'POST', `/api/public/orders/${ids.token}/photos`);
  expect(photo.statusCode, photo.body).toBe(200);
  ids.residentPhoto = photo.json().id;

  // an order in service by a volunteer of the village; another volunteer it was never offered to
  const other = await t.app.inject({
    method: 'POST',
    url: '/api/public/orders',
    remoteAddress: nextIp(),
    payload: { stationId: station.id, ...need('13900137002') },
  });
  ids.otherToken = other.json().trackingToken;
  ids.servedOrder = (
    await db
      .selectFrom('orders')
      .select('id')
      .where('order_no', '=', other.json().orderNo)
      .executeTakeFirstOrThrow()
  ).id;
  const institute = as(t.app, await login(t.app, 'demo-institute'));
  expect((await institute.post(`/api/orders/${ids.servedOrder}/accept`, {})).statusCode).toBe(200);
  serving = await registerVolunteer(t, station.id);
  stranger = await registerVolunteer(t, station.id);
  const dispatched = await as(t.app, sessions['demo-station']!).post(
    `/api/orders/${ids.servedOrder}/dispatch`,
    {
      volunteerIds: [serving.id],
    },
  );
  expect(dispatched.statusCode, dispatched.body).toBe(200);
  for (const step of ['claim', 'start'])
    expect(
      (await as(t.app, serving.session).post(`/api/me/orders/${ids.servedOrder}/${step}`, {})).statusCode,
    ).toBe(200);

  for (const table of TABLES) digests[table] = await tableDigest(db, table);
});
afterAll(async () => t?.close());

/** The resident account's routes on demo-resident's order. */
const residentRoutes = (): Array<[string, 'GET' | 'POST', string, object?]> => [
  ['list my orders', 'GET', '/api/me/requests'],
  ['place signed in', 'POST', '/api/me/requests', { stationId: 1, ...need('13900137003') }],
  ['ask for a code', 'POST', '/api/me/requests/phone-code', { phone: '13900137001' }],
  ['link by code', 'POST', '/api/me/requests/link', { phone: '13900137001', code: '123456' }],
  ['read the order', 'GET', `/api/me/requests/${ids.residentOrder}`],
  ['rate it', 'POST', `/api/me/requests/${ids.residentOrder}/rate`, { rating: 5 }],
  ['reopen it', 'POST', `/api/me/requests/${ids.residentOrder}/reopen`, { reason: '没解决' }],
  ['cancel it', 'POST', `/api/me/requests/${ids.residentOrder}/cancel`, { reason: '不要了' }],
  ['see its photo', 'GET', `/api/me/requests/${ids.residentOrder}/photos/${ids.residentPhoto}`],
];
/** The volunteer's routes on the order in service. */
const volunteerRoutes = (): Array<[string, 'POST', string]> => [
  ['reveal the resident’s phone', 'POST', `/api/me/orders/${ids.servedOrder}/contact`],
  ['add an evidence photo', 'POST', `/api/me/orders/${ids.servedOrder}/photos`],
];

describe('authorization matrix: the residents’ and volunteers’ H5 order routes', () => {
  it('refuses a resident’s routes to every other role (403)', async () => {
    const failures: string[] = [];
    for (const who of [
      'demo-volunteer',
      'demo-station',
      'demo-center',
      'demo-leader',
      'demo-security',
      'demo-audit',
    ])
      for (const [name, method, url, body] of residentRoutes()) {
        const res = await call(sessions[who]!, method, url, body);
        if (res.statusCode !== 403) failures.push(`${who}: ${name} → ${res.statusCode}`);
      }
    expect(failures).toEqual([]);
  });

  it('another resident finds nothing of demo-resident’s order (404)', async () => {
    const failures: string[] = [];
    for (const [name, method, url, body] of residentRoutes().slice(4)) {
      const res = await call(sessions['resident-other']!, method, url, body);
      if (res.statusCode !== 404) failures.push(`${name} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
    const list = await call(sessions['resident-other']!, 'GET', '/api/me/requests');
    expect(list.json()).toEqual([]);
  });

  it('refuses the volunteer’s routes to residents and staff (403), and to a volunteer not on the order (404)', async () => {
    const failures: string[] = [];
    for (const who of ['demo-resident', 'demo-station', 'demo-center', 'demo-security'])
      for (const [name, method, url] of volunteerRoutes()) {
        const res = await call(sessions[who]!, method, url);
        if (res.statusCode !== 403) failures.push(`${who}: ${name} → ${res.statusCode}`);
      }
    for (const [name, method, url] of volunteerRoutes()) {
      const res = await call(stranger.session, method, url);
      if (res.statusCode !== 404) failures.push(`stranger: ${name} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('a tracking link reaches only its own order’s photos', async () => {
    const wrongOrder = await call(
      null,
      'GET',
      `/api/public/orders/${ids.otherToken}/photos/${ids.residentPhoto}`,
    );
    expect(wrongOrder.statusCode).toBe(404);
    const forged = await call(
      null,
      'GET',
      `/api/public/orders/${'A'.repeat(32)}/photos/${ids.residentPhoto}`,
    );
    expect(forged.statusCode).toBe(404);
    const addForged = await call(null, 'POST', `/api/public/orders/${'A'.repeat(32)}/photos`);
    expect(addForged.statusCode).toBe(404);
  });

  it('changed nothing in the database', async () => {
    for (const table of TABLES) expect(await tableDigest(t.ctx.db.system, table), table).toBe(digests[table]);
  });

  it('the same requests succeed for their owners, so the refusals above are about who asks', async () => {
    const owner = sessions['demo-resident']!;
    expect((await call(owner, 'GET', `/api/me/requests/${ids.residentOrder}`)).statusCode).toBe(200);
    expect(
      (await call(owner, 'GET', `/api/me/requests/${ids.residentOrder}/photos/${ids.residentPhoto}`))
        .statusCode,
    ).toBe(200);
    expect(
      (await call(null, 'GET', `/api/public/orders/${ids.token}/photos/${ids.residentPhoto}`)).statusCode,
    ).toBe(200);
    for (const [, method, url] of volunteerRoutes())
      expect((await call(serving.session, method, url)).statusCode, url).toBe(200);
  });
});
