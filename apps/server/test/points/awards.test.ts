// Points that follow service records: confirming a record awards its points once (a second
// confirmation or a retried request awards nothing more), correcting confirmed hours reverses the
// hour award and awards the corrected hours, a voided record has its awards reversed, a no-show is
// penalised once and the penalty is taken back after a late check-in, a 5-star rating adds its
// bonus; the demo county's ledger agrees with its confirmed hours, and points:verify finds a
// tampered balance.
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAttendance } from '../../src/modules/activities/attendance.ts';
import { pointBalance, verifyPoints } from '../../src/modules/points/index.ts';
import { as, createTestContext, login, type TestContext } from '../support/context.ts';
import { TEST_KEY } from '../support/keys.ts';
import { orgOfUser, type OrgRef } from '../support/org-factories.ts';

const run = promisify(execFile);
const SERVER_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HOUR = 3_600_000;

let t: TestContext;
let station: OrgRef;
let admin: ReturnType<typeof as>;
let volunteers: number[];
let nextVolunteer = 0;
/** the last service record of the seed: the tests below add their own */
let lastSeededRecord = 0;

beforeAll(async () => {
  t = await createTestContext();
  station = await orgOfUser(t.ctx.db.system, 'demo-station');
  admin = as(t.app, await login(t.app, 'demo-station'));
  const last = await t.ctx.db.system
    .selectFrom('service_records')
    .select(sql<number>`max(id)::int`.as('id'))
    .executeTakeFirstOrThrow();
  lastSeededRecord = last.id;
  volunteers = (
    await t.ctx.db.system
      .selectFrom('volunteers')
      .select('id')
      .where(sql<boolean>`org_path <@ ${station.path}::ltree`)
      .where('status', '=', 'active')
      .orderBy('id', 'desc')
      .limit(20)
      .execute()
  ).map((v) => v.id);
});
afterAll(async () => t?.close());

const volunteer = () => volunteers[nextVolunteer++]!;

