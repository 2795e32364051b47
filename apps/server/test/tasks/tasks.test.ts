// Work tasks (调度任务) through the routes on the demo county: the centre issues to every station of
// demo-institute and to demo-station2; a station uploads photos and reports; the centre approves
// with a score or returns; a report after the deadline is refused until an extension; the overdue job
// escalates once per deadline; withdrawing; the scope of lists; bad input changing nothing; and the
// figures the assessment reads (taskFigures) on a hand-made set of tasks.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJobOnce } from '../../src/platform/jobs/scheduler.ts';
import { inScope } from '../../src/platform/db/database.ts';
import { taskFigures, taskOverdueJob } from '../../src/modules/tasks/index.ts';
import { as, createTestContext, login, type TestContext } from '../support/context.ts';
import { orgOfUser, tableDigest, TINY_PNG, type OrgRef } from '../support/org-factories.ts';

let t: TestContext;
let station: OrgRef;
let station2: OrgRef;
let instituteOrg: OrgRef;
let centerOrg: OrgRef;
const CHINESE = /[\u4e00-\u9fa5]/;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const signIn = async (username: string) => as(t.app, await login(t.app, username));
type Client = Awaited<ReturnType<typeof signIn>>;
let center: Client;
let institute: Client;
let stationAdmin: Client;
let station2Admin: Client;

beforeAll(async () => {
  t = await createTestContext();
  station = await orgOfUser(t.ctx.db.system, 'demo-station');
  station2 = await orgOfUser(t.ctx.db.system, 'demo-station2');
  instituteOrg = await orgOfUser(t.ctx.db.system, 'demo-institute');
  centerOrg = await orgOfUser(t.ctx.db.system, 'demo-center');
  center = await signIn('demo-center');
  institute = await signIn('demo-institute');
  stationAdmin = await signIn('demo-station');
  station2Admin = await signIn('demo-station2');
}, 120_000);
afterAll(async () => t?.close());

const digest = async () =>
  Promise.all(
    ['work_tasks', 'task_assignments', 'task_reports', 'uploads'].map((table) =>
      tableDigest(t.ctx.db.system, table),
    ),
  );

function taskBody(overrides: Record<string, unknown> = {}) {
  return {
    title: '完成“八有”阵地自查并上传照片',
    description: '对照“八有”标准逐项自查，上报自查情况和照片。',
    deadline: new Date(Date.now() + 10 * DAY).toISOString(),
    requiresText: true,
    minPhotos: 2,
    allowLinks: false,
    maxScore: 10,
    stationsUnder: [instituteOrg.id],
    orgIds: [station2.id],
    ...overrides,
  };
}

async function issue(client: Client, overrides: Record<string, unknown> = {}) {
  const res = await client.post('/api/tasks', taskBody(overrides));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number; progress: { assigned: number } };
}

