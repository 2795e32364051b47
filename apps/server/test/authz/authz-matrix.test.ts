// THE authorization matrix: a station admin of another town tries every org-scoped endpoint on
// objects of demo-station's subtree and of its institute, and must get 403/404 or an empty
// answer, with nothing changed in the database. Plus: every API route answers 401 without a session.
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type Session, type TestContext } from '../support/context.ts';
import {
  createUser,
  multipartBody,
  orgOfUser,
  readSheet,
  standardByCode,
  standardItems,
  tableDigest,
  TINY_PNG,
  uniqueCode,
  upload,
  type OrgRef,
} from '../support/org-factories.ts';
import {
  createVolunteer,
  goodRows,
  importWorkbook,
  registerVolunteer,
  uploadAndValidate,
} from '../support/volunteer-factories.ts';

let t: TestContext;
const clients: Record<string, ReturnType<typeof as>> = {};
const sessions: Record<string, Session> = {};

/** POSTs one image as the multipart field `file`, as `username`. */
function postImage(username: string, url: string) {
  const session = sessions[username]!;
  const body = multipartBody('photo.png', 'image/png', TINY_PNG);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': body.contentType },
    payload: body.payload,
  });
}
/** Ids of the objects under attack, filled in beforeAll. */
const ids = {
  foreignStation: 0, // demo-station's station (first institute)
  foreignPoint: 0, // a point under it
  foreignLeaf: 0, // a fresh, deletable point under it
  foreignInstitute: 0, // the first institute
  foreignInspection: 0,
  foreignStandard: 0, // a standard owned by demo-station
  foreignUpload: '',
  ownStation: 0, // demo-station2's own station
  ownPoint: 0,
  ownInstitute: 0,
  wuyou: 0,
  bayou: 0,
  platform: 0,
  foreignVolunteer: 0, // a volunteer of demo-station's station
  foreignVolunteerNo: '',
  foreignTeam: 0, // demo-station's squadron
  foreignMember: 0, // the foreign volunteer's active membership in it
  foreignApplication: 0, // a pending application to it
  foreignImport: 0, // demo-station's validated import job
  ownVolunteer: 0, // demo-station2's own volunteer
  ownTeam: 0, // demo-station2's own team
  foreignProject: 0, // a project of demo-station's station
  centerProject: 0, // one of the centre's "文明实践365" projects (visible from below, read-only)
  foreignMenuItem: 0, // a menu item of demo-station's station
  foreignInstituteItem: 0, // a menu item of demo-station's institute
  foreignOrder: 0, // a resident's order from demo-station's village, waiting to be vetted
  foreignAcceptedOrder: 0, // one of its orders waiting to be dispatched
};
let own: OrgRef;
let wuyouResults: Array<{ itemId: number; passed: boolean }>;

const TABLES = [
  'orgs',
  'users',
  'inspections',
  'inspection_results',
  'uploads',
  'site_standards',
  'site_standard_items',
  'platforms',
  'volunteers',
  'teams',
  'team_members',
  'volunteer_imports',
  'projects',
  'project_status_history',
  'menu_items',
  'orders',
  'order_events',
  'order_assignees',
  'order_deadline_settings',
  'notifications',
];
const digests: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestContext();
  const db = t.ctx.db.system;
  for (const username of ['demo-center', 'demo-station', 'demo-station2']) {
    sessions[username] = await login(t.app, username);
    clients[username] = as(t.app, sessions[username]);
  }
  const stationSession = await login(t.app, 'demo-station');
  const target = await orgOfUser(db, 'demo-station');
  own = await orgOfUser(db, 'demo-station2');
  ids.foreignStation = target.id;
  ids.foreignInstitute = target.parentId!;
  ids.foreignPoint = (
    await db
      .selectFrom('orgs')
      .select('id')
      .where('parent_id', '=', target.id)
      .where('kind', '=', 'point')
      .executeTakeFirstOrThrow()
  ).id;
  ids.ownStation = own.id;
  ids.ownInstitute = own.parentId!;
  ids.ownPoint = (
    await db
      .selectFrom('orgs')
      .select('id')
      .where('parent_id', '=', own.id)
      .where('kind', '=', 'point')
      .executeTakeFirstOrThrow()
  ).id;
  const leaf = await clients['demo-center']!.post('/api/orgs', {
    parentId: target.id,
    kind: 'point',
    code: uniqueCode('LEAF'),
    name: '可删除测试点',
  });
  expect(leaf.statusCode, leaf.body).toBe(200);
  ids.foreignLeaf = leaf.json().id;
  ids.foreignInspection = (
    await db.selectFrom('inspections').select('id').where('org_id', '=', target.id).executeTakeFirstOrThrow()
  ).id;
  const standard = await clients['demo-station']!.post('/api/site-standards', {
    code: 'mine',
    name: '本站标准',
    appliesTo: ['station'],
    passScore: 50,
    items: [{ title: '有门牌', weight: 10 }],
  });
  expect(standard.statusCode, standard.body).toBe(200);
  ids.foreignStandard = standard.json().id;
  const photo = await upload(t.app, stationSession, 'p.png', TINY_PNG);
  expect(photo.statusCode, photo.body).toBe(200);
  ids.foreignUpload = photo.json().id;
  ids.wuyou = (await standardByCode(t, 'wuyou')).id;
  ids.bayou = (await standardByCode(t, 'bayou')).id;
  ids.platform = (await db.selectFrom('platforms').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
  wuyouResults = (await standardItems(t, ids.wuyou)).map((i) => ({ itemId: i.id, passed: true }));

  // volunteers, teams, memberships and an import job of demo-station's station
  await createUser(db, 'town2-institute', 'institute_admin', own.parentId!);
  sessions['town2-institute'] = await login(t.app, 'town2-institute');
  clients['town2-institute'] = as(t.app, sessions['town2-institute']);
  const station2Session = await login(t.app, 'demo-station2');
  const volunteer = await createVolunteer(t, stationSession, target.id);
  ids.foreignVolunteer = volunteer.id;
  ids.foreignVolunteerNo = volunteer.volunteerNo;
  const team = await clients['demo-station']!.post('/api/teams', {
    orgId: target.id,
    name: '被测中队',
    tier: 'squadron',
    kind: 'regular',
  });
  expect(team.statusCode, team.body).toBe(200);
  ids.foreignTeam = team.json().id;
  const added = await clients['demo-station']!.post(`/api/teams/${ids.foreignTeam}/members`, {
    volunteerIds: [volunteer.id],
  });
  expect(added.json()).toEqual({ added: 1, skipped: 0 });
  ids.foreignMember = (
    await db
      .selectFrom('team_members')
      .select('id')
      .where('team_id', '=', ids.foreignTeam)
      .where('volunteer_id', '=', volunteer.id)
      .executeTakeFirstOrThrow()
  ).id;
  const applicant = await registerVolunteer(t, target.id);
  const applied = await as(t.app, applicant.session).post(`/api/me/teams/${ids.foreignTeam}/apply`, {});
  expect(applied.statusCode, applied.body).toBe(200);
  ids.foreignApplication = applied.json().memberId;
  const village = await db
    .selectFrom('orgs')
    .select('short_name')
    .where('id', '=', target.id)
    .executeTakeFirstOrThrow();
  const rows = await goodRows(t, 2, [['', village.short_name!]]);
  rows[1]!['手机号*'] = '123';
  ids.foreignImport = (await uploadAndValidate(t.app, stationSession, await importWorkbook(rows))).id;
  ids.ownVolunteer = (await createVolunteer(t, station2Session, own.id)).id;
  const ownTeam = await clients['demo-station2']!.post('/api/teams', {
    orgId: own.id,
    name: '本站小队',
    tier: 'squad',
    kind: 'regular',
  });
  expect(ownTeam.statusCode, ownTeam.body).toBe(200);
  ids.ownTeam = ownTeam.json().id;

  // projects and menu items of demo-station's station and institute
  const project = await clients['demo-station']!.post('/api/projects', { name: '被测项目', year: 2026 });
  expect(project.statusCode, project.body).toBe(200);
  ids.foreignProject = project.json().id;
  ids.centerProject = (
    await db
      .selectFrom('projects')
      .select('id')
      .where('owner_org_id', '=', (await orgOfUser(db, 'demo-center')).id)
      .orderBy('id')
      .executeTakeFirstOrThrow()
  ).id;
  const menuItem = { serviceCategory: 'elderly', typicalMinutes: 60 };
  const item = await clients['demo-station']!.post('/api/menu-items', {
    ...menuItem,
    title: '被测服务',
    areaOrgId: target.id,
    projectId: ids.foreignProject,
  });
  expect(item.statusCode, item.body).toBe(200);
  ids.foreignMenuItem = item.json().id;
  const instituteItem = await clients['demo-center']!.post('/api/menu-items', {
    ...menuItem,
    title: '被测所级服务',
    ownerOrgId: target.parentId,
    areaOrgId: target.parentId,
  });
  expect(instituteItem.statusCode, instituteItem.body).toBe(200);
  ids.foreignInstituteItem = instituteItem.json().id;

  const placeOrder = async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/orders',
      payload: {
        stationId: target.id,
        serviceCategory: 'elderly',
        description: '被测需求',
        address: '被测地址',
        contactName: '被测',
        contactPhone: '13900139111',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    return (
      await db
        .selectFrom('orders')
        .select('id')
        .where('order_no', '=', res.json().orderNo)
        .executeTakeFirstOrThrow()
    ).id;
  };
  ids.foreignOrder = await placeOrder();
  ids.foreignAcceptedOrder = await placeOrder();
  const accepted = await clients['demo-center']!.post(`/api/orders/${ids.foreignAcceptedOrder}/accept`, {});
  expect(accepted.statusCode, accepted.body).toBe(200);

  for (const table of TABLES) digests[table] = await tableDigest(db, table);
});
afterAll(async () => {
  await t?.close();
});

