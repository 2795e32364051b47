// Bulk import of volunteers from the Excel template: upload → background validation → commit
// (all rows or only the valid ones) → done; every bad row reported with its row number and a
// Chinese reason; bad files refused at once with nothing stored; imports stay in the importer's scope.
import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIVACY_POLICY_VERSION } from '@civic/contracts';
import { as, createTestContext, login, type Session, type TestContext } from '../support/context.ts';
import { countOf, orgOfUser, readSheet, type OrgRef } from '../support/org-factories.ts';
import { xlsxBomb } from '../support/zip-bomb.ts';
import {
  birthDateYearsAgo,
  commitImport,
  createVolunteer,
  freshIdNumber,
  freshIdNumbers,
  freshPhone,
  goodRows,
  IMPORT_HEADERS,
  importWorkbook,
  personName,
  uploadAndValidate,
  uploadImport,
  volunteersWithIds,
  waitForImport,
  withBadCheckDigit,
  type ImportJob,
  type ImportRow,
} from '../support/volunteer-factories.ts';

const CHINESE = /[\u4e00-\u9fa5]/;

let t: TestContext;
let instituteSession: Session;
let stationSession: Session;
let station2Session: Session;
let instituteOrg: OrgRef; // 城北街道
let stationOrg: OrgRef; // 东风社区, demo-station
let town: string; // 城北街道
let places: Array<[string, string]>; // [town, village] of every active station of 城北街道
let stationIds: number[];
let southPlace: [string, string]; // demo-station2's own [town, village] (城南街道)

const db = () => t.ctx.db.system;
const importJobCount = () => countOf(db(), sql`SELECT count(*) AS n FROM volunteer_imports`);
const volunteerCount = () => countOf(db(), sql`SELECT count(*) AS n FROM volunteers`);
const shortName = async (id: number) =>
  (await db().selectFrom('orgs').select('short_name').where('id', '=', id).executeTakeFirstOrThrow())
    .short_name!;
const idsOf = (rows: ImportRow[]) => rows.map((r) => r['身份证号*']!);

beforeAll(async () => {
  t = await createTestContext();
  instituteSession = await login(t.app, 'demo-institute');
  stationSession = await login(t.app, 'demo-station');
  station2Session = await login(t.app, 'demo-station2');
  instituteOrg = await orgOfUser(db(), 'demo-institute');
  stationOrg = await orgOfUser(db(), 'demo-station');
  expect(stationOrg.parentId).toBe(instituteOrg.id);
  town = await shortName(instituteOrg.id);
  const stations = await db()
    .selectFrom('orgs')
    .select(['id', 'short_name'])
    .where('parent_id', '=', instituteOrg.id)
    .where('kind', '=', 'station')
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
  expect(stations.length).toBeGreaterThan(1);
  places = stations.map((s) => [town, s.short_name!]);
  stationIds = stations.map((s) => s.id);
  const south = await orgOfUser(db(), 'demo-station2');
  southPlace = [await shortName(south.parentId!), await shortName(south.id)];
});
afterAll(async () => {
  await t?.close();
});

describe('the template', () => {
  it('has the header row the tests build, an example row and the dictionaries', async () => {
    const res = await as(t.app, instituteSession).get('/api/volunteers/import-template');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const { header, rows } = await readSheet(res.rawPayload);
    expect(header.slice(1)).toEqual([...IMPORT_HEADERS]);
    expect(rows).toHaveLength(1);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toContain('可选值');
  });
});