async function assignmentOf(taskId: number, orgId: number): Promise<number> {
  const row = await t.ctx.db.system
    .selectFrom('task_assignments')
    .select('id')
    .where('task_id', '=', taskId)
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

async function photo(client: Client, assignmentId: number): Promise<string> {
  const res = await client.form(
    `/api/tasks/assignments/${assignmentId}/photos`,
    {},
    {
      fileName: '现场.png',
      data: TINY_PNG,
    },
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id;
}

describe('issue, report, review', () => {
  it('issues to every station of an institute and one more, reports with photos, approves with a score', async () => {
    const stations = await t.ctx.db.system
      .selectFrom('orgs')
      .select('id')
      .where('kind', '=', 'station')
      .where('status', '=', 'active')
      .where(sql<boolean>`path <@ ${instituteOrg.path}::ltree`)
      .execute();
    const task = await issue(center);
    expect(task.progress.assigned).toBe(stations.length + 1);

    // the station finds it on its to-do list, and the badge counts it
    const todo = (await stationAdmin.get('/api/tasks/todo')).json();
    const mine = todo.items.find((a: { taskId: number }) => a.taskId === task.id);
    expect(mine).toMatchObject({ state: 'pending', orgId: station.id, maxScore: 10 });
    expect((await stationAdmin.get('/api/tasks/todo/counts')).json().toReport).toBeGreaterThanOrEqual(1);
    // the centre is told nothing yet; the station was notified
    const told = (await stationAdmin.get('/api/notifications')).json();
    expect(told.items.some((n: { title: string }) => n.title.includes('八有'))).toBe(true);

    const id = mine.id as number;
    const p1 = await photo(stationAdmin, id);
    const p2 = await photo(stationAdmin, id);
    const detail = (await stationAdmin.get(`/api/tasks/assignments/${id}`)).json();
    expect(detail.canReport).toBe(true);
    expect(detail.draftPhotos.map((p: { id: string }) => p.id)).toEqual([p1, p2]);
    const reported = await stationAdmin.post(`/api/tasks/assignments/${id}/reports`, {
      text: '已逐项自查，八项全部达标。',
      photoIds: [p1, p2],
    });
    expect(reported.statusCode, reported.body).toBe(200);
    expect(reported.json()).toMatchObject({ state: 'submitted', canReport: false, draftPhotos: [] });
    // the centre sees the photo; another town's station does not see the assignment at all
    const url = reported.json().reports[0].photoUrls[0] as string;
    const img = await center.get(url);
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect((await station2Admin.get(url)).statusCode).toBe(404);
    expect((await center.get('/api/tasks/todo/counts')).json().toReview).toBeGreaterThanOrEqual(1);

    const approved = await center.post(`/api/tasks/assignments/${id}/approve`, { score: 8, comment: '很好' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ state: 'approved', score: 8 });
    expect(approved.json().reports[0]).toMatchObject({ decision: 'approved', score: 8, late: false });
    const progress = (await center.get(`/api/tasks/${task.id}`)).json().progress;
    expect(progress).toMatchObject({ approved: 1, pending: stations.length });
    // the audit log holds the issue, the report and the approval
    const actions = await t.ctx.db.system
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['task.issue', 'task.report', 'task.approve', 'task.photo'])
      .execute();
    expect(new Set(actions.map((a) => a.action))).toEqual(
      new Set(['task.issue', 'task.report', 'task.approve', 'task.photo']),
    );
  });

  it('returns a report with a reason; the unit reports again and is approved', async () => {
    const task = await issue(center, { minPhotos: 0, allowLinks: true, maxScore: null });
    const id = await assignmentOf(task.id, station2.id);
    const first = await station2Admin.post(`/api/tasks/assignments/${id}/reports`, {
      text: '已完成',
      links: ['https://mp.weixin.qq.com/s/abc'],
    });
    expect(first.statusCode, first.body).toBe(200);
    const returned = await center.post(`/api/tasks/assignments/${id}/return`, { reason: '请补充自查表' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ state: 'returned', returnReason: '请补充自查表' });
    const again = await station2Admin.post(`/api/tasks/assignments/${id}/reports`, { text: '已补充自查表' });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().reports.map((r: { decision: string | null }) => r.decision)).toEqual([
      null,
      'returned',
    ]);
    // a task without a maximum score is approved without one
    expect((await center.post(`/api/tasks/assignments/${id}/approve`, { score: 5 })).json().code).toBe(
      'SCORE_NOT_EXPECTED',
    );
    const ok = await center.post(`/api/tasks/assignments/${id}/approve`, {});
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ state: 'approved', score: null });
  });
});

