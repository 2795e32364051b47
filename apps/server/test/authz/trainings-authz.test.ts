// The authorization matrix of the training routes (培训): every route, as each demo role, on a
// training of demo-station held by demo-institute. demo-station2 and another institute's admin get
// 404 (it does not exist for them), roles without the permission (team leaders, volunteers,
// residents, the security and audit admins) 403, no session 401, and no refusal changes anything.
// A sibling station of the same town (created here) finds nothing of demo-station's either.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type TestContext } from '../support/context.ts';
import {
  createUser,
  orgOfUser,
  tableDigest,
  TINY_PNG,
  uniqueCode,
  type OrgRef,
} from '../support/org-factories.ts';
import { signedInVolunteers } from '../support/store-factories.ts';
import { activeVolunteersUnder, startedTrainingBody, trainingBody } from '../support/training-factories.ts';

let t: TestContext;
type Client = ReturnType<typeof as>;
const c: Record<string, Client> = {};
let station: OrgRef;
let station2: OrgRef;
let trainingId = 0; // demo-institute's training at demo-station
let volunteerId = 0; // on its list
let materialId = 0;
const CHINESE = /[\u4e00-\u9fa5]/;

const digest = () =>
  Promise.all(
    ['trainings', 'training_attendees', 'training_materials', 'uploads'].map((table) =>
      tableDigest(t.ctx.db.system, table),
    ),
  );

beforeAll(async () => {
  t = await createTestContext();
  station = await orgOfUser(t.ctx.db.system, 'demo-station');
  station2 = await orgOfUser(t.ctx.db.system, 'demo-station2');
  await createUser(t.ctx.db.system, 'trainings-other-institute', 'institute_admin', station2.parentId!);
  for (const name of [
    'demo-center',
    'demo-institute',
    'demo-station',
    'demo-station2',
    'demo-leader',
    'demo-resident',
    'demo-security',
    'demo-audit',
    'trainings-other-institute',
  ])
    c[name] = as(t.app, await login(t.app, name));
  c['volunteer'] = as(t.app, (await signedInVolunteers(t, station, 1))[0]!.session);
  const created = await c['demo-institute']!.post(
    '/api/trainings',
    startedTrainingBody({ orgId: station.id }),
  );
  expect(created.statusCode, created.body).toBe(200);
  trainingId = created.json().id;
  volunteerId = (await activeVolunteersUnder(t.ctx.db.system, station.path, 1))[0]!;
  const added = await c['demo-institute']!.post(`/api/trainings/${trainingId}/attendees`, {
    volunteerIds: [volunteerId],
  });
  expect(added.statusCode, added.body).toBe(200);
  const material = await c['demo-institute']!.form(
    `/api/trainings/${trainingId}/materials`,
    {},
    { fileName: '课件.png', data: TINY_PNG },
  );
  expect(material.statusCode, material.body).toBe(200);
  materialId = material.json().id;
}, 180_000);
afterAll(async () => t?.close());

const NO_PERMISSION = ['demo-leader', 'volunteer', 'demo-resident', 'demo-security', 'demo-audit'];
const OUT_OF_SCOPE = ['demo-station2', 'trainings-other-institute'];

type Call = [method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: () => string, body?: () => unknown];
const routes: Record<string, Call> = {
  list: ['GET', () => '/api/trainings'],
  create: ['POST', () => '/api/trainings', () => trainingBody({ orgId: station.id })],
  summary: ['GET', () => `/api/trainings/summary?orgId=${station.id}`],
  get: ['GET', () => `/api/trainings/${trainingId}`],
  update: ['PUT', () => `/api/trainings/${trainingId}`, () => startedTrainingBody({ title: '越权修改' })],
  otherAttendees: [
    'PUT',
    () => `/api/trainings/${trainingId}/other-attendees`,
    () => ({ otherAttendees: 9 }),
  ],
  attendees: ['GET', () => `/api/trainings/${trainingId}/attendees`],
  addAttendees: [
    'POST',
    () => `/api/trainings/${trainingId}/attendees`,
    () => ({ volunteerIds: [volunteerId] }),
  ],
  removeAttendee: ['DELETE', () => `/api/trainings/${trainingId}/attendees/${volunteerId}`],
  materials: ['GET', () => `/api/trainings/${trainingId}/materials`],
  material: ['GET', () => `/api/trainings/${trainingId}/materials/${materialId}`],
  removeMaterial: ['DELETE', () => `/api/trainings/${trainingId}/materials/${materialId}`],
  held: ['POST', () => `/api/trainings/${trainingId}/held`],
  cancel: ['POST', () => `/api/trainings/${trainingId}/cancel`, () => ({ reason: '越权取消' })],
};
const WRITES = [
  'create',
  'update',
  'otherAttendees',
  'addAttendees',
  'removeAttendee',
  'removeMaterial',
  'held',
  'cancel',
];

function call(client: Client, [method, url, body]: Call) {
  if (method === 'GET') return client.get(url());
  if (method === 'DELETE') return client.delete(url());
  if (method === 'PUT') return client.put(url(), body?.() ?? {});
  return client.post(url(), body?.() ?? {});
}
const upload = (client: Client) =>
  client.form(`/api/trainings/${trainingId}/materials`, {}, { fileName: 'x.png', data: TINY_PNG });

describe('no session', () => {
  it('answers 401 to every training route', async () => {
    for (const [name, [method, url]] of Object.entries(routes)) {
      const res = await t.app.inject({
        method,
        url: url(),
        payload: method === 'GET' || method === 'DELETE' ? undefined : {},
      });
      expect(res.statusCode, name).toBe(401);
    }
    const res = await t.app.inject({ method: 'POST', url: `/api/trainings/${trainingId}/materials` });
    expect(res.statusCode).toBe(401);
  });
});

