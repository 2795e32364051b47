// Service hours: the hour rule per org and its inheritance, the review of service records (bulk
// confirm, correct with a reason, reject), 补录 and manual records with evidence and a second
// person, lifetime hours and star level following the confirmed records, the volunteer's own view,
// a team leader confirming their team's hours, and scope (another town sees and changes nothing).
import crypto from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type Session, type TestContext } from '../support/context.ts';
import {
  createUser,
  orgOfUser,
  tableDigest,
  TINY_PNG,
  upload,
  type OrgRef,
} from '../support/org-factories.ts';
import { registerVolunteer, XSS } from '../support/volunteer-factories.ts';

let t: TestContext;
let station: OrgRef; // 东风社区 (demo-station), under demo-institute
let otherStation: OrgRef; // demo-station2, another town
let stationSession: Session;
let stationAdmin: ReturnType<typeof as>;
let secondAdmin: ReturnType<typeof as>; // a second station admin of the same village
let institute: ReturnType<typeof as>;
let otherTown: ReturnType<typeof as>;
let evidence: string; // an upload of demo-station
let foreignEvidence: string; // an upload of the other town

const CHINESE = /[\u4e00-\u9fa5]/;
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await createTestContext();
  const db = t.ctx.db.system;
  station = await orgOfUser(db, 'demo-station');
  otherStation = await orgOfUser(db, 'demo-station2');
  stationSession = await login(t.app, 'demo-station');
  stationAdmin = as(t.app, stationSession);
  institute = as(t.app, await login(t.app, 'demo-institute'));
  const otherSession = await login(t.app, 'demo-station2');
  otherTown = as(t.app, otherSession);
  await createUser(db, 'hours-second', 'station_admin', station.id);
  secondAdmin = as(t.app, await login(t.app, 'hours-second'));
  const mine = await upload(t.app, stationSession, '证明.png', TINY_PNG);
  expect(mine.statusCode, mine.body).toBe(200);
  evidence = mine.json().id;
  const theirs = await upload(t.app, otherSession, '证明.png', TINY_PNG);
  foreignEvidence = theirs.json().id;
});
afterAll(async () => t?.close());

function expect4xx(res: LightMyRequestResponse, status: number, code?: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json() as { code: string; message: string };
  expect(body.message).toMatch(CHINESE);
  if (code) expect(body.code).toBe(code);
  return body;
}

// ---------------------------------------------------------------- small local factories

interface ActivityRef {
  id: number;
  org_path: string;
  starts_at: Date;
  ends_at: Date;
}

/** An activity of `org` (a finished 2-hour one by default), inserted directly. */
async function activity(
  org: OrgRef = station,
  options: { status?: string; teamId?: number; hours?: number; endedAgoHours?: number } = {},
): Promise<ActivityRef> {
  const ends = new Date(t.ctx.now().getTime() - (options.endedAgoHours ?? 24) * HOUR);
  const starts = new Date(ends.getTime() - (options.hours ?? 2) * HOUR);
  return t.ctx.db.system
    .insertInto('activities')
    .values({
      activity_no: `HT${crypto.randomBytes(5).toString('hex')}`,
      org_id: org.id,
      org_path: org.path,
      title: `敬老院志愿服务 ${XSS}`,
      form: 'bang',
      place: '镇敬老院',
      starts_at: starts,
      ends_at: ends,
      capacity: 50,
      status: options.status ?? 'finished',
      team_id: options.teamId ?? null,
    })
    .returning(['id', 'org_path', 'starts_at', 'ends_at'])
    .executeTakeFirstOrThrow();
}