describe('a good file', () => {
  it('validates with no errors and imports all 50 rows, encrypted, as offline-consent imports', async () => {
    // fill the downloaded template itself: drop its example row, add ours
    const template = await as(t.app, instituteSession).get('/api/volunteers/import-template');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    sheet.spliceRows(2, 1);
    const rows = await goodRows(t, 50, places);
    for (const row of rows) sheet.addRow(IMPORT_HEADERS.map((h) => row[h] ?? ''));
    const file = Buffer.from(await book.xlsx.writeBuffer());

    const before = await volunteerCount();
    const uploaded = await uploadImport(t.app, instituteSession, file, '城北志愿者.xlsx');
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    const started = uploaded.json() as ImportJob;
    expect(started.fileName).toBe('城北志愿者.xlsx');
    expect(started.totalRows).toBe(50);
    expect(['validating', 'validated']).toContain(started.status);

    const job = await waitForImport(t.app, instituteSession, started.id, ['validated', 'failed']);
    expect(job).toMatchObject({
      status: 'validated',
      totalRows: 50,
      validRows: 50,
      errorRows: 0,
      errors: [],
    });
    expect(job.processedRows).toBe(50);
    // validation alone stores nobody
    expect(await volunteerCount()).toBe(before);

    const done = await commitImport(t.app, instituteSession, job.id, false);
    expect(done).toMatchObject({ status: 'done', mode: 'all', importedRows: 50, failure: null });
    expect(await volunteerCount()).toBe(before + 50);

    const institute = await db()
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'demo-institute')
      .executeTakeFirstOrThrow();
    const stored = await volunteersWithIds(t, idsOf(rows));
    expect(stored).toHaveLength(50);
    const byId = new Map(stored.map((v) => [t.ctx.cipher.decrypt(v.id_number_enc), v]));
    for (const row of rows) {
      const v = byId.get(row['身份证号*']!)!;
      expect(v, row['身份证号*']).toBeDefined();
      expect(v).toMatchObject({
        name: row['姓名*'],
        source: 'import',
        consent_channel: 'offline',
        consent_version: PRIVACY_POLICY_VERSION,
        status: 'active',
        user_id: null,
        created_by: institute.id,
        categories: ['arts', 'good_person'],
        skills: ['calligraphy', 'theory_lecture'],
        service_categories: ['culture'],
        availability: ['weekends'],
        political_status: row['政治面貌*'] === '中共党员' ? 'party_member' : 'masses',
      });
      expect(v.skills_note).toContain('<img');
      // personal data only as ciphertext
      expect(v.id_number_enc).not.toContain(row['身份证号*']!.slice(6, 14));
      expect(v.phone_enc).not.toContain(row['手机号*']!);
      expect(t.ctx.cipher.decrypt(v.phone_enc!)).toBe(row['手机号*']);
      expect(v.phone_tail).toBe(row['手机号*']!.slice(-4));
      const village = places.findIndex((p) => p[1] === row['村(社区)']);
      expect(v.org_id).toBe(stationIds[village]);
    }
    // spread over every village of the town, as the file said
    expect(new Set(stored.map((v) => v.org_id)).size).toBe(Math.min(50, stationIds.length));

    const audit = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'volunteer.import')
      .where('resource_id', '=', String(job.id))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_username).toBe('demo-institute');
    expect(audit[0]!.summary).toMatchObject({ imported: 50, validOnly: false });

    // the workbook (ID numbers) is not kept once the job is over
    const row = await db()
      .selectFrom('volunteer_imports')
      .select(['file_enc', 'status'])
      .where('id', '=', job.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ file_enc: null, status: 'done' });

    const list = await as(t.app, instituteSession).get('/api/volunteers/imports');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: ImportJob) => i.id)).toContain(job.id);

    // the admin's list shows them masked
    const page = await as(t.app, instituteSession).get(
      `/api/volunteers?keyword=${encodeURIComponent(rows[0]!['姓名*']!)}&pageSize=100`,
    );
    expect(page.statusCode).toBe(200);
    const shown = page.json().items.find((i: { source: string; idNumber: string }) => i.source === 'import');
    expect(shown.idNumber).not.toMatch(/^\d{17}[\dX]$/);
  });
});