describe('roles without the permission', () => {
  it('get 403 on every training route and change nothing', async () => {
    const before = await digest();
    for (const who of NO_PERMISSION) {
      for (const [name, route] of Object.entries(routes)) {
        const res = await call(c[who]!, route);
        expect(res.statusCode, `${who} ${name}: ${res.body}`).toBe(403);
        expect(res.json().message).toMatch(CHINESE);
      }
      expect((await upload(c[who]!)).statusCode, who).toBe(403);
    }
    expect(await digest()).toEqual(before);
  });
});

describe('out of scope', () => {
  it('another town’s station and institute find neither the training nor its lists, and change nothing', async () => {
    const before = await digest();
    for (const who of OUT_OF_SCOPE) {
      for (const [name, route] of Object.entries(routes)) {
        if (name === 'list') continue;
        const res = await call(c[who]!, route);
        expect(res.statusCode, `${who} ${name}: ${res.body}`).toBe(404);
        expect(res.json().message).toMatch(CHINESE);
      }
      expect((await upload(c[who]!)).statusCode, who).toBe(404);
      const list = (await c[who]!.get('/api/trainings?pageSize=200')).json();
      expect(list.items.some((x: { id: number }) => x.id === trainingId)).toBe(false);
    }
    expect(await digest()).toEqual(before);
  });

  it('the station, its institute and the centre may read and write it', async () => {
    for (const who of ['demo-center', 'demo-institute', 'demo-station'])
      for (const name of ['list', 'get', 'attendees', 'materials', 'material', 'summary']) {
        const res = await call(c[who]!, routes[name]!);
        expect(res.statusCode, `${who} ${name}: ${res.body}`).toBe(200);
      }
    for (const name of WRITES) {
      const res = await call(c['demo-station']!, routes[name]!);
      expect(res.statusCode, `${name}: ${res.body}`).toBeLessThan(500);
      // all but cancelling the training once held
      expect(res.statusCode, `${name}: ${res.body}`).toBe(name === 'cancel' ? 409 : 200);
    }
  });
});

describe('a sibling station of the same town', () => {
  it('finds neither the other station’s training nor its lists, and cannot take its volunteers', async () => {
    // a second station under demo-station's institute, and its admin
    const res = await c['demo-center']!.post('/api/orgs', {
      parentId: station.parentId,
      kind: 'station',
      code: uniqueCode('TRS'),
      name: '培训测试邻村实践站',
    });
    expect(res.statusCode, res.body).toBe(200);
    const sibling = res.json().id as number;
    await createUser(t.ctx.db.system, 'trainings-sibling-station', 'station_admin', sibling);
    const other = as(t.app, await login(t.app, 'trainings-sibling-station'));
    // demo-station's own training, with one of its volunteers on the list and a material
    const created = await c['demo-station']!.post('/api/trainings', startedTrainingBody());
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id as number;
    const [own] = await activeVolunteersUnder(t.ctx.db.system, station.path, 1);
    expect(
      (await c['demo-station']!.post(`/api/trainings/${id}/attendees`, { volunteerIds: [own] })).statusCode,
    ).toBe(200);
    const material = await c['demo-station']!.form(
      `/api/trainings/${id}/materials`,
      {},
      { fileName: '签到表.png', data: TINY_PNG },
    );
    expect(material.statusCode, material.body).toBe(200);
    const ownTraining = await other.post('/api/trainings', trainingBody());
    expect(ownTraining.statusCode, ownTraining.body).toBe(200);
    expect(ownTraining.json().orgId).toBe(sibling);

    const before = await digest();
    for (const [method, url, body] of [
      ['GET', `/api/trainings/${id}`],
      ['GET', `/api/trainings/${id}/attendees`],
      ['GET', `/api/trainings/${id}/materials`],
      ['GET', material.json().url as string],
      ['PUT', `/api/trainings/${id}`, startedTrainingBody({ title: '越权修改' })],
      ['POST', `/api/trainings/${id}/held`],
      ['POST', `/api/trainings/${id}/cancel`, { reason: '越权取消' }],
      ['POST', `/api/trainings/${id}/attendees`, { volunteerIds: [own] }],
      ['DELETE', `/api/trainings/${id}/attendees/${own}`],
      ['DELETE', material.json().url as string],
      ['GET', `/api/trainings/summary?orgId=${station.id}`],
      ['GET', `/api/trainings?orgId=${station.id}`],
      ['POST', '/api/trainings', trainingBody({ orgId: station.id })],
    ] as const) {
      const r = await call(other, [method, () => url, body ? () => body : undefined]);
      expect(r.statusCode, `${method} ${url}: ${r.body}`).toBe(404);
      expect(r.json().message).toMatch(CHINESE);
    }
    const list = (await other.get('/api/trainings?pageSize=200')).json();
    expect(list.items.some((x: { id: number }) => x.id === id)).toBe(false);
    expect(list.items.every((x: { orgId: number }) => x.orgId === sibling)).toBe(true);
    // demo-station's volunteer cannot be put on the sibling's own training
    const take = await other.post(`/api/trainings/${ownTraining.json().id}/attendees`, {
      volunteerIds: [own],
    });
    expect(take.statusCode, take.body).toBe(400);
    expect(take.json()).toMatchObject({ code: 'VOLUNTEER_UNAVAILABLE' });
    expect(await digest()).toEqual(before);
    // while demo-station still reads it
    expect((await c['demo-station']!.get(`/api/trainings/${id}`)).statusCode).toBe(200);
  });
});