const DENIED = [403, 404];
const emptyList = (res: LightMyRequestResponse) => expect(res.json()).toEqual({ items: [], total: 0 });

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type Check = (res: LightMyRequestResponse) => void | Promise<void>;
interface Case {
  name: string;
  /** 'METHOD /path', with {key} replaced by ids[key] when the case runs */
  route: string;
  body?: () => unknown;
  /** who attacks; defaults to demo-station2 (another town's station) */
  as?: string;
  status: number[];
  check?: Check;
}
/** A read of one foreign object: 404, as if it did not exist. */
const notFound = (name: string, route: string): Case => ({ name, route, status: [404] });
/** A read of a list or report: 200 with nothing foreign in it. */
const empty = (name: string, route: string, check: Check = emptyList): Case => ({
  name,
  route,
  status: [200],
  check,
});
/** A change to a foreign object: 403 or 404. */
const denied = (name: string, route: string, body?: () => unknown, as?: string): Case => ({
  name,
  route,
  status: DENIED,
  ...(body ? { body } : {}),
  ...(as ? { as } : {}),
});

const inspectForeign = () => ({
  orgId: ids.foreignStation,
  standardId: ids.wuyou,
  inspector: '越权',
  inspectedOn: '2026-01-05',
  results: wuyouResults,
});
const newForeignPoint = () => ({
  parentId: ids.foreignStation,
  kind: 'point',
  code: uniqueCode('X'),
  name: '越权点',
});
const exportsNothing = async (res: LightMyRequestResponse) =>
  expect((await readSheet(res.rawPayload)).rows).toEqual([]);
const idsOf = (res: LightMyRequestResponse): number[] => res.json().map((n: { id: number }) => n.id);
async function ownCoverageOnly(res: LightMyRequestResponse) {
  const body = res.json();
  const system = t.ctx.db.system;
  const units = await sql<{ n: number }>`SELECT count(*)::int AS n FROM orgs
    WHERE status = 'active' AND kind = 'station' AND path <@ ${own.path}::ltree`.execute(system);
  expect(body.totalUnits).toBe(units.rows[0]!.n);
  const ownIds = await sql<{ id: number }>`SELECT id FROM orgs WHERE path <@ ${own.path}::ltree`.execute(
    system,
  );
  for (const row of body.rows) expect(ownIds.rows.map((r) => r.id)).toContain(row.orgId);
}

