import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_STANDARD_PRESETS } from '../../src/modules/orgs/site-standard-presets.ts';
import { chinaDate } from '../../src/platform/time.ts';
import { as, createTestContext, login, type Session, type TestContext } from '../support/context.ts';
import {
  countOf,
  orgOfUser,
  standardByCode,
  standardItems,
  TINY_PNG,
  uniqueCode,
  upload,
  type OrgRef,
} from '../support/org-factories.ts';

let t: TestContext;
let centerSession: Session;
let stationSession: Session;
let station2Session: Session;
let center: ReturnType<typeof as>;
let institute: ReturnType<typeof as>;
let station: ReturnType<typeof as>;
let station2: ReturnType<typeof as>;
let stationOrg: OrgRef;
let instituteOrg: OrgRef;

const db = () => t.ctx.db.system;
const daysAgo = (n: number) => chinaDate(new Date(t.ctx.now().getTime() - n * 86_400_000));
const inspectionCount = () => countOf(db(), sql`SELECT count(*) AS n FROM inspections`);
const uploadCount = () => countOf(db(), sql`SELECT count(*) AS n FROM uploads`);

beforeAll(async () => {
  t = await createTestContext();
  centerSession = await login(t.app, 'demo-center');
  stationSession = await login(t.app, 'demo-station');
  station2Session = await login(t.app, 'demo-station2');
  center = as(t.app, centerSession);
  institute = as(t.app, await login(t.app, 'demo-institute'));
  station = as(t.app, stationSession);
  station2 = as(t.app, station2Session);
  stationOrg = await orgOfUser(db(), 'demo-station');
  instituteOrg = await orgOfUser(db(), 'demo-institute');
});
afterAll(async () => {
  await t?.close();
});

/** Results for every item of a standard; `failing` lists the item indexes that fail. */
async function allResults(standardId: number, failing: number[] = []) {
  const items = await standardItems(t, standardId);
  return items.map((item, index) => ({ itemId: item.id, passed: !failing.includes(index) }));
}

