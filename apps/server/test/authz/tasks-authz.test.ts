// The authorization matrix of the work-task routes (调度任务): every route, as each demo role, on a
// task in scope, out of scope and without the permission. demo-institute's task to demo-station is
// the object under attack: demo-station2 and another institute's admin get 404 (it does not exist
// for them), roles without the permission 403, no session 401, and no refusal changes anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type TestContext } from '../support/context.ts';
import { createUser, orgOfUser, tableDigest, TINY_PNG, type OrgRef } from '../support/org-factories.ts';
import { signedInVolunteers } from '../support/store-factories.ts';

let t: TestContext;
type Client = ReturnType<typeof as>;
const c: Record<string, Client> = {};
let station: OrgRef;
let station2: OrgRef;
let instituteOrg: OrgRef;
let taskId = 0; // demo-institute's task to demo-station
let assignmentId = 0; // demo-station's assignment of it
let photoId = '';
const CHINESE = /[\u4e00-\u9fa5]/;
const DAY = 86_400_000;

const digest = () =>
  Promise.all(
    ['work_tasks', 'task_assignments', 'task_reports', 'uploads', 'notifications'].map((table) =>
      tableDigest(t.ctx.db.system, table),
    ),
  );

beforeAll(async () => {
  t = await createTestContext();
  station = await orgOfUser(t.ctx.db.system, 'demo-station');
  station2 = await orgOfUser(t.ctx.db.system, 'demo-station2');
  instituteOrg = await orgOfUser(t.ctx.db.system, 'demo-institute');
  // an admin of demo-station2's institute: an issuer, but of another town
  await createUser(t.ctx.db.system, 'tasks-other-institute', 'institute_admin', station2.parentId!);
  for (const name of [
    'demo-center',
    'demo-institute',
    'demo-station',
    'demo-station2',
    'demo-leader',
    'demo-resident',
    'demo-security',
    'demo-audit',
    'tasks-other-institute',
  ])
    c[name] = as(t.app, await login(t.app, name));
  c['volunteer'] = as(t.app, (await signedInVolunteers(t, station, 1))[0]!.session);
  const issued = await c['demo-institute']!.post('/api/tasks', {
    title: '报送项目清单',
    deadline: new Date(Date.now() + 5 * DAY).toISOString(),
    minPhotos: 0,
    maxScore: 10,
    orgIds: [station.id],
  });
  expect(issued.statusCode, issued.body).toBe(200);
  taskId = issued.json().id;
  assignmentId = Number(
    (
      await t.ctx.db.system
        .selectFrom('task_assignments')
        .select('id')
        .where('task_id', '=', taskId)
        .executeTakeFirstOrThrow()
    ).id,
  );
  const photo = await c['demo-station']!.form(
    `/api/tasks/assignments/${assignmentId}/photos`,
    {},
    { fileName: '现场.png', data: TINY_PNG },
  );
  expect(photo.statusCode, photo.body).toBe(200);
  photoId = photo.json().id;
}, 180_000);
afterAll(async () => t?.close());

const NO_PERMISSION = ['demo-leader', 'volunteer', 'demo-resident', 'demo-security', 'demo-audit'];
const OUT_OF_SCOPE = ['demo-station2', 'tasks-other-institute'];

type Call = [method: 'GET' | 'POST' | 'DELETE', url: () => string, body?: () => unknown];
const future = () => new Date(Date.now() + 9 * DAY).toISOString();
const routes: Record<string, Call> = {
  list: ['GET', () => '/api/tasks'],
  issue: [
    'POST',
    () => '/api/tasks',
    () => ({ title: '越权下达', deadline: future(), orgIds: [station.id] }),
  ],
  todo: ['GET', () => '/api/tasks/todo'],
  counts: ['GET', () => '/api/tasks/todo/counts'],
  task: ['GET', () => `/api/tasks/${taskId}`],
  assignments: ['GET', () => `/api/tasks/${taskId}/assignments`],
  cancel: ['POST', () => `/api/tasks/${taskId}/cancel`, () => ({ reason: '越权撤回' })],
  assignment: ['GET', () => `/api/tasks/assignments/${assignmentId}`],
  photo: ['GET', () => `/api/tasks/assignments/${assignmentId}/photos/${photoId}`],
  removePhoto: ['DELETE', () => `/api/tasks/assignments/${assignmentId}/photos/${photoId}`],
  report: ['POST', () => `/api/tasks/assignments/${assignmentId}/reports`, () => ({ text: '越权上报' })],
  approve: ['POST', () => `/api/tasks/assignments/${assignmentId}/approve`, () => ({ score: 5 })],
  return: ['POST', () => `/api/tasks/assignments/${assignmentId}/return`, () => ({ reason: '越权退回' })],
  extend: [
    'POST',
    () => `/api/tasks/assignments/${assignmentId}/extend`,
    () => ({ deadline: future(), reason: '越权延期' }),
  ],
};

function call(client: Client, [method, url, body]: Call) {
  if (method === 'GET') return client.get(url());
  if (method === 'DELETE') return client.delete(url());
  return client.post(url(), body?.() ?? {});
}