describe('bad rows', () => {
  it('reports every bad row with its row number, column and a Chinese reason', async () => {
    const existing = await createVolunteer(t, stationSession, stationOrg.id);
    const [good1, good2, twice, checkDigit] = await freshIdNumbers(t, 4);
    const child = await freshIdNumber(t, birthDateYearsAgo(10));
    const consentingChild = await freshIdNumber(t, birthDateYearsAgo(9));
    const [village] = places;
    const base = async (id: string, extra: ImportRow = {}): Promise<ImportRow> => ({
      '姓名*': personName(),
      '身份证号*': id,
      '手机号*': await freshPhone(t),
      '镇(街道)': village![0],
      '村(社区)': village![1],
      '政治面貌*': '群众',
      ...extra,
    });
    const guardian = async (consent: string): Promise<ImportRow> => ({
      监护人姓名: '王建国',
      监护人手机号: await freshPhone(t),
      监护人已同意: consent,
    });
    const rows: ImportRow[] = [
      await base(good1!), // row 2
      await base(withBadCheckDigit(checkDigit!)), // 3
      await base(existing.idNumber), // 4
      await base(twice!), // 5
      await base(twice!), // 6
      await base(good2!, { '村(社区)': '不存在社区' }), // 7
      await base(good2!, { '镇(街道)': southPlace[0], '村(社区)': southPlace[1] }), // 8
      await base(good2!, { '手机号*': '1234567' }), // 9
      await base(good2!, { '政治面貌*': '无业游民' }), // 10
      await base(good2!, { 专长: '书法绘画、飞檐走壁' }), // 11
      await base(child!, await guardian('')), // 12
      await base(consentingChild!, await guardian('是')), // 13
      await base(good2!, { '姓名*': '' }), // 14
      await base(good2!, { '姓名*': '' }), // 15: an empty name and an empty political status
    ];
    rows[13]!['政治面貌*'] = '';
    const job = await uploadAndValidate(t.app, instituteSession, await importWorkbook(rows));
    expect(job.totalRows).toBe(rows.length);
    expect(job.validRows).toBe(3); // rows 2, 5 and 13
    expect(job.errorRows).toBe(rows.length - 3);

    const at = (row: number) => job.errors.filter((e) => e.row === row);
    const expectOne = (row: number, column: string | null, message: RegExp | string) => {
      const found = at(row);
      expect(found, `row ${row}: ${JSON.stringify(job.errors)}`).toHaveLength(1);
      expect(found[0]!.column).toBe(column);
      if (typeof message === 'string') expect(found[0]!.message).toBe(message);
      else expect(found[0]!.message).toMatch(message);
    };
    expect(at(2)).toEqual([]);
    expectOne(3, '身份证号', '身份证号校验位不正确，请核对是否输错');
    expectOne(4, '身份证号', '该身份证号已登记为志愿者');
    expect(at(5)).toEqual([]);
    expectOne(6, '身份证号', '与第 5 行身份证号重复');
    expectOne(7, '村(社区)', `未知的村(社区)「${village![0]}/不存在社区」或不在您的管辖范围内`);
    expectOne(8, '村(社区)', `未知的村(社区)「${southPlace.join('/')}」或不在您的管辖范围内`);
    expectOne(9, '手机号', /手机号码格式不正确/);
    expectOne(10, '政治面貌', '政治面貌「无业游民」不在可选值中');
    expectOne(11, '专长', '专长「飞檐走壁」不在可选值中');
    expectOne(12, '监护人姓名', '未满 14 周岁须经监护人同意');
    expect(at(13)).toEqual([]);
    expectOne(14, '姓名', '缺少姓名');
    expect(at(15).map((e) => e.message)).toEqual(['缺少姓名', '缺少政治面貌']);
    for (const e of job.errors) expect(e.message).toMatch(CHINESE);
    // the reasons carry no personal data
    expect(JSON.stringify(job.errors)).not.toContain(existing.idNumber);
    expect(JSON.stringify(job.errors)).not.toContain(twice!);
  });

  it('a child under 14 needs a guardian’s name and phone as well as consent', async () => {
    const child = await freshIdNumber(t, birthDateYearsAgo(12));
    const teen = await freshIdNumber(t, birthDateYearsAgo(15));
    const row = async (id: string): Promise<ImportRow> => ({
      '姓名*': personName(),
      '身份证号*': id,
      '手机号*': await freshPhone(t),
      '政治面貌*': '共青团员',
    });
    const job = await uploadAndValidate(
      t.app,
      stationSession,
      await importWorkbook([await row(child!), await row(teen!)]),
    );
    expect(job.errors).toEqual([
      { row: 2, column: '监护人姓名', message: '未满 14 周岁（12 岁）须填写监护人姓名和手机号' },
    ]);
    expect(job.validRows).toBe(1); // 15: a minor, but no guardian needed
  });
});

