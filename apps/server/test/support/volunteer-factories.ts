// Helpers shared by the volunteer-import, team and authorization tests: valid identities that no
// seeded volunteer holds, volunteers created through the API, H5 registrations, import workbooks.
import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { idCheckCharacter, PRIVACY_POLICY_VERSION } from '@civic/contracts';
import { idNumberIndex } from '../../src/modules/volunteers/identity.ts';
import { phoneIndex } from '../../src/platform/personal-data.ts';
import { as, nextIp, type Session, type TestContext } from './context.ts';
import { multipartBody } from './org-factories.ts';
import { XSS } from './xss.ts';

export { XSS };

/** The import template's header row, as GET /api/volunteers/import-template has it. */
export const IMPORT_HEADERS = [
  '姓名*',
  '身份证号*',
  '手机号*',
  '镇(街道)',
  '村(社区)',
  '政治面貌*',
  '志愿者类别',
  '专长',
  '专长说明',
  '服务类别',
  '可服务时间',
  '监护人姓名',
  '监护人手机号',
  '监护人已同意',
] as const;
export type ImportHeader = (typeof IMPORT_HEADERS)[number];
export type ImportRow = Partial<Record<ImportHeader, string>>;

const REGION = '610724'; // 西乡县
const usedIds = new Set<string>();
const usedPhones = new Set<string>();

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A valid 18-digit ID number for someone born on `birthDate` (YYYY-MM-DD). */
export function idNumberFor(birthDate: string, sequence: number): string {
  const first17 = `${REGION}${birthDate.replaceAll('-', '')}${pad(sequence % 1000, 3)}`;
  return first17 + idCheckCharacter(first17);
}

/** The same ID number with a wrong check character. */
export function withBadCheckDigit(idNumber: string): string {
  const chars = '0123456789X';
  const right = idNumber[17]!;
  return idNumber.slice(0, 17) + chars[(chars.indexOf(right) + 1) % chars.length]!;
}

/** A birth date `years` years (and a few days) before today, in China time. */
export function birthDateYearsAgo(years: number, extraDays = 10): string {
  const d = new Date(Date.now() + 8 * 3600_000);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - extraDays);
  return d.toISOString().slice(0, 10);
}

function randomAdultBirthDate(): string {
  const start = Date.UTC(1960, 0, 1);
  const end = Date.UTC(2000, 11, 31);
  return new Date(start + Math.floor(Math.random() * (end - start))).toISOString().slice(0, 10);
}

/**
 * `count` valid ID numbers held by no volunteer yet (the demo seed draws from the same county, so
 * candidates are checked against the database's blind index) and not handed out before.
 */
export async function freshIdNumbers(
  t: TestContext,
  count: number,
  birthDate: () => string = randomAdultBirthDate,
): Promise<string[]> {
  const result: string[] = [];
  while (result.length < count) {
    const candidates = new Map<string, string>();
    while (candidates.size < count - result.length) {
      const id = idNumberFor(birthDate(), crypto.randomInt(1, 1000));
      if (!usedIds.has(id)) candidates.set(idNumberIndex(t.ctx.cipher, id), id);
    }
    const taken = await t.ctx.db.system
      .selectFrom('volunteers')
      .select('id_number_index')
      .where('id_number_index', 'in', [...candidates.keys()])
      .execute();
    for (const row of taken) candidates.delete(row.id_number_index);
    for (const id of candidates.values()) {
      usedIds.add(id);
      result.push(id);
    }
  }
  return result;
}

export async function freshIdNumber(t: TestContext, birthDate?: string): Promise<string> {
  return (await freshIdNumbers(t, 1, birthDate ? () => birthDate : undefined))[0]!;
}

/** Mobile numbers no account and no earlier call uses. */
export async function freshPhones(t: TestContext, count: number): Promise<string[]> {
  const result: string[] = [];
  while (result.length < count) {
    const candidates = new Map<string, string>();
    while (candidates.size < count - result.length) {
      const phone = `19${pad(crypto.randomInt(0, 1_000_000_000), 9)}`;
      if (!usedPhones.has(phone)) candidates.set(phoneIndex(t.ctx.cipher, phone), phone);
    }
    const taken = await t.ctx.db.system
      .selectFrom('users')
      .select('phone_index')
      .where('phone_index', 'in', [...candidates.keys()])
      .execute();
    for (const row of taken) if (row.phone_index) candidates.delete(row.phone_index);
    for (const phone of candidates.values()) {
      usedPhones.add(phone);
      result.push(phone);
    }
  }
  return result;
}

