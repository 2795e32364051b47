// Every service hour has a record (issue 18): hours from before the platform enter as opening
// records (历史时长) — one at a time or imported from Excel with a row report — reviewed by a second
// person; lifetime_hours is always the sum of the confirmed records (the app role cannot set it),
// and hours:verify recomputes every total and names the first that differs — on the demo county,
// after a random mix of reviews, and from the command line.
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyHourTotals } from '../../src/modules/hours/index.ts';
import { inScope, withDatabase } from '../../src/platform/db/database.ts';
import { migrate, readMigrations } from '../../src/platform/db/migrate.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { as, createTestContext, login, type Session, type TestContext } from '../support/context.ts';
import {
  createUser,
  multipartBody,
  orgOfUser,
  TINY_PNG,
  upload,
  type OrgRef,
} from '../support/org-factories.ts';
import { TEST_KEY } from '../support/keys.ts';
import { registerVolunteer, XSS, type RegisteredVolunteer } from '../support/volunteer-factories.ts';

const run = promisify(execFile);
const SERVER_ROOT = path.resolve(import.meta.dirname, '../..');

let t: TestContext;
let station: OrgRef;
let stationSession: Session;
let stationAdmin: ReturnType<typeof as>;
let secondSession: Session;
let secondAdmin: ReturnType<typeof as>;
let otherTown: ReturnType<typeof as>;
let evidence: string;

const CHINESE = /[\u4e00-\u9fa5]/;

beforeAll(async () => {
  t = await createTestContext();
  const db = t.ctx.db.system;
  station = await orgOfUser(db, 'demo-station');
  stationSession = await login(t.app, 'demo-station');
  stationAdmin = as(t.app, stationSession);
  otherTown = as(t.app, await login(t.app, 'demo-station2'));
  await createUser(db, 'opening-second', 'station_admin', station.id);
  secondSession = await login(t.app, 'opening-second');
  secondAdmin = as(t.app, secondSession);
  const mine = await upload(t.app, stationSession, '登记簿.png', TINY_PNG);
  expect(mine.statusCode, mine.body).toBe(200);
  evidence = mine.json().id;
});
afterAll(async () => t?.close());

function expect4xx(res: LightMyRequestResponse, status: number, code?: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json() as { code: string; message: string };
  expect(body.message).toMatch(CHINESE);
  if (code) expect(body.code).toBe(code);
  return body;
}

async function lifetime(volunteerId: number): Promise<number> {
  const v = await t.ctx.db.system
    .selectFrom('volunteers')
    .select('lifetime_hours')
    .where('id', '=', volunteerId)
    .executeTakeFirstOrThrow();
  return Number(v.lifetime_hours);
}

async function confirmedSum(volunteerId: number): Promise<number> {
  const r = await t.ctx.db.system
    .selectFrom('service_records')
    .select(sql<string>`coalesce(sum(hours), 0)`.as('h'))
    .where('volunteer_id', '=', volunteerId)
    .where('status', '=', 'confirmed')
    .executeTakeFirstOrThrow();
  return Number(r.h);
}

const opening = (volunteerId: number, extra: Record<string, unknown> = {}) => ({
  volunteerId,
  hours: 120.5,
  origin: 'register',
  originName: '东风社区志愿服务登记簿',
  periodFrom: '2019-03-01',
  periodTo: '2025-12-31',
  note: `按登记簿逐年合计 ${XSS}`,
  evidenceUploadIds: [evidence],
  ...extra,
});

// ---------------------------------------------------------------- the demo county

