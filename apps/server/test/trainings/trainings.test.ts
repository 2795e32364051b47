// Trainings (培训) through the routes on the demo county: creating for the caller's org or one below
// it, validation in Chinese changing nothing, the planned → held / cancelled rules, attendance from
// the register (out-of-scope and withdrawn volunteers refused), materials (images and PDF, the
// Chinese file name on download), the scope of lists and row-level security, the yearly summary per
// unit, the assessment's 集中培训 figure counting held trainings only, and the demo seed's handout
// downloading as the module's own materials do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inScope } from '../../src/platform/db/database.ts';
import { chinaDate } from '../../src/platform/time.ts';
import { trainingFigures } from '../../src/modules/trainings/index.ts';
import { as, createTestContext, login, type TestContext } from '../support/context.ts';
import { orgOfUser, tableDigest, TINY_PNG, type OrgRef } from '../support/org-factories.ts';
import {
  activeVolunteersUnder,
  createTraining,
  startedTrainingBody,
  TINY_PDF,
  trainingBody,
} from '../support/training-factories.ts';
import { XSS_SHORT } from '../support/xss.ts';

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

const digest = () =>
  Promise.all(
    ['trainings', 'training_attendees', 'training_materials', 'uploads'].map((table) =>
      tableDigest(t.ctx.db.system, table),
    ),
  );

describe('creating and editing', () => {
  it('creates for the caller’s own org by default, or for an org below it, and keeps the text as typed', async () => {
    const own = await createTraining(institute);
    expect(own).toMatchObject({ orgId: instituteOrg.id, status: 'planned' });
    expect(own.title).toContain(XSS_SHORT);
    const below = await createTraining(institute, { orgId: station.id, kind: 'staff' });
    expect(below.orgId).toBe(station.id);
    const audit = await t.ctx.db.system
      .selectFrom('audit_log')
      .select(['action'])
      .where('resource_type', '=', 'training')
      .where('resource_id', '=', String(below.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['training.create']);
  });

  it('refuses bad input with a Chinese 400 and an org outside the subtree with 404, changing nothing', async () => {
    const before = await digest();
    const start = new Date(Date.now() + DAY);
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ title: '' }, /请填写培训主题/],
      [{ title: '训'.repeat(61) }, /不超过 60 个字/],
      [{ kind: 'party' }, /请选择培训对象/],
      [{ startsAt: 'tomorrow' }, /开始时间格式不正确/],
      [{ startsAt: start.toISOString(), endsAt: start.toISOString() }, /结束时间须晚于开始时间/],
      [
        { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 8 * DAY).toISOString() },
        /不超过 7 天/,
      ],
      [{ place: '地'.repeat(61) }, /培训地点不超过 60 个字/],
      [{ trainer: '人'.repeat(41) }, /授课人不超过 40 个字/],
      [{ otherAttendees: -1 }, /不能为负数/],
      [{ otherAttendees: 1.5 }, /整数/],
    ];
    for (const [overrides, message] of cases) {
      const res = await institute.post('/api/trainings', trainingBody(overrides));
      expect(res.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(res.json().message).toMatch(message);
    }
    const foreign = await institute.post('/api/trainings', trainingBody({ orgId: station2.id }));
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().message).toMatch(CHINESE);
    expect(await digest()).toEqual(before);
  });

  it('edits a planned training; a held one keeps its details but takes a count of other attendees', async () => {
    const created = await createTraining(institute);
    const edited = await institute.put(
      `/api/trainings/${created.id}`,
      trainingBody({ title: '骨干培训（改期）', kind: 'backbone' }),
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: '骨干培训（改期）', kind: 'backbone' });
    // not started yet: cannot be marked held
    const early = await institute.post(`/api/trainings/${created.id}/held`);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'TRAINING_NOT_STARTED' });

    const started = await institute.post('/api/trainings', startedTrainingBody());
    const id = started.json().id as number;
    const held = await institute.post(`/api/trainings/${id}/held`);
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json()).toMatchObject({ status: 'held' });
    expect(held.json().heldAt).not.toBeNull();
    const before = await digest();
    const again = await institute.post(`/api/trainings/${id}/held`);
    expect(again.statusCode).toBe(409);
    const edit = await institute.put(`/api/trainings/${id}`, startedTrainingBody({ title: '改过去的主题' }));
    expect(edit.statusCode).toBe(409);
    expect(edit.json().message).toMatch(/已举办/);
    const cancel = await institute.post(`/api/trainings/${id}/cancel`, { reason: '误报' });
    expect(cancel.statusCode).toBe(409);
    expect(await digest()).toEqual(before);
    const others = await institute.put(`/api/trainings/${id}/other-attendees`, { otherAttendees: 6 });
    expect(others.statusCode, others.body).toBe(200);
    expect(others.json().otherAttendees).toBe(6);
  });

  it('cancels a planned training with a reason; a cancelled one is closed', async () => {
    const created = await createTraining(institute);
    const noReason = await institute.post(`/api/trainings/${created.id}/cancel`, { reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toMatch(/请填写取消原因/);
    const cancelled = await institute.post(`/api/trainings/${created.id}/cancel`, {
      reason: '授课人临时有事',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: '授课人临时有事' });
    const before = await digest();
    const [volunteer] = await activeVolunteersUnder(t.ctx.db.system, instituteOrg.path, 1);
    for (const res of [
      await institute.post(`/api/trainings/${created.id}/held`),
      await institute.post(`/api/trainings/${created.id}/cancel`, { reason: '再取消' }),
      await institute.put(`/api/trainings/${created.id}`, trainingBody()),
      await institute.post(`/api/trainings/${created.id}/attendees`, { volunteerIds: [volunteer] }),
      await institute.form(
        `/api/trainings/${created.id}/materials`,
        {},
        { fileName: 'a.png', data: TINY_PNG },
      ),
    ]) {
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().message).toMatch(CHINESE);
    }
    expect(await digest()).toEqual(before);
  });
});

