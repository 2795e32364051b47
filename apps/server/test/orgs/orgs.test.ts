import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type TestContext } from '../support/context.ts';
import {
  countOf,
  createUser,
  orgOfUser,
  orgRow,
  readSheet,
  tableDigest,
  uniqueCode,
  type OrgRef,
} from '../support/org-factories.ts';

interface TreeNode {
  id: number;
  name: string;
  kind: string;
  children: TreeNode[];
}
const flatten = (nodes: TreeNode[]): TreeNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);
const sortedIds = (nodes: TreeNode[]) =>
  flatten(nodes)
    .map((n) => n.id)
    .sort((a, b) => a - b);
const within = (root: string) => (path: string) => path === root || path.startsWith(`${root}.`);
const CHINESE = /[\u4e00-\u9fa5]/;
const MASKED = /^\d{3}\*{4}\d{4}$/;

let t: TestContext;
let center: ReturnType<typeof as>;
let institute: ReturnType<typeof as>;
let station: ReturnType<typeof as>;
let centerOrg: OrgRef;
let instituteOrg: OrgRef; // 城北街道 (demo-institute)
let stationOrg: OrgRef; // demo-station, under instituteOrg
let otherInstituteOrg: OrgRef; // the institute of demo-station2

const db = () => t.ctx.db.system;
const subtreeIds = async (path: string) =>
  (
    await sql<{ id: number }>`SELECT id FROM orgs WHERE path <@ ${path}::ltree ORDER BY id`.execute(db())
  ).rows.map((r) => r.id);
const countWhere = (table: string, where: RawBuilder<unknown>) =>
  countOf(db(), sql`SELECT count(*) AS n FROM ${sql.table(table)} WHERE ${where}`);
const orgCount = () => countWhere('orgs', sql`true`);
const storedPhone = async (id: number) =>
  (await db().selectFrom('orgs').select('contact_phone_enc').where('id', '=', id).executeTakeFirstOrThrow())
    .contact_phone_enc;
/** A station body under the first institute; `extra` overrides. */
const stationBody = (extra: Record<string, unknown> = {}) => ({
  parentId: instituteOrg.id,
  kind: 'station',
  code: uniqueCode('ST'),
  name: '测试实践站',
  ...extra,
});

beforeAll(async () => {
  t = await createTestContext();
  center = as(t.app, await login(t.app, 'demo-center'));
  institute = as(t.app, await login(t.app, 'demo-institute'));
  station = as(t.app, await login(t.app, 'demo-station'));
  centerOrg = await orgOfUser(db(), 'demo-center');
  instituteOrg = await orgOfUser(db(), 'demo-institute');
  stationOrg = await orgOfUser(db(), 'demo-station');
  otherInstituteOrg = (await orgRow(db(), (await orgOfUser(db(), 'demo-station2')).parentId!))!;
});
afterAll(async () => {
  await t?.close();
});