describe('a mixed file', () => {
  it('imports all-or-nothing only when clean; validOnly imports the valid rows once; errors come as xlsx', async () => {
    const valid = await goodRows(t, 6, places);
    const bad: ImportRow[] = [
      { ...valid[0]!, '身份证号*': withBadCheckDigit(valid[0]!['身份证号*']!) },
      { ...valid[1]!, '身份证号*': (await freshIdNumber(t))!, '手机号*': '10086' },
    ];
    // Excel rows 2–4 valid, 5 bad, 6–7 valid, 8 bad, 9 valid
    const rows = [valid[0]!, valid[1]!, valid[2]!, bad[0]!, valid[3]!, valid[4]!, bad[1]!, valid[5]!];
    const job = await uploadAndValidate(t.app, instituteSession, await importWorkbook(rows, IMPORT_HEADERS));
    expect(job).toMatchObject({ validRows: 6, errorRows: 2 });
    expect(job.errors.map((e) => e.row)).toEqual([5, 8]);
    const jobsBefore = await importJobCount();
    const before = await volunteerCount();

    const all = await as(t.app, instituteSession).post(`/api/volunteers/imports/${job.id}/commit`, {
      validOnly: false,
    });
    expect(all.statusCode, all.body).toBe(409);
    expect(all.json().code).toBe('IMPORT_HAS_ERRORS');
    expect(all.json().message).toMatch(/2 行数据有误/);
    expect(await volunteerCount()).toBe(before);
    expect(await volunteersWithIds(t, idsOf(valid))).toEqual([]);
    // still waiting for a decision
    const still = await as(t.app, instituteSession).get(`/api/volunteers/imports/${job.id}`);
    expect(still.json().status).toBe('validated');

    const report = await as(t.app, instituteSession).get(`/api/volunteers/imports/${job.id}/errors`);
    expect(report.statusCode, report.body).toBe(200);
    expect(report.headers['content-type']).toContain('spreadsheetml');
    expect(report.headers['content-disposition']).toContain('attachment');
    const sheet = await readSheet(report.rawPayload);
    expect(sheet.header.slice(1)).toEqual(['行号', '列', '原因']);
    expect(sheet.rows.map((r) => r[1])).toEqual([5, 8]);
    expect(sheet.rows.map((r) => r[2])).toEqual(['身份证号', '手机号']);
    for (const r of sheet.rows) expect(String(r[3])).toMatch(CHINESE);

    const done = await commitImport(t.app, instituteSession, job.id, true);
    expect(done).toMatchObject({ status: 'done', mode: 'valid_only', importedRows: 6, errorRows: 2 });
    expect(await volunteerCount()).toBe(before + 6);
    expect(await volunteersWithIds(t, idsOf(valid))).toHaveLength(6);
    expect(await volunteersWithIds(t, [bad[1]!['身份证号*']!])).toEqual([]);

    for (const validOnly of [true, false]) {
      const again = await as(t.app, instituteSession).post(`/api/volunteers/imports/${job.id}/commit`, {
        validOnly,
      });
      expect(again.statusCode, again.body).toBe(409);
      expect(again.json().message).toMatch(CHINESE);
    }
    expect(await volunteerCount()).toBe(before + 6);
    expect(await importJobCount()).toBe(jobsBefore);
  });

  it('a file whose rows are all bad has nothing to import', async () => {
    const rows = await goodRows(t, 2, places);
    for (const r of rows) r['手机号*'] = '123';
    const job = await uploadAndValidate(t.app, instituteSession, await importWorkbook(rows));
    expect(job).toMatchObject({ validRows: 0, errorRows: 2 });
    const res = await as(t.app, instituteSession).post(`/api/volunteers/imports/${job.id}/commit`, {
      validOnly: true,
    });
    expect(res.statusCode, res.body).toBe(409);
  });

  it('a row registered meanwhile is caught again at commit (validOnly skips it)', async () => {
    const rows = await goodRows(t, 3, [[town, places[0]![1]]]);
    const job = await uploadAndValidate(t.app, instituteSession, await importWorkbook(rows));
    expect(job.validRows).toBe(3);
    // someone enters the second person by hand between validation and commit
    const res = await as(t.app, stationSession).post('/api/volunteers', {
      name: rows[1]!['姓名*'],
      idNumber: rows[1]!['身份证号*'],
      phone: rows[1]!['手机号*'],
      orgId: stationOrg.id,
      politicalStatus: 'masses',
    });
    expect(res.statusCode, res.body).toBe(200);
    const done = await commitImport(t.app, instituteSession, job.id, true);
    expect(done).toMatchObject({ status: 'done', importedRows: 2 });
    expect(done.errors).toEqual([{ row: 3, column: '身份证号', message: '该身份证号已登记为志愿者' }]);
    const stored = await volunteersWithIds(t, idsOf(rows));
    expect(stored.map((v) => v.source).sort()).toEqual(['admin', 'import', 'import']);
  });
});

