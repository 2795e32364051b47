// Publicity pieces (宣传稿件) through the routes on the demo county: recording for the caller's unit
// or one below, validation in Chinese changing nothing, the scope of lists (a station does not see
// its sibling's pieces, the institute sees its stations'), row-level security refusing a forged org,
// the screenshot, the yearly summary against the quota, the export, and the figures the assessment
// reads on pieces made here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inScope } from '../../src/platform/db/database.ts';
import { publicityFigures } from '../../src/modules/publicity/index.ts';
import { as, createTestContext, login, type TestContext } from '../support/context.ts';
import {
  createUser,
  orgOfUser,
  orgRow,
  readSheet,
  tableDigest,
  TINY_PNG,
  uniqueCode,
  type OrgRef,
} from '../support/org-factories.ts';
import { createPiece, daysAgo, pieceBody, type PieceView } from '../support/publicity-factories.ts';
import { XSS } from '../support/xss.ts';

let t: TestContext;
let station: OrgRef;
let sibling: OrgRef; // another station of demo-institute
let instituteOrg: OrgRef;
let centerOrg: OrgRef;
const CHINESE = /[\u4e00-\u9fa5]/;

const signIn = async (username: string) => as(t.app, await login(t.app, username));
type Client = Awaited<ReturnType<typeof signIn>>;
let center: Client;
let institute: Client;
let stationAdmin: Client;
let siblingAdmin: Client;

const digest = async () =>
  Promise.all(['publicity_pieces', 'uploads'].map((table) => tableDigest(t.ctx.db.system, table)));

/**
 * A fresh institute with two stations under the centre, founded on 1 January: the summary and the
 * figures start from zero, and the year's targets are not prorated.
 */
async function freshTown() {
  const make = async (parentId: number, kind: string, name: string) => {
    const res = await center.post('/api/orgs', { parentId, kind, code: uniqueCode('PUB'), name });
    expect(res.statusCode, res.body).toBe(200);
    const id = (res.json() as { id: number }).id;
    await t.ctx.db.system
      .updateTable('orgs')
      .set({ founded_on: `${daysAgo(0).slice(0, 4)}-01-01` })
      .where('id', '=', id)
      .execute();
    return (await orgRow(t.ctx.db.system, id))!;
  };
  const town = await make(centerOrg.id, 'institute', '宣传测试镇实践所');
  const a = await make(town.id, 'station', '宣传测试甲村实践站');
  const b = await make(town.id, 'station', '宣传测试乙村实践站');
  return { town, a, b };
}

beforeAll(async () => {
  t = await createTestContext();
  station = await orgOfUser(t.ctx.db.system, 'demo-station');
  instituteOrg = await orgOfUser(t.ctx.db.system, 'demo-institute');
  centerOrg = await orgOfUser(t.ctx.db.system, 'demo-center');
  const other = await t.ctx.db.system
    .selectFrom('orgs')
    .select('id')
    .where('parent_id', '=', instituteOrg.id)
    .where('kind', '=', 'station')
    .where('id', '<>', station.id)
    .where('status', '=', 'active')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  sibling = (await orgRow(t.ctx.db.system, Number(other.id)))!;
  await createUser(t.ctx.db.system, 'pub-sibling', 'station_admin', sibling.id);
  center = await signIn('demo-center');
  institute = await signIn('demo-institute');
  stationAdmin = await signIn('demo-station');
  siblingAdmin = await signIn('pub-sibling');
}, 120_000);
afterAll(async () => t?.close());