// one line per endpoint × object
const cases: Case[] = [
  notFound('read a foreign station', 'GET /api/orgs/{foreignStation}'),
  notFound('read a foreign point', 'GET /api/orgs/{foreignPoint}'),
  notFound('read a foreign institute', 'GET /api/orgs/{foreignInstitute}'),
  notFound('read its own institute (upwards)', 'GET /api/orgs/{ownInstitute}'),
  denied('edit a foreign station', 'PATCH /api/orgs/{foreignStation}', () => ({ name: '篡改' })),
  denied('edit a foreign institute', 'PATCH /api/orgs/{foreignInstitute}', () => ({ headName: '篡改' })),
  denied(
    'edit own institute',
    'PATCH /api/orgs/{foreignInstitute}',
    () => ({ name: '篡改' }),
    'demo-station',
  ),
  denied('create under a foreign station', 'POST /api/orgs', newForeignPoint),
  denied('move a foreign point in', 'POST /api/orgs/{foreignPoint}/move', () => ({
    parentId: ids.ownStation,
  })),
  denied('move own point out', 'POST /api/orgs/{ownPoint}/move', () => ({ parentId: ids.foreignStation })),
  denied('archive a foreign leaf', 'POST /api/orgs/{foreignLeaf}/archive'),
  denied('restore a foreign leaf', 'POST /api/orgs/{foreignLeaf}/restore'),
  denied('delete a foreign leaf', 'DELETE /api/orgs/{foreignLeaf}'),
  denied('delete own institute', 'DELETE /api/orgs/{foreignInstitute}', undefined, 'demo-station'),
  empty('list a foreign institute subtree', 'GET /api/orgs?parentId={foreignInstitute}'),
  empty('list a foreign station subtree', 'GET /api/orgs?parentId={foreignStation}&pageSize=200'),
  empty('search foreign orgs by code', 'GET /api/orgs?keyword=XX-01'),
  empty('export a foreign subtree', 'GET /api/orgs/export?parentId={foreignInstitute}', exportsNothing),
  empty('read the tree', 'GET /api/orgs/tree', (res) => expect(idsOf(res)).toEqual([ids.ownStation])),
  empty('list foreign inspections', 'GET /api/inspections?orgId={foreignStation}'),
  empty('list a foreign institute’s inspections', 'GET /api/inspections?orgId={foreignInstitute}'),
  notFound('read a foreign inspection', 'GET /api/inspections/{foreignInspection}'),
  denied('inspect a foreign station', 'POST /api/inspections', inspectForeign),
  notFound('read a foreign photo', 'GET /api/uploads/{foreignUpload}'),
  denied('edit a foreign standard', 'PATCH /api/site-standards/{foreignStandard}', () => ({ passScore: 1 })),
  denied('edit a preset', 'PATCH /api/site-standards/{wuyou}', () => ({ passScore: 1 })),
  notFound('coverage of a foreign standard', 'GET /api/site-standards/coverage?standardId={foreignStandard}'),
  denied('edit a centre platform', 'PATCH /api/platforms/{platform}', () => ({ leadUnit: '越权' })),
  empty('coverage of own units only', 'GET /api/site-standards/coverage?standardId={bayou}', ownCoverageOnly),
  empty('standards list', 'GET /api/site-standards', (res) =>
    expect(idsOf(res)).not.toContain(ids.foreignStandard),
  ),

  // volunteers
  notFound('read a foreign volunteer', 'GET /api/volunteers/{foreignVolunteer}'),
  denied('edit a foreign volunteer', 'PATCH /api/volunteers/{foreignVolunteer}', () => ({
    skillsNote: '篡改',
  })),
  denied('move a foreign volunteer in', 'PATCH /api/volunteers/{foreignVolunteer}', () => ({
    orgId: ids.ownStation,
  })),
  denied('suspend a foreign volunteer', 'POST /api/volunteers/{foreignVolunteer}/suspend', () => ({
    reason: '越权暂停',
  })),
  denied('reactivate a foreign volunteer', 'POST /api/volunteers/{foreignVolunteer}/reactivate'),
  denied('reveal a foreign ID number', 'POST /api/volunteers/{foreignVolunteer}/reveal', () => ({
    field: 'idNumber',
  })),
  denied(
    'reveal a foreign phone as another town’s institute admin',
    'POST /api/volunteers/{foreignVolunteer}/reveal',
    () => ({ field: 'phone' }),
    'town2-institute',
  ),
  empty('list a foreign station’s volunteers', 'GET /api/volunteers?orgId={foreignStation}'),
  empty('list a foreign institute’s volunteers', 'GET /api/volunteers?orgId={foreignInstitute}'),
  empty('search a foreign volunteer by number', 'GET /api/volunteers?keyword={foreignVolunteerNo}'),
  empty('list a foreign team’s volunteers', 'GET /api/volunteers?teamId={foreignTeam}'),
  empty('export foreign volunteers', 'GET /api/volunteers/export?orgId={foreignStation}', exportsNothing),
  {
    name: 'export foreign volunteers unmasked as another town’s institute admin',
    route: 'GET /api/volunteers/export?orgId={foreignStation}&unmasked=true',
    as: 'town2-institute',
    status: [200],
    check: exportsNothing,
  },

  // teams
  notFound('read a foreign team', 'GET /api/teams/{foreignTeam}'),
  denied('edit a foreign team', 'PATCH /api/teams/{foreignTeam}', () => ({ name: '篡改队伍' })),
  denied('dissolve a foreign team', 'POST /api/teams/{foreignTeam}/dissolve'),
  notFound('list a foreign team’s members', 'GET /api/teams/{foreignTeam}/members'),
  denied('add own volunteer to a foreign team', 'POST /api/teams/{foreignTeam}/members', () => ({
    volunteerIds: [ids.ownVolunteer],
  })),
  denied('make a foreign member leader', 'PATCH /api/teams/{foreignTeam}/members/{foreignMember}', () => ({
    role: 'leader',
  })),
  denied(
    'approve a foreign application',
    'POST /api/teams/{foreignTeam}/members/{foreignApplication}/approve',
  ),
  denied('reject a foreign application', 'POST /api/teams/{foreignTeam}/members/{foreignApplication}/reject'),
  denied('remove a foreign member', 'DELETE /api/teams/{foreignTeam}/members/{foreignMember}'),
  denied(
    'approve a foreign application through own team',
    'POST /api/teams/{ownTeam}/members/{foreignApplication}/approve',
  ),
  denied('remove a foreign member through own team', 'DELETE /api/teams/{ownTeam}/members/{foreignMember}'),
  {
    name: 'add a foreign volunteer to own team',
    route: 'POST /api/teams/{ownTeam}/members',
    body: () => ({ volunteerIds: [ids.foreignVolunteer] }),
    status: [400, 403, 404],
  },
  denied('create a team in a foreign station', 'POST /api/teams', () => ({
    orgId: ids.foreignStation,
    name: '越权队伍',
    tier: 'squad',
    kind: 'regular',
  })),
  denied('hang own team under a foreign team', 'PATCH /api/teams/{ownTeam}', () => ({
    parentId: ids.foreignTeam,
  })),
  empty('list a foreign station’s teams', 'GET /api/teams?orgId={foreignStation}'),
  empty('team tree of a foreign station', 'GET /api/teams/tree?orgId={foreignStation}', (res) =>
    expect(res.json()).toEqual([]),
  ),
  empty('team tree', 'GET /api/teams/tree', (res) =>
    expect(JSON.stringify(res.json())).not.toContain(`"id":${ids.foreignTeam},`),
  ),

  // residents' orders
  notFound('read a foreign order', 'GET /api/orders/{foreignOrder}'),
  empty('list foreign orders', 'GET /api/orders?keyword=被测需求'),
  denied('vet a foreign order', 'POST /api/orders/{foreignOrder}/accept', () => ({}), 'town2-institute'),
  denied(
    'reject a foreign order',
    'POST /api/orders/{foreignOrder}/reject',
    () => ({ reason: '越权驳回' }),
    'town2-institute',
  ),
  denied(
    'merge a foreign order',
    'POST /api/orders/{foreignOrder}/merge',
    () => ({ intoId: ids.foreignAcceptedOrder }),
    'town2-institute',
  ),
  denied(
    'cancel a foreign order',
    'POST /api/orders/{foreignOrder}/cancel',
    () => ({ reason: '越权撤销' }),
    'town2-institute',
  ),
  notFound('rank candidates for a foreign order', 'GET /api/orders/{foreignAcceptedOrder}/candidates'),
  denied('dispatch a foreign order', 'POST /api/orders/{foreignAcceptedOrder}/dispatch', () => ({
    stationId: ids.ownStation,
  })),
  denied('evaluate a foreign order', 'POST /api/orders/{foreignAcceptedOrder}/evaluate', () => ({
    evaluation: '越权',
  })),
  denied('place an order for a foreign village', 'POST /api/orders', () => ({
    stationId: ids.foreignStation,
    channel: 'phone',
    serviceCategory: 'law',
    description: '越权代点单',
    address: '某处',
    contactName: '某人',
    contactPhone: '13900139222',
  })),
  denied('vet as a station (中心制单)', 'POST /api/orders/{foreignOrder}/accept', () => ({}), 'demo-station'),

  // projects and the menu
  notFound('read a foreign project', 'GET /api/projects/{foreignProject}'),
  denied('edit a foreign project', 'PATCH /api/projects/{foreignProject}', () => ({ name: '篡改项目' })),
  denied('advance a foreign project', 'POST /api/projects/{foreignProject}/status', () => ({
    status: 'recruiting',
  })),
  denied('copy a foreign project', 'POST /api/projects/{foreignProject}/copy', () => ({ year: 2099 })),
  denied('edit a centre project', 'PATCH /api/projects/{centerProject}', () => ({ yearlyTarget: 1 })),
  denied('advance a centre project', 'POST /api/projects/{centerProject}/status', () => ({
    status: 'evaluating',
  })),
  denied('create a project for a foreign station', 'POST /api/projects', () => ({
    ownerOrgId: ids.foreignStation,
    name: '越权项目',
    year: 2026,
  })),
  empty('list a foreign station’s projects', 'GET /api/projects?orgId={foreignStation}'),
  notFound('read a foreign menu item', 'GET /api/menu-items/{foreignMenuItem}'),
  notFound('read a foreign institute’s menu item', 'GET /api/menu-items/{foreignInstituteItem}'),
  denied('edit a foreign menu item', 'PATCH /api/menu-items/{foreignMenuItem}', () => ({
    title: '篡改服务',
  })),
  denied('withdraw a foreign menu item', 'POST /api/menu-items/{foreignMenuItem}/withdraw'),
  denied('publish a foreign menu item', 'POST /api/menu-items/{foreignMenuItem}/publish'),
  denied('edit a foreign institute’s menu item', 'PATCH /api/menu-items/{foreignInstituteItem}', () => ({
    typicalMinutes: 30,
  })),
  denied('withdraw a foreign institute’s menu item', 'POST /api/menu-items/{foreignInstituteItem}/withdraw'),
  denied(
    'withdraw own institute’s menu item',
    'POST /api/menu-items/{foreignInstituteItem}/withdraw',
    undefined,
    'demo-station',
  ),
  denied('publish an item for a foreign station', 'POST /api/menu-items', () => ({
    title: '越权服务',
    serviceCategory: 'law',
    typicalMinutes: 60,
    areaOrgId: ids.foreignStation,
  })),
  denied('tie own item to a foreign project', 'POST /api/menu-items', () => ({
    title: '越权服务',
    serviceCategory: 'law',
    typicalMinutes: 60,
    areaOrgId: ids.ownStation,
    projectId: ids.foreignProject,
  })),
  empty('list a foreign station’s menu', 'GET /api/menu-items?orgId={foreignStation}'),
  empty('menu list', 'GET /api/menu-items?pageSize=200', (res) =>
    expect(res.json().items.map((i: { id: number }) => i.id)).not.toContain(ids.foreignMenuItem),
  ),

  // import jobs
  notFound('read a foreign import job', 'GET /api/volunteers/imports/{foreignImport}'),
  denied('commit a foreign import job', 'POST /api/volunteers/imports/{foreignImport}/commit', () => ({
    validOnly: true,
  })),
  notFound('download a foreign job’s error report', 'GET /api/volunteers/imports/{foreignImport}/errors'),
  empty('list import jobs', 'GET /api/volunteers/imports', (res) =>
    expect(res.json().items.map((i: { id: number }) => i.id)).not.toContain(ids.foreignImport),
  ),
  denied(
    'commit another user’s import job, even from the centre',
    'POST /api/volunteers/imports/{foreignImport}/commit',
    () => ({ validOnly: true }),
    'demo-center',
  ),
];