describe('the demo county', () => {
  it('passes hours:verify: every lifetime total is the sum of its confirmed records', async () => {
    const report = await verifyHourTotals(t.ctx.db.system);
    expect(report.totalMismatches, JSON.stringify(report.firstTotalMismatch)).toBe(0);
    expect(report.recordMismatches, JSON.stringify(report.firstRecordMismatch)).toBe(0);
    expect(report.volunteers).toBeGreaterThan(2000);
    expect(report.ok).toBe(true);
  });

  it('gives its volunteers their prior hours as confirmed opening records with an origin', async () => {
    const rows = await t.ctx.db.system
      .selectFrom('service_records')
      .select(['status', 'origin', sql<string>`count(*)`.as('n'), sql<string>`sum(hours)`.as('h')])
      .where('kind', '=', 'opening')
      .groupBy(['status', 'origin'])
      .execute();
    const confirmed = rows.filter((r) => r.status === 'confirmed');
    expect(confirmed.map((r) => r.origin).sort()).toEqual(['register', 'system']);
    expect(confirmed.reduce((s, r) => s + Number(r.n), 0)).toBeGreaterThan(2000);
    // some wait in the demo station for a second admin
    expect(rows.some((r) => r.status === 'pending')).toBe(true);
    const withoutOrigin = await t.ctx.db.system
      .selectFrom('service_records')
      .select(sql<string>`count(*)`.as('n'))
      .where('kind', '=', 'opening')
      .where((eb) => eb.or([eb('origin', 'is', null), eb('origin_name', 'is', null)]))
      .executeTakeFirstOrThrow();
    expect(Number(withoutOrigin.n)).toBe(0);
  });

  it('shows the demo volunteer a lifetime total that equals the sum of their confirmed list', async () => {
    const volunteer = as(t.app, await login(t.app, 'demo-volunteer'));
    const items: Array<{ status: string; hours: number; kind: string; source: string }> = [];
    let totals: { lifetimeHours: number; openingHours: number; yearHours: number } | undefined;
    for (let page = 1; page < 50; page += 1) {
      const res = await volunteer.get(`/api/me/service-records?page=${page}&pageSize=100`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      totals = body.totals;
      items.push(...body.items);
      if (items.length >= body.total) break;
    }
    const sum = items.filter((i) => i.status === 'confirmed').reduce((s, i) => s + i.hours, 0);
    expect(totals!.lifetimeHours).toBeGreaterThan(0);
    expect(totals!.lifetimeHours).toBeCloseTo(sum, 5);
    const openings = items.filter((i) => i.kind === 'opening' && i.status === 'confirmed');
    expect(openings.length).toBeGreaterThan(0);
    expect(openings.every((i) => i.source === 'opening')).toBe(true);
    expect(totals!.openingHours).toBeCloseTo(
      openings.reduce((s, i) => s + i.hours, 0),
      5,
    );
  });
});

// ---------------------------------------------------------------- one opening record

describe('an opening record entered by hand', () => {
  let v: RegisteredVolunteer;
  beforeAll(async () => {
    v = await registerVolunteer(t, station.id);
  });

  it('refuses bad input with a clear Chinese 4xx and changes nothing', async () => {
    const before = await confirmedSum(v.id);
    const count = async () =>
      Number(
        (
          await t.ctx.db.system
            .selectFrom('service_records')
            .select(sql<string>`count(*)`.as('n'))
            .where('volunteer_id', '=', v.id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const n = await count();
    expect4xx(await stationAdmin.post('/api/service-records/opening', opening(v.id, { hours: 0 })), 400);
    expect4xx(await stationAdmin.post('/api/service-records/opening', opening(v.id, { hours: 20_001 })), 400);
    expect4xx(await stationAdmin.post('/api/service-records/opening', opening(v.id, { hours: 1.25 })), 400);
    expect4xx(
      await stationAdmin.post('/api/service-records/opening', opening(v.id, { origin: 'paper' })),
      400,
    );
    expect4xx(
      await stationAdmin.post('/api/service-records/opening', opening(v.id, { originName: ' ' })),
      400,
    );
    expect4xx(
      await stationAdmin.post('/api/service-records/opening', opening(v.id, { evidenceUploadIds: [] })),
      400,
    );
    // the period: not in the future, in order, and long enough for the hours
    expect4xx(
      await stationAdmin.post('/api/service-records/opening', opening(v.id, { periodTo: '2999-01-01' })),
      400,
      'BAD_PERIOD',
    );
    expect4xx(
      await stationAdmin.post(
        '/api/service-records/opening',
        opening(v.id, { periodFrom: '2025-01-02', periodTo: '2025-01-01' }),
      ),
      400,
      'BAD_PERIOD',
    );
    const tooMany = expect4xx(
      await stationAdmin.post(
        '/api/service-records/opening',
        opening(v.id, { hours: 49, periodFrom: '2025-01-01', periodTo: '2025-01-02' }),
      ),
      400,
      'BAD_PERIOD',
    );
    expect(tooMany.message).toContain('2 天');
    // another town cannot enter hours for this village's volunteer
    expect4xx(await otherTown.post('/api/service-records/opening', opening(v.id)), 404);
    expect(await count()).toBe(n);
    expect(await confirmedSum(v.id)).toBe(before);
  });

  it('counts only once a second person confirms it, and shows its origin', async () => {
    const created = await stationAdmin.post('/api/service-records/opening', opening(v.id));
    expect(created.statusCode, created.body).toBe(200);
    const record = created.json();
    expect(record).toMatchObject({
      kind: 'opening',
      source: 'opening',
      status: 'pending',
      hours: 120.5,
      origin: 'register',
      originName: '东风社区志愿服务登记簿',
      confirmable: false,
      maxHours: 20000,
    });
    expect(record.sourceTitle).toBe('东风社区志愿服务登记簿（纸质登记簿）');
    expect(record.startedAt).toBe('2019-02-28T16:00:00.000Z');
    expect(record.events[0]).toMatchObject({ action: 'create', toHours: 120.5 });
    expect(await lifetime(v.id)).toBe(0);

    // the same origin twice is refused, so a retried entry cannot double the history
    expect4xx(await secondAdmin.post('/api/service-records/opening', opening(v.id)), 409, 'OPENING_EXISTS');

    // the one who entered it cannot confirm it
    expect4xx(
      await stationAdmin.post('/api/service-records/confirm', { ids: [record.id] }),
      409,
      'SAME_PERSON',
    );
    const confirmed = await secondAdmin.post('/api/service-records/confirm', { ids: [record.id] });
    expect(confirmed.json()).toEqual({ confirmed: 1 });
    expect(await lifetime(v.id)).toBe(120.5);

    // a correction above 24 h is fine for an opening record, and the total follows exactly
    const corrected = await secondAdmin.post(`/api/service-records/${record.id}/correct`, {
      hours: 98,
      reason: '登记簿复核后更正',
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(await lifetime(v.id)).toBe(98);

    // the volunteer sees it as history: lifetime = opening + the years, and nothing in "this year"
    const mine = await as(t.app, v.session).get('/api/me/service-records');
    const body = mine.json();
    expect(body.totals).toMatchObject({ lifetimeHours: 98, openingHours: 98, yearHours: 0 });
    expect(body.items[0]).toMatchObject({ kind: 'opening', origin: 'register', hours: 98 });

    // and the console can filter for it
    const list = await stationAdmin.get(`/api/service-records?kind=opening&keyword=${v.volunteerNo}`);
    expect(list.json().items.map((i: { id: number }) => i.id)).toEqual([record.id]);

    const audit = await t.ctx.db.system
      .selectFrom('audit_log')
      .select(['action'])
      .where('resource_type', '=', 'service_record')
      .where('resource_id', '=', String(record.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['hours.opening', 'hours.correct']));
  });
});

// ---------------------------------------------------------------- import from Excel

async function openingWorkbook(rows: Array<Array<string | number>>, headers?: string[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('历史时长');
  sheet.addRow(
    headers ?? [
      '志愿者编号*',
      '姓名*',
      '历史时长(小时)*',
      '来源类型*',
      '来源名称*',
      '起始日期*',
      '截止日期*',
      '备注',
    ],
  );
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function importSheet(session: Session, mode: 'check' | 'import', file: Buffer, evidenceIds = [evidence]) {
  const body = multipartBody(
    '历史时长.xlsx',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    file,
  );
  return t.app.inject({
    method: 'POST',
    url: `/api/service-records/opening-imports?mode=${mode}&evidence=${evidenceIds.join(',')}`,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': body.contentType },
    payload: body.payload,
  });
}

describe('importing opening records from Excel', () => {
  let a: RegisteredVolunteer;
  let b: RegisteredVolunteer;
  beforeAll(async () => {
    a = await registerVolunteer(t, station.id);
    b = await registerVolunteer(t, station.id);
  });

  it('offers a template whose headers it reads back', async () => {
    const res = await stationAdmin.get('/api/service-records/opening-template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const headers = (workbook.worksheets[0]!.getRow(1).values as unknown[]).filter(Boolean);
    expect(headers).toEqual([
      '志愿者编号*',
      '姓名*',
      '历史时长(小时)*',
      '来源类型*',
      '来源名称*',
      '起始日期*',
      '截止日期*',
      '备注',
    ]);
  });

  it('reports every bad row by row and column, and imports nothing while any row is wrong', async () => {
    const file = await openingWorkbook([
      [a.volunteerNo, a.name, 300, '其他系统导入', '志愿汇', '2018-01-01', '2025-12-31', ''],
      ['V0000000000', '无此人', 10, '其他系统导入', '志愿汇', '2018-01-01', '2025-12-31', ''],
      [b.volunteerNo, '张冠李戴', 10, '纸质登记簿', '登记簿', '2018-01-01', '2025-12-31', ''],
      [b.volunteerNo, b.name, 'abc', '手写', '登记簿', '2018-02-30', '2999-01-01', ''],
      [a.volunteerNo, a.name, 5, '其他系统导入', '志愿汇', '2018-01-01', '2025-12-31', ''],
    ]);
    const res = await importSheet(stationSession, 'import', file);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ mode: 'import', rows: 5, valid: 1, created: 0, hours: 300 });
    const at = (row: number) => report.errors.filter((e: { row: number }) => e.row === row);
    expect(at(3)[0]).toMatchObject({ column: '志愿者编号' });
    expect(at(4)[0]).toMatchObject({ column: '姓名' });
    expect(
      at(5)
        .map((e: { column: string }) => e.column)
        .sort(),
    ).toEqual(['历史时长(小时)', '来源类型', '截止日期', '起始日期'].sort());
    expect(at(6)[0].message).toContain('第 2 行');
    for (const e of report.errors) expect(e.message).toMatch(CHINESE);
    expect(
      await t.ctx.db.system
        .selectFrom('service_records')
        .select('id')
        .where('volunteer_id', 'in', [a.id, b.id])
        .execute(),
    ).toEqual([]);
  });

  it('checks, then imports a clean file as pending records another admin confirms', async () => {
    const file = await openingWorkbook([
      [a.volunteerNo, a.name, 300, '其他系统导入', '志愿汇', '2018-01-01', '2025-12-31', '原平台导出'],
      [
        b.volunteerNo.toLowerCase(),
        b.name,
        '42.5',
        '纸质登记簿',
        '东风社区登记簿',
        '2020/1/1',
        '2024年12月31日',
        '',
      ],
    ]);
    const check = await importSheet(stationSession, 'check', file);
    expect(check.json()).toMatchObject({
      mode: 'check',
      rows: 2,
      valid: 2,
      created: 0,
      hours: 342.5,
      errors: [],
    });
    const done = await importSheet(stationSession, 'import', file);
    expect(done.json()).toMatchObject({ mode: 'import', created: 2, errors: [] });
    const records = await t.ctx.db.system
      .selectFrom('service_records')
      .select([
        'id',
        'volunteer_id',
        'status',
        'hours',
        'origin',
        'origin_name',
        'created_by',
        'evidence_upload_ids',
      ])
      .where('volunteer_id', 'in', [a.id, b.id])
      .orderBy('volunteer_id')
      .execute();
    expect(records.map((r) => [r.status, Number(r.hours), r.origin, r.origin_name])).toEqual([
      ['pending', 300, 'system', '志愿汇'],
      ['pending', 42.5, 'register', '东风社区登记簿'],
    ]);
    expect(records.every((r) => r.evidence_upload_ids.includes(evidence))).toBe(true);
    expect(await lifetime(a.id)).toBe(0);

    // importing the same file again is refused row by row: no history counts twice
    const again = await importSheet(stationSession, 'import', file);
    expect(again.json()).toMatchObject({ created: 0, valid: 0 });

    expect4xx(
      await stationAdmin.post('/api/service-records/confirm', { ids: records.map((r) => r.id) }),
      409,
      'SAME_PERSON',
    );
    const confirmed = await secondAdmin.post('/api/service-records/confirm', {
      ids: records.map((r) => r.id),
    });
    expect(confirmed.json()).toEqual({ confirmed: 2 });
    expect(await lifetime(a.id)).toBe(300);
    expect(await lifetime(b.id)).toBe(42.5);

    const audit = await t.ctx.db.system
      .selectFrom('audit_log')
      .select(['summary'])
      .where('action', '=', 'hours.opening_import')
      .execute();
    expect(audit.length).toBe(1);
  });

  it('refuses a file that is not a workbook, wrong headers, missing evidence, and outsiders', async () => {
    expect4xx(await importSheet(stationSession, 'check', Buffer.from('not a workbook')), 400, 'INVALID_FILE');
    expect4xx(
      await importSheet(stationSession, 'check', await openingWorkbook([['x']], ['编号', '名字'])),
      400,
      'BAD_HEADERS',
    );
    expect4xx(await importSheet(stationSession, 'check', await openingWorkbook([]), []), 400);
    const file = await openingWorkbook([
      [a.volunteerNo, a.name, 10, '其他系统导入', '另一个系统', '2018-01-01', '2025-12-31', ''],
    ]);
    // another town's admin: the volunteer is outside their scope, and so is this evidence
    const outsider = await login(t.app, 'demo-station2');
    expect4xx(await importSheet(outsider, 'check', file), 400, 'EVIDENCE_NOT_FOUND');
    const resident = await login(t.app, 'demo-volunteer');
    expect((await importSheet(resident, 'check', file)).statusCode).toBe(403);
  });
});

// ---------------------------------------------------------------- totals stay sums of records

describe('lifetime totals under a random mix of reviews', () => {
  it('equal the sum of the confirmed records after confirms, corrections, rejections and re-reviews', async () => {
    let seed = 18;
    const rnd = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const volunteers = await Promise.all([0, 1, 2, 3].map(() => registerVolunteer(t, station.id)));
    const records: Array<{ id: number; status: string; by: 'first' | 'second'; hours: number }> = [];
    const done = { create: 0, confirm: 0, correct: 0, reject: 0, rereview: 0 };
    const admins = { first: stationAdmin, second: secondAdmin };
    const other = (by: 'first' | 'second') => (by === 'first' ? secondAdmin : stationAdmin);
    const day = 86_400_000;
    for (let step = 0; step < 80; step += 1) {
      const roll = rnd();
      const pending = records.filter((r) => r.status === 'pending');
      const confirmed = records.filter((r) => r.status === 'confirmed');
      if (roll < 0.35 || records.length < 4) {
        const by = rnd() < 0.5 ? 'first' : 'second';
        const v = pick(volunteers);
        const ended = new Date(Date.now() - (2 + step) * day);
        const res =
          rnd() < 0.2
            ? await admins[by].post(
                '/api/service-records/opening',
                opening(v.id, { originName: `登记簿-${step}`, hours: 10 + Math.floor(rnd() * 500) / 10 }),
              )
            : await admins[by].post('/api/service-records/manual', {
                volunteerId: v.id,
                startedAt: new Date(ended.getTime() - (1 + Math.floor(rnd() * 6)) * 1_800_000).toISOString(),
                endedAt: ended.toISOString(),
                description: `入户走访 ${step}`,
                evidenceUploadIds: [evidence],
              });
        expect(res.statusCode, res.body).toBe(200);
        records.push({ id: res.json().id, status: 'pending', by, hours: res.json().hours });
        done.create += 1;
      } else if (roll < 0.55 && pending.length > 0) {
        const r = pick(pending);
        const res = await other(r.by).post('/api/service-records/confirm', { ids: [r.id] });
        expect(res.json()).toEqual({ confirmed: 1 });
        r.status = 'confirmed';
        done.confirm += 1;
      } else if (roll < 0.7 && pending.length > 0) {
        const r = pick(pending);
        const res = await other(r.by).post(`/api/service-records/${r.id}/reject`, {
          reason: '证明材料不清晰',
        });
        expect(res.statusCode, res.body).toBe(200);
        r.status = 'rejected';
        done.reject += 1;
      } else if (confirmed.length > 0 || pending.length > 0) {
        // a correction of a pending record, or a re-review of a confirmed one
        const r = pick([...confirmed, ...pending]);
        const hours = Math.max(0.5, Math.round((r.hours + (rnd() < 0.5 ? -0.5 : 0.5)) * 10) / 10);
        if (hours === r.hours) continue;
        const res = await other(r.by).post(`/api/service-records/${r.id}/correct`, {
          hours,
          reason: '复核更正',
        });
        expect(res.statusCode, res.body).toBe(200);
        r.hours = hours;
        done[r.status === 'confirmed' ? 'rereview' : 'correct'] += 1;
      }
      if (step % 20 === 19) expect((await verifyHourTotals(t.ctx.db.system)).ok).toBe(true);
    }
    for (const n of Object.values(done)) expect(n).toBeGreaterThan(0);
    const report = await verifyHourTotals(t.ctx.db.system);
    expect(report.ok, JSON.stringify(report)).toBe(true);
    for (const v of volunteers) {
      const expected = records
        .filter((r) => r.status === 'confirmed')
        .filter((r) => r.id > 0)
        .reduce(async (sum, r) => {
          const row = await t.ctx.db.system
            .selectFrom('service_records')
            .select('volunteer_id')
            .where('id', '=', r.id)
            .executeTakeFirstOrThrow();
          return (await sum) + (row.volunteer_id === v.id ? r.hours : 0);
        }, Promise.resolve(0));
      expect(await lifetime(v.id)).toBeCloseTo(await expected, 5);
    }
  });

  it('cannot be set directly by the application role', async () => {
    const v = await registerVolunteer(t, station.id);
    await expect(
      inScope(t.ctx.db.app, station.path, (tx) =>
        tx.updateTable('volunteers').set({ lifetime_hours: 500 }).where('id', '=', v.id).execute(),
      ),
    ).rejects.toMatchObject({ code: '42501' });
    expect(await lifetime(v.id)).toBe(0);
  });
});

// ---------------------------------------------------------------- npm run hours:verify

describe('hours:verify', () => {
  it('exits 0 on a consistent database and 1 naming the first total that differs', async () => {
    const env = {
      ...process.env,
      DATABASE_URL: t.databaseUrl,
      FIELD_ENCRYPTION_KEY: TEST_KEY,
      NODE_ENV: 'test',
    };
    const cli = ['--import', 'tsx', 'src/cli/hours-verify.ts'];
    const ok = await run(process.execPath, cli, { cwd: SERVER_ROOT, env });
    expect(ok.stdout).toContain('累计时长与服务记录一致');

    // a bare total sneaks in through the owner connection: the lowest id is named first
    const first = await t.ctx.db.system
      .selectFrom('volunteers')
      .select(['id', 'volunteer_no', 'lifetime_hours'])
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    const later = await t.ctx.db.system
      .selectFrom('volunteers')
      .select(['id', 'lifetime_hours'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const bump = async (id: number, to: number) =>
      t.ctx.db.system.updateTable('volunteers').set({ lifetime_hours: to }).where('id', '=', id).execute();
    await bump(later.id, Number(later.lifetime_hours) + 7);
    await bump(first.id, Number(first.lifetime_hours) + 1.5);
    try {
      const failed = await run(process.execPath, cli, { cwd: SERVER_ROOT, env }).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failed?.code).toBe(1);
      expect(failed?.stderr).toContain(`2 名志愿者`);
      expect(failed?.stderr).toContain(first.volunteer_no);
      const report = await verifyHourTotals(t.ctx.db.system);
      expect(report.firstTotalMismatch).toMatchObject({
        volunteerId: first.id,
        stored: Number(first.lifetime_hours) + 1.5,
        fromRecords: Number(first.lifetime_hours),
      });
    } finally {
      await bump(first.id, Number(first.lifetime_hours));
      await bump(later.id, Number(later.lifetime_hours));
    }
    expect((await verifyHourTotals(t.ctx.db.system)).ok).toBe(true);
  });
});

// ---------------------------------------------------------------- a database from before 0008

describe('a database created before opening records', () => {
  it('is consistent after the migration: bare totals become opening records, clamped ones the sum', async () => {
    const maintenanceUrl = inject('maintenanceUrl');
    const name = `civic_test_open_${crypto.randomBytes(4).toString('hex')}_${process.ppid}`;
    const admin = new pg.Client({ connectionString: maintenanceUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
    const url = withDatabase(maintenanceUrl, name);
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    // the forced drop below may end a connection the pool is still closing
    pool.on('error', () => undefined);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    try {
      const all = readMigrations();
      await migrate(
        url,
        all.filter((m) => m.version < 8),
      );
      // the old world: a bare starting figure, one total that the clamp left below its records
      await sql`
        INSERT INTO orgs (id, path, code, name, short_name, kind) VALUES (1, '1', 'C', '县中心', '县中心', 'center');
        INSERT INTO volunteers (id, org_id, org_path, name, gender, birth_date, id_number_enc, id_number_index,
                                political_status, consent_version, consent_at, consent_channel, source, lifetime_hours)
        OVERRIDING SYSTEM VALUE
        SELECT i, 1, '1', '志愿者' || i, 'male', '1990-01-01', 'x', 'idx' || i, 'masses', 'v1',
               '2026-03-01T08:00:00Z', 'offline', 'admin', h
          FROM (VALUES (1, 400.5), (2, 0), (3, 1), (4, 12)) AS t(i, h);
        -- volunteer 1: 400.5 bare against 2 h of records; 3: 1 h against 3.5 h (a clamp lost 2.5 h)
        ALTER TABLE service_records DISABLE TRIGGER service_records_lifetime_hours;
        INSERT INTO service_records (volunteer_id, org_path, source, source_id, started_at, ended_at, minutes,
                                     status, kind, hours)
        VALUES (1, '1', 'manual', NULL, '2026-05-01T01:00:00Z', '2026-05-01T03:00:00Z', 120, 'confirmed', 'manual', 2),
               (3, '1', 'manual', NULL, '2026-05-02T01:00:00Z', '2026-05-02T04:30:00Z', 210, 'confirmed', 'manual', 3.5),
               (4, '1', 'manual', NULL, '2026-05-03T01:00:00Z', '2026-05-03T02:00:00Z', 60, 'pending', 'manual', 1);
        ALTER TABLE service_records ENABLE TRIGGER service_records_lifetime_hours;`.execute(db);
      // the records have no events in this old world; the check of totals is what matters here
      expect((await verifyHourTotals(db)).totalMismatches).toBe(2 + 1);

      await migrate(url, all);

      const report = await verifyHourTotals(db);
      expect(report.totalMismatches, JSON.stringify(report.firstTotalMismatch)).toBe(0);
      const volunteers = await db
        .selectFrom('volunteers')
        .select(['id', 'lifetime_hours'])
        .orderBy('id')
        .execute();
      expect(volunteers.map((v) => Number(v.lifetime_hours))).toEqual([400.5, 0, 3.5, 12]);
      const openings = await db
        .selectFrom('service_records')
        .select(['volunteer_id', 'hours', 'status', 'origin', 'origin_name'])
        .where('kind', '=', 'opening')
        .orderBy('volunteer_id')
        .execute();
      expect(openings.map((o) => [o.volunteer_id, Number(o.hours), o.status, o.origin])).toEqual([
        [1, 398.5, 'confirmed', 'system'],
        [4, 12, 'confirmed', 'system'],
      ]);
      const events = await db
        .selectFrom('service_record_events')
        .select(['action', 'actor_name'])
        .where('record_id', 'in', db.selectFrom('service_records').select('id').where('kind', '=', 'opening'))
        .execute();
      expect(events.map((e) => e.action).sort()).toEqual(['confirm', 'confirm', 'create', 'create']);
    } finally {
      await db.destroy();
      await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
      await admin.end();
    }
  });
});