describe('attendance and materials', () => {
  it('adds volunteers of the caller’s scope, skips those listed, masks phones and removes one', async () => {
    const training = await createTraining(stationAdmin);
    const ids = await activeVolunteersUnder(t.ctx.db.system, station.path, 3);
    expect(ids).toHaveLength(3);
    const added = await stationAdmin.post(`/api/trainings/${training.id}/attendees`, { volunteerIds: ids });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json()).toEqual({ added: 3, skipped: 0 });
    const again = await stationAdmin.post(`/api/trainings/${training.id}/attendees`, {
      volunteerIds: [ids[0], ids[0]],
    });
    expect(again.json()).toEqual({ added: 0, skipped: 1 });
    const list = (await stationAdmin.get(`/api/trainings/${training.id}/attendees`)).json();
    expect(list.total).toBe(3);
    for (const item of list.items) {
      expect(item.name).toBeTruthy();
      if (item.phoneMasked) expect(item.phoneMasked).toMatch(/\*{4}/);
      expect(Object.keys(item)).not.toContain('phone');
      expect(Object.keys(item)).not.toContain('idNumber');
    }
    expect((await stationAdmin.get(`/api/trainings/${training.id}`)).json().attendeeCount).toBe(3);
    const removed = await stationAdmin.delete(`/api/trainings/${training.id}/attendees/${ids[1]}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect((await stationAdmin.delete(`/api/trainings/${training.id}/attendees/${ids[1]}`)).statusCode).toBe(
      404,
    );
    expect((await stationAdmin.get(`/api/trainings/${training.id}/attendees`)).json().total).toBe(2);
  });

  it('refuses a volunteer of another station or one withdrawn with a Chinese 400, adding none', async () => {
    const training = await createTraining(stationAdmin);
    const [own] = await activeVolunteersUnder(t.ctx.db.system, station.path, 1);
    const [foreign] = await activeVolunteersUnder(t.ctx.db.system, station2.path, 1);
    const before = await digest();
    const res = await stationAdmin.post(`/api/trainings/${training.id}/attendees`, {
      volunteerIds: [own, foreign],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VOLUNTEER_UNAVAILABLE' });
    expect(res.json().message).toMatch(CHINESE);
    // a volunteer of the station who has withdrawn (注销)
    const [leaving] = await activeVolunteersUnder(t.ctx.db.system, station.path, 5).then((x) => x.slice(4));
    await t.ctx.db.system
      .updateTable('volunteers')
      .set({ status: 'withdrawn' })
      .where('id', '=', leaving!)
      .execute();
    const gone = await stationAdmin.post(`/api/trainings/${training.id}/attendees`, {
      volunteerIds: [leaving],
    });
    expect(gone.statusCode).toBe(400);
    expect(gone.json()).toMatchObject({ code: 'VOLUNTEER_UNAVAILABLE' });
    const empty = await stationAdmin.post(`/api/trainings/${training.id}/attendees`, { volunteerIds: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toMatch(/请选择志愿者/);
    expect(await digest()).toEqual(before);
  });

  it('uploads images and PDF, downloads with the Chinese name, refuses other files and deletes', async () => {
    const training = await createTraining(institute);
    const pdf = await institute.form(
      `/api/trainings/${training.id}/materials`,
      {},
      { fileName: '培训课件.pdf', data: TINY_PDF },
    );
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.json()).toMatchObject({ fileName: '培训课件.pdf', mimeType: 'application/pdf' });
    const png = await institute.form(
      `/api/trainings/${training.id}/materials`,
      {},
      { fileName: '签到表.png', data: TINY_PNG },
    );
    expect(png.statusCode, png.body).toBe(200);
    const before = await digest();
    const text = await institute.form(
      `/api/trainings/${training.id}/materials`,
      {},
      { fileName: 'a.exe', data: Buffer.from('MZ not a document') },
    );
    expect(text.statusCode).toBe(415);
    expect(text.json().message).toMatch(/PDF/);
    const none = await institute.form(`/api/trainings/${training.id}/materials`, {});
    expect(none.statusCode).toBe(400);
    expect(none.json().message).toMatch(/请选择要上传的培训材料/);
    expect(await digest()).toEqual(before);

    const download = await institute.get(pdf.json().url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('培训课件.pdf')}`,
    );
    expect(download.rawPayload.equals(TINY_PDF)).toBe(true);
    // the document is not served by the images route
    const uploadId = (
      await t.ctx.db.system
        .selectFrom('training_materials')
        .select('upload_id')
        .where('id', '=', pdf.json().id)
        .executeTakeFirstOrThrow()
    ).upload_id;
    expect((await institute.get(`/api/uploads/${uploadId}`)).statusCode).toBe(404);
    const list = (await institute.get(`/api/trainings/${training.id}/materials`)).json();
    expect(list.map((m: { fileName: string }) => m.fileName)).toEqual(['培训课件.pdf', '签到表.png']);
    expect((await institute.delete(pdf.json().url)).statusCode).toBe(200);
    expect((await institute.get(pdf.json().url)).statusCode).toBe(404);
    expect((await institute.get(`/api/trainings/${training.id}`)).json().materialCount).toBe(1);
  });
});