describe('bad input changes nothing', () => {
  it('refuses bad tasks with a Chinese 4xx', async () => {
    const before = await digest();
    const cases: Array<[Client, Record<string, unknown>, number]> = [
      [center, { deadline: new Date(Date.now() - HOUR).toISOString() }, 400],
      [center, { deadline: '2026-13-01' }, 400],
      [center, { orgIds: [], stationsUnder: [] }, 400],
      [center, { title: '' }, 400],
      [center, { minPhotos: -1 }, 400],
      [center, { minPhotos: 10 }, 400],
      [center, { maxScore: 0 }, 400],
      [center, { orgIds: [centerOrg.id], stationsUnder: [] }, 400],
      [center, { orgIds: [999999999], stationsUnder: [] }, 404],
      // an institute issues only to its own subtree
      [institute, { orgIds: [station2.id], stationsUnder: [] }, 404],
      [institute, { orgIds: [], stationsUnder: [centerOrg.id] }, 404],
      // a station may not issue at all
      [stationAdmin, { orgIds: [], stationsUnder: [] }, 403],
    ];
    for (const [client, overrides, status] of cases) {
      const res = await client.post('/api/tasks', taskBody(overrides));
      expect(res.statusCode, `${JSON.stringify(overrides)}: ${res.body}`).toBe(status);
      expect(res.json().message).toMatch(CHINESE);
    }
    expect(await digest()).toEqual(before);
  });

  it('refuses reports that miss what the task asks for, foreign photos, and wrong scores', async () => {
    const task = await issue(center);
    const id = await assignmentOf(task.id, station.id);
    const otherId = await assignmentOf(task.id, station2.id);
    const p1 = await photo(stationAdmin, id);
    const foreign = await photo(station2Admin, otherId);
    const before = await digest();
    const cases: Array<[Record<string, unknown>, string | null]> = [
      [{ text: '', photoIds: [p1] }, 'REPORT_INCOMPLETE'],
      [{ text: '只有一张照片', photoIds: [p1] }, 'REPORT_INCOMPLETE'],
      [{ text: '有链接', photoIds: [p1, p1], links: ['https://example.cn'] }, 'REPORT_INCOMPLETE'],
      [{ text: '别人的照片', photoIds: [p1, foreign] }, 'PHOTO_UNKNOWN'],
      [{ text: '坏链接', links: ['javascript:alert(1)'] }, null],
      [{ text: 'x'.repeat(2001) }, null],
      [{ photoIds: ['not-a-uuid'] }, null],
    ];
    for (const [body, code] of cases) {
      const res = await stationAdmin.post(`/api/tasks/assignments/${id}/reports`, body);
      expect(res.statusCode, `${JSON.stringify(body).slice(0, 80)}: ${res.body}`).toBe(400);
      expect(res.json().message).toMatch(CHINESE);
      if (code) expect(res.json().code).toBe(code);
    }
    // the institute (above the station) may not report on its behalf, nor review the centre's task
    expect((await institute.post(`/api/tasks/assignments/${id}/reports`, { text: '代报' })).statusCode).toBe(
      403,
    );
    // approving what was not reported
    expect((await center.post(`/api/tasks/assignments/${id}/approve`, { score: 5 })).statusCode).toBe(409);
    expect(await digest()).toEqual(before);

    const p2 = await photo(stationAdmin, id);
    expect(
      (await stationAdmin.post(`/api/tasks/assignments/${id}/reports`, { text: '完成', photoIds: [p1, p2] }))
        .statusCode,
    ).toBe(200);
    const reported = await digest();
    // a second report while one waits for review
    expect(
      (await stationAdmin.post(`/api/tasks/assignments/${id}/reports`, { text: '再报' })).json().code,
    ).toBe('ALREADY_SUBMITTED');
    for (const [body, code] of [
      [{}, 'SCORE_REQUIRED'],
      [{ score: 11 }, 'SCORE_TOO_HIGH'],
      [{ score: -1 }, null],
      [{ score: 2.5 }, null],
    ] as const) {
      const res = await center.post(`/api/tasks/assignments/${id}/approve`, body);
      expect(res.statusCode, res.body).toBe(400);
      if (code) expect(res.json().code).toBe(code);
    }
    expect((await institute.post(`/api/tasks/assignments/${id}/approve`, { score: 5 })).statusCode).toBe(403);
    expect((await center.post(`/api/tasks/assignments/${id}/return`, { reason: ' ' })).statusCode).toBe(400);
    expect(await digest()).toEqual(reported);
  });
});