describe('recording a piece', () => {
  it('records for the caller’s own unit by default, audited in the same transaction', async () => {
    const piece = await createPiece(stationAdmin, { level: 'province', outlet: '陕西文明网' });
    expect(piece).toMatchObject({
      orgId: station.id,
      level: 'province',
      outlet: '陕西文明网',
      hasScreenshot: false,
      screenshotUrl: null,
      canEdit: true,
    });
    expect(piece.title).toContain(XSS);
    expect(piece.createdBy).toBeTruthy();
    const audit = await t.ctx.db.system
      .selectFrom('audit_log')
      .select(['action', 'resource_id'])
      .where('action', '=', 'publicity.create')
      .where('resource_id', '=', String(piece.id))
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('records for a unit below the caller, and refuses one outside its scope with 404', async () => {
    const piece = await createPiece(institute, { orgId: station.id });
    expect(piece.orgId).toBe(station.id);
    const before = await digest();
    const res = await stationAdmin.post('/api/publicity', pieceBody({ orgId: instituteOrg.id }));
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toMatch(CHINESE);
    expect(await digest()).toEqual(before);
  });

  it('refuses bad input with Chinese messages and changes nothing', async () => {
    const before = await digest();
    const cases: [Record<string, unknown>, string][] = [
      [{ publishedOn: daysAgo(-2) }, '发表日期不能晚于今天'],
      [{ url: 'ftp://example.cn/a' }, '链接须以 http:// 或 https:// 开头'],
      [{ url: 'javascript:alert(1)' }, '链接须以 http:// 或 https:// 开头'],
      [{ level: 'town' }, '请选择媒体级别'],
      [{ outlet: '' }, '请填写媒体名称'],
      [{ outlet: '媒'.repeat(41) }, '媒体名称不超过 40 个字'],
      [{ title: '   ' }, '请填写稿件标题'],
      [{ title: '题'.repeat(101) }, '稿件标题不超过 100 个字'],
      [{ publishedOn: '2026-02-30' }, '请填写发表日期'],
      [{ note: '注'.repeat(501) }, '备注不超过 500 个字'],
    ];
    for (const [body, message] of cases) {
      const res = await stationAdmin.post('/api/publicity', pieceBody(body));
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().message, JSON.stringify(body)).toContain(message);
    }
    for (const query of [
      'year=abc',
      'from=2026-13-01',
      'level=x',
      'year=2026&from=2026-01-01',
      'from=2026-05-01&to=2026-04-01',
    ]) {
      const res = await stationAdmin.get(`/api/publicity?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().message).toMatch(CHINESE);
    }
    expect(await digest()).toEqual(before);
  });

  it('accepts a piece without a link, and an empty link clears it', async () => {
    const piece = await createPiece(stationAdmin, { url: null });
    expect(piece.url).toBeNull();
    const withLink = await createPiece(stationAdmin);
    const cleared = await stationAdmin.patch(`/api/publicity/${withLink.id}`, { url: '' });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json().url).toBeNull();
  });
});

describe('scope', () => {
  let own: PieceView;
  let siblings: PieceView;

  beforeAll(async () => {
    own = await createPiece(stationAdmin, { title: '本站独有稿件' });
    siblings = await createPiece(siblingAdmin, { title: '邻村独有稿件' });
  });

  it('a station does not see its sibling’s pieces; the institute and the centre see both', async () => {
    const ids = async (client: Client, query = '') =>
      ((await client.get(`/api/publicity?pageSize=200${query}`)).json().items as PieceView[]).map(
        (p) => p.id,
      );
    expect(await ids(stationAdmin)).toContain(own.id);
    expect(await ids(stationAdmin)).not.toContain(siblings.id);
    expect(await ids(siblingAdmin)).not.toContain(own.id);
    for (const client of [institute, center]) {
      const seen = await ids(client, '&q=独有稿件');
      expect(seen).toEqual(expect.arrayContaining([own.id, siblings.id]));
    }
    // filtered to one unit's subtree
    expect(await ids(institute, `&orgId=${sibling.id}&q=独有稿件`)).toEqual([siblings.id]);
    // a unit outside the caller's scope as a filter: 404
    expect((await stationAdmin.get(`/api/publicity?orgId=${sibling.id}`)).statusCode).toBe(404);
  });

  it('answers 404 for a sibling’s piece on every route and changes nothing', async () => {
    const before = await digest();
    const id = siblings.id;
    expect((await stationAdmin.get(`/api/publicity/${id}`)).statusCode).toBe(404);
    expect((await stationAdmin.patch(`/api/publicity/${id}`, { title: '越权修改' })).statusCode).toBe(404);
    expect((await stationAdmin.delete(`/api/publicity/${id}`)).statusCode).toBe(404);
    expect((await stationAdmin.get(`/api/publicity/${id}/screenshot`)).statusCode).toBe(404);
    expect(
      (await stationAdmin.form(`/api/publicity/${id}/screenshot`, {}, { fileName: 'a.png', data: TINY_PNG }))
        .statusCode,
    ).toBe(404);
    expect(await digest()).toEqual(before);
  });

  it('the institute above may edit and delete a station’s piece; the station cannot move it out of its scope', async () => {
    const edited = await institute.patch(`/api/publicity/${own.id}`, { level: 'city', outlet: '汉中日报' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ level: 'city', outlet: '汉中日报', orgId: station.id });
    const moved = await stationAdmin.patch(`/api/publicity/${own.id}`, { orgId: instituteOrg.id });
    expect(moved.statusCode).toBe(404);
    const doomed = await createPiece(stationAdmin);
    const del = await institute.delete(`/api/publicity/${doomed.id}`);
    expect(del.statusCode, del.body).toBe(200);
    expect((await stationAdmin.get(`/api/publicity/${doomed.id}`)).statusCode).toBe(404);
    const audit = await t.ctx.db.system
      .selectFrom('audit_log')
      .select('action')
      .where('resource_type', '=', 'publicity_piece')
      .where('resource_id', '=', String(doomed.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['publicity.create', 'publicity.delete']);
  });

  it('row-level security refuses a piece written with a forged org path, and hides others’ rows', async () => {
    const user = await t.ctx.db.system
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'demo-station')
      .executeTakeFirstOrThrow();
    await expect(
      inScope(t.ctx.db.app, station.path, (tx) =>
        tx
          .insertInto('publicity_pieces')
          .values({
            org_id: sibling.id,
            org_path: sibling.path,
            level: 'county',
            outlet: '伪造',
            title: '伪造单位的稿件',
            published_on: daysAgo(1),
            created_by: user.id,
            created_at: new Date(),
            updated_at: new Date(),
          })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    const seen = await inScope(t.ctx.db.app, station.path, (tx) =>
      tx.selectFrom('publicity_pieces').select('id').where('id', '=', siblings.id).execute(),
    );
    expect(seen).toEqual([]);
    // nor can an update move a visible piece out of the scope
    await expect(
      inScope(t.ctx.db.app, station.path, (tx) =>
        tx.updateTable('publicity_pieces').set({ org_path: sibling.path }).where('id', '=', own.id).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });
});

describe('the screenshot', () => {
  it('uploads, serves with caching headers, refuses non-images in Chinese, and removes', async () => {
    const piece = await createPiece(stationAdmin);
    const bad = await stationAdmin.form(
      `/api/publicity/${piece.id}/screenshot`,
      {},
      { fileName: 'a.txt', data: Buffer.from('not an image') },
    );
    expect(bad.statusCode).toBeGreaterThanOrEqual(400);
    expect(bad.statusCode).toBeLessThan(500);
    expect(bad.json().message).toMatch(CHINESE);
    const missing = await stationAdmin.form(`/api/publicity/${piece.id}/screenshot`, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toBe('请选择要上传的截图');

    const res = await stationAdmin.form(
      `/api/publicity/${piece.id}/screenshot`,
      {},
      { fileName: '截图.png', data: TINY_PNG },
    );
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json() as PieceView;
    expect(view.hasScreenshot).toBe(true);
    expect(view.screenshotUrl).toMatch(new RegExp(`^/api/publicity/${piece.id}/screenshot\\?v=`));
    for (const client of [stationAdmin, institute]) {
      const image = await client.get(view.screenshotUrl!);
      expect(image.statusCode).toBe(200);
      expect(image.headers['content-type']).toBe('image/png');
      expect(image.headers['cache-control']).toContain('max-age');
      expect(image.rawPayload.equals(TINY_PNG)).toBe(true);
    }
    // stored under the piece's unit
    const upload = await t.ctx.db.system
      .selectFrom('uploads')
      .select('org_path')
      .where('id', '=', view.screenshotUrl!.split('v=')[1]!)
      .executeTakeFirstOrThrow();
    expect(upload.org_path).toBe(station.path);
    expect((await siblingAdmin.get(view.screenshotUrl!)).statusCode).toBe(404);

    const removed = await stationAdmin.delete(`/api/publicity/${piece.id}/screenshot`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().hasScreenshot).toBe(false);
    expect((await stationAdmin.get(`/api/publicity/${piece.id}/screenshot`)).statusCode).toBe(404);
  });
});

describe('the yearly summary, the export and the assessment figures', () => {
  it('counts per direct unit, 本级 and total against the quota (中央级 with 省级), with the shortfall', async () => {
    const { town, a, b } = await freshTown();
    const year = Number(daysAgo(0).slice(0, 4));
    const jan = `${year}-01-01`;
    // station a: every quota met (1 national, 2 city, 3 county)
    for (const level of ['national', 'city', 'city', 'county', 'county', 'county'])
      await createPiece(center, { orgId: a.id, level, publishedOn: jan });
    // station b: 1 province, 5 county
    for (const level of ['province', 'county', 'county', 'county', 'county', 'county'])
      await createPiece(center, { orgId: b.id, level, publishedOn: jan });
    // the institute itself: 1 city; and one of last year, not counted
    await createPiece(center, { orgId: town.id, level: 'city', publishedOn: jan });
    await createPiece(center, { orgId: town.id, level: 'province', publishedOn: `${year - 1}-12-31` });

    const res = await center.get(`/api/publicity/summary?orgId=${town.id}&year=${year}`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({ orgId: town.id, year, quota: { province: 1, city: 2, county: 3 } });
    const row = (kind: string, orgId: number) =>
      s.rows.find((r: { kind: string; orgId: number }) => r.kind === kind && r.orgId === orgId);
    expect(row('child', a.id)).toMatchObject({
      national: 1,
      city: 2,
      county: 3,
      counted: { province: 1, city: 2, county: 3 },
      shortfall: { province: 0, city: 0, county: 0 },
      meets: true,
    });
    expect(row('child', b.id)).toMatchObject({
      province: 1,
      county: 5,
      total: 6,
      shortfall: { province: 0, city: 2, county: 0 },
      meets: false,
    });
    expect(row('own', town.id)).toMatchObject({ city: 1, total: 1, meets: false });
    expect(row('total', town.id)).toMatchObject({
      total: 13,
      counted: { province: 2, city: 3, county: 8 },
      meets: true,
    });
    // the station sees only its own subtree: the town is out of its scope
    expect((await stationAdmin.get(`/api/publicity/summary?orgId=${town.id}`)).statusCode).toBe(404);
    expect((await center.get(`/api/publicity/summary?year=1999`)).statusCode).toBe(400);

    // the assessment's figures: per org path, per quota level, in the period
    const figures = await inScope(t.ctx.db.app, centerOrg.path, (tx) =>
      publicityFigures(tx, town.path, `${year}-01-01`, `${year}-12-31`),
    );
    expect(figures).toEqual(
      expect.arrayContaining([
        { orgPath: a.path, province: 1, city: 2, county: 3 },
        { orgPath: b.path, province: 1, city: 0, county: 5 },
        { orgPath: town.path, province: 0, city: 1, county: 0 },
      ]),
    );

    // the export: the town's pieces of the year, newest first, opened with exceljs
    const file = await center.get(`/api/publicity/export?orgId=${town.id}&year=${year}`);
    expect(file.statusCode, file.body).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const sheet = await readSheet(file.rawPayload);
    expect(sheet.header).toEqual(
      expect.arrayContaining(['单位', '级别', '媒体名称', '稿件标题', '发表日期', '链接', '截图']),
    );
    expect(sheet.rows).toHaveLength(13);
    expect(sheet.rows.map((r) => r[3])).toContain('中央级');
    expect(String(sheet.rows[0]![5])).toContain(XSS);
    const audited = await t.ctx.db.system
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'publicity.export')
      .where('resource_id', '=', String(town.id))
      .execute();
    expect(audited).toHaveLength(1);

    // the assessment report of the year: the town (over its subtree) meets every quota
    const report = await center.get(`/api/assessment/report?orgId=${town.id}&periodKind=year&period=${year}`);
    expect(report.statusCode, report.body).toBe(200);
    const units = report.json().rows as {
      orgId: number;
      results: { code: string; actual: number | null; target: number; rag: string }[];
    }[];
    const publicityOf = (orgId: number) =>
      units.find((u) => u.orgId === orgId)?.results.find((r) => r.code === 'publicity');
    expect(publicityOf(town.id)).toMatchObject({ actual: 6, target: 6, rag: 'green' });
    // 13 pieces, but each level counts up to its quota: min(2, 1) + min(3, 2) + min(8, 3)
    // (seed 004 §13 sets the quota for towns: stations are not assessed on it)
    expect(publicityOf(a.id)).toBeUndefined();
  });

  it('moving a station carries its pieces to the new institute', async () => {
    const { town, a } = await freshTown();
    const piece = await createPiece(center, { orgId: a.id });
    const other = await freshTown();
    const moved = await center.post(`/api/orgs/${a.id}/move`, { parentId: other.town.id });
    expect(moved.statusCode, moved.body).toBe(200);
    const row = await t.ctx.db.system
      .selectFrom('publicity_pieces')
      .select('org_path')
      .where('id', '=', piece.id)
      .executeTakeFirstOrThrow();
    expect(row.org_path.startsWith(`${other.town.path}.`)).toBe(true);
    const ids = async (orgId: number) =>
      ((await center.get(`/api/publicity?orgId=${orgId}`)).json().items as PieceView[]).map((p) => p.id);
    expect(await ids(other.town.id)).toContain(piece.id);
    expect(await ids(town.id)).not.toContain(piece.id);
  });
});