describe('the demo seed', () => {
  it('gives demo-institute a held training whose handout downloads as the module serves its own', async () => {
    const list = (
      await institute.get(`/api/trainings?orgId=${instituteOrg.id}&status=held&pageSize=200`)
    ).json().items as { id: number; materialCount: number; attendeeCount: number }[];
    const withHandout = list.filter((x) => x.materialCount > 0);
    expect(withHandout).toHaveLength(1);
    const [material] = (await institute.get(`/api/trainings/${withHandout[0]!.id}/materials`)).json();
    expect(material).toMatchObject({
      mimeType: 'application/pdf',
      fileName: expect.stringMatching(/课件\.pdf$/),
    });
    const download = await institute.get(material.url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(download.rawPayload.length).toBe(material.byteSize);
    // demo-station2's admin, in another town, does not reach it
    expect((await station2Admin.get(material.url)).statusCode).toBe(404);
    // and one planned and one cancelled session with its reason
    const all = (await institute.get(`/api/trainings?orgId=${instituteOrg.id}&pageSize=200`)).json()
      .items as {
      status: string;
      cancelReason: string | null;
      startsAt: string;
    }[];
    expect(
      all.filter((x) => x.status === 'planned' && Date.parse(x.startsAt) > Date.now()).length,
    ).toBeGreaterThanOrEqual(1);
    expect(all.some((x) => x.status === 'cancelled' && x.cancelReason)).toBe(true);
  });
});

describe('scope', () => {
  it('a station does not see another station’s trainings; the institute and the centre above do', async () => {
    const mine = await createTraining(station2Admin, { title: '本站工作人员培训' });
    const before = await digest();
    expect((await stationAdmin.get(`/api/trainings/${mine.id}`)).statusCode).toBe(404);
    expect((await stationAdmin.get(`/api/trainings/${mine.id}/attendees`)).statusCode).toBe(404);
    expect((await stationAdmin.post(`/api/trainings/${mine.id}/cancel`, { reason: '越权' })).statusCode).toBe(
      404,
    );
    const list = (await stationAdmin.get('/api/trainings?pageSize=200')).json();
    expect(list.items.some((x: { id: number }) => x.id === mine.id)).toBe(false);
    expect(list.items.every((x: { orgId: number }) => x.orgId === station.id)).toBe(true);
    expect((await stationAdmin.get(`/api/trainings?orgId=${station2.id}`)).statusCode).toBe(404);
    expect(await digest()).toEqual(before);
    expect((await center.get(`/api/trainings/${mine.id}`)).statusCode).toBe(200);
    const filtered = (await center.get(`/api/trainings?orgId=${station2.id}&pageSize=200`)).json();
    expect(filtered.items.some((x: { id: number }) => x.id === mine.id)).toBe(true);
    expect((await institute.get(`/api/trainings/${mine.id}`)).statusCode).toBe(404);
  });

  it('row-level security hides and refuses rows outside the scope, whatever the service does', async () => {
    const mine = await createTraining(station2Admin);
    const seen = await inScope(t.ctx.db.app, station.path, (tx) =>
      tx.selectFrom('trainings').select('id').where('id', '=', mine.id).execute(),
    );
    expect(seen).toEqual([]);
    await expect(
      inScope(t.ctx.db.app, station.path, (tx) =>
        tx
          .insertInto('training_attendees')
          .values({
            training_id: mine.id,
            volunteer_id: 1,
            org_path: station2.path,
            added_by: 1,
            added_at: new Date(),
          })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('filters by kind, status, year and text (wildcards match themselves), newest first', async () => {
    const a = await createTraining(stationAdmin, {
      title: '100%_骨干培训',
      kind: 'backbone',
      trainer: '李%老师',
    });
    const year = chinaDate(new Date(Date.now() + 2 * DAY)).slice(0, 4);
    const byText = (await stationAdmin.get(`/api/trainings?q=${encodeURIComponent('100%_')}`)).json();
    expect(byText.items.map((x: { id: number }) => x.id)).toEqual([a.id]);
    const byTrainer = (await stationAdmin.get(`/api/trainings?q=${encodeURIComponent('李%')}`)).json();
    expect(byTrainer.items.map((x: { id: number }) => x.id)).toEqual([a.id]);
    const byKind = (await stationAdmin.get(`/api/trainings?kind=backbone&year=${year}&pageSize=200`)).json();
    expect(byKind.items.some((x: { id: number }) => x.id === a.id)).toBe(true);
    expect(byKind.items.every((x: { kind: string }) => x.kind === 'backbone')).toBe(true);
    const all = (await stationAdmin.get('/api/trainings?pageSize=200')).json().items as {
      startsAt: string;
    }[];
    expect(all.map((x) => x.startsAt)).toEqual([...all.map((x) => x.startsAt)].sort().reverse());
    const held = (await stationAdmin.get('/api/trainings?status=held&pageSize=200')).json();
    expect(held.items.every((x: { status: string }) => x.status === 'held')).toBe(true);
    for (const bad of [
      'kind=x',
      'status=done',
      'year=19',
      'from=2026-13-01',
      'from=2026-05-01&to=2026-04-01',
    ]) {
      const res = await stationAdmin.get(`/api/trainings?${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().message).toMatch(CHINESE);
    }
  });
});

describe('the yearly summary and the assessment figure', () => {
  it('counts held trainings per unit and kind, with attendees, against 2 a year, and the report follows', async () => {
    const now = new Date();
    const day = chinaDate(now);
    const year = Number(day.slice(0, 4));
    const summaryOf = async (client: Client, orgId: number) => {
      const res = await client.get(`/api/trainings/summary?orgId=${orgId}&year=${year}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as {
        required: number;
        rows: {
          orgId: number;
          scope: string;
          held: number;
          attendees: number;
          meets: boolean | null;
          byKind: Record<string, number>;
        }[];
      };
    };
    const reportOf = async () => {
      const res = await center.get(
        `/api/assessment/report?orgId=${instituteOrg.parentId}&periodKind=year&period=${year}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const row = (
        res.json().rows as { orgId: number; results: { code: string; actual: number | null }[] }[]
      ).find((r) => r.orgId === instituteOrg.id)!;
      return row.results.find((r) => r.code === 'trainings')!.actual;
    };
    const figures = () =>
      inScope(t.ctx.db.app, centerOrg.path, (tx) =>
        trainingFigures(tx, instituteOrg.path, chinaDate(new Date(Date.now() - 2 * HOUR)), day),
      );
    const beforeSummary = await summaryOf(center, instituteOrg.parentId!);
    const beforeRow = beforeSummary.rows.find((r) => r.orgId === instituteOrg.id && r.scope === 'subtree')!;
    const beforeReport = await reportOf();
    const beforeFigures = (await figures()).reduce((s, f) => s + f.held, 0);

    // held at a station of the institute, with 2 volunteers and 3 other staff; one planned, one cancelled
    const held = await institute.post(
      '/api/trainings',
      startedTrainingBody({ orgId: station.id, kind: 'staff', otherAttendees: 3 }),
    );
    const heldId = held.json().id as number;
    await institute.post(`/api/trainings/${heldId}/attendees`, {
      volunteerIds: await activeVolunteersUnder(t.ctx.db.system, station.path, 2),
    });
    expect((await institute.post(`/api/trainings/${heldId}/held`)).statusCode).toBe(200);
    await institute.post('/api/trainings', startedTrainingBody({ kind: 'backbone' }));
    const cancelled = (await institute.post('/api/trainings', startedTrainingBody())).json().id;
    await institute.post(`/api/trainings/${cancelled}/cancel`, { reason: '改期' });

    const after = await summaryOf(center, instituteOrg.parentId!);
    expect(after.required).toBe(2);
    const row = after.rows.find((r) => r.orgId === instituteOrg.id && r.scope === 'subtree')!;
    expect(row.held).toBe(beforeRow.held + 1);
    expect(row.byKind.staff).toBe(beforeRow.byKind.staff! + 1);
    expect(row.attendees).toBe(beforeRow.attendees + 5);
    expect(row.meets).toBe(row.held >= 2);
    const total = after.rows.find((r) => r.scope === 'total')!;
    expect(total.held).toBe(after.rows.filter((r) => r.scope !== 'total').reduce((s, r) => s + r.held, 0));
    // the institute's own view: its own row, its stations, and its total
    const own = await summaryOf(institute, instituteOrg.id);
    expect(own.rows.find((r) => r.orgId === station.id)!.held).toBeGreaterThanOrEqual(1);
    expect(own.rows.find((r) => r.scope === 'total')!.held).toBe(row.held);
    expect((await stationAdmin.get(`/api/trainings/summary?orgId=${station2.id}`)).statusCode).toBe(404);

    expect((await figures()).reduce((s, f) => s + f.held, 0)).toBe(beforeFigures + 1);
    expect(await reportOf()).toBe((beforeReport ?? 0) + 1);
  });
});