describe('deadlines, extensions and the overdue job (by the injected clock)', () => {
  it('refuses a late report, escalates once, and accepts a report after an extension', async () => {
    const start = new Date();
    const task = await issue(center, {
      deadline: new Date(start.getTime() + HOUR).toISOString(),
      minPhotos: 0,
      maxScore: 10,
    });
    const id = await assignmentOf(task.id, station2.id);
    try {
      t.setNow(new Date(start.getTime() + 2 * HOUR));
      const late = await signIn('demo-station2');
      const centerLater = await signIn('demo-center');
      const before = await digest();
      const refused = await late.post(`/api/tasks/assignments/${id}/reports`, { text: '迟到的上报' });
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'DEADLINE_PASSED' });
      expect(refused.json().message).toMatch(/截止时间/);
      expect(
        (await late.form(`/api/tasks/assignments/${id}/photos`, {}, { fileName: 'a.png', data: TINY_PNG }))
          .statusCode,
      ).toBe(409);
      expect(await digest()).toEqual(before);
      expect((await late.get(`/api/tasks/assignments/${id}`)).json()).toMatchObject({
        state: 'overdue',
        canReport: false,
      });

      const first = await runJobOnce(t.ctx, taskOverdueJob);
      expect(first!.overdue).toBeGreaterThanOrEqual(task.progress.assigned);
      const second = await runJobOnce(t.ctx, taskOverdueJob);
      expect(second!.overdue).toBe(0);
      // the unit is told, and the issuer gets one notice for the task
      const told = (await late.get('/api/notifications?pageSize=50')).json().items;
      expect(
        told.filter(
          (n: { kind: string; link: string }) =>
            n.link === `/tasks/assignments/${id}` && n.kind === 'task.overdue',
        ),
      ).toHaveLength(1);
      const centerTold = (await centerLater.get('/api/notifications?pageSize=50')).json().items;
      expect(centerTold.filter((n: { link: string }) => n.link === `/tasks/${task.id}`)).toHaveLength(1);
      // demo-institute (the parent of its stations, not the issuer) hears of its own stations
      const instituteTold = (
        await (await signIn('demo-institute')).get('/api/notifications?pageSize=50')
      ).json().items;
      expect(instituteTold.some((n: { link: string }) => n.link === `/tasks/${task.id}`)).toBe(true);

      // an extension: a deadline in the past or before the old one is refused
      for (const [deadline, code] of [
        [new Date(start.getTime() + 90 * 60_000), 'DEADLINE_PASSED'],
        [new Date(start.getTime() - DAY), 'DEADLINE_PASSED'],
      ] as const) {
        const res = await centerLater.post(`/api/tasks/assignments/${id}/extend`, {
          deadline: deadline.toISOString(),
          reason: '延期',
        });
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().code).toBe(code);
      }
      const extended = await centerLater.post(`/api/tasks/assignments/${id}/extend`, {
        deadline: new Date(start.getTime() + DAY).toISOString(),
        reason: '村“两委”换届',
      });
      expect(extended.statusCode, extended.body).toBe(200);
      expect(extended.json()).toMatchObject({
        state: 'pending',
        extended: true,
        extensionReason: '村“两委”换届',
      });
      const ok = await late.post(`/api/tasks/assignments/${id}/reports`, { text: '延期后上报' });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().reports[0].late).toBe(true);
      expect((await centerLater.post(`/api/tasks/assignments/${id}/approve`, { score: 6 })).statusCode).toBe(
        200,
      );

      // a missed extended deadline is escalated again (another unit, extended and missed)
      const other = await assignmentOf(task.id, station.id);
      await centerLater.post(`/api/tasks/assignments/${other}/extend`, {
        deadline: new Date(start.getTime() + 3 * HOUR).toISOString(),
        reason: '再给一小时',
      });
      t.setNow(new Date(start.getTime() + 4 * HOUR));
      const again = await runJobOnce(t.ctx, taskOverdueJob);
      expect(again!.overdue).toBe(1);
      const audit = await t.ctx.db.system
        .selectFrom('audit_log')
        .select('action')
        .where('action', '=', 'task.extend')
        .execute();
      expect(audit.length).toBeGreaterThanOrEqual(2);
    } finally {
      t.setNow(null);
    }
  });
});