export async function freshPhone(t: TestContext): Promise<string> {
  return (await freshPhones(t, 1))[0]!;
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰';
/** A plausible Chinese name (2–3 characters). */
export function personName(): string {
  const pick = (s: string) => s[crypto.randomInt(0, s.length)]!;
  return pick(SURNAMES) + pick(GIVEN) + (crypto.randomInt(0, 2) ? pick(GIVEN) : '');
}

/** A valid admin-entry body (POST /api/volunteers) for a fresh adult at `orgId`. */
export async function volunteerInput(t: TestContext, orgId: number, overrides: Record<string, unknown> = {}) {
  return {
    name: personName(),
    idNumber: await freshIdNumber(t),
    phone: await freshPhone(t),
    orgId,
    politicalStatus: 'masses',
    skills: ['first_aid'],
    skillsNote: `会包扎 ${XSS}`,
    ...overrides,
  };
}

/** Creates a volunteer through the admin API and returns its detail. */
export async function createVolunteer(
  t: TestContext,
  session: Session,
  orgId: number,
  overrides: Record<string, unknown> = {},
): Promise<{ id: number; name: string; idNumber: string; phone: string; volunteerNo: string }> {
  const input = await volunteerInput(t, orgId, overrides);
  const res = await as(t.app, session).post('/api/volunteers', input);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json();
  return {
    id: body.id,
    name: input.name as string,
    idNumber: input.idNumber as string,
    phone: input.phone as string,
    volunteerNo: body.volunteerNo,
  };
}

export const VOLUNTEER_PASSWORD = 'Vol#2026safe';

export interface RegisteredVolunteer {
  session: Session;
  id: number;
  name: string;
  phone: string;
  volunteerNo: string;
}

/** Registers a volunteer on H5 (public route) at station `orgId`; the response's session is kept. */
export async function registerVolunteer(t: TestContext, orgId: number): Promise<RegisteredVolunteer> {
  const input = await volunteerInput(t, orgId);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/volunteers/register',
    payload: {
      ...input,
      password: VOLUNTEER_PASSWORD,
      privacyConsent: true,
      privacyVersion: PRIVACY_POLICY_VERSION,
    },
    remoteAddress: nextIp(),
  });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json();
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return {
    session: { cookie, csrf: body.csrfToken },
    id: body.volunteer.id,
    name: input.name as string,
    phone: input.phone as string,
    volunteerNo: body.volunteer.volunteerNo,
  };
}

/** An import workbook: the template's header row (or `headers`) and one row per object. */
export async function importWorkbook(
  rows: ImportRow[],
  headers: readonly string[] = IMPORT_HEADERS,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('志愿者');
  sheet.addRow([...headers]);
  for (const row of rows) {
    // every cell is text, as the template asks (long digit strings as numbers lose precision)
    sheet.addRow(headers.map((h) => row[h as ImportHeader] ?? ''));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Adult rows with fresh identities, spread over `places` ([town, village] pairs). */
export async function goodRows(t: TestContext, count: number, places: Array<[string, string]>) {
  const ids = await freshIdNumbers(t, count);
  const phones = await freshPhones(t, count);
  return ids.map((id, i): ImportRow => ({
    '姓名*': personName(),
    '身份证号*': id,
    '手机号*': phones[i]!,
    '镇(街道)': places[i % places.length]![0],
    '村(社区)': places[i % places.length]![1],
    '政治面貌*': i % 3 === 0 ? '中共党员' : '群众',
    志愿者类别: '文艺志愿者、身边好人',
    专长: '书法绘画，理论宣讲',
    专长说明: `擅长楷书 ${XSS}`,
    服务类别: '文化文艺',
    可服务时间: '周末',
  }));
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** POST /api/volunteers/imports with one multipart file. */
export function uploadImport(
  app: FastifyInstance,
  session: Session,
  data: Buffer,
  fileName = '志愿者.xlsx',
  contentType = XLSX_TYPE,
  field = 'file',
): Promise<LightMyRequestResponse> {
  const body = multipartBody(fileName, contentType, data, field);
  return app.inject({
    method: 'POST',
    url: '/api/volunteers/imports',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': body.contentType },
    payload: body.payload,
  });
}

export interface ImportJob {
  id: number;
  fileName: string;
  status: 'validating' | 'validated' | 'importing' | 'done' | 'failed';
  mode: string | null;
  totalRows: number;
  processedRows: number;
  validRows: number;
  errorRows: number;
  importedRows: number;
  errors: Array<{ row: number; column: string | null; message: string }>;
  failure: string | null;
}

/** Polls an import job until it reaches one of `until` (the work runs in the background). */
export async function waitForImport(
  app: FastifyInstance,
  session: Session,
  id: number,
  until: ReadonlyArray<ImportJob['status']>,
): Promise<ImportJob> {
  let job: ImportJob | undefined;
  // until shortly before the test's own limit: a busy machine only makes the import slower
  const deadline = Date.now() + 80_000;
  while (Date.now() < deadline) {
    const res = await as(app, session).get(`/api/volunteers/imports/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    job = res.json() as ImportJob;
    if (until.includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`import ${id} stuck in ${job?.status}`);
}

/** Uploads a workbook and waits for validation to finish. */
export async function uploadAndValidate(app: FastifyInstance, session: Session, data: Buffer) {
  const res = await uploadImport(app, session, data);
  expect(res.statusCode, res.body).toBe(200);
  const job = await waitForImport(app, session, res.json().id, ['validated', 'failed']);
  expect(job.failure).toBeNull();
  expect(job.status).toBe('validated');
  return job;
}

/** Commits a validated job and waits for the background import to end. */
export async function commitImport(app: FastifyInstance, session: Session, id: number, validOnly: boolean) {
  const res = await as(app, session).post(`/api/volunteers/imports/${id}/commit`, { validOnly });
  expect(res.statusCode, res.body).toBe(200);
  return waitForImport(app, session, id, ['done', 'failed']);
}

/** How many volunteers hold these ID numbers (by blind index; no decryption). */
export async function volunteersWithIds(t: TestContext, idNumbers: string[]) {
  if (idNumbers.length === 0) return [];
  return t.ctx.db.system
    .selectFrom('volunteers')
    .selectAll()
    .where(
      'id_number_index',
      'in',
      idNumbers.map((id) => idNumberIndex(t.ctx.cipher, id)),
    )
    .execute();
}