describe('authorization matrix: another town’s station admin', () => {
  it.each(cases)('$name ($route) → $status', async (c) => {
    const client = clients[c.as ?? 'demo-station2']!;
    const [method, path] = c.route.split(' ') as [Method, string];
    const url = path.replace(/\{(\w+)\}/g, (_, key: string) => String(ids[key as keyof typeof ids]));
    expect(url).not.toMatch(/undefined|\{/);
    const res =
      method === 'GET'
        ? await client.get(url)
        : method === 'DELETE'
          ? await client.delete(url)
          : method === 'POST'
            ? await client.post(url, c.body?.())
            : await client.patch(url, c.body?.());
    expect(c.status, `${method} ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(
      res.statusCode,
    );
    if (res.statusCode >= 400) expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    await c.check?.(res);
  });

  it('changed nothing in the database', async () => {
    for (const table of TABLES) expect(await tableDigest(t.ctx.db.system, table), table).toBe(digests[table]);
  });

  it('the same requests succeed for the owner, so the denials above are about scope', async () => {
    const owner = clients['demo-station']!;
    expect((await owner.get(`/api/orgs/${ids.foreignStation}`)).statusCode).toBe(200);
    expect((await owner.get(`/api/inspections/${ids.foreignInspection}`)).statusCode).toBe(200);
    expect((await owner.get(`/api/uploads/${ids.foreignUpload}`)).statusCode).toBe(200);
    expect((await owner.get(`/api/inspections?orgId=${ids.foreignStation}`)).json().total).toBeGreaterThan(0);
    expect((await owner.get(`/api/orgs?parentId=${ids.foreignStation}`)).json().total).toBeGreaterThan(1);
    expect(
      (await owner.get(`/api/site-standards/coverage?standardId=${ids.foreignStandard}`)).statusCode,
    ).toBe(200);
    expect((await owner.get(`/api/volunteers/${ids.foreignVolunteer}`)).statusCode).toBe(200);
    expect((await owner.get(`/api/volunteers?orgId=${ids.foreignStation}`)).json().total).toBeGreaterThan(0);
    expect((await owner.get(`/api/teams/${ids.foreignTeam}`)).statusCode).toBe(200);
    expect((await owner.get(`/api/teams/${ids.foreignTeam}/members`)).json().total).toBe(2);
    expect((await owner.get(`/api/volunteers/imports/${ids.foreignImport}`)).json().status).toBe('validated');
    expect((await owner.get(`/api/projects/${ids.foreignProject}`)).json().editable).toBe(true);
    expect((await owner.get(`/api/menu-items/${ids.foreignMenuItem}`)).json().editable).toBe(true);
    expect((await owner.get(`/api/menu-items/${ids.foreignInstituteItem}`)).json().editable).toBe(false);
    expect((await owner.get(`/api/volunteers/imports/${ids.foreignImport}/errors`)).statusCode).toBe(200);
    // and an institute admin of the same town may reveal (the town2 denial above is about scope)
    const institute = as(t.app, await login(t.app, 'demo-institute'));
    const reveal = await institute.post(`/api/volunteers/${ids.foreignVolunteer}/reveal`, { field: 'phone' });
    expect(reveal.statusCode, reveal.body).toBe(200);
  });
});

describe('authentication on every route', () => {
  const PUBLIC = (path: string) =>
    path === '/api/health' ||
    path === '/api/auth/login' ||
    path === '/api/auth/challenge' ||
    path === '/api/volunteers/register' ||
    path.startsWith('/api/public/') ||
    path.startsWith('/api/docs');

  function operations(): Array<{ method: string; url: string }> {
    const doc = t.app.swagger() as { paths?: Record<string, Record<string, unknown>> };
    const ops: Array<{ method: string; url: string }> = [];
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      if (!path.startsWith('/api/') || PUBLIC(path)) continue;
      for (const method of Object.keys(item)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        ops.push({
          method: method.toUpperCase(),
          url: path.replace(/\{[^}]+\}/g, '1').replace(/:[A-Za-z]+/g, '1'),
        });
      }
    }
    return ops;
  }

  it('documents the API routes in the OpenAPI document', () => {
    const urls = operations().map((o) => `${o.method} ${o.url}`);
    expect(urls.length).toBeGreaterThan(25);
    for (const known of [
      'GET /api/orgs/1',
      'DELETE /api/orgs/1',
      'POST /api/inspections',
      'GET /api/uploads/1',
      'GET /api/audit-logs',
      'POST /api/users/1/unlock',
      'GET /api/volunteers/1',
      'POST /api/volunteers/imports/1/commit',
      'DELETE /api/teams/1/members/1',
      'POST /api/me/team-applications/1/approve',
      'POST /api/projects/1/status',
      'POST /api/menu-items/1/withdraw',
      'PATCH /api/publicity/1',
      'POST /api/publicity/1/screenshot',
    ]) {
      expect(urls).toContain(known);
    }
  });

  it('answers 401 to every route without a session, or with a forged one', async () => {
    const failures: string[] = [];
    for (const { method, url } of operations()) {
      for (const cookie of [undefined, 'sid=forged-session-token']) {
        const res = await t.app.inject({
          method: method as 'GET',
          url,
          ...(cookie ? { headers: { cookie } } : {}),
          ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
        });
        if (res.statusCode !== 401 || res.json().code !== 'UNAUTHENTICATED')
          failures.push(`${method} ${url} (${cookie ? 'forged' : 'none'}) → ${res.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

// ---------------------------------------------------------------- activity plans (issue 6)
// Another town's station and institute attack the plans of demo-station's institute and station;
// demo-station itself reads its institute's plan but may not change it. Every change is refused
// with 403/404 and the plan tables stay as they were.
describe('authorization matrix: activity plans', () => {
  const plan = { institute: 0, station: 0, instituteItem: 0, stationItem: 0 };
  const PLAN_TABLES = ['activity_plans', 'plan_items', 'activities'];
  const planDigests: Record<string, string> = {};
  const themes = ['学习', '奉献', '传承', '感恩'];
  const slot = {
    startsAt: '2036-03-05T09:00:00+08:00',
    endsAt: '2036-03-05T11:00:00+08:00',
    place: '越权地点',
    capacity: 10,
    form: 'jiang',
  };

  beforeAll(async () => {
    const instituteClient = as(t.app, await login(t.app, 'demo-institute'));
    const made = async (client: ReturnType<typeof as>, url: string, body: unknown) => {
      const res = await client.post(url, body);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().id as number;
    };
    plan.institute = await made(instituteClient, '/api/plans', {
      year: 2036,
      title: '被测所级计划',
      quarterThemes: themes,
    });
    plan.instituteItem = await made(instituteClient, `/api/plans/${plan.institute}/items`, {
      month: 3,
      week: 1,
      title: '被测所级安排',
      form: 'jiang',
    });
    plan.station = await made(clients['demo-station']!, '/api/plans', {
      year: 2036,
      title: '被测站级计划',
      quarterThemes: themes,
    });
    plan.stationItem = await made(clients['demo-station']!, `/api/plans/${plan.station}/items`, {
      month: 3,
      title: '被测站级重点',
      form: 'xing',
    });
    for (const table of PLAN_TABLES) planDigests[table] = await tableDigest(t.ctx.db.system, table);
  });

  type PlanKey = keyof typeof plan;
  const attacks: Array<{
    name: string;
    route: string;
    body?: () => unknown;
    as?: string;
    status?: number[];
  }> = [];
  for (const [who, target] of [
    ['demo-station2', 'institute'],
    ['demo-station2', 'station'],
    ['town2-institute', 'institute'],
    ['town2-institute', 'station'],
  ] as const) {
    const item: PlanKey = target === 'institute' ? 'instituteItem' : 'stationItem';
    attacks.push(
      {
        name: `${who} reads the ${target} plan`,
        route: `GET /api/plans/{${target}}`,
        as: who,
        status: [404],
      },
      {
        name: `${who} edits the ${target} plan`,
        route: `PUT /api/plans/{${target}}`,
        body: () => ({ title: '篡改计划' }),
        as: who,
      },
      { name: `${who} publishes the ${target} plan`, route: `POST /api/plans/{${target}}/publish`, as: who },
      {
        name: `${who} adds to the ${target} plan`,
        route: `POST /api/plans/{${target}}/items`,
        body: () => ({ month: 4, title: '越权安排' }),
        as: who,
      },
      {
        name: `${who} edits a ${target} item`,
        route: `PUT /api/plan-items/{${item}}`,
        body: () => ({ title: '篡改' }),
        as: who,
      },
      { name: `${who} deletes a ${target} item`, route: `DELETE /api/plan-items/{${item}}`, as: who },
      {
        name: `${who} turns a ${target} item into an activity`,
        route: `POST /api/plan-items/{${item}}/to-activity`,
        body: () => slot,
        as: who,
      },
    );
  }
  attacks.push(
    {
      name: 'the station edits its institute’s plan',
      route: 'PUT /api/plans/{institute}',
      body: () => ({ title: '篡改' }),
      as: 'demo-station',
    },
    {
      name: 'the station publishes its institute’s plan',
      route: 'POST /api/plans/{institute}/publish',
      as: 'demo-station',
    },
    {
      name: 'the station adds to its institute’s plan',
      route: 'POST /api/plans/{institute}/items',
      body: () => ({ month: 4, title: '越权安排' }),
      as: 'demo-station',
    },
    {
      name: 'the station edits its institute’s item',
      route: 'PUT /api/plan-items/{instituteItem}',
      body: () => ({ title: '篡改' }),
      as: 'demo-station',
    },
    {
      name: 'the station deletes its institute’s item',
      route: 'DELETE /api/plan-items/{instituteItem}',
      as: 'demo-station',
    },
    {
      name: 'the station turns its institute’s item into an activity',
      route: 'POST /api/plan-items/{instituteItem}/to-activity',
      body: () => slot,
      as: 'demo-station',
    },
  );

  it.each(attacks)('$name ($route)', async (c) => {
    const client = clients[c.as ?? 'demo-station2']!;
    const [method, path] = c.route.split(' ') as ['GET' | 'PUT' | 'POST' | 'DELETE', string];
    const url = path.replace(/\{(\w+)\}/g, (_, key: string) => String(plan[key as PlanKey]));
    expect(url).not.toMatch(/\{|\/0(\/|$)/);
    const res =
      method === 'GET'
        ? await client.get(url)
        : method === 'DELETE'
          ? await client.delete(url)
          : method === 'PUT'
            ? await client.put(url, c.body?.() ?? {})
            : await client.post(url, c.body?.());
    expect(c.status ?? DENIED, `${method} ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(
      res.statusCode,
    );
    expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('lists nothing of another town, and creates nothing for it', async () => {
    const attacker = clients['demo-station2']!;
    for (const orgId of [ids.foreignInstitute, ids.foreignStation]) {
      const res = await attacker.get(`/api/plans?orgId=${orgId}&includeBelow=true`);
      expect(res.json()).toEqual({ items: [], total: 0 });
    }
    const own = (await attacker.get('/api/plans?year=2036&includeBelow=true')).json();
    expect(own.items.map((p: { id: number }) => p.id)).not.toContain(plan.institute);
    const create = await attacker.post('/api/plans', {
      orgId: ids.foreignStation,
      year: 2037,
      title: '越权计划',
      quarterThemes: themes,
    });
    expect(DENIED).toContain(create.statusCode);
  });

  it('changed none of the plans, and the owners still manage them', async () => {
    for (const table of PLAN_TABLES)
      expect(await tableDigest(t.ctx.db.system, table), table).toBe(planDigests[table]);
    const station = clients['demo-station']!;
    expect((await station.get(`/api/plans/${plan.institute}`)).json()).toMatchObject({ editable: false });
    expect((await station.get(`/api/plans/${plan.station}`)).json()).toMatchObject({ editable: true });
  });
});

// ---------------------------------------------------------------- check-in / check-out (issue 6)
describe('authorization matrix: check-in and check-out of another town’s activity', () => {
  const checkinIds = {
    activity: 0,
    volunteer: 0,
    ownVolunteer: 0,
    volunteerNo: '',
    card: '',
    ownNo: '',
    photo: '',
  };
  let token = '';
  let foreignVolunteerSession: ReturnType<typeof as>;
  let ownVolunteerSession: ReturnType<typeof as>;
  const CHECKIN_TABLES = [
    'activity_checkins',
    'volunteers',
    'uploads',
    'activity_signups',
    'service_records',
    'service_record_events',
  ];
  const before: Record<string, string> = {};

  beforeAll(async () => {
    const owner = clients['demo-station']!;
    const startsAt = new Date(Date.now() + 30 * 60_000);
    const created = await owner.post('/api/activities', {
      title: '被测签到活动',
      form: 'bang',
      place: '被测地点',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
      capacity: 10,
    });
    expect(created.statusCode, created.body).toBe(200);
    checkinIds.activity = created.json().id;
    expect((await owner.post(`/api/activities/${checkinIds.activity}/publish`)).statusCode).toBe(200);
    const foreign = await registerVolunteer(t, ids.foreignStation);
    foreignVolunteerSession = as(t.app, foreign.session);
    checkinIds.volunteer = foreign.id;
    checkinIds.volunteerNo = foreign.volunteerNo;
    checkinIds.card = (await foreignVolunteerSession.get('/api/me/volunteer-card')).json().token;
    // the foreign volunteer's card photo (志愿者电子证照片)
    const photoBody = multipartBody('me.png', 'image/png', TINY_PNG);
    const photo = await t.app.inject({
      method: 'POST',
      url: '/api/me/volunteer-card/photo',
      headers: {
        cookie: foreign.session.cookie,
        'x-csrf-token': foreign.session.csrf,
        'content-type': photoBody.contentType,
      },
      payload: photoBody.payload,
    });
    expect(photo.statusCode, photo.body).toBe(200);
    checkinIds.photo = photo.json().photoId;
    const signup = await foreignVolunteerSession.post(`/api/me/activities/${checkinIds.activity}/signup`);
    expect(signup.statusCode, signup.body).toBe(200);
    const own = await registerVolunteer(t, ids.ownStation);
    ownVolunteerSession = as(t.app, own.session);
    checkinIds.ownVolunteer = own.id;
    checkinIds.ownNo = own.volunteerNo;
    const code = await owner.get(`/api/activities/${checkinIds.activity}/checkin-code`);
    expect(code.statusCode, code.body).toBe(200);
    token = code.json().token;
    for (const table of CHECKIN_TABLES) before[table] = await tableDigest(t.ctx.db.system, table);
  });

  const attacks: Array<{
    name: string;
    as: string;
    run: (c: ReturnType<typeof as>) => Promise<LightMyRequestResponse>;
  }> = [];
  for (const attacker of ['demo-station2', 'town2-institute']) {
    attacks.push(
      {
        name: 'show the QR code',
        as: attacker,
        run: (c) => c.get(`/api/activities/${checkinIds.activity}/checkin-code`),
      },
      {
        name: 'read the sign-in sheet',
        as: attacker,
        run: (c) => c.get(`/api/activities/${checkinIds.activity}/checkins`),
      },
      {
        name: 'export the sign-in sheet',
        as: attacker,
        run: (c) => c.get(`/api/activities/${checkinIds.activity}/checkins.xlsx`),
      },
      {
        name: 'check a foreign volunteer in',
        as: attacker,
        run: (c) =>
          c.post(`/api/activities/${checkinIds.activity}/checkins`, {
            volunteerId: checkinIds.volunteer,
            direction: 'in',
          }),
      },
      {
        name: 'override-check a foreign volunteer in',
        as: attacker,
        run: (c) =>
          c.post(`/api/activities/${checkinIds.activity}/checkins`, {
            volunteerId: checkinIds.volunteer,
            direction: 'in',
            override: true,
            reason: '越权核准',
          }),
      },
      {
        name: 'check a foreign volunteer in by card',
        as: attacker,
        run: (c) =>
          c.post(`/api/activities/${checkinIds.activity}/card-checkins`, {
            code: checkinIds.card,
            direction: 'in',
          }),
      },
      {
        name: 'check a foreign volunteer in by volunteer number',
        as: attacker,
        run: (c) =>
          c.post(`/api/activities/${checkinIds.activity}/card-checkins`, {
            code: checkinIds.volunteerNo,
            direction: 'in',
          }),
      },
      {
        name: 'check own volunteer into a foreign activity by number',
        as: attacker,
        run: (c) =>
          c.post(`/api/activities/${checkinIds.activity}/card-checkins`, {
            code: checkinIds.ownNo,
            direction: 'in',
          }),
      },
      {
        name: 'print a foreign volunteer’s card',
        as: attacker,
        run: (c) => c.get(`/api/volunteers/${checkinIds.volunteer}/card`),
      },
      {
        name: 're-issue a foreign volunteer’s card',
        as: attacker,
        run: (c) => c.post(`/api/volunteers/${checkinIds.volunteer}/card/reissue`),
      },
      {
        name: 'read the privileges on a foreign volunteer’s card',
        as: attacker,
        run: (c) => c.get(`/api/volunteers/${checkinIds.volunteer}/card/privileges`),
      },
      {
        name: 'read a foreign volunteer’s card photo',
        as: attacker,
        run: (c) => c.get(`/api/volunteers/${checkinIds.volunteer}/photo/${checkinIds.photo}`),
      },
      {
        name: 'read a foreign volunteer’s card photo as an upload',
        as: attacker,
        run: (c) => c.get(`/api/uploads/${checkinIds.photo}`),
      },
      {
        name: 'set a foreign volunteer’s card photo',
        as: attacker,
        run: () => postImage(attacker, `/api/volunteers/${checkinIds.volunteer}/photo`),
      },
      {
        name: 'check own volunteer into a foreign activity',
        as: attacker,
        run: (c) =>
          c.post(`/api/activities/${checkinIds.activity}/checkins`, {
            volunteerId: checkinIds.ownVolunteer,
            direction: 'in',
            override: true,
            reason: '越权核准',
          }),
      },
    );
  }

  it.each(attacks)('$as: $name → 404', async (attack) => {
    const res = await attack.run(clients[attack.as]!);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(404);
    expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('a volunteer of another town cannot check in with the code, nor confirm attendance (404)', async () => {
    const scan = await ownVolunteerSession.post('/api/me/checkin', { token });
    expect(scan.statusCode, scan.body).toBe(404);
    const attend = await ownVolunteerSession.post(`/api/me/activities/${checkinIds.activity}/attendance`);
    expect(attend.statusCode, attend.body).toBe(404);
    // staff cannot use the volunteer's check-in
    const staff = await clients['demo-station2']!.post('/api/me/checkin', { token });
    expect(staff.statusCode, staff.body).toBe(403);
  });

  it('changed nothing, and the owner’s requests succeed', async () => {
    for (const table of CHECKIN_TABLES)
      expect(await tableDigest(t.ctx.db.system, table), table).toBe(before[table]);
    const owner = clients['demo-station']!;
    expect((await owner.get(`/api/activities/${checkinIds.activity}/checkins`)).json().items).toHaveLength(1);
    const manual = await owner.post(`/api/activities/${checkinIds.activity}/checkins`, {
      volunteerId: checkinIds.volunteer,
      direction: 'in',
    });
    expect(manual.statusCode, manual.body).toBe(200);
  });
});

// ---------------------------------------------------------------- service hours (issue 6)
// Another town's station and institute attack the service records and hour rules of demo-station:
// reads answer 404 or nothing, changes 403/404 (a bulk confirm confirms nothing), and the hours
// tables and lifetime hours stay as they were.
describe('authorization matrix: service hours', () => {
  const hours = { activity: 0, record: 0, ownEvidence: '' };
  const HOURS_TABLES = ['service_records', 'service_record_events', 'hour_rules', 'volunteers'];
  const hoursDigests: Record<string, string> = {};

  beforeAll(async () => {
    const db = t.ctx.db.system;
    const target = await orgOfUser(db, 'demo-station');
    const ends = new Date(Date.now() - 86_400_000);
    const activity = await db
      .insertInto('activities')
      .values({
        activity_no: `AZH${Date.now()}`,
        org_id: target.id,
        org_path: target.path,
        title: '被测时长活动',
        form: 'bang',
        place: '被测地点',
        starts_at: new Date(ends.getTime() - 2 * 3_600_000),
        ends_at: ends,
        capacity: 10,
        status: 'finished',
      })
      .returning(['id', 'org_path', 'starts_at', 'ends_at'])
      .executeTakeFirstOrThrow();
    hours.activity = activity.id;
    hours.record = (
      await db
        .insertInto('service_records')
        .values({
          volunteer_id: ids.foreignVolunteer,
          org_path: activity.org_path,
          source: 'activity',
          source_id: activity.id,
          kind: 'credit',
          started_at: activity.starts_at,
          ended_at: activity.ends_at,
          minutes: 120,
          hours: 2,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const session = await login(t.app, 'demo-station2');
    const photo = await upload(t.app, session, 'e.png', TINY_PNG);
    expect(photo.statusCode, photo.body).toBe(200);
    hours.ownEvidence = photo.json().id;
    for (const table of HOURS_TABLES) hoursDigests[table] = await tableDigest(db, table);
  });

  const ago = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
  const attacks: Array<{
    name: string;
    method: 'GET' | 'POST' | 'PUT' | 'DELETE';
    url: () => string;
    body?: () => unknown;
    status: number[];
    check?: (res: LightMyRequestResponse) => void;
  }> = [];
  for (const who of ['demo-station2', 'town2-institute']) {
    attacks.push(
      {
        name: `${who}: read a record`,
        method: 'GET',
        url: () => `/api/service-records/${hours.record}`,
        status: [404],
      },
      {
        name: `${who}: correct a record`,
        method: 'POST',
        url: () => `/api/service-records/${hours.record}/correct`,
        body: () => ({ hours: 1, reason: '越权更正' }),
        status: [404],
      },
      {
        name: `${who}: reject a record`,
        method: 'POST',
        url: () => `/api/service-records/${hours.record}/reject`,
        body: () => ({ reason: '越权驳回' }),
        status: [404],
      },
      {
        name: `${who}: confirm a record`,
        method: 'POST',
        url: () => '/api/service-records/confirm',
        body: () => ({ ids: [hours.record] }),
        status: [200],
        check: (res) => expect(res.json()).toEqual({ confirmed: 0 }),
      },
      {
        name: `${who}: list the station's records`,
        method: 'GET',
        url: () => `/api/service-records?orgId=${ids.foreignStation}`,
        status: [200],
        check: emptyList,
      },
      {
        name: `${who}: list the activity's records`,
        method: 'GET',
        url: () => `/api/service-records?activityId=${hours.activity}`,
        status: [200],
        check: emptyList,
      },
      {
        name: `${who}: find the volunteer's records`,
        method: 'GET',
        url: () => `/api/service-records?keyword=${ids.foreignVolunteerNo}`,
        status: [200],
        check: emptyList,
      },
      {
        name: `${who}: backfill hours of a foreign activity`,
        method: 'POST',
        url: () => '/api/service-records/backfill',
        body: () => ({
          activityId: hours.activity,
          volunteerId: ids.ownVolunteer,
          hours: 1,
          reason: '越权补录',
          evidenceUploadIds: [hours.ownEvidence],
        }),
        status: [404],
      },
      {
        name: `${who}: manual hours for a foreign volunteer`,
        method: 'POST',
        url: () => '/api/service-records/manual',
        body: () => ({
          volunteerId: ids.foreignVolunteer,
          startedAt: ago(3),
          endedAt: ago(1),
          description: '越权录入',
          evidenceUploadIds: [hours.ownEvidence],
        }),
        status: [404],
      },
      {
        name: `${who}: read the station's hour rule`,
        method: 'GET',
        url: () => `/api/hour-rules/effective?orgId=${ids.foreignStation}`,
        status: [404],
      },
      {
        name: `${who}: set the station's hour rule`,
        method: 'PUT',
        url: () => `/api/hour-rules/${ids.foreignStation}`,
        body: () => ({ stepMinutes: 60, rounding: 'up' }),
        status: [404],
      },
      {
        name: `${who}: set the institute's hour rule`,
        method: 'PUT',
        url: () => `/api/hour-rules/${ids.foreignInstitute}`,
        body: () => ({ stepMinutes: 60, rounding: 'up' }),
        status: [404],
      },
      {
        name: `${who}: remove the institute's hour rule`,
        method: 'DELETE',
        url: () => `/api/hour-rules/${ids.foreignInstitute}`,
        status: [404],
      },
      {
        name: `${who}: confirm as a team leader`,
        method: 'POST',
        url: () => '/api/me/team-service-records/confirm',
        body: () => ({ ids: [hours.record] }),
        status: [403],
      },
    );
  }
  // the station itself may not set its institute's rule
  attacks.push({
    name: "demo-station: set its institute's hour rule",
    method: 'PUT',
    url: () => `/api/hour-rules/${ids.foreignInstitute}`,
    body: () => ({ stepMinutes: 60, rounding: 'up' }),
    status: [404],
  });

  it.each(attacks)('$name → $status', async (c) => {
    const who = c.name.split(':')[0]!;
    const client = clients[who]!;
    const url = c.url();
    const res =
      c.method === 'GET'
        ? await client.get(url)
        : c.method === 'DELETE'
          ? await client.delete(url)
          : c.method === 'PUT'
            ? await client.put(url, c.body?.())
            : await client.post(url, c.body?.());
    expect(c.status, `${c.method} ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(
      res.statusCode,
    );
    if (res.statusCode >= 400) expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    c.check?.(res);
  });

  it('changed no record, rule or lifetime hours', async () => {
    for (const table of HOURS_TABLES)
      expect(await tableDigest(t.ctx.db.system, table), table).toBe(hoursDigests[table]);
  });

  it('the owner may read and confirm the same record', async () => {
    const owner = clients['demo-station']!;
    expect((await owner.get(`/api/service-records/${hours.record}`)).statusCode).toBe(200);
    expect((await owner.get(`/api/hour-rules/effective?orgId=${ids.foreignStation}`)).statusCode).toBe(200);
    expect((await owner.post('/api/service-records/confirm', { ids: [hours.record] })).json()).toEqual({
      confirmed: 1,
    });
  });
});

// ---------------------------------------------------------------- activities and sign-ups (issue 6)
// Another town's station and institute attack demo-station's activity: reads answer 404 or leave
// it out of lists, every change answers 404, and the activity tables stay as they were.
describe('authorization matrix: another town’s activity and its sign-ups', () => {
  const act = { id: 0, series: 0, volunteer: 0 };
  const ACTIVITY_TABLES = [
    'activities',
    'activity_signups',
    'activity_photos',
    'activity_series',
    'notifications',
  ];
  const before: Record<string, string> = {};

  beforeAll(async () => {
    const owner = clients['demo-station']!;
    const startsAt = new Date(Date.now() + 3 * 86_400_000);
    const created = await owner.post('/api/activities', {
      title: '被测活动（越权）',
      form: 'jiang',
      place: '被测地点',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
      capacity: 5,
    });
    expect(created.statusCode, created.body).toBe(200);
    act.id = created.json().id;
    expect((await owner.post(`/api/activities/${act.id}/publish`)).statusCode).toBe(200);
    const v = await registerVolunteer(t, ids.foreignStation);
    act.volunteer = v.id;
    expect((await owner.post(`/api/activities/${act.id}/signups`, { volunteerIds: [v.id] })).statusCode).toBe(
      200,
    );
    const series = await owner.post('/api/activity-series', {
      title: '被测系列',
      form: 'le',
      place: '被测地点',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      capacity: 5,
      frequency: 'weekly',
      occurrences: 2,
    });
    act.series = series.json().seriesId;
    for (const table of ACTIVITY_TABLES) before[table] = await tableDigest(t.ctx.db.system, table);
  });

  const attacks: Array<{ name: string; run: (c: ReturnType<typeof as>) => Promise<LightMyRequestResponse> }> =
    [
      { name: 'read the activity', run: (c) => c.get(`/api/activities/${act.id}`) },
      { name: 'edit it', run: (c) => c.put(`/api/activities/${act.id}`, { title: '篡改' }) },
      { name: 'publish/start/finish/archive it', run: (c) => c.post(`/api/activities/${act.id}/finish`) },
      { name: 'cancel it', run: (c) => c.post(`/api/activities/${act.id}/cancel`, { reason: '越权取消' }) },
      {
        name: 'write its archive',
        run: (c) => c.put(`/api/activities/${act.id}/archive`, { summary: '篡改' }),
      },
      { name: 'list its photos', run: (c) => c.get(`/api/activities/${act.id}/photos`) },
      { name: 'read its sign-ups', run: (c) => c.get(`/api/activities/${act.id}/signups`) },
      {
        name: 'add volunteers to it',
        run: (c) => c.post(`/api/activities/${act.id}/signups`, { volunteerIds: [act.volunteer] }),
      },
      {
        name: 'remove a volunteer from it',
        run: (c) => c.delete(`/api/activities/${act.id}/signups/${act.volunteer}`),
      },
    ];
  const cases = ['demo-station2', 'town2-institute'].flatMap((who) => attacks.map((a) => ({ ...a, who })));

  it.each(cases)('$who: $name → 404', async ({ who, run }) => {
    const res = await run(clients[who]!);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(404);
    expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('lists leave it out, for both attackers', async () => {
    for (const who of ['demo-station2', 'town2-institute']) {
      const list = (await clients[who]!.get('/api/activities?pageSize=200')).json() as {
        items: Array<{ id: number }>;
      };
      expect(list.items.map((a) => a.id)).not.toContain(act.id);
      expect((await clients[who]!.get(`/api/activities?seriesId=${act.series}`)).json()).toEqual({
        items: [],
        total: 0,
      });
    }
  });

  it('changed nothing; the owner can do the same', async () => {
    for (const table of ACTIVITY_TABLES)
      expect(await tableDigest(t.ctx.db.system, table), table).toBe(before[table]);
    const owner = clients['demo-station']!;
    expect((await owner.get(`/api/activities/${act.id}/signups`)).json()).toHaveLength(1);
    expect((await owner.put(`/api/activities/${act.id}`, { title: '本站修改' })).statusCode).toBe(200);
  });
});