async function createStation(extra: Record<string, unknown> = {}) {
  const res = await center.post('/api/orgs', stationBody(extra));
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('visibility of the org tree', () => {
  it('shows the centre admin the whole county: one root with 17 institutes', async () => {
    const res = await center.get('/api/orgs/tree');
    expect(res.statusCode).toBe(200);
    const roots: TreeNode[] = res.json();
    expect(roots).toHaveLength(1);
    expect(roots[0]!.id).toBe(centerOrg.id);
    expect(roots[0]!.children.filter((c) => c.kind === 'institute')).toHaveLength(17);
    expect(sortedIds(roots)).toEqual(await subtreeIds(centerOrg.path));
  });

  it('lists siblings in creation order, not by the text of their paths ("1.10" before "1.2")', async () => {
    const roots: TreeNode[] = (await center.get('/api/orgs/tree')).json();
    const institutes = roots[0]!.children.filter((c) => c.kind === 'institute');
    expect(institutes[0]!.name).toBe('城北街道新时代文明实践所');
    const ids = roots[0]!.children.map((c) => c.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const page = (await center.get('/api/orgs?kind=institute&pageSize=50')).json();
    expect(page.items.map((o: { id: number }) => o.id)).toEqual(institutes.map((i) => i.id));
  });

  it('shows an institute admin exactly its own institute subtree', async () => {
    const roots: TreeNode[] = (await institute.get('/api/orgs/tree')).json();
    expect(roots.map((r) => r.id)).toEqual([instituteOrg.id]);
    expect(sortedIds(roots)).toEqual(await subtreeIds(instituteOrg.path));
    expect((await institute.get(`/api/orgs/${otherInstituteOrg.id}`)).statusCode).toBe(404);
    expect((await institute.get(`/api/orgs/${centerOrg.id}`)).statusCode).toBe(404);
  });

  it('shows a station admin only its station with its points and posts', async () => {
    const roots: TreeNode[] = (await station.get('/api/orgs/tree')).json();
    expect(roots.map((r) => r.id)).toEqual([stationOrg.id]);
    expect(sortedIds(roots)).toEqual(await subtreeIds(stationOrg.path));
    const nodes = flatten(roots);
    expect(new Set(nodes.slice(1).map((n) => n.kind))).toEqual(new Set(['point', 'post']));
    expect((await station.get('/api/orgs?pageSize=200')).json().total).toBe(nodes.length);
    expect((await station.get(`/api/orgs/${instituteOrg.id}`)).statusCode).toBe(404);
  });
});

describe('org list filters and pagination', () => {
  it('filters by kind, keyword, parentId subtree and status with matching totals', async () => {
    const byKind = (await center.get('/api/orgs?kind=institute&pageSize=50')).json();
    expect(byKind.total).toBe(17);
    expect(byKind.items.every((o: { kind: string }) => o.kind === 'institute')).toBe(true);

    const keyword = (await center.get(`/api/orgs?keyword=${encodeURIComponent('东风')}&pageSize=200`)).json();
    const like = '%东风%';
    expect(keyword.total).toBe(
      await countWhere('orgs', sql`name ILIKE ${like} OR code ILIKE ${like} OR short_name ILIKE ${like}`),
    );
    expect(keyword.total).toBeGreaterThan(0);
    const names = keyword.items.map((o: { name: string; shortName: string }) => o.name + o.shortName);
    expect(names.every((n: string) => n.includes('东风'))).toBe(true);

    const sub = (await center.get(`/api/orgs?parentId=${instituteOrg.id}&pageSize=200`)).json();
    expect(sub.total).toBe((await subtreeIds(instituteOrg.path)).length);
    expect(sub.items.every((o: { path: string }) => within(instituteOrg.path)(o.path))).toBe(true);

    const active = (await center.get('/api/orgs?status=active&pageSize=1')).json();
    expect(active.total).toBe(await countWhere('orgs', sql`status = 'active'`));

    const combined = (await center.get(`/api/orgs?kind=station&parentId=${instituteOrg.id}`)).json();
    expect(combined.total).toBe(
      await countWhere('orgs', sql`kind = 'station' AND path <@ ${instituteOrg.path}::ltree`),
    );
  });

  it('pages through a list without overlap and reports the full total on every page', async () => {
    const total = await countWhere('orgs', sql`kind = 'station'`);
    const pageSize = 40;
    const pages = Math.ceil(total / pageSize);
    const seen = new Set<number>();
    for (let page = 1; page <= pages; page += 1) {
      const body = (await center.get(`/api/orgs?kind=station&page=${page}&pageSize=${pageSize}`)).json();
      expect(body.total).toBe(total);
      expect(body.items).toHaveLength(page < pages ? pageSize : total - pageSize * (pages - 1));
      for (const o of body.items) seen.add(o.id);
    }
    expect(seen.size).toBe(total);
    const beyond = (await center.get(`/api/orgs?kind=station&page=${pages + 1}&pageSize=${pageSize}`)).json();
    expect(beyond).toEqual({ items: [], total });
  });
});

describe('creating and editing orgs', () => {
  it('creates a station under an institute; its path ends with its own id', async () => {
    const body = stationBody({ residentPopulation: 1200, latitude: 32.9, longitude: 107.7 });
    const res = await institute.post('/api/orgs', { ...body, contactPhone: '13812345678' });
    expect(res.statusCode, res.body).toBe(200);
    const org = res.json();
    expect(org).toMatchObject({
      parentId: instituteOrg.id,
      kind: 'station',
      code: body.code,
      status: 'active',
    });
    expect(org).toMatchObject({
      childCount: 0,
      depth: 3,
      contactPhone: '138****5678',
      residentPopulation: 1200,
    });
    expect(org.path).toBe(`${instituteOrg.path}.${org.id}`);
    expect((await orgRow(db(), org.id))?.path).toBe(org.path);
  });

  it('refuses a duplicate code with 409 and a Chinese message, creating nothing', async () => {
    const before = await orgCount();
    const codeOf = async (id: number) =>
      (await db().selectFrom('orgs').select('code').where('id', '=', id).executeTakeFirstOrThrow()).code;
    const foreign = await db()
      .selectFrom('orgs')
      .select('id')
      .where('parent_id', '=', otherInstituteOrg.id)
      .executeTakeFirstOrThrow();
    // one code inside the caller's scope, one outside it (invisible to the caller under RLS)
    for (const code of [await codeOf(stationOrg.id), await codeOf(foreign.id)]) {
      const res = await institute.post('/api/orgs', stationBody({ code }));
      expect(res.statusCode, code).toBe(409);
      expect(res.json().message).toMatch(CHINESE);
    }
    expect(await orgCount()).toBe(before);
  });

  it('refuses illegal nesting (an institute under a station) with 409', async () => {
    const before = await orgCount();
    const res = await center.post('/api/orgs', stationBody({ parentId: stationOrg.id, kind: 'institute' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('ILLEGAL_NESTING');
    expect(await orgCount()).toBe(before);
  });

  it('validates phone, coordinates and population with 400', async () => {
    const before = await orgCount();
    const bad: Array<Record<string, unknown>> = [
      { contactPhone: '12345' },
      { contactPhone: '23812345678' },
      { latitude: 91 },
      { longitude: -181 },
      { residentPopulation: -1 },
    ];
    for (const extra of bad) {
      const res = await center.post('/api/orgs', stationBody(extra));
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(res.json().message).toMatch(CHINESE);
    }
    expect(await orgCount()).toBe(before);
  });

  it('keeps the contact phone masked in responses and encrypted at rest', async () => {
    const org = await createStation();
    const res = await center.patch(`/api/orgs/${org.id}`, {
      contactPhone: '13987654321',
      headName: '王测试',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ contactPhone: '139****4321', headName: '王测试' });
    expect((await center.get(`/api/orgs/${org.id}`)).json().contactPhone).toBe('139****4321');
    expect((await center.get(`/api/orgs?keyword=${org.code}`)).json().items[0].contactPhone).toBe(
      '139****4321',
    );
    const stored = (await storedPhone(org.id))!;
    expect(stored).not.toContain('13987654321');
    expect(stored).not.toContain('87654321');
    expect(t.ctx.cipher.decrypt(stored)).toBe('13987654321');
    expect((await center.patch(`/api/orgs/${org.id}`, { contactPhone: 'not-a-phone' })).statusCode).toBe(400);
    expect(await storedPhone(org.id)).toBe(stored);
  });
});

describe('moving orgs', () => {
  it('moves a station with its subtree, members and records to another institute', async () => {
    const oldPath = stationOrg.path;
    const subtree = await subtreeIds(oldPath);
    expect(subtree.length).toBeGreaterThan(1); // it has points/posts
    await createUser(db(), 'inst-b-admin', 'institute_admin', otherInstituteOrg.id);
    const newInstitute = as(t.app, await login(t.app, 'inst-b-admin'));
    expect((await institute.get(`/api/orgs/${stationOrg.id}`)).statusCode).toBe(200);
    expect((await newInstitute.get(`/api/orgs/${stationOrg.id}`)).statusCode).toBe(404);
    const inspections = await countWhere('inspections', sql`org_id = ${stationOrg.id}`);
    expect(inspections).toBeGreaterThan(0);
    // the demo station keeps a ledger and has issued certificates: those paths must move too
    for (const table of ['point_entries', 'point_balances', 'certificates'])
      expect(await countWhere(table, sql`org_path <@ ${oldPath}::ltree`), table).toBeGreaterThan(0);

    const res = await center.post(`/api/orgs/${stationOrg.id}/move`, { parentId: otherInstituteOrg.id });
    expect(res.statusCode, res.body).toBe(200);
    const newPath = `${otherInstituteOrg.path}.${stationOrg.id}`;
    expect(res.json()).toMatchObject({ id: stationOrg.id, parentId: otherInstituteOrg.id, path: newPath });

    expect(await subtreeIds(newPath)).toEqual(subtree);
    expect(await subtreeIds(oldPath)).toEqual([]);
    const members = await db()
      .selectFrom('users')
      .select('org_path')
      .where('org_id', '=', stationOrg.id)
      .execute();
    expect(members.length).toBeGreaterThan(0);
    expect(members.every((u) => u.org_path === newPath)).toBe(true);
    const records = await db()
      .selectFrom('inspections')
      .select('org_path')
      .where('org_id', '=', stationOrg.id)
      .execute();
    expect(records).toHaveLength(inspections);
    expect(records.every((i) => i.org_path === newPath)).toBe(true);
    expect(await countWhere('inspection_results', sql`org_path <@ ${oldPath}::ltree`)).toBe(0);
    // other stored paths move too: a menu item's service area inside the station
    const areas = await db()
      .selectFrom('menu_items')
      .select('area_path')
      .where('area_org_id', '=', stationOrg.id)
      .execute();
    expect(areas.length).toBeGreaterThan(0);
    expect(areas.every((m) => m.area_path === newPath)).toBe(true);
    // and the append-only tables' paths (the ledger, certificates), their content untouched
    for (const [table, column] of [
      ['point_entries', 'org_path'],
      ['point_entries', 'holder_org_path'],
      ['point_balances', 'org_path'],
      ['certificates', 'org_path'],
    ] as const)
      expect(
        await countWhere(table, sql`${sql.ref(column)} <@ ${oldPath}::ltree`),
        `${table}.${column}`,
      ).toBe(0);

    expect((await institute.get(`/api/orgs/${stationOrg.id}`)).statusCode).toBe(404);
    expect((await institute.get(`/api/orgs?parentId=${stationOrg.id}`)).json().total).toBe(0);
    expect((await newInstitute.get(`/api/orgs/${stationOrg.id}`)).statusCode).toBe(200);
    expect((await newInstitute.get(`/api/orgs?parentId=${stationOrg.id}`)).json().total).toBe(subtree.length);
    // the station's own admin keeps working on the moved station
    const own: TreeNode[] = (await station.get('/api/orgs/tree')).json();
    expect(sortedIds(own)).toEqual(subtree);
  });

  it('refuses a move that would create a cycle with 409 CYCLE and changes nothing', async () => {
    const child = await db()
      .selectFrom('orgs')
      .select('id')
      .where('parent_id', '=', instituteOrg.id)
      .where('kind', '=', 'station')
      .executeTakeFirstOrThrow();
    const before = await tableDigest(db(), 'orgs');
    const res = await center.post(`/api/orgs/${instituteOrg.id}/move`, { parentId: child.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('CYCLE');
    const self = await center.post(`/api/orgs/${instituteOrg.id}/move`, { parentId: instituteOrg.id });
    expect(self.json().code).toBe('CYCLE');
    expect(await tableDigest(db(), 'orgs')).toBe(before);
  });
});

describe('archiving and deleting', () => {
  it('refuses to archive an org with active children', async () => {
    const res = await center.post(`/api/orgs/${stationOrg.id}/archive`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('HAS_CHILDREN');
    expect((await orgRow(db(), stationOrg.id))!.status).toBe('active');
  });

  it('archives a leaf and restores it', async () => {
    const org = await createStation();
    const archived = await center.post(`/api/orgs/${org.id}/archive`);
    expect(archived.statusCode).toBe(200);
    expect(archived.json().status).toBe('archived');
    expect((await orgRow(db(), org.id))!.status).toBe('archived');
    const list = (await center.get('/api/orgs?status=archived&pageSize=200')).json();
    expect(list.total).toBe(await countWhere('orgs', sql`status = 'archived'`));
    expect(list.items.map((o: { id: number }) => o.id)).toContain(org.id);
    const restored = await center.post(`/api/orgs/${org.id}/restore`);
    expect(restored.statusCode).toBe(200);
    expect(restored.json().status).toBe('active');
    expect((await orgRow(db(), org.id))!.status).toBe('active');
  });

  it('refuses to delete an org with children or with members', async () => {
    // the demo station has both children and members; the children are checked first
    const withChildren = await center.delete(`/api/orgs/${stationOrg.id}`);
    expect(withChildren.statusCode).toBe(409);
    expect(withChildren.json().code).toBe('HAS_CHILDREN');
    // a leaf that still has an account
    const leaf = await createStation();
    await createUser(db(), `member-${leaf.id}`, 'station_admin', leaf.id);
    const withMembers = await center.delete(`/api/orgs/${leaf.id}`);
    expect(withMembers.statusCode).toBe(409);
    expect(withMembers.json().code).toBe('HAS_MEMBERS');
    expect(await orgRow(db(), leaf.id)).toBeDefined();
    expect(await orgRow(db(), stationOrg.id)).toBeDefined();
  });

  it('deletes a fresh leaf, after which it is gone', async () => {
    const leaf = await createStation();
    const res = await center.delete(`/api/orgs/${leaf.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect((await center.get(`/api/orgs/${leaf.id}`)).statusCode).toBe(404);
    expect(await orgRow(db(), leaf.id)).toBeUndefined();
  });
});

describe('Excel export', () => {
  it('exports the same rows as the list, with masked phones, and audits the export', async () => {
    const query = `kind=station&parentId=${instituteOrg.id}`;
    const total = (await center.get(`/api/orgs?${query}`)).json().total;
    expect(total).toBeGreaterThan(0);
    const auditsBefore = await countWhere('audit_log', sql`action = 'org.export'`);
    const res = await center.get(`/api/orgs/export?${query}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const { header, rows } = await readSheet(res.rawPayload);
    expect(header).toContain('名称');
    expect(rows).toHaveLength(total);
    const phoneCol = header.indexOf('联系电话');
    expect(phoneCol).toBeGreaterThan(0);
    const phones = rows.map((r) => r[phoneCol]).filter((p) => p !== undefined && p !== null && p !== '');
    expect(phones.length).toBeGreaterThan(0);
    for (const phone of phones) expect(String(phone)).toMatch(MASKED);

    const audits = await db()
      .selectFrom('audit_log')
      .select(['actor_username', 'summary'])
      .where('action', '=', 'org.export')
      .orderBy('seq', 'desc')
      .execute();
    expect(audits).toHaveLength(auditsBefore + 1);
    expect(audits[0]!.actor_username).toBe('demo-center');
    expect((audits[0]!.summary as { rows: number }).rows).toBe(total);
  });

  it("limits an institute admin's export to its own subtree", async () => {
    const res = await institute.get('/api/orgs/export');
    expect(res.statusCode).toBe(200);
    const { rows } = await readSheet(res.rawPayload);
    expect(rows).toHaveLength((await subtreeIds(instituteOrg.path)).length);
  });
});

describe('service platforms', () => {
  it('lists five platforms; the centre edits a lead unit, an institute cannot', async () => {
    const list = (await center.get('/api/platforms')).json();
    expect(list).toHaveLength(5);
    for (const p of list) if (p.contactPhone) expect(p.contactPhone).toMatch(MASKED);
    const target = list[0];
    const edited = await center.patch(`/api/platforms/${target.id}`, { leadUnit: '县委宣传部（测试）' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().leadUnit).toBe('县委宣传部（测试）');
    const stored = await db()
      .selectFrom('platforms')
      .select('lead_unit')
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(stored.lead_unit).toBe('县委宣传部（测试）');

    const instList = await institute.get('/api/platforms');
    expect(instList.statusCode).toBe(200);
    expect(instList.json()).toHaveLength(5);
    // the list says who may edit: the centre, not an institute
    expect(list.every((p: { editable: boolean }) => p.editable)).toBe(true);
    expect(instList.json().some((p: { editable: boolean }) => p.editable)).toBe(false);
    const before = await tableDigest(db(), 'platforms');
    const denied = await institute.patch(`/api/platforms/${target.id}`, { leadUnit: '越权修改' });
    expect([403, 404]).toContain(denied.statusCode);
    expect(await tableDigest(db(), 'platforms')).toBe(before);
  });
});