describe('site standards', () => {
  it('shows the five presets to centre, institute and station admins', async () => {
    const codes = SITE_STANDARD_PRESETS.map((p) => p.code).sort();
    expect(codes).toHaveLength(5);
    for (const client of [center, institute, station]) {
      const res = await client.get('/api/site-standards');
      expect(res.statusCode).toBe(200);
      const presets = res.json().filter((s: { isPreset: boolean }) => s.isPreset);
      expect(presets.map((s: { code: string }) => s.code).sort()).toEqual(codes);
      for (const s of presets) expect(s.items.length).toBeGreaterThan(0);
    }
  });

  it('lets a station admin create its own standard, visible within its scope only', async () => {
    const res = await station.post('/api/site-standards', {
      code: 'own-check',
      name: '本站自查标准',
      appliesTo: ['station', 'point'],
      passScore: 60,
      items: [
        { title: '有活动记录', weight: 30 },
        { title: '有志愿者名册', weight: 70 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const created = res.json();
    expect(created).toMatchObject({ code: 'own-check', isPreset: false, status: 'active', passScore: 60 });
    expect(created.items.map((i: { weight: number }) => i.weight)).toEqual([30, 70]);
    const row = await db()
      .selectFrom('site_standards')
      .select(['owner_org_id', 'org_path'])
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ owner_org_id: stationOrg.id, org_path: stationOrg.path });
    expect((await station.get('/api/site-standards')).json().map((s: { id: number }) => s.id)).toContain(
      created.id,
    );
    expect((await station2.get('/api/site-standards')).json().map((s: { id: number }) => s.id)).not.toContain(
      created.id,
    );
    // a preset belongs to the centre: a station may use it but not change it
    const preset = await standardByCode(t, 'wuyou');
    expect([403, 404]).toContain(
      (await station.patch(`/api/site-standards/${preset.id}`, { passScore: 1 })).statusCode,
    );
    expect((await standardByCode(t, 'wuyou')).pass_score).toBe(preset.pass_score);
  });

  it('says which standards the caller may edit: its own unit’s, not a higher unit’s', async () => {
    type Listed = { id: number; code: string; editable: boolean };
    const preset = await standardByCode(t, 'wuyou');
    const byStation = (await station.get('/api/site-standards')).json() as Listed[];
    expect(byStation.find((s) => s.id === preset.id)?.editable).toBe(false);
    expect(byStation.find((s) => s.code === 'own-check')?.editable).toBe(true);
    const byCenter = (await center.get('/api/site-standards')).json() as Listed[];
    expect(byCenter.find((s) => s.id === preset.id)?.editable).toBe(true);
  });

  it('counts the inspections against each standard in the caller’s scope (the one in use)', async () => {
    type Listed = { code: string; inspections: number };
    const listed = (await center.get('/api/site-standards')).json() as Listed[];
    const inScope = async (code: string) =>
      Number(
        (
          await db()
            .selectFrom('inspections as i')
            .innerJoin('site_standards as s', 's.id', 'i.standard_id')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('s.code', '=', code)
            .executeTakeFirstOrThrow()
        ).n,
      );
    // the demo county inspects against 八有, not 五有
    expect(listed.find((s) => s.code === 'bayou')?.inspections).toBe(await inScope('bayou'));
    expect(listed.find((s) => s.code === 'bayou')?.inspections).toBeGreaterThan(0);
    expect(listed.find((s) => s.code === 'wuyou')?.inspections).toBe(0);
    const byStation2 = (await station2.get('/api/site-standards')).json() as Listed[];
    const station2Org = await orgOfUser(db(), 'demo-station2');
    const ownCount = Number(
      (
        await db()
          .selectFrom('inspections as i')
          .innerJoin('site_standards as s', 's.id', 'i.standard_id')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('s.code', '=', 'bayou')
          .where(sql<boolean>`i.org_path <@ ${station2Org.path}::ltree`)
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(byStation2.find((s) => s.code === 'bayou')?.inspections).toBe(ownCount);
  });
});

describe('inspections', () => {
  it('computes the score from the item weights and passes against the pass score', async () => {
    const own = await db()
      .selectFrom('site_standards')
      .select('id')
      .where('code', '=', 'own-check')
      .executeTakeFirstOrThrow();
    const base = { orgId: stationOrg.id, standardId: own.id, inspector: '李检查', inspectedOn: daysAgo(1) };
    // weights 30 / 70, pass score 60
    const failing = await station.post('/api/inspections', {
      ...base,
      results: await allResults(own.id, [1]),
    });
    expect(failing.statusCode, failing.body).toBe(200);
    expect(failing.json()).toMatchObject({
      orgId: stationOrg.id,
      standardId: own.id,
      score: 30,
      passed: false,
    });
    expect(failing.json().results).toHaveLength(2);
    const passing = await station.post('/api/inspections', {
      ...base,
      results: await allResults(own.id, [0]),
    });
    expect(passing.json()).toMatchObject({ score: 70, passed: true });
    const stored = await db()
      .selectFrom('inspections')
      .select(['score', 'passed', 'org_path'])
      .where('id', '=', passing.json().id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ score: 70, passed: true, org_path: stationOrg.path });

    // preset 五有: five items of weight 20, pass score 80
    const wuyou = await standardByCode(t, 'wuyou');
    const edge = await station.post('/api/inspections', {
      ...base,
      standardId: wuyou.id,
      results: await allResults(wuyou.id, [4]),
    });
    expect(edge.json()).toMatchObject({ score: 80, passed: true });
    const below = await station.post('/api/inspections', {
      ...base,
      standardId: wuyou.id,
      results: await allResults(wuyou.id, [3, 4]),
    });
    expect(below.json()).toMatchObject({ score: 60, passed: false });
  });

  it('refuses a missing item (400), an inapplicable standard (409) and a future date (400)', async () => {
    const wuyou = await standardByCode(t, 'wuyou');
    const posts = await standardByCode(t, 'bayou-sibibei'); // applies to posts only
    const before = await inspectionCount();
    const base = { orgId: stationOrg.id, standardId: wuyou.id, inspector: '李检查', inspectedOn: daysAgo(0) };

    const missing = await station.post('/api/inspections', {
      ...base,
      results: (await allResults(wuyou.id)).slice(1),
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toContain('未填写结果的检查项');

    const notApplicable = await station.post('/api/inspections', {
      ...base,
      standardId: posts.id,
      results: await allResults(posts.id),
    });
    expect(notApplicable.statusCode).toBe(409);
    expect(notApplicable.json().code).toBe('NOT_APPLICABLE');

    const tomorrow = chinaDate(new Date(t.ctx.now().getTime() + 86_400_000));
    const future = await station.post('/api/inspections', {
      ...base,
      inspectedOn: tomorrow,
      results: await allResults(wuyou.id),
    });
    expect(future.statusCode).toBe(400);
    expect(await inspectionCount()).toBe(before);
  });
});

describe('inspection photos', () => {
  it('stores a PNG and serves the same bytes back as image/png', async () => {
    const res = await upload(t.app, stationSession, '门牌.png', TINY_PNG);
    expect(res.statusCode, res.body).toBe(200);
    const { id, url } = res.json();
    expect(url).toBe(`/api/uploads/${id}`);
    const got = await station.get(url);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(got.rawPayload, TINY_PNG)).toBe(0);

    const wuyou = await standardByCode(t, 'wuyou');
    const results = await allResults(wuyou.id);
    results[0] = { ...results[0]!, photoIds: [id] } as (typeof results)[number];
    const inspection = await station.post('/api/inspections', {
      orgId: stationOrg.id,
      standardId: wuyou.id,
      inspector: '李检查',
      inspectedOn: daysAgo(0),
      results,
    });
    expect(inspection.statusCode, inspection.body).toBe(200);
    expect(inspection.json().results[0].photos).toEqual([{ id, url }]);
  });

  it('refuses a text file renamed .png (415) and a file over 10 MB (413), storing nothing', async () => {
    const before = await uploadCount();
    const text = await upload(
      t.app,
      stationSession,
      'notes.png',
      Buffer.from('这不是图片，只是一段文字。\n'.repeat(20)),
    );
    expect(text.statusCode).toBe(415);
    const big = Buffer.alloc(10 * 1024 * 1024 + 1024, 0x41);
    TINY_PNG.copy(big, 0, 0, 8); // a real PNG signature, so only the size is wrong
    const tooBig = await upload(t.app, stationSession, 'big.png', big);
    expect(tooBig.statusCode).toBe(413);
    expect(await uploadCount()).toBe(before);
  });

  it("neither attaches (400) nor serves (404) a photo from another unit's subtree", async () => {
    const foreign = await upload(t.app, station2Session, 'foreign.png', TINY_PNG);
    expect(foreign.statusCode).toBe(200);
    const foreignId: string = foreign.json().id;
    expect((await station.get(`/api/uploads/${foreignId}`)).statusCode).toBe(404);
    expect((await station2.get(`/api/uploads/${foreignId}`)).statusCode).toBe(200);

    const wuyou = await standardByCode(t, 'wuyou');
    const results = await allResults(wuyou.id);
    results[0] = { ...results[0]!, photoIds: [foreignId] } as (typeof results)[number];
    const before = await inspectionCount();
    const res = await station.post('/api/inspections', {
      orgId: stationOrg.id,
      standardId: wuyou.id,
      inspector: '李检查',
      inspectedOn: daysAgo(0),
      results,
    });
    expect(res.statusCode).toBe(400);
    expect(await inspectionCount()).toBe(before);
    const row = await db()
      .selectFrom('uploads')
      .select('org_path')
      .where('id', '=', foreignId)
      .executeTakeFirstOrThrow();
    expect(row.org_path).toBe((await orgOfUser(db(), 'demo-station2')).path);
  });
});

describe('coverage', () => {
  /** Units and latest-inspection outcomes computed straight from the database. */
  async function expected(scopePath: string, standardId: number) {
    const { rows } = await sql<{ total: number; inspected: number; meeting: number }>`
      WITH s AS (SELECT applies_to FROM site_standards WHERE id = ${standardId}),
      units AS (SELECT o.id FROM orgs o, s WHERE o.status = 'active' AND o.kind = ANY(s.applies_to) AND o.path <@ ${scopePath}::ltree),
      latest AS (SELECT DISTINCT ON (i.org_id) i.org_id, i.passed FROM inspections i JOIN units u ON u.id = i.org_id
                 WHERE i.standard_id = ${standardId} ORDER BY i.org_id, i.inspected_on DESC, i.id DESC)
      SELECT (SELECT count(*) FROM units)::int AS total, (SELECT count(*) FROM latest)::int AS inspected,
             (SELECT count(*) FROM latest WHERE passed)::int AS meeting`.execute(db());
    return rows[0]!;
  }
  const coverage = async (client: ReturnType<typeof as>, standardId: number) => {
    const res = await client.get(`/api/site-standards/coverage?standardId=${standardId}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('counts the active units of applicable kinds in scope, one row per direct child', async () => {
    const bayou = await standardByCode(t, 'bayou');
    const all = await coverage(center, bayou.id);
    const exp = await expected('1', bayou.id);
    expect({ total: all.totalUnits, inspected: all.inspectedUnits, meeting: all.meetingUnits }).toEqual(exp);
    expect(exp.total).toBe(
      await countOf(db(), sql`SELECT count(*) AS n FROM orgs WHERE status = 'active' AND kind = 'station'`),
    );
    const children = await countOf(
      db(),
      sql`SELECT count(*) AS n FROM orgs WHERE parent_id = 1 AND status = 'active'`,
    );
    expect(all.rows).toHaveLength(children);
    expect(all.rows.reduce((s: number, r: { totalUnits: number }) => s + r.totalUnits, 0)).toBe(
      all.totalUnits,
    );

    const wuyou = await standardByCode(t, 'wuyou');
    const own = await coverage(station, wuyou.id);
    const ownExp = await expected(stationOrg.path, wuyou.id);
    expect({ total: own.totalUnits, inspected: own.inspectedUnits, meeting: own.meetingUnits }).toEqual(
      ownExp,
    );
    expect(own.totalUnits).toBe(
      await countOf(
        db(),
        sql`SELECT count(*) AS n FROM orgs WHERE status = 'active' AND kind IN ('station', 'point') AND path <@ ${stationOrg.path}::ltree`,
      ),
    );
  });

  it('counts a unit as meeting only when its latest inspection passed', async () => {
    const bayou = await standardByCode(t, 'bayou');
    const before = await coverage(center, bayou.id);
    const rowOf = (c: { rows: Array<{ orgId: number; meetingUnits: number; totalUnits: number }> }) =>
      c.rows.find((r) => r.orgId === instituteOrg.id)!;
    const created = await center.post('/api/orgs', {
      parentId: instituteOrg.id,
      kind: 'station',
      code: uniqueCode('COV'),
      name: '覆盖率测试实践站',
    });
    expect(created.statusCode, created.body).toBe(200);
    const unit = created.json().id;
    const inspect = async (inspectedOn: string, failing: number[]) => {
      const res = await center.post('/api/inspections', {
        orgId: unit,
        standardId: bayou.id,
        inspector: '张检查',
        inspectedOn,
        results: await allResults(bayou.id, failing),
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const counts = (c: { totalUnits: number; inspectedUnits: number; meetingUnits: number }) => [
      c.totalUnits,
      c.inspectedUnits,
      c.meetingUnits,
    ];
    const {
      totalUnits: total,
      inspectedUnits: inspected,
      meetingUnits: meeting,
    } = before as { totalUnits: number; inspectedUnits: number; meetingUnits: number };

    expect(counts(await coverage(center, bayou.id))).toEqual([total + 1, inspected, meeting]);
    expect((await inspect(daysAgo(5), [])).passed).toBe(true);
    const afterPass = await coverage(center, bayou.id);
    expect(counts(afterPass)).toEqual([total + 1, inspected + 1, meeting + 1]);
    // an older failing inspection, recorded later, does not replace the latest one
    expect((await inspect(daysAgo(30), [0, 1, 2, 3])).passed).toBe(false);
    expect(counts(await coverage(center, bayou.id))).toEqual([total + 1, inspected + 1, meeting + 1]);
    // a newer failing inspection does
    expect((await inspect(daysAgo(1), [0, 1, 2, 3])).passed).toBe(false);
    const afterFail = await coverage(center, bayou.id);
    expect(counts(afterFail)).toEqual([total + 1, inspected + 1, meeting]);
    expect(rowOf(afterFail).meetingUnits).toBe(rowOf(afterPass).meetingUnits - 1);
    expect(rowOf(afterFail).totalUnits).toBe(rowOf(before).totalUnits + 1);
    const exp = await expected('1', bayou.id);
    expect(counts(afterFail)).toEqual([exp.total, exp.inspected, exp.meeting]);
  });
});