describe('bad input is refused at once with nothing stored', () => {
  async function refused(send: () => Promise<{ statusCode: number; body: string }>, status: number | null) {
    const jobs = await importJobCount();
    const volunteers = await volunteerCount();
    const res = await send();
    if (status === null) {
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, res.body).toBeLessThan(500);
    } else expect(res.statusCode, res.body).toBe(status);
    const body = JSON.parse(res.body) as { code: string; message: string };
    expect(body.message).toMatch(CHINESE);
    expect(await importJobCount()).toBe(jobs);
    expect(await volunteerCount()).toBe(volunteers);
    return body;
  }

  it('wrong column headers → 400 BAD_HEADERS naming the missing column', async () => {
    const rows = await goodRows(t, 2, places);
    const headers = IMPORT_HEADERS.map((h) => (h === '身份证号*' ? '证件号码' : h));
    const file = await importWorkbook(
      rows.map((r) => ({ ...r })),
      headers,
    );
    const body = await refused(() => uploadImport(t.app, instituteSession, file), 400);
    expect(body.code).toBe('BAD_HEADERS');
    expect(body.message).toContain('身份证号');
    expect(body.message).not.toContain('姓名');
  });

  it('a file that is not a workbook → 400 INVALID_FILE', async () => {
    const body = await refused(
      () => uploadImport(t.app, instituteSession, crypto.randomBytes(4096), 'fake.xlsx'),
      400,
    );
    expect(body.code).toBe('INVALID_FILE');
  });

  it('a zip that is not a workbook → 400', async () => {
    // a PK header then garbage: looks like an xlsx to a naive sniffer
    const data = Buffer.concat([Buffer.from('PK\u0003\u0004'), crypto.randomBytes(2048)]);
    await refused(() => uploadImport(t.app, instituteSession, data, 'zip.xlsx'), 400);
  });

  it('a 1 MB upload that would inflate to a gigabyte → 400 before anything is parsed', async () => {
    const bomb = await xlsxBomb();
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    const body = await refused(() => uploadImport(t.app, instituteSession, bomb, 'bomb.xlsx'), 400);
    expect(body.code).toBe('ARCHIVE_TOO_LARGE');
    // nothing near the gigabyte was ever held
    expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 * 1024);
  });

  it('a workbook with only the header row → 400', async () => {
    const body = await refused(
      () => importWorkbook([]).then((f) => uploadImport(t.app, instituteSession, f)),
      400,
    );
    expect(body.code).toBe('EMPTY_FILE');
  });

  it('a workbook with no worksheet at all → 400', async () => {
    const file = Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer());
    await refused(() => uploadImport(t.app, instituteSession, file), 400);
  });

  it('a multipart request without a file → 400', async () => {
    const boundary = '----civic-test-nofile';
    const payload = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}--\r\n`,
    );
    await refused(
      () =>
        t.app.inject({
          method: 'POST',
          url: '/api/volunteers/imports',
          headers: {
            cookie: instituteSession.cookie,
            'x-csrf-token': instituteSession.csrf,
            'content-type': `multipart/form-data; boundary=${boundary}`,
          },
          payload,
        }),
      400,
    );
  });

  it('a 50 MB upload → 413', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 0x41);
    await refused(() => uploadImport(t.app, instituteSession, big, 'big.xlsx'), 413);
  });

  it('a JSON body instead of multipart → 4xx, not 5xx', async () => {
    await refused(
      () => as(t.app, instituteSession).post('/api/volunteers/imports', { file: 'UEsDBA==' }),
      null,
    );
  });

  it('a malformed multipart body → 4xx, not 5xx', async () => {
    await refused(
      () =>
        t.app.inject({
          method: 'POST',
          url: '/api/volunteers/imports',
          headers: {
            cookie: instituteSession.cookie,
            'x-csrf-token': instituteSession.csrf,
            'content-type': 'multipart/form-data; boundary=nope',
          },
          payload: 'this is not multipart',
        }),
      null,
    );
  });

  it('commit takes a boolean validOnly', async () => {
    const res = await as(t.app, instituteSession).post('/api/volunteers/imports/1/commit', {
      validOnly: 'yes',
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('a station admin', () => {
  it('may leave town and village empty: rows go to their own station', async () => {
    const rows = (await goodRows(t, 4, places)).map((r) => ({ ...r, '镇(街道)': '', '村(社区)': '' }));
    const job = await uploadAndValidate(t.app, stationSession, await importWorkbook(rows));
    expect(job).toMatchObject({ validRows: 4, errorRows: 0 });
    const done = await commitImport(t.app, stationSession, job.id, false);
    expect(done.importedRows).toBe(4);
    const stored = await volunteersWithIds(t, idsOf(rows));
    expect(stored.map((v) => v.org_id)).toEqual([stationOrg.id, stationOrg.id, stationOrg.id, stationOrg.id]);
    expect(stored.every((v) => v.org_path === stationOrg.path)).toBe(true);
  });

  it('may name their own village, with or without the town', async () => {
    const village = await shortName(stationOrg.id);
    const rows = await goodRows(t, 2, [
      [town, village],
      ['', village],
    ]);
    const job = await uploadAndValidate(t.app, stationSession, await importWorkbook(rows));
    expect(job.errors).toEqual([]);
    expect(job.validRows).toBe(2);
  });

  it('cannot place rows in a sibling village of the same town', async () => {
    const sibling = places.find((p) => p[1] !== places[stationIds.indexOf(stationOrg.id)]![1])!;
    const rows = await goodRows(t, 1, [sibling]);
    const job = await uploadAndValidate(t.app, stationSession, await importWorkbook(rows));
    expect(job.validRows).toBe(0);
    expect(job.errors[0]!.message).toContain('不在您的管辖范围内');
  });

  it('an institute admin must name the village (the institute is no station)', async () => {
    const rows = (await goodRows(t, 1, places)).map((r) => ({ ...r, '镇(街道)': '', '村(社区)': '' }));
    const job = await uploadAndValidate(t.app, instituteSession, await importWorkbook(rows));
    expect(job.errors).toEqual([{ row: 2, column: '村(社区)', message: '请填写镇(街道)和村(社区)' }]);
  });
});

describe('scope', () => {
  it('another town’s station admin cannot read, commit or download the report of a job', async () => {
    const rows = await goodRows(t, 2, places);
    const job = await uploadAndValidate(t.app, instituteSession, await importWorkbook(rows));
    const other = as(t.app, station2Session);
    const jobs = await countOf(db(), sql`SELECT count(*) AS n FROM volunteer_imports`);
    expect((await other.get(`/api/volunteers/imports/${job.id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/volunteers/imports/${job.id}/errors`)).statusCode).toBe(404);
    for (const validOnly of [true, false]) {
      const res = await other.post(`/api/volunteers/imports/${job.id}/commit`, { validOnly });
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().message).toMatch(CHINESE);
    }
    const list = await other.get('/api/volunteers/imports');
    expect(list.json().items.map((i: ImportJob) => i.id)).not.toContain(job.id);
    // nothing moved: still waiting for its owner
    const row = await db()
      .selectFrom('volunteer_imports')
      .select(['status', 'mode'])
      .where('id', '=', job.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'validated', mode: null });
    expect(await volunteersWithIds(t, idsOf(rows))).toEqual([]);
    expect(await countOf(db(), sql`SELECT count(*) AS n FROM volunteer_imports`)).toBe(jobs);
    // … while the owner can
    const done = await commitImport(t.app, instituteSession, job.id, false);
    expect(done.importedRows).toBe(2);
  });

  it('a job is its uploader’s: even the station’s own institute admin does not see a station’s job', async () => {
    const job = await uploadAndValidate(
      t.app,
      stationSession,
      await importWorkbook(await goodRows(t, 1, [['', '']])),
    );
    expect((await as(t.app, instituteSession).get(`/api/volunteers/imports/${job.id}`)).statusCode).toBe(404);
  });

  it('an import by another town’s station admin naming a 城北 village reports it unknown or out of scope', async () => {
    const rows = await goodRows(t, 2, [places[0]!, ['', places[0]![1]]]);
    const job = await uploadAndValidate(t.app, station2Session, await importWorkbook(rows));
    expect(job.validRows).toBe(0);
    expect(job.errors.map((e) => e.row)).toEqual([2, 3]);
    for (const e of job.errors) {
      expect(e.column).toBe('村(社区)');
      expect(e.message).toMatch(/^未知的村\(社区\)「.+」或不在您的管辖范围内$/);
    }
    const res = await as(t.app, station2Session).post(`/api/volunteers/imports/${job.id}/commit`, {
      validOnly: true,
    });
    expect(res.statusCode).toBe(409);
    expect(await volunteersWithIds(t, idsOf(rows))).toEqual([]);
  });

  it('roles without the import permission are refused', async () => {
    const leader = await login(t.app, 'demo-leader');
    const file = await importWorkbook(await goodRows(t, 1, places));
    const jobs = await importJobCount();
    expect((await uploadImport(t.app, leader, file)).statusCode).toBe(403);
    expect((await as(t.app, leader).get('/api/volunteers/import-template')).statusCode).toBe(403);
    expect(await importJobCount()).toBe(jobs);
  });
});

describe('a large file', () => {
  it('imports 2,000 rows in full', async () => {
    const rows = await goodRows(t, 2000, places);
    const before = await volunteerCount();
    const job = await uploadAndValidate(t.app, instituteSession, await importWorkbook(rows));
    expect(job).toMatchObject({ totalRows: 2000, processedRows: 2000, validRows: 2000, errorRows: 0 });
    const done = await commitImport(t.app, instituteSession, job.id, false);
    expect(done).toMatchObject({ status: 'done', importedRows: 2000, processedRows: 2000 });
    expect(await volunteerCount()).toBe(before + 2000);
    expect(await volunteersWithIds(t, idsOf(rows))).toHaveLength(2000);
  });
});
