// Honours (礼遇褒奖): the yearly lists follow the sample rules against figures computed here straight
// from the tables, a disputed record takes a volunteer off the lists, the export is masked and
// audited, privileges are managed with clear Chinese refusals and shown to the volunteers who earned them.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HONOUR_MIN_HOURS } from '@civic/contracts';
import { as, createTestContext, login, type TestContext } from '../support/context.ts';
import { orgOfUser, tableDigest, type OrgRef } from '../support/org-factories.ts';
import { signedInVolunteers } from '../support/store-factories.ts';

let t: TestContext;
let station: OrgRef;
let town: OrgRef;
let admin: ReturnType<typeof as>;
let townAdmin: ReturnType<typeof as>; // the town (institute): its lists are the real 评选
let year: number;

interface Expected {
  id: number;
  no: string;
  hours: number;
  points: number;
  records: number;
  disputed: boolean;
}

/** The rules of ranking.ts computed independently in SQL (every record of the org's volunteers counts). */
async function expected(): Promise<Expected[]> {
  const from = `${year}-01-01T00:00:00+08:00`;
  const to = `${year + 1}-01-01T00:00:00+08:00`;
  const { rows } = await sql<{
    id: number;
    no: string;
    hours: string;
    points: number;
    records: number;
    disputed: boolean;
  }>`
    SELECT v.id, v.volunteer_no AS no,
      coalesce((SELECT sum(hours) FROM service_records r WHERE r.volunteer_id = v.id AND r.status = 'confirmed'
        AND r.kind <> 'opening' AND r.ended_at >= ${from}::timestamptz AND r.ended_at < ${to}::timestamptz), 0) AS hours,
      coalesce((SELECT sum(lifetime_delta) FROM point_entries e WHERE e.holder_type = 'volunteer' AND e.holder_id = v.id
        AND e.occurred_at >= ${from}::timestamptz AND e.occurred_at < ${to}::timestamptz), 0)::int AS points,
      (SELECT count(*) FROM service_records r WHERE r.volunteer_id = v.id AND r.status = 'confirmed'
        AND r.kind <> 'opening' AND r.ended_at >= ${from}::timestamptz AND r.ended_at < ${to}::timestamptz)::int AS records,
      EXISTS (SELECT 1 FROM service_records r WHERE r.volunteer_id = v.id AND r.status IN ('rejected', 'pending')
        AND r.kind <> 'opening' AND r.ended_at >= ${from}::timestamptz AND r.ended_at < ${to}::timestamptz) AS disputed
    FROM volunteers v WHERE v.org_path <@ ${town.path}::ltree AND v.status = 'active'`.execute(
    t.ctx.db.system,
  );
  return rows.map((r) => ({ ...r, hours: Number(r.hours) }));
}

beforeAll(async () => {
  t = await createTestContext();
  station = await orgOfUser(t.ctx.db.system, 'demo-station');
  admin = as(t.app, await login(t.app, 'demo-station'));
  town = await orgOfUser(t.ctx.db.system, 'demo-institute');
  townAdmin = as(t.app, await login(t.app, 'demo-institute'));
  // the year with the most confirmed service in the station's subtree
  const { rows } = await sql<{ y: number }>`
    SELECT extract(year FROM r.ended_at AT TIME ZONE 'Asia/Shanghai')::int AS y
    FROM service_records r JOIN volunteers v ON v.id = r.volunteer_id
    WHERE r.status = 'confirmed' AND r.kind <> 'opening' AND v.org_path <@ ${town.path}::ltree
    GROUP BY 1 ORDER BY sum(r.hours) DESC LIMIT 1`.execute(t.ctx.db.system);
  year = rows[0]!.y;
}, 120_000);
afterAll(async () => t?.close());