async function activity(options: { festival?: string | null; status?: string } = {}) {
  const ends = new Date(t.ctx.now().getTime() - 2 * HOUR);
  return t.ctx.db.system
    .insertInto('activities')
    .values({
      activity_no: `PT${crypto.randomBytes(5).toString('hex')}`,
      org_id: station.id,
      org_path: station.path,
      title: '重阳敬老志愿服务',
      form: 'bang',
      festival: options.festival === undefined ? 'double_ninth' : options.festival,
      place: '社区敬老院',
      starts_at: new Date(ends.getTime() - 2 * HOUR),
      ends_at: ends,
      capacity: 50,
      status: options.status ?? 'finished',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

async function pendingRecord(activityId: number, volunteerId: number, hours = 2): Promise<number> {
  const a = await t.ctx.db.system
    .selectFrom('activities')
    .selectAll()
    .where('id', '=', activityId)
    .executeTakeFirstOrThrow();
  const { id } = await t.ctx.db.system
    .insertInto('service_records')
    .values({
      volunteer_id: volunteerId,
      org_path: a.org_path,
      source: 'activity',
      source_id: a.id,
      kind: 'credit',
      status: 'pending',
      started_at: a.starts_at,
      ended_at: a.ends_at,
      minutes: hours * 60,
      hours,
      created_at: t.ctx.now(),
      updated_at: t.ctx.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.ctx.db.system
    .insertInto('service_record_events')
    .values({ record_id: id, org_path: a.org_path, action: 'create', to_hours: hours, reason: '签退：扫码' })
    .execute();
  return id;
}

const entriesOf = (volunteerId: number, sourceType?: string, sourceId?: number) => {
  let q = t.ctx.db.system
    .selectFrom('point_entries')
    .selectAll()
    .where('holder_type', '=', 'volunteer')
    .where('holder_id', '=', volunteerId);
  if (sourceType) q = q.where('source_type', '=', sourceType);
  if (sourceId !== undefined) q = q.where('source_id', '=', sourceId);
  return q.orderBy('id').execute();
};
const balanceOf = (volunteerId: number) =>
  t.ctx.db.system.transaction().execute((tx) => pointBalance(tx, 'volunteer', volunteerId));

describe('awards from service records', () => {
  it('confirming awards hour, activity and festival points once, whatever is retried', async () => {
    const v = volunteer();
    const before = await balanceOf(v);
    const a = await activity();
    const id = await pendingRecord(a.id, v, 2);
    const first = await admin.post('/api/service-records/confirm', { ids: [id] });
    expect(first.statusCode, first.body).toBe(200);
    const entries = await entriesOf(v, 'service_record', id);
    expect(Object.fromEntries(entries.map((e) => [e.rule_kind, e.delta]))).toEqual({
      hour: 20,
      activity: 5,
      // the demo institute's local rule (15) before the centre's (10)
      festival: 15,
    });
    for (const e of entries) {
      expect(e.rule_id).not.toBeNull();
      expect(e.rule_version).toBe(1);
      expect(e.reason).toContain('重阳敬老志愿服务');
    }
    // the same request again, and a retry of it: nothing more
    for (let i = 0; i < 2; i++) {
      const again = await admin.post('/api/service-records/confirm', { ids: [id] });
      expect(again.statusCode, again.body).toBe(200);
    }
    expect(await entriesOf(v, 'service_record', id)).toHaveLength(3);
    expect(await balanceOf(v)).toEqual({ balance: before.balance + 40, lifetime: before.lifetime + 40 });
  });

  it('correcting confirmed hours reverses the hour award and awards the corrected hours', async () => {
    const v = volunteer();
    const before = await balanceOf(v);
    const a = await activity({ festival: null });
    const id = await pendingRecord(a.id, v, 2);
    expect((await admin.post('/api/service-records/confirm', { ids: [id] })).statusCode).toBe(200);
    const res = await admin.post(`/api/service-records/${id}/correct`, { hours: 1, reason: '提前离开' });
    expect(res.statusCode, res.body).toBe(200);
    const entries = await entriesOf(v, 'service_record', id);
    expect(entries.map((e) => [e.kind, e.rule_kind, e.delta])).toEqual([
      ['award', 'hour', 20],
      ['award', 'activity', 5],
      ['reversal', 'hour', -20],
      ['award', 'hour', 10],
    ]);
    expect(entries[2]!.reverses_id).toBe(entries[0]!.id);
    expect(entries[2]!.reason).toContain('提前离开');
    expect(await balanceOf(v)).toEqual({ balance: before.balance + 15, lifetime: before.lifetime + 15 });
    // corrected again: the award in force is reversed, never an earlier one twice
    const up = await admin.post(`/api/service-records/${id}/correct`, { hours: 1.5, reason: '核对签到表' });
    expect(up.statusCode, up.body).toBe(200);
    const after = await entriesOf(v, 'service_record', id);
    expect(after.slice(4).map((e) => [e.kind, e.delta, e.reverses_id])).toEqual([
      ['reversal', -10, entries[3]!.id],
      ['award', 15, null],
    ]);
    expect(await balanceOf(v)).toEqual({ balance: before.balance + 20, lifetime: before.lifetime + 20 });
  });

  it('a rejected pending record has no points; a voided confirmed one has all reversed', async () => {
    const v = volunteer();
    const before = await balanceOf(v);
    const a = await activity({ festival: null });
    const pending = await pendingRecord(a.id, v, 2);
    const rejected = await admin.post(`/api/service-records/${pending}/reject`, { reason: '未到场' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(await entriesOf(v, 'service_record', pending)).toHaveLength(0);

    const b = await activity({ festival: null });
    const id = await pendingRecord(b.id, v, 3);
    expect((await admin.post('/api/service-records/confirm', { ids: [id] })).statusCode).toBe(200);
    expect((await balanceOf(v)).balance).toBe(before.balance + 35);
    const row = await t.ctx.db.system
      .selectFrom('service_records')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const voided = {
      type: 'serviceRecord.voided' as const,
      record: {
        recordId: id,
        volunteerId: v,
        hours: 3,
        source: 'activity',
        sourceId: b.id,
        kind: 'credit',
        orgPath: row.org_path,
        servedAt: row.started_at,
      },
      reason: '重复记录',
      actorUserId: null,
      at: t.ctx.now(),
    };
    for (let i = 0; i < 2; i++)
      await t.ctx.db.system.transaction().execute((tx) => t.ctx.events.emit(tx, voided));
    const entries = await entriesOf(v, 'service_record', id);
    expect(entries.map((e) => [e.kind, e.delta])).toEqual([
      ['award', 30],
      ['award', 5],
      ['reversal', -30],
      ['reversal', -5],
    ]);
    expect(await balanceOf(v)).toEqual(before);
  });

  it('penalises a no-show once and takes the penalty back after a late check-in', async () => {
    const v = volunteers.find((id) => id !== undefined)!; // one with points from the seed
    const a = await activity({ festival: null, status: 'in_progress' });
    await t.ctx.db.system
      .insertInto('activity_signups')
      .values({
        activity_id: a.id,
        volunteer_id: v,
        org_path: a.org_path,
        status: 'confirmed',
        source: 'self',
      })
      .execute();
    const before = await balanceOf(v);
    const close = () =>
      t.ctx.db.system.transaction().execute((tx) => closeAttendance(tx, a, t.ctx.now(), null, t.ctx.events));
    expect((await close()).noShows).toBe(1);
    await close();
    const penalties = await entriesOf(v, 'activity', a.id);
    expect(penalties.map((e) => [e.kind, e.delta])).toEqual([['penalty', -5]]);
    expect(penalties[0]!.reason).toContain('未到场');
    expect(await balanceOf(v)).toEqual({ balance: before.balance - 5, lifetime: before.lifetime });
    // a check-in that committed just as the activity closed: the close runs again
    await t.ctx.db.system
      .insertInto('activity_checkins')
      .values({
        activity_id: a.id,
        volunteer_id: v,
        org_path: a.org_path,
        checked_in_at: a.starts_at,
        in_method: 'manual',
      })
      .execute();
    await close();
    expect((await entriesOf(v, 'activity', a.id)).map((e) => [e.kind, e.delta])).toEqual([
      ['penalty', -5],
      ['reversal', 5],
    ]);
    expect(await balanceOf(v)).toEqual(before);
  });
});

describe('the 5-star bonus', () => {
  it("adds the bonus to an order's confirmed records once when the resident rates it 5 stars", async () => {
    const db = t.ctx.db.system;
    const o = await db
      .selectFrom('orders')
      .select(['id', 'order_no', 'org_path'])
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    const v = volunteer();
    const served = new Date(t.ctx.now().getTime() - 5 * HOUR);
    const { id: recordId } = await db
      .insertInto('service_records')
      .values({
        volunteer_id: v,
        org_path: o.org_path,
        source: 'order',
        source_id: o.id,
        kind: 'credit',
        status: 'confirmed',
        started_at: served,
        ended_at: new Date(served.getTime() + HOUR),
        minutes: 60,
        hours: 1,
        created_at: t.ctx.now(),
        updated_at: t.ctx.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const order = { ...o, volunteer_id: v, record_id: recordId };
    const before = await balanceOf(order.volunteer_id);
    const rated = {
      type: 'order.residentRated' as const,
      orderId: order.id,
      orderNo: order.order_no,
      orgPath: order.org_path,
      rating: 5,
      at: t.ctx.now(),
    };
    await db.updateTable('orders').set({ rating: 5 }).where('id', '=', order.id).execute();
    for (let i = 0; i < 2; i++) await db.transaction().execute((tx) => t.ctx.events.emit(tx, rated));
    const bonus = (await entriesOf(order.volunteer_id, 'service_record', order.record_id)).filter(
      (e) => e.rule_kind === 'five_star',
    );
    expect(bonus.map((e) => e.delta)).toEqual([10]);
    expect(bonus[0]!.reason).toContain('五星');
    expect(await balanceOf(order.volunteer_id)).toEqual({
      balance: before.balance + 10,
      lifetime: before.lifetime + 10,
    });
  });
});

describe('the demo ledger and points:verify', () => {
  it('awards every confirmed record of the seed with hours its hour points', async () => {
    const { rows } = await sql<{ missing: number }>`
      SELECT count(*)::int AS missing FROM service_records r
       WHERE r.status = 'confirmed' AND r.hours > 0 AND r.id <= ${lastSeededRecord}
         AND NOT EXISTS (SELECT 1 FROM point_entries e WHERE e.source_type = 'service_record'
                           AND e.source_id = r.id AND e.rule_kind = 'hour')`.execute(t.ctx.db.system);
    expect(rows[0]!.missing).toBe(0);
    expect((await verifyPoints(t.ctx.db.system)).ok).toBe(true);
  });

  it('exits 0 on a consistent ledger and 1 naming the first tampered balance', async () => {
    const env = {
      ...process.env,
      DATABASE_URL: t.databaseUrl,
      FIELD_ENCRYPTION_KEY: TEST_KEY,
      NODE_ENV: 'test',
    };
    const cli = ['--import', 'tsx', 'src/cli/points-verify.ts'];
    const ok = await run(process.execPath, cli, { cwd: SERVER_ROOT, env });
    expect(ok.stdout).toContain('积分余额与积分流水一致');
    const holder = await t.ctx.db.system
      .selectFrom('point_balances as b')
      .innerJoin('volunteers as v', 'v.id', 'b.holder_id')
      .select(['b.holder_id', 'b.balance', 'v.volunteer_no'])
      .where('b.holder_type', '=', 'volunteer')
      .orderBy('b.holder_id')
      .limit(1)
      .executeTakeFirstOrThrow();
    const set = (balance: number) =>
      t.ctx.db.system
        .updateTable('point_balances')
        .set({ balance })
        .where('holder_type', '=', 'volunteer')
        .where('holder_id', '=', holder.holder_id)
        .execute();
    await set(holder.balance + 100);
    try {
      const failed = await run(process.execPath, cli, { cwd: SERVER_ROOT, env }).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failed?.code).toBe(1);
      expect(failed?.stderr).toContain(holder.volunteer_no);
      expect(failed?.stderr).toContain(`可用积分 ${holder.balance + 100}`);
    } finally {
      await set(holder.balance);
    }
    expect((await verifyPoints(t.ctx.db.system)).ok).toBe(true);
  });
});