/** The pending credit record a check-out leaves (with its 'create' event). */
async function creditRecord(
  a: ActivityRef,
  volunteerId: number,
  hours = 2,
  extra: { status?: string; endedAt?: Date } = {},
): Promise<number> {
  const db = t.ctx.db.system;
  const { id } = await db
    .insertInto('service_records')
    .values({
      volunteer_id: volunteerId,
      org_path: a.org_path,
      source: 'activity',
      source_id: a.id,
      kind: 'credit',
      status: extra.status ?? 'pending',
      started_at: extra.endedAt ? new Date(extra.endedAt.getTime() - hours * HOUR) : a.starts_at,
      ended_at: extra.endedAt ?? a.ends_at,
      minutes: Math.round(hours * 60),
      hours,
      created_at: t.ctx.now(),
      updated_at: t.ctx.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('service_record_events')
    .values({ record_id: id, org_path: a.org_path, action: 'create', to_hours: hours, reason: '签退：扫码' })
    .execute();
  return id;
}

async function record(id: number) {
  return t.ctx.db.system
    .selectFrom('service_records')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

async function lifetime(volunteerId: number): Promise<number> {
  const v = await t.ctx.db.system
    .selectFrom('volunteers')
    .select('lifetime_hours')
    .where('id', '=', volunteerId)
    .executeTakeFirstOrThrow();
  return Number(v.lifetime_hours);
}

async function events(recordId: number) {
  return t.ctx.db.system
    .selectFrom('service_record_events')
    .selectAll()
    .where('record_id', '=', recordId)
    .orderBy('id')
    .execute();
}

async function auditActions(resourceType: string, resourceId: number | string) {
  const rows = await t.ctx.db.system
    .selectFrom('audit_log')
    .select(['action', 'summary'])
    .where('resource_type', '=', resourceType)
    .where('resource_id', '=', String(resourceId))
    .orderBy('seq')
    .execute();
  return rows;
}

const volunteers = (n: number, org: OrgRef = station) =>
  Promise.all(Array.from({ length: n }, () => registerVolunteer(t, org.id)));

// ---------------------------------------------------------------- hour rules

describe('hour rules', () => {
  it('inherit from the org above, can be set per org and removed again', async () => {
    const instituteId = station.parentId!;
    const initial = await stationAdmin.get(`/api/hour-rules/effective?orgId=${station.id}`);
    expect(initial.statusCode, initial.body).toBe(200);
    expect(initial.json()).toEqual({
      orgId: station.id,
      stepMinutes: 30,
      rounding: 'down',
      own: false,
      setByOrgId: null,
      setByOrgName: null,
    });

    const set = await institute.put(`/api/hour-rules/${instituteId}`, {
      stepMinutes: 15,
      rounding: 'nearest',
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ orgId: instituteId, stepMinutes: 15, rounding: 'nearest', own: true });
    expect((await auditActions('org', instituteId)).map((a) => a.action)).toContain('hours.rule.set');
    // the station inherits it (and the default query is the caller's own org)
    const inherited = (await stationAdmin.get('/api/hour-rules/effective')).json();
    expect(inherited).toMatchObject({ orgId: station.id, stepMinutes: 15, rounding: 'nearest', own: false });
    expect(inherited.setByOrgId).toBe(instituteId);
    expect(inherited.setByOrgName).toMatch(CHINESE);

    // a manual record of a station volunteer is rounded by the institute's rule: 55 min → 1 h
    // (the default, down to 0.5 h, would give 0.5)
    const [v] = await volunteers(1);
    const end = new Date(t.ctx.now().getTime() - 2 * HOUR);
    const manual = await stationAdmin.post('/api/service-records/manual', {
      volunteerId: v!.id,
      startedAt: new Date(end.getTime() - 55 * 60_000).toISOString(),
      endedAt: end.toISOString(),
      description: '为独居老人代购药品',
      evidenceUploadIds: [evidence],
    });
    expect(manual.statusCode, manual.body).toBe(200);
    expect(manual.json()).toMatchObject({ hours: 1, minutes: 55, kind: 'manual', source: 'manual' });

    // the station's own rule wins over the institute's; removing it falls back again
    const own = await stationAdmin.put(`/api/hour-rules/${station.id}`, { stepMinutes: 60, rounding: 'up' });
    expect(own.json()).toMatchObject({ stepMinutes: 60, rounding: 'up', own: true, setByOrgId: station.id });
    const cleared = await stationAdmin.delete(`/api/hour-rules/${station.id}`);
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({
      stepMinutes: 15,
      rounding: 'nearest',
      own: false,
      setByOrgId: instituteId,
    });
    expect((await auditActions('org', station.id)).map((a) => a.action)).toEqual(
      expect.arrayContaining(['hours.rule.set', 'hours.rule.clear']),
    );

    // bad input and out-of-scope orgs change nothing
    const before = await tableDigest(t.ctx.db.system, 'hour_rules');
    expect4xx(
      await stationAdmin.put(`/api/hour-rules/${station.id}`, { stepMinutes: 7, rounding: 'down' }),
      400,
    );
    expect4xx(
      await stationAdmin.put(`/api/hour-rules/${station.id}`, { stepMinutes: 30, rounding: 'half' }),
      400,
    );
    expect4xx(
      await stationAdmin.put(`/api/hour-rules/${instituteId}`, { stepMinutes: 30, rounding: 'up' }),
      404,
    );
    expect4xx(await otherTown.put(`/api/hour-rules/${station.id}`, { stepMinutes: 30, rounding: 'up' }), 404);
    expect4xx(await otherTown.delete(`/api/hour-rules/${instituteId}`), 404);
    expect4xx(await otherTown.get(`/api/hour-rules/effective?orgId=${station.id}`), 404);
    expect(await tableDigest(t.ctx.db.system, 'hour_rules')).toBe(before);

    expect((await institute.delete(`/api/hour-rules/${instituteId}`)).json()).toMatchObject({
      stepMinutes: 30,
      rounding: 'down',
      setByOrgId: null,
    });
  });
});

// ---------------------------------------------------------------- review

describe('reviewing records', () => {
  it('confirms in bulk only the pending records in scope, and lifetime hours follow', async () => {
    const a = await activity();
    const vs = await volunteers(3);
    const ids = [
      await creditRecord(a, vs[0]!.id, 2),
      await creditRecord(a, vs[1]!.id, 1.5),
      await creditRecord(a, vs[2]!.id, 1),
    ];
    const [foreignVolunteer] = await volunteers(1, otherStation);
    const foreign = await creditRecord(await activity(otherStation), foreignVolunteer!.id, 2);
    const before = await Promise.all(vs.map((v) => lifetime(v.id)));

    const res = await stationAdmin.post('/api/service-records/confirm', {
      ids: [...ids, foreign, 99_999_999],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ confirmed: 3 });
    const after = await Promise.all(vs.map((v) => lifetime(v.id)));
    expect(after.map((h, i) => h - before[i]!)).toEqual([2, 1.5, 1]);
    for (const id of ids) {
      expect(await record(id)).toMatchObject({ status: 'confirmed', reviewed_by: expect.any(Number) });
      expect((await events(id)).map((e) => e.action)).toEqual(['create', 'confirm']);
    }
    expect((await record(foreign)).status).toBe('pending');
    // confirming again changes nothing
    expect((await stationAdmin.post('/api/service-records/confirm', { ids })).json()).toEqual({
      confirmed: 0,
    });
    expect(await Promise.all(vs.map((v) => lifetime(v.id)))).toEqual(after);

    expect4xx(await stationAdmin.post('/api/service-records/confirm', { ids: [] }), 400);
    expect4xx(await stationAdmin.post('/api/service-records/confirm', {}), 400);
  });

  it('confirms a 0-hour record only when the caller has said so, changing nothing otherwise', async () => {
    const a = await activity();
    const vs = await volunteers(2);
    const zero = await creditRecord(a, vs[0]!.id, 0);
    const two = await creditRecord(a, vs[1]!.id, 2);
    const refused = expect4xx(
      await stationAdmin.post('/api/service-records/confirm', { ids: [zero, two] }),
      409,
      'ZERO_HOURS',
    );
    expect(refused.message).toContain('1 条为 0 小时');
    for (const id of [zero, two]) expect((await record(id)).status).toBe('pending');
    expect(await lifetime(vs[1]!.id)).toBe(0);

    const res = await stationAdmin.post('/api/service-records/confirm', {
      ids: [zero, two],
      includeZeroHours: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ confirmed: 2 });
    for (const id of [zero, two]) expect((await record(id)).status).toBe('confirmed');
    expect(await lifetime(vs[1]!.id)).toBe(2);
    // without a 0-hour record among them nothing needs saying
    const other = await creditRecord(a, (await volunteers(1))[0]!.id, 1);
    expect((await stationAdmin.post('/api/service-records/confirm', { ids: [other] })).json()).toEqual({
      confirmed: 1,
    });
  });

  it('corrects with a reason (event, audit, lifetime delta) and moves the star level', async () => {
    const a = await activity();
    const [v] = await volunteers(1);
    await t.ctx.db.system
      .updateTable('volunteers')
      .set({ lifetime_hours: 99 })
      .where('id', '=', v!.id)
      .execute();
    const id = await creditRecord(a, v!.id, 1.5);
    const star = async () => (await stationAdmin.get(`/api/volunteers/${v!.id}`)).json();
    expect((await star()).starLevel).toBe(0);

    expect((await stationAdmin.post('/api/service-records/confirm', { ids: [id] })).json().confirmed).toBe(1);
    expect(await lifetime(v!.id)).toBe(100.5);
    expect((await star()).starLevel).toBe(1);

    const corrected = await stationAdmin.post(`/api/service-records/${id}/correct`, {
      hours: 0.5,
      reason: '提前离场一小时，按实际时长更正',
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json()).toMatchObject({ id, hours: 0.5, status: 'confirmed' });
    expect(corrected.json().events.at(-1)).toMatchObject({
      action: 'correct',
      fromHours: 1.5,
      toHours: 0.5,
      reason: '提前离场一小时，按实际时长更正',
      actorName: expect.stringMatching(CHINESE),
    });
    expect(await lifetime(v!.id)).toBe(99.5);
    const detail = await star();
    expect(detail.starLevel).toBe(0);
    expect(detail.hours.star.level).toBe(0);
    const audits = await auditActions('service_record', id);
    expect(audits.map((x) => x.action)).toEqual(['hours.correct']);
    expect(audits[0]!.summary).toMatchObject({ from: 1.5, to: 0.5, volunteerId: v!.id });

    // a pending record's correction does not touch lifetime hours
    const [w] = await volunteers(1);
    const pending = await creditRecord(a, w!.id, 2);
    const fixed = await stationAdmin.post(`/api/service-records/${pending}/correct`, {
      hours: 1.5,
      reason: '迟到半小时',
    });
    expect(fixed.json()).toMatchObject({ hours: 1.5, status: 'pending' });
    expect(await lifetime(w!.id)).toBe(0);
    await stationAdmin.post('/api/service-records/confirm', { ids: [pending] });
    expect(await lifetime(w!.id)).toBe(1.5);
  });

  it('refuses a correction above the cap or without a reason, changing nothing', async () => {
    const a = await activity(station, { hours: 2 });
    const [v] = await volunteers(1);
    const id = await creditRecord(a, v!.id, 2);
    const digest = async () =>
      [
        await tableDigest(t.ctx.db.system, 'service_records'),
        await tableDigest(t.ctx.db.system, 'service_record_events'),
      ].join();
    const before = await digest();
    const over = expect4xx(
      await stationAdmin.post(`/api/service-records/${id}/correct`, { hours: 2.5, reason: '多记半小时' }),
      400,
      'HOURS_OVER_CAP',
    );
    expect(over.message).toContain('2');
    expect4xx(await stationAdmin.post(`/api/service-records/${id}/correct`, { hours: 1.5 }), 400);
    expect4xx(
      await stationAdmin.post(`/api/service-records/${id}/correct`, { hours: 1.5, reason: ' ' }),
      400,
    );
    expect4xx(
      await stationAdmin.post(`/api/service-records/${id}/correct`, { hours: 0, reason: '清零' }),
      400,
    );
    expect4xx(
      await stationAdmin.post(`/api/service-records/${id}/correct`, { hours: -1, reason: '倒扣' }),
      400,
    );
    expect4xx(
      await stationAdmin.post(`/api/service-records/${id}/correct`, { hours: 1.25, reason: '精确' }),
      400,
    );
    expect4xx(
      await stationAdmin.post(`/api/service-records/${id}/correct`, { hours: 25, reason: '超长' }),
      400,
    );
    expect4xx(
      await stationAdmin.post(`/api/service-records/${id}/correct`, { hours: '两小时', reason: '文本' }),
      400,
    );
    expect4xx(
      await stationAdmin.post(`/api/service-records/${id}/correct`, { hours: 2, reason: '未改动' }),
      400,
    );
    expect4xx(
      await stationAdmin.post('/api/service-records/99999999/correct', { hours: 1, reason: '不存在' }),
      404,
    );
    expect(await digest()).toBe(before);
    expect(await auditActions('service_record', id)).toEqual([]);
  });

  it('rejects pending records only, with a reason; a rejected record stays out of lifetime hours', async () => {
    const a = await activity();
    const [v] = await volunteers(1);
    const id = await creditRecord(a, v!.id, 2);
    expect4xx(await stationAdmin.post(`/api/service-records/${id}/reject`, {}), 400);
    const res = await stationAdmin.post(`/api/service-records/${id}/reject`, { reason: '未实际到场' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'rejected',
      rejectReason: '未实际到场',
      reviewedByName: expect.stringMatching(CHINESE),
    });
    expect(res.json().events.map((e: { action: string }) => e.action)).toEqual(['create', 'reject']);
    expect(await lifetime(v!.id)).toBe(0);
    expect((await auditActions('service_record', id)).map((x) => x.action)).toEqual(['hours.reject']);
    // neither confirmed, rejected again, nor corrected afterwards
    expect((await stationAdmin.post('/api/service-records/confirm', { ids: [id] })).json().confirmed).toBe(0);
    expect4xx(
      await stationAdmin.post(`/api/service-records/${id}/reject`, { reason: '再次驳回' }),
      409,
      'NOT_PENDING',
    );
    expect4xx(
      await stationAdmin.post(`/api/service-records/${id}/correct`, { hours: 1, reason: '改一下' }),
      409,
      'NOT_CORRECTABLE',
    );
    expect(await lifetime(v!.id)).toBe(0);

    const confirmed = await creditRecord(await activity(), v!.id, 1, { status: 'confirmed' });
    expect(await lifetime(v!.id)).toBe(1);
    expect4xx(
      await stationAdmin.post(`/api/service-records/${confirmed}/reject`, { reason: '已确认的' }),
      409,
    );
    expect(await lifetime(v!.id)).toBe(1);
  });

  it('lists with filters, newest first, and shows the detail with events and evidence', async () => {
    const a = await activity();
    const [v] = await volunteers(1);
    const credit = await creditRecord(a, v!.id, 2);
    const backfill = await secondAdmin.post('/api/service-records/backfill', {
      activityId: (await activity()).id,
      volunteerId: v!.id,
      hours: 1,
      reason: '签到设备故障，现场名单为证',
      evidenceUploadIds: [evidence],
    });
    expect(backfill.statusCode, backfill.body).toBe(200);

    const byNumber = (await stationAdmin.get(`/api/service-records?keyword=${v!.volunteerNo}`)).json();
    expect(byNumber.total).toBe(2);
    expect(byNumber.items.map((r: { id: number }) => r.id)).toEqual([backfill.json().id, credit]);
    expect(byNumber.items[1]).toMatchObject({
      volunteerName: v!.name,
      volunteerNo: v!.volunteerNo,
      sourceTitle: `敬老院志愿服务 ${XSS}`,
      hours: 2,
      minutes: 120,
      status: 'pending',
      kind: 'credit',
      source: 'activity',
      maxHours: 2,
      confirmable: true,
    });
    expect(byNumber.items[0]).toMatchObject({
      kind: 'backfill',
      createdByName: expect.stringMatching(CHINESE),
    });
    // the station admin did not enter it, so may confirm it; its author may not
    expect(byNumber.items[0].confirmable).toBe(true);
    const forAuthor = (
      await secondAdmin.get(`/api/service-records?keyword=${v!.volunteerNo}&kind=backfill`)
    ).json();
    expect(forAuthor.items).toHaveLength(1);
    expect(forAuthor.items[0].confirmable).toBe(false);

    const byName = await stationAdmin.get(
      `/api/service-records?keyword=${encodeURIComponent(v!.name)}&kind=credit`,
    );
    expect(byName.json().items.map((r: { id: number }) => r.id)).toContain(credit);
    const byActivity = (await stationAdmin.get(`/api/service-records?activityId=${a.id}`)).json();
    expect(byActivity.items.map((r: { id: number }) => r.id)).toEqual([credit]);
    const filtered = (
      await institute.get(`/api/service-records?status=pending&source=activity&orgId=${station.id}`)
    ).json();
    expect(filtered.items.map((r: { id: number }) => r.id)).toContain(credit);
    // an org above the caller's own is not theirs to filter by
    expect((await stationAdmin.get(`/api/service-records?orgId=${station.parentId}`)).json()).toEqual({
      items: [],
      total: 0,
    });
    const ended = new Date(a.ends_at.getTime() + 8 * HOUR).toISOString().slice(0, 10);
    const onDay = (
      await stationAdmin.get(`/api/service-records?activityId=${a.id}&from=${ended}&to=${ended}`)
    ).json();
    expect(onDay.total).toBe(1);
    const dayAfter = new Date(a.ends_at.getTime() + 32 * HOUR).toISOString().slice(0, 10);
    expect(
      (await stationAdmin.get(`/api/service-records?activityId=${a.id}&from=${dayAfter}`)).json().total,
    ).toBe(0);
    expect4xx(await stationAdmin.get('/api/service-records?from=yesterday'), 400);
    expect4xx(await stationAdmin.get('/api/service-records?status=done'), 400);

    const detail = await stationAdmin.get(`/api/service-records/${backfill.json().id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({
      evidenceUploadIds: [evidence],
      note: '签到设备故障，现场名单为证',
      events: [{ action: 'create', toHours: 1, actorName: expect.stringMatching(CHINESE) }],
    });
    expect4xx(await stationAdmin.get('/api/service-records/99999999'), 404);
  });
});

describe('at the same time', () => {
  it('two reviewers confirming the same batch count each record once', async () => {
    const a = await activity();
    const vs = await volunteers(5);
    const ids = await Promise.all(vs.map((v) => creditRecord(a, v.id, 1.5)));
    const [x, y] = await Promise.all([
      stationAdmin.post('/api/service-records/confirm', { ids }),
      secondAdmin.post('/api/service-records/confirm', { ids: [...ids].reverse() }),
    ]);
    expect(x.statusCode, x.body).toBe(200);
    expect(y.statusCode, y.body).toBe(200);
    expect(x.json().confirmed + y.json().confirmed).toBe(5);
    for (const v of vs) expect(await lifetime(v.id)).toBe(1.5);
    for (const id of ids) expect((await events(id)).filter((e) => e.action === 'confirm')).toHaveLength(1);
  });

  it('two identical backfills leave one record', async () => {
    const a = await activity();
    const [v] = await volunteers(1);
    const body = {
      activityId: a.id,
      volunteerId: v!.id,
      hours: 1,
      reason: '漏签补录',
      evidenceUploadIds: [evidence],
    };
    const results = await Promise.all([
      stationAdmin.post('/api/service-records/backfill', body),
      secondAdmin.post('/api/service-records/backfill', body),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect4xx(
      results.find((r) => r.statusCode === 409)!,
      409,
      'ALREADY_BACKFILLED',
    );
    const rows = await t.ctx.db.system
      .selectFrom('service_records')
      .select('id')
      .where('source', '=', 'activity')
      .where('source_id', '=', a.id)
      .execute();
    expect(rows).toHaveLength(1);
  });
});

// ---------------------------------------------------------------- second person, 补录, manual

describe('backfill and manual records', () => {
  it('need a second person to confirm them', async () => {
    const [v] = await volunteers(1);
    const end = new Date(t.ctx.now().getTime() - 3 * HOUR);
    const manual = await stationAdmin.post('/api/service-records/manual', {
      volunteerId: v!.id,
      startedAt: new Date(end.getTime() - 2 * HOUR).toISOString(),
      endedAt: end.toISOString(),
      description: `社区文明劝导 ${XSS}`,
      evidenceUploadIds: [evidence],
    });
    expect(manual.statusCode, manual.body).toBe(200);
    const id = manual.json().id as number;
    expect(manual.json()).toMatchObject({ status: 'pending', hours: 2, sourceTitle: `社区文明劝导 ${XSS}` });
    expect(manual.json().confirmable).toBe(false);
    const credit = await creditRecord(await activity(), v!.id, 1);

    // alone or in a batch, the author's confirmation is refused and nothing changes
    const body = expect4xx(
      await stationAdmin.post('/api/service-records/confirm', { ids: [id] }),
      409,
      'SAME_PERSON',
    );
    expect(body.message).toBe('补录/手工录入的时长须由另一位管理员确认');
    expect4xx(
      await stationAdmin.post('/api/service-records/confirm', { ids: [credit, id] }),
      409,
      'SAME_PERSON',
    );
    expect((await record(id)).status).toBe('pending');
    expect((await record(credit)).status).toBe('pending');
    expect(await lifetime(v!.id)).toBe(0);

    expect((await secondAdmin.post('/api/service-records/confirm', { ids: [credit, id] })).json()).toEqual({
      confirmed: 2,
    });
    expect(await lifetime(v!.id)).toBe(3);
    // nor can the author change the confirmed hours afterwards
    expect4xx(
      await stationAdmin.post(`/api/service-records/${id}/correct`, { hours: 5, reason: '多加几小时' }),
      409,
      'SAME_PERSON',
    );
    expect(await lifetime(v!.id)).toBe(3);
    // the institute (someone else) may
    const corrected = await institute.post(`/api/service-records/${id}/correct`, {
      hours: 1.5,
      reason: '核对后更正',
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(await lifetime(v!.id)).toBe(2.5);
  });

  it('backfill: only for finished activities, without a credit record, capped, with evidence', async () => {
    const a = await activity(station, { hours: 3 });
    const [v, checkedIn] = await volunteers(2);
    await creditRecord(a, checkedIn!.id, 3);
    const input = (extra: Record<string, unknown> = {}) => ({
      activityId: a.id,
      volunteerId: v!.id,
      hours: 2.5,
      reason: '忘记签到，组织者核实在场',
      evidenceUploadIds: [evidence],
      ...extra,
    });
    const digest = async () =>
      [
        await tableDigest(t.ctx.db.system, 'service_records'),
        await tableDigest(t.ctx.db.system, 'service_record_events'),
      ].join();
    const before = await digest();
    const published = await activity(station, { status: 'published' });
    expect4xx(
      await stationAdmin.post('/api/service-records/backfill', input({ activityId: published.id })),
      409,
      'ACTIVITY_NOT_FINISHED',
    );
    expect4xx(
      await stationAdmin.post('/api/service-records/backfill', input({ volunteerId: checkedIn!.id })),
      409,
      'HAS_CREDIT_RECORD',
    );
    expect4xx(
      await stationAdmin.post('/api/service-records/backfill', input({ hours: 3.5 })),
      400,
      'HOURS_OVER_CAP',
    );
    expect4xx(
      await stationAdmin.post('/api/service-records/backfill', input({ evidenceUploadIds: [] })),
      400,
    );
    expect4xx(
      await stationAdmin.post('/api/service-records/backfill', input({ evidenceUploadIds: undefined })),
      400,
    );
    expect4xx(
      await stationAdmin.post('/api/service-records/backfill', input({ evidenceUploadIds: ['x.png'] })),
      400,
    );
    expect4xx(
      await stationAdmin.post(
        '/api/service-records/backfill',
        input({ evidenceUploadIds: [crypto.randomUUID()] }),
      ),
      400,
      'EVIDENCE_NOT_FOUND',
    );
    expect4xx(
      await stationAdmin.post(
        '/api/service-records/backfill',
        input({ evidenceUploadIds: [foreignEvidence] }),
      ),
      400,
      'EVIDENCE_NOT_FOUND',
    );
    expect4xx(await stationAdmin.post('/api/service-records/backfill', input({ reason: '' })), 400);
    expect4xx(
      await stationAdmin.post('/api/service-records/backfill', input({ activityId: 99_999_999 })),
      404,
    );
    expect4xx(await otherTown.post('/api/service-records/backfill', input()), 404);
    expect(await digest()).toBe(before);

    const res = await stationAdmin.post('/api/service-records/backfill', input());
    expect(res.statusCode, res.body).toBe(200);
    const id = res.json().id as number;
    expect(res.json()).toMatchObject({
      kind: 'backfill',
      source: 'activity',
      sourceId: a.id,
      status: 'pending',
      hours: 2.5,
      evidenceUploadIds: [evidence],
    });
    expect((await auditActions('service_record', id)).map((x) => x.action)).toEqual(['hours.backfill']);
    expect4xx(await stationAdmin.post('/api/service-records/backfill', input()), 409, 'ALREADY_BACKFILLED');

    // rejected, it can be sent again (the same record, pending once more)
    await secondAdmin.post(`/api/service-records/${id}/reject`, { reason: '证明材料不清晰' });
    const again = await stationAdmin.post('/api/service-records/backfill', input({ hours: 2 }));
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({
      id,
      status: 'pending',
      hours: 2,
      rejectReason: null,
      reviewedAt: null,
    });
    expect(again.json().events.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'reject',
      'create',
    ]);
    expect((await secondAdmin.post('/api/service-records/confirm', { ids: [id] })).json().confirmed).toBe(1);
    expect(await lifetime(v!.id)).toBe(2);
  });

  it('manual: hours from the times, end after start, not in the future, at most 24 h, with evidence', async () => {
    const [v] = await volunteers(1);
    const [foreign] = await volunteers(1, otherStation);
    const now = t.ctx.now().getTime();
    const input = (startMsAgo: number, endMsAgo: number, extra: Record<string, unknown> = {}) => ({
      volunteerId: v!.id,
      startedAt: new Date(now - startMsAgo).toISOString(),
      endedAt: new Date(now - endMsAgo).toISOString(),
      description: '协助村委会整理人居环境',
      evidenceUploadIds: [evidence],
      ...extra,
    });
    const before = await tableDigest(t.ctx.db.system, 'service_records');
    expect4xx(
      await stationAdmin.post('/api/service-records/manual', input(2 * HOUR, 3 * HOUR)),
      400,
      'END_BEFORE_START',
    );
    expect4xx(
      await stationAdmin.post('/api/service-records/manual', input(2 * HOUR, 2 * HOUR)),
      400,
      'END_BEFORE_START',
    );
    expect4xx(await stationAdmin.post('/api/service-records/manual', input(HOUR, -HOUR)), 400, 'IN_FUTURE');
    expect4xx(
      await stationAdmin.post('/api/service-records/manual', input(30 * HOUR, 2 * HOUR)),
      400,
      'HOURS_OVER_CAP',
    );
    expect4xx(
      await stationAdmin.post('/api/service-records/manual', input(3 * HOUR, 3 * HOUR - 10 * 60_000)),
      400,
      'HOURS_ZERO',
    );
    expect4xx(
      await stationAdmin.post(
        '/api/service-records/manual',
        input(3 * HOUR, HOUR, { evidenceUploadIds: [] }),
      ),
      400,
    );
    expect4xx(
      await stationAdmin.post('/api/service-records/manual', input(3 * HOUR, HOUR, { startedAt: '昨天' })),
      400,
    );
    expect4xx(
      await stationAdmin.post('/api/service-records/manual', input(3 * HOUR, HOUR, { description: '' })),
      400,
    );
    expect4xx(
      await stationAdmin.post(
        '/api/service-records/manual',
        input(3 * HOUR, HOUR, { volunteerId: foreign!.id }),
      ),
      404,
    );
    expect(await tableDigest(t.ctx.db.system, 'service_records')).toBe(before);

    // 1 h 50 min, rounded down to 0.5 h by the default rule
    const res = await stationAdmin.post('/api/service-records/manual', input(2 * HOUR + 50 * 60_000, HOUR));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      source: 'manual',
      kind: 'manual',
      status: 'pending',
      sourceId: null,
      minutes: 110,
      hours: 1.5,
      maxHours: 24,
    });
    expect((await auditActions('service_record', res.json().id)).map((x) => x.action)).toEqual([
      'hours.manual',
    ]);
  });
});

// ---------------------------------------------------------------- the volunteer's own view

describe("the volunteer's own records", () => {
  it('shows totals (lifetime, this year in China time, pending) and only their own records', async () => {
    // mid-June 2026, China time
    t.setNow(new Date('2026-06-15T04:00:00Z'));
    try {
      const [v, other] = await volunteers(2);
      const a = await activity();
      const lastYear = await activity(station, { endedAgoHours: 24 * 200 });
      await creditRecord(a, v!.id, 2, { status: 'confirmed' });
      // 23:00 on 31 December 2025 in China: last year
      await creditRecord(lastYear, v!.id, 3, {
        status: 'confirmed',
        endedAt: new Date('2025-12-31T15:00:00Z'),
      });
      // 00:30 on 1 January 2026 in China (still 2025 in UTC): this year
      const newYear = await activity(station, { endedAgoHours: 24 * 100 });
      await creditRecord(newYear, v!.id, 1.5, {
        status: 'confirmed',
        endedAt: new Date('2025-12-31T16:30:00Z'),
      });
      await creditRecord(await activity(), v!.id, 1, { status: 'pending' });
      await creditRecord(await activity(), v!.id, 4, { status: 'rejected' });
      await creditRecord(a, other!.id, 2, { status: 'confirmed' });

      const res = await as(t.app, v!.session).get('/api/me/service-records?pageSize=3');
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.totals).toEqual({
        lifetimeHours: 6.5,
        openingHours: 0,
        yearHours: 3.5,
        pendingHours: 1,
        starLevel: 0,
      });
      expect(body.total).toBe(5);
      expect(body.items).toHaveLength(3);
      expect(body.items[0]).toMatchObject({ sourceTitle: `敬老院志愿服务 ${XSS}`, kind: 'credit' });
      expect(JSON.stringify(body)).not.toContain(other!.name);
      const pendingOnly = (await as(t.app, v!.session).get('/api/me/service-records?status=pending')).json();
      expect(pendingOnly.items.map((r: { hours: number }) => r.hours)).toEqual([1]);

      // the admin's view of the volunteer and the volunteer's profile agree
      const adminView = (await stationAdmin.get(`/api/volunteers/${v!.id}`)).json();
      expect(adminView.hours).toMatchObject({ lifetime: 6.5, year: 3.5 });
      const profile = (await as(t.app, v!.session).get('/api/me/volunteer')).json();
      expect(profile.hours).toMatchObject({ lifetime: 6.5, year: 3.5 });

      // staff without a volunteer record are refused
      expect4xx(await stationAdmin.get('/api/me/service-records'), 403);
    } finally {
      t.setNow(null);
    }
  });
});

// ---------------------------------------------------------------- the team leader on H5

describe('a team leader', () => {
  it("confirms the pending credit hours of their team's activities, and nothing else", async () => {
    const [leader, a1, a2, outsider] = await volunteers(4);
    const team = await stationAdmin.post('/api/teams', {
      orgId: station.id,
      name: `时长测试小队${crypto.randomBytes(2).toString('hex')}`,
      tier: 'squad',
      kind: 'regular',
    });
    expect(team.statusCode, team.body).toBe(200);
    const teamId = team.json().id as number;
    expect(
      (
        await stationAdmin.post(`/api/teams/${teamId}/members`, {
          volunteerIds: [leader!.id],
          role: 'leader',
        })
      ).statusCode,
    ).toBe(200);
    await stationAdmin.post(`/api/teams/${teamId}/members`, { volunteerIds: [a1!.id, a2!.id] });

    const teamActivity = await activity(station, { teamId });
    const ours = [await creditRecord(teamActivity, a1!.id, 2), await creditRecord(teamActivity, a2!.id, 1.5)];
    const own = await creditRecord(teamActivity, leader!.id, 2);
    const otherActivity = await creditRecord(await activity(), outsider!.id, 2);
    const [foreignVolunteer] = await volunteers(1, otherStation);
    const foreign = await creditRecord(await activity(otherStation), foreignVolunteer!.id, 2);
    // a backfill of the team's activity is not the leader's to confirm either
    const backfill = (
      await secondAdmin.post('/api/service-records/backfill', {
        activityId: teamActivity.id,
        volunteerId: outsider!.id,
        hours: 1,
        reason: '补签',
        evidenceUploadIds: [evidence],
      })
    ).json().id as number;

    const leaderClient = as(t.app, leader!.session);
    const listed = await leaderClient.get('/api/me/team-service-records?status=pending');
    expect(listed.statusCode, listed.body).toBe(200);
    expect(
      listed
        .json()
        .items.map((r: { id: number }) => r.id)
        .sort(),
    ).toEqual([...ours].sort());

    const res = await leaderClient.post('/api/me/team-service-records/confirm', {
      ids: [...ours, own, otherActivity, foreign, backfill],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ confirmed: 2 });
    for (const id of ours) expect((await record(id)).status).toBe('confirmed');
    for (const id of [own, otherActivity, foreign, backfill])
      expect((await record(id)).status).toBe('pending');
    expect(await lifetime(a1!.id)).toBe(2);
    expect((await events(ours[0]!)).at(-1)).toMatchObject({ action: 'confirm', actor_name: leader!.name });
    const audit = await auditActions('team', teamId);
    expect(audit.map((x) => x.action)).toContain('hours.confirm');
    expect((await leaderClient.get('/api/me/team-service-records')).json().items).toEqual([]);
    expect(
      (await leaderClient.get('/api/me/team-service-records?status=confirmed'))
        .json()
        .items.map((r: { id: number }) => r.id)
        .sort(),
    ).toEqual([...ours].sort());

    // a member who does not lead is refused
    expect4xx(await as(t.app, a1!.session).get('/api/me/team-service-records'), 403, 'NOT_TEAM_LEADER');
    expect4xx(await as(t.app, a1!.session).post('/api/me/team-service-records/confirm', { ids: [own] }), 403);
    expect((await record(own)).status).toBe('pending');
    // and staff use the console's route
    expect4xx(await stationAdmin.post('/api/me/team-service-records/confirm', { ids: [own] }), 403);
  });
});

describe('a team leader confirming a 0-hour record', () => {
  it('is refused until they say so', async () => {
    const [leader, member] = await volunteers(2);
    const team = await stationAdmin.post('/api/teams', {
      orgId: station.id,
      name: `零时长小队${crypto.randomBytes(2).toString('hex')}`,
      tier: 'squad',
      kind: 'regular',
    });
    expect(team.statusCode, team.body).toBe(200);
    const teamId = team.json().id as number;
    await stationAdmin.post(`/api/teams/${teamId}/members`, { volunteerIds: [leader!.id], role: 'leader' });
    await stationAdmin.post(`/api/teams/${teamId}/members`, { volunteerIds: [member!.id] });
    const zero = await creditRecord(await activity(station, { teamId }), member!.id, 0);
    const leaderClient = as(t.app, leader!.session);
    expect4xx(
      await leaderClient.post('/api/me/team-service-records/confirm', { ids: [zero] }),
      409,
      'ZERO_HOURS',
    );
    expect((await record(zero)).status).toBe('pending');
    const res = await leaderClient.post('/api/me/team-service-records/confirm', {
      ids: [zero],
      includeZeroHours: true,
    });
    expect(res.json()).toEqual({ confirmed: 1 });
    expect((await record(zero)).status).toBe('confirmed');
  });
});

// ---------------------------------------------------------------- orders leave records too

describe('an order served by two volunteers', () => {
  it("leaves a pending record with hours and a 'create' event for each", async () => {
    const [a, b] = await volunteers(2);
    const placed = await t.app.inject({
      method: 'POST',
      url: '/api/public/orders',
      payload: {
        stationId: station.id,
        serviceCategory: 'elderly',
        description: '帮忙搬运过冬的柴火',
        address: '东风社区5号楼',
        contactName: '李大爷',
        contactPhone: '13900139001',
      },
    });
    expect(placed.statusCode, placed.body).toBe(200);
    const order = await t.ctx.db.system
      .selectFrom('orders')
      .select(['id', 'order_no'])
      .where('order_no', '=', placed.json().orderNo)
      .executeTakeFirstOrThrow();
    expect((await institute.post(`/api/orders/${order.id}/accept`, { volunteersNeeded: 2 })).statusCode).toBe(
      200,
    );
    expect(
      (await stationAdmin.post(`/api/orders/${order.id}/dispatch`, { volunteerIds: [a!.id, b!.id] }))
        .statusCode,
    ).toBe(200);
    for (const v of [a!, b!])
      expect((await as(t.app, v.session).post(`/api/me/orders/${order.id}/claim`)).statusCode).toBe(200);
    const started = new Date(t.ctx.now().getTime());
    expect((await as(t.app, a!.session).post(`/api/me/orders/${order.id}/start`, {})).statusCode).toBe(200);
    await t.ctx.db.system
      .updateTable('orders')
      .set({ service_started_at: new Date(started.getTime() - 95 * 60_000) })
      .where('id', '=', order.id)
      .execute();
    const finished = await as(t.app, a!.session).post(`/api/me/orders/${order.id}/finish`, {
      note: '柴火已搬完',
    });
    expect(finished.statusCode, finished.body).toBe(200);

    const records = await t.ctx.db.system
      .selectFrom('service_records')
      .selectAll()
      .where('source', '=', 'order')
      .where('source_id', '=', order.id)
      .orderBy('volunteer_id')
      .execute();
    expect(records.map((r) => r.volunteer_id).sort()).toEqual([a!.id, b!.id].sort());
    for (const r of records) {
      expect(r).toMatchObject({ status: 'pending', kind: 'credit', hours: 1.5 });
      expect((await events(r.id)).map((e) => [e.action, Number(e.to_hours)])).toEqual([['create', 1.5]]);
    }
    const listed = (
      await stationAdmin.get(`/api/service-records?source=order&keyword=${b!.volunteerNo}`)
    ).json();
    expect(listed.items[0]).toMatchObject({ sourceTitle: order.order_no, hours: 1.5 });
    expect((await as(t.app, b!.session).get('/api/me/service-records')).json().totals.pendingHours).toBe(1.5);
  });
});

// ---------------------------------------------------------------- scope

describe('another town', () => {
  it('cannot see, confirm, correct or reject our records', async () => {
    const a = await activity();
    const [v] = await volunteers(1);
    const id = await creditRecord(a, v!.id, 2);
    const manual = await stationAdmin.post('/api/service-records/manual', {
      volunteerId: v!.id,
      startedAt: new Date(t.ctx.now().getTime() - 3 * HOUR).toISOString(),
      endedAt: new Date(t.ctx.now().getTime() - HOUR).toISOString(),
      description: '帮助孤寡老人',
      evidenceUploadIds: [evidence],
    });
    const manualId = manual.json().id as number;
    const db = t.ctx.db.system;
    const digests = async () =>
      Promise.all(
        ['service_records', 'service_record_events', 'volunteers', 'hour_rules'].map((x) =>
          tableDigest(db, x),
        ),
      );
    const before = await digests();

    expect4xx(await otherTown.get(`/api/service-records/${id}`), 404);
    expect4xx(await otherTown.get(`/api/service-records/${manualId}`), 404);
    expect4xx(
      await otherTown.post(`/api/service-records/${id}/correct`, { hours: 1, reason: '越权更正' }),
      404,
    );
    expect4xx(await otherTown.post(`/api/service-records/${id}/reject`, { reason: '越权驳回' }), 404);
    expect((await otherTown.post('/api/service-records/confirm', { ids: [id, manualId] })).json()).toEqual({
      confirmed: 0,
    });
    const list = (await otherTown.get('/api/service-records?pageSize=200')).json();
    expect(list.items.map((r: { id: number }) => r.id)).not.toContain(id);
    expect((await otherTown.get(`/api/service-records?orgId=${station.id}`)).json()).toEqual({
      items: [],
      total: 0,
    });
    expect((await otherTown.get(`/api/service-records?keyword=${v!.volunteerNo}`)).json()).toEqual({
      items: [],
      total: 0,
    });
    expect((await otherTown.get(`/api/service-records?activityId=${a.id}`)).json()).toEqual({
      items: [],
      total: 0,
    });
    expect(await digests()).toEqual(before);

    // and the institute above sees them
    expect((await institute.get(`/api/service-records/${id}`)).statusCode).toBe(200);
    // a volunteer's session cannot use the console's routes
    expect4xx(await as(t.app, v!.session).get('/api/service-records'), 403);
    expect4xx(await as(t.app, v!.session).post('/api/service-records/confirm', { ids: [id] }), 403);
    expect((await record(id)).status).toBe('pending');
  });
});