describe('yearly lists', () => {
  it('rank the eligible volunteers of the org as the rules say', async () => {
    const res = await townAdmin.get(`/api/honours/rankings?year=${year}&top=100`);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    const all = await expected();
    const eligible = all.filter((v) => v.hours >= HONOUR_MIN_HOURS && !v.disputed);
    // the seed gives the lists something to rank, and something to leave out
    expect(eligible.length).toBeGreaterThan(2);
    expect(view.orgId).toBe(town.id);
    expect(view.candidates).toBe(all.length);
    expect(view.eligible).toBe(eligible.length);
    expect(view.excludedTooFewHours).toBe(all.filter((v) => v.hours < HONOUR_MIN_HOURS).length);
    const byHours = [...eligible].sort(
      (a, b) => b.hours - a.hours || b.points - a.points || b.records - a.records || a.no.localeCompare(b.no),
    );
    const byPoints = [...eligible].sort(
      (a, b) => b.points - a.points || b.hours - a.hours || b.records - a.records || a.no.localeCompare(b.no),
    );
    expect(view.byHours.map((v: { volunteerId: number }) => v.volunteerId)).toEqual(
      byHours.slice(0, 100).map((v) => v.id),
    );
    expect(view.byPoints.map((v: { volunteerId: number }) => v.volunteerId)).toEqual(
      byPoints.slice(0, 100).map((v) => v.id),
    );
    const first = view.byHours[0];
    expect(first.rank).toBe(1);
    expect(first.yearHours).toBe(byHours[0]!.hours);
    expect(first.phoneMasked ?? '').not.toMatch(/\d{11}/);
  });

  it('leave out a volunteer with a rejected record of the year', async () => {
    const before = (await townAdmin.get(`/api/honours/rankings?year=${year}&top=100`)).json();
    const top = before.byHours[0];
    const at = new Date(`${year}-06-15T02:00:00Z`);
    await t.ctx.db.system
      .insertInto('service_records')
      .values({
        volunteer_id: top.volunteerId,
        org_path: town.path,
        source: 'manual',
        started_at: at,
        ended_at: new Date(at.getTime() + 2 * 3600_000),
        minutes: 120,
        hours: 2,
        kind: 'manual',
        status: 'rejected',
        reject_reason: '无服务凭证',
      })
      .execute();
    const after = (await townAdmin.get(`/api/honours/rankings?year=${year}&top=100`)).json();
    expect(after.byHours.some((v: { volunteerId: number }) => v.volunteerId === top.volunteerId)).toBe(false);
    expect(after.byPoints.some((v: { volunteerId: number }) => v.volunteerId === top.volunteerId)).toBe(
      false,
    );
    expect(after.excludedDisputed).toBe(before.excludedDisputed + 1);
    expect(after.byHours[0].volunteerId).toBe(before.byHours[1].volunteerId);
  });

  it('refuse bad input in Chinese', async () => {
    for (const q of ['year=abc', 'year=1999', `year=${year}&top=0`, `year=${year}&top=1000`, '']) {
      const res = await admin.get(`/api/honours/rankings?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().message, q).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});

describe('the export', () => {
  it('is masked, carries the party members against the 20 hours, and is audited', async () => {
    const auditBefore = await t.ctx.db.system
      .selectFrom('audit_log')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('action', '=', 'honours.export')
      .executeTakeFirstOrThrow();
    const res = await townAdmin.get(`/api/honours/export?year=${year}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '时长榜',
      '积分榜',
      '党员积分参考',
      '文明户榜',
      '评选规则',
    ]);
    const cells: string[] = [];
    for (const sheet of book.worksheets)
      sheet.eachRow((row) => row.eachCell((c) => cells.push(String(c.value ?? ''))));
    // no full phone or ID number of the org's volunteers is in the file
    const people = await t.ctx.db.system
      .selectFrom('volunteers')
      .select(['phone_enc', 'id_number_enc', 'birth_date'])
      .where(sql<boolean>`org_path <@ ${town.path}::ltree`)
      .execute();
    const text = cells.join('\n');
    for (const p of people) {
      if (p.phone_enc) expect(text).not.toContain(t.ctx.cipher.decrypt(p.phone_enc));
      const id = t.ctx.cipher.decrypt(p.id_number_enc);
      expect(text).not.toContain(id);
      expect(text).not.toContain(id.slice(6, 14));
    }
    const party = book.getWorksheet('党员积分参考')!;
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM volunteers
      WHERE org_path <@ ${town.path}::ltree AND status = 'active'
        AND political_status IN ('party_member', 'probationary_member')`.execute(t.ctx.db.system);
    expect(party.rowCount - 1).toBe(rows[0]!.n);
    expect(party.getRow(1).values).toContain('年度要求(小时)');
    if (party.rowCount > 1) {
      expect(party.getRow(2).getCell(8).value).toBe(20);
      expect(String(party.getRow(2).getCell(3).value)).toMatch(/\*/);
    }
    const auditAfter = await t.ctx.db.system
      .selectFrom('audit_log')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('action', '=', 'honours.export')
      .executeTakeFirstOrThrow();
    expect(auditAfter.n).toBe(auditBefore.n + 1);
  });
});

describe('privileges', () => {
  it('of the demo seed: 东风社区 and the centre grant them to star volunteers', async () => {
    const seeded = await t.ctx.db.system
      .selectFrom('honour_privileges')
      .select(['org_id', 'name', 'min_star'])
      .orderBy('id')
      .execute();
    expect(seeded.filter((p) => p.org_id === station.id).map((p) => p.name)).toEqual([
      '爱心超市兑换九折',
      '卫生室优先就诊',
      '免费健康体检',
      '优先推荐评先评优',
    ]);
    expect(seeded.filter((p) => p.org_id !== station.id).map((p) => p.min_star)).toEqual([4, 5]);
  });

  it('are created, changed and listed; bad input is refused in Chinese and changes nothing', async () => {
    const created = await admin.post('/api/honours/privileges', {
      name: '免费体检',
      description: '每年一次',
      minStar: 1,
    });
    expect(created.statusCode, created.body).toBe(200);
    const before = await tableDigest(t.ctx.db.system, 'honour_privileges');
    for (const body of [
      { name: '', minStar: 1 },
      { name: '优先服务', minStar: 6 },
      { name: '优先服务', minStar: 1.5 },
      { name: 'x'.repeat(41), minStar: 1 },
    ]) {
      const res = await admin.post('/api/honours/privileges', body);
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const empty = await admin.patch(`/api/honours/privileges/${created.json().id}`, {});
    expect(empty.statusCode).toBe(400);
    expect(await tableDigest(t.ctx.db.system, 'honour_privileges')).toBe(before);
    const changed = await admin.patch(`/api/honours/privileges/${created.json().id}`, { minStar: 5 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().minStar).toBe(5);
    const list = (await admin.get('/api/honours/privileges')).json();
    expect(list.items.map((p: { name: string }) => p.name)).toContain('免费体检');
  });

  it("are shown to the station's volunteers, earned by their star level", async () => {
    const [v] = await signedInVolunteers(t, station, 1);
    await admin.post('/api/honours/privileges', { name: '优先服务', minStar: 1 });
    await t.ctx.db.system
      .updateTable('volunteers')
      .set({ lifetime_hours: 320 })
      .where('id', '=', v!.id)
      .execute()
      .catch(() => undefined);
    const res = await as(t.app, v!.session).get('/api/honours/my-privileges');
    expect(res.statusCode, res.body).toBe(200);
    const mine = res.json();
    const names = mine.privileges.map((p: { name: string }) => p.name);
    expect(names).toContain('优先服务');
    for (const p of mine.privileges) expect(p.earned).toBe(mine.starLevel >= p.minStar);
  });
});