describe('no session', () => {
  it('answers 401 to every task route', async () => {
    for (const [name, [method, url]] of Object.entries(routes)) {
      const res = await t.app.inject({ method, url: url(), payload: method === 'POST' ? {} : undefined });
      expect(res.statusCode, name).toBe(401);
    }
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/assignments/${assignmentId}/photos`,
    });
    expect(upload.statusCode).toBe(401);
  });
});

describe('roles without the permission', () => {
  it('get 403 on every task route and change nothing', async () => {
    const before = await digest();
    for (const who of NO_PERMISSION)
      for (const [name, route] of Object.entries(routes)) {
        const res = await call(c[who]!, route);
        expect(res.statusCode, `${who} ${name}: ${res.body}`).toBe(403);
        expect(res.json().message).toMatch(CHINESE);
      }
    for (const who of NO_PERMISSION) {
      const res = await c[who]!.form(
        `/api/tasks/assignments/${assignmentId}/photos`,
        {},
        {
          fileName: 'x.png',
          data: TINY_PNG,
        },
      );
      expect(res.statusCode, who).toBe(403);
    }
    expect(await digest()).toEqual(before);
  });

  it('stations hold neither issuing nor reviewing', async () => {
    const before = await digest();
    for (const who of ['demo-station', 'demo-station2'])
      for (const name of ['issue', 'cancel', 'approve', 'return', 'extend']) {
        const res = await call(c[who]!, routes[name]!);
        expect(res.statusCode, `${who} ${name}: ${res.body}`).toBe(403);
      }
    expect(await digest()).toEqual(before);
  });
});

describe('out of scope', () => {
  it("another town's station and institute do not find the task, its assignment or its photo", async () => {
    const before = await digest();
    for (const who of OUT_OF_SCOPE)
      for (const name of ['task', 'assignments', 'assignment', 'photo', 'removePhoto', 'report']) {
        const res = await call(c[who]!, routes[name]!);
        expect([403, 404], `${who} ${name}: ${res.body}`).toContain(res.statusCode);
        if (who === 'demo-station2' && name !== 'removePhoto' && name !== 'report')
          expect(res.statusCode, `${who} ${name}`).toBe(404);
      }
    for (const name of ['cancel', 'approve', 'return', 'extend']) {
      const res = await call(c['tasks-other-institute']!, routes[name]!);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(404);
    }
    // issuing to a unit outside the caller's subtree
    expect((await call(c['tasks-other-institute']!, routes.issue!)).statusCode).toBe(404);
    // lists: nothing of the task, counts of their own only
    for (const who of OUT_OF_SCOPE) {
      const list = (await c[who]!.get('/api/tasks?pageSize=200')).json();
      expect(list.items.some((x: { id: number }) => x.id === taskId)).toBe(false);
      const todo = (await c[who]!.get('/api/tasks/todo?show=all&pageSize=200')).json();
      expect(todo.items.some((x: { taskId: number }) => x.taskId === taskId)).toBe(false);
    }
    expect(await digest()).toEqual(before);
  });

  it('the centre and the institute above see it; only the recipient reports and only the issuer side reviews', async () => {
    for (const who of ['demo-center', 'demo-institute', 'demo-station'])
      for (const name of ['list', 'todo', 'counts', 'task', 'assignments', 'assignment']) {
        const res = await call(c[who]!, routes[name]!);
        expect(res.statusCode, `${who} ${name}: ${res.body}`).toBe(200);
      }
    // a photo not yet reported is the station's own draft
    expect((await call(c['demo-station']!, routes.photo!)).statusCode).toBe(200);
    expect((await call(c['demo-center']!, routes.photo!)).statusCode).toBe(404);
    const before = await digest();
    // above the recipient, but not the recipient: no report, no photo
    for (const who of ['demo-center', 'demo-institute']) {
      expect((await call(c[who]!, routes.report!)).statusCode, who).toBe(403);
      expect((await call(c[who]!, routes.removePhoto!)).statusCode, who).toBe(403);
    }
    expect(await digest()).toEqual(before);
    // the recipient reports; the issuer (and the centre above it) may review
    const first = await c['demo-station']!.post(`/api/tasks/assignments/${assignmentId}/reports`, {
      text: '已报送',
      photoIds: [photoId],
    });
    expect(first.statusCode, first.body).toBe(200);
    // once reported, the photo is seen above
    for (const who of ['demo-center', 'demo-institute'])
      expect((await call(c[who]!, routes.photo!)).statusCode, who).toBe(200);
    expect((await call(c['demo-station2']!, routes.photo!)).statusCode).toBe(404);
    const returned = await call(c['demo-center']!, routes.return!);
    expect(returned.statusCode, returned.body).toBe(200);
    expect((await call(c['demo-institute']!, routes.extend!)).statusCode).toBe(200);
    expect((await call(c['demo-station']!, routes.report!)).statusCode).toBe(200);
    expect((await call(c['demo-institute']!, routes.approve!)).statusCode).toBe(200);
    // the institute's own issue in its scope, and its withdrawal
    const own = await c['demo-institute']!.post('/api/tasks', {
      title: '所内任务',
      deadline: future(),
      stationsUnder: [instituteOrg.id],
    });
    expect(own.statusCode, own.body).toBe(200);
    expect((await call(c['demo-institute']!, routes.cancel!)).statusCode).toBe(200);
  });
});
