// The authorization matrix of the publicity routes (宣传稿件): every route, as each demo role, on a
// piece of demo-station's in scope, out of scope and without the permission. Roles without the
// permission get 403, demo-station2 and another town's institute admin 404 (the piece does not exist
// for them), no session 401, and no refusal changes anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type TestContext } from '../support/context.ts';
import { createUser, orgOfUser, tableDigest, TINY_PNG, type OrgRef } from '../support/org-factories.ts';
import { createPiece, pieceBody } from '../support/publicity-factories.ts';
import { signedInVolunteers } from '../support/store-factories.ts';

let t: TestContext;
type Client = ReturnType<typeof as>;
const c: Record<string, Client> = {};
let station: OrgRef;
let station2: OrgRef;
let pieceId = 0; // demo-station's piece, with a screenshot
const CHINESE = /[\u4e00-\u9fa5]/;

const digest = () =>
  Promise.all(['publicity_pieces', 'uploads'].map((table) => tableDigest(t.ctx.db.system, table)));

beforeAll(async () => {
  t = await createTestContext();
  station = await orgOfUser(t.ctx.db.system, 'demo-station');
  station2 = await orgOfUser(t.ctx.db.system, 'demo-station2');
  await createUser(t.ctx.db.system, 'pub-other-institute', 'institute_admin', station2.parentId!);
  for (const name of [
    'demo-center',
    'demo-institute',
    'demo-station',
    'demo-station2',
    'demo-leader',
    'demo-resident',
    'demo-security',
    'demo-audit',
    'pub-other-institute',
  ])
    c[name] = as(t.app, await login(t.app, name));
  c['volunteer'] = as(t.app, (await signedInVolunteers(t, station, 1))[0]!.session);
  pieceId = (await createPiece(c['demo-station']!)).id;
  const shot = await c['demo-station']!.form(
    `/api/publicity/${pieceId}/screenshot`,
    {},
    { fileName: '截图.png', data: TINY_PNG },
  );
  expect(shot.statusCode, shot.body).toBe(200);
}, 180_000);
afterAll(async () => t?.close());

const NO_PERMISSION = ['demo-leader', 'volunteer', 'demo-resident', 'demo-security', 'demo-audit'];
const OUT_OF_SCOPE = ['demo-station2', 'pub-other-institute'];

type Call = [method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: () => string, body?: () => unknown];
const routes: Record<string, Call> = {
  list: ['GET', () => '/api/publicity'],
  create: ['POST', () => '/api/publicity', () => pieceBody({ orgId: station.id })],
  summary: ['GET', () => `/api/publicity/summary?orgId=${station.id}`],
  export: ['GET', () => `/api/publicity/export?orgId=${station.id}`],
  get: ['GET', () => `/api/publicity/${pieceId}`],
  update: ['PATCH', () => `/api/publicity/${pieceId}`, () => ({ title: '越权修改' })],
  screenshot: ['GET', () => `/api/publicity/${pieceId}/screenshot`],
  removeScreenshot: ['DELETE', () => `/api/publicity/${pieceId}/screenshot`],
  delete: ['DELETE', () => `/api/publicity/${pieceId}`],
};

function call(client: Client, [method, url, body]: Call) {
  if (method === 'GET') return client.get(url());
  if (method === 'DELETE') return client.delete(url());
  if (method === 'PATCH') return client.patch(url(), body?.() ?? {});
  return client.post(url(), body?.() ?? {});
}
const uploadAs = (who: string) =>
  c[who]!.form(`/api/publicity/${pieceId}/screenshot`, {}, { fileName: 'x.png', data: TINY_PNG });

describe('no session', () => {
  it('answers 401 to every publicity route', async () => {
    for (const [name, [method, url]] of Object.entries(routes)) {
      const res = await t.app.inject({
        method,
        url: url(),
        payload: method === 'POST' || method === 'PATCH' ? {} : undefined,
      });
      expect(res.statusCode, name).toBe(401);
    }
    const upload = await t.app.inject({ method: 'POST', url: `/api/publicity/${pieceId}/screenshot` });
    expect(upload.statusCode).toBe(401);
  });
});

describe('roles without the permission', () => {
  it('get 403 on every publicity route and change nothing', async () => {
    const before = await digest();
    for (const who of NO_PERMISSION) {
      for (const [name, route] of Object.entries(routes)) {
        const res = await call(c[who]!, route);
        expect(res.statusCode, `${who} ${name}: ${res.body}`).toBe(403);
        expect(res.json().message).toMatch(CHINESE);
      }
      expect((await uploadAs(who)).statusCode, who).toBe(403);
    }
    expect(await digest()).toEqual(before);
  });
});

describe('out of scope', () => {
  it("another town's station and institute do not find the piece, and cannot record for demo-station", async () => {
    const before = await digest();
    for (const who of OUT_OF_SCOPE) {
      for (const [name, route] of Object.entries(routes)) {
        if (name === 'list') continue;
        const res = await call(c[who]!, route);
        expect(res.statusCode, `${who} ${name}: ${res.body}`).toBe(404);
        expect(res.json().message).toMatch(CHINESE);
      }
      expect((await uploadAs(who)).statusCode, who).toBe(404);
      const list = (await c[who]!.get('/api/publicity?pageSize=200')).json();
      expect(list.items.some((x: { id: number }) => x.id === pieceId)).toBe(false);
    }
    expect(await digest()).toEqual(before);
  });

  it('the station itself, its institute and the centre may do everything', async () => {
    for (const who of ['demo-station', 'demo-institute', 'demo-center'])
      for (const name of ['list', 'summary', 'export', 'get', 'screenshot', 'update']) {
        const res = await call(c[who]!, routes[name]!);
        expect(res.statusCode, `${who} ${name}: ${res.body}`).toBe(200);
      }
    for (const who of ['demo-station', 'demo-institute', 'demo-center'])
      expect((await call(c[who]!, routes.create!)).statusCode, who).toBe(200);
    expect((await uploadAs('demo-institute')).statusCode).toBe(200);
    expect((await call(c['demo-institute']!, routes.removeScreenshot!)).statusCode).toBe(200);
    expect((await call(c['demo-center']!, routes.delete!)).statusCode).toBe(200);
    expect((await call(c['demo-station']!, routes.get!)).statusCode).toBe(404);
  });
});