describe('withdrawing', () => {
  it('withdraws a task with a reason; nothing can be reported after, and a second withdraw is a 409', async () => {
    const task = await issue(center, { minPhotos: 0 });
    const id = await assignmentOf(task.id, station.id);
    expect((await center.post(`/api/tasks/${task.id}/cancel`, {})).statusCode).toBe(400);
    expect((await institute.post(`/api/tasks/${task.id}/cancel`, { reason: '不是我发的' })).statusCode).toBe(
      404,
    );
    const res = await center.post(`/api/tasks/${task.id}/cancel`, { reason: '与上级通知重复' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', cancelReason: '与上级通知重复' });
    expect((await center.post(`/api/tasks/${task.id}/cancel`, { reason: '再撤' })).statusCode).toBe(409);
    const refused = await stationAdmin.post(`/api/tasks/assignments/${id}/reports`, { text: '完成' });
    expect(refused.json().code).toBe('TASK_CANCELLED');
    const open = (await stationAdmin.get('/api/tasks/todo?pageSize=200')).json().items;
    expect(open.some((a: { taskId: number }) => a.taskId === task.id)).toBe(false);
    const done = (await stationAdmin.get('/api/tasks/todo?show=done&pageSize=200')).json().items;
    expect(done.find((a: { taskId: number }) => a.taskId === task.id)?.state).toBe('cancelled');
  });
});

describe('scope', () => {
  it("an institute sees the centre's task with its own stations only; a station only what is addressed to it", async () => {
    const task = await issue(center, { minPhotos: 0 });
    const rows = (await institute.get(`/api/tasks/${task.id}/assignments?pageSize=200`)).json();
    expect(rows.items.length).toBe(task.progress.assigned - 1);
    expect(rows.items.every((a: { orgId: number }) => a.orgId !== station2.id)).toBe(true);
    expect((await institute.get(`/api/tasks/${task.id}`)).json()).toMatchObject({ canManage: false });
    // the institute's own task is invisible to another town's station
    const own = await issue(institute, { orgIds: [station.id], stationsUnder: [] });
    expect((await station2Admin.get(`/api/tasks/${own.id}`)).statusCode).toBe(404);
    expect((await station2Admin.get(`/api/tasks/${own.id}/assignments`)).statusCode).toBe(404);
    const visible = (await station2Admin.get('/api/tasks?pageSize=200')).json().items;
    expect(visible.some((x: { id: number }) => x.id === own.id)).toBe(false);
    // the centre sees the institute's task (issued below it) and may manage it
    expect((await center.get(`/api/tasks/${own.id}`)).json()).toMatchObject({ canManage: true });
    const issued = (await institute.get('/api/tasks?mine=issued&pageSize=200')).json().items;
    expect(issued.every((x: { orgId: number }) => x.orgId === instituteOrg.id)).toBe(true);
    const received = (await institute.get('/api/tasks?mine=received&pageSize=200')).json().items;
    expect(received.some((x: { id: number }) => x.id === task.id)).toBe(true);
    expect(received.some((x: { id: number }) => x.id === own.id)).toBe(true);
    // filters: state and unit name
    const pending = (await center.get(`/api/tasks/${task.id}/assignments?state=pending&pageSize=1`)).json();
    expect(pending.items).toHaveLength(1);
    expect(pending.total).toBe(task.progress.assigned);
    expect((await center.get(`/api/tasks/${task.id}/assignments?state=nope`)).statusCode).toBe(400);
  });
});

describe('taskFigures (the assessment indicator) on hand-made tasks', () => {
  it('counts per unit: assigned, approved, approved on time, overdue and scores, for deadlines in the period', async () => {
    // three tasks with deadlines on one far day, so no seeded task falls in the period
    const start = new Date();
    const day = new Date(start.getTime() + 200 * DAY);
    const dayText = new Date(day.getTime() + 8 * HOUR).toISOString().slice(0, 10);
    const make = (deadline: Date, maxScore: number | null) =>
      issue(center, {
        deadline: deadline.toISOString(),
        orgIds: [station.id, station2.id],
        stationsUnder: [],
        minPhotos: 0,
        maxScore,
      });
    const a = await make(day, 10);
    const b = await make(day, 10);
    const c = await make(day, null);
    const cancelled = await make(day, 10);
    await center.post(`/api/tasks/${cancelled.id}/cancel`, { reason: '作废' });
    const report = async (client: Client, taskId: number, orgId: number) =>
      expect(
        (
          await client.post(`/api/tasks/assignments/${await assignmentOf(taskId, orgId)}/reports`, {
            text: '完成',
          })
        ).statusCode,
      ).toBe(200);
    // station: a approved 9 on time, b approved 7 on time, c still pending
    await report(stationAdmin, a.id, station.id);
    await report(stationAdmin, b.id, station.id);
    await center.post(`/api/tasks/assignments/${await assignmentOf(a.id, station.id)}/approve`, { score: 9 });
    await center.post(`/api/tasks/assignments/${await assignmentOf(b.id, station.id)}/approve`, { score: 7 });
    // station2: a submitted (waiting), c approved without a score; b and the rest still open
    await report(station2Admin, a.id, station2.id);
    await report(station2Admin, c.id, station2.id);
    await center.post(`/api/tasks/assignments/${await assignmentOf(c.id, station2.id)}/approve`, {});

    const figures = (now: Date) =>
      inScope(t.ctx.db.app, centerOrg.path, (tx) => taskFigures(tx, centerOrg.path, dayText, dayText, now));
    const byPath = async (now: Date) => new Map((await figures(now)).map((f) => [f.orgPath, f]));
    const before = await byPath(start);
    expect(before.get(station.path)).toEqual({
      orgPath: station.path,
      assigned: 3,
      approved: 2,
      approvedOnTime: 2,
      overdue: 0,
      scoreSum: 16,
      scoredCount: 2,
    });
    expect(before.get(station2.path)).toEqual({
      orgPath: station2.path,
      assigned: 3,
      approved: 1,
      approvedOnTime: 1,
      overdue: 0,
      scoreSum: 0,
      scoredCount: 0,
    });
    expect(before.size).toBe(2);
    // after the deadline: the station's c and station2's b are overdue (a waits for review, not overdue)
    const after = await byPath(new Date(day.getTime() + HOUR));
    expect(after.get(station.path)?.overdue).toBe(1);
    expect(after.get(station2.path)?.overdue).toBe(1);
    // another period holds none of them; an institute's subtree holds only its station
    const outside = await inScope(t.ctx.db.app, centerOrg.path, (tx) =>
      taskFigures(tx, centerOrg.path, '2000-01-01', '2000-01-31'),
    );
    expect(outside).toEqual([]);
    const sub = await inScope(t.ctx.db.app, instituteOrg.path, (tx) =>
      taskFigures(tx, instituteOrg.path, dayText, dayText, start),
    );
    expect(sub.map((f) => f.orgPath)).toEqual([station.path]);
  });
});
