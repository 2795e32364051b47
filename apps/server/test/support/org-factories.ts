// Small helpers shared by the org / site-standard / authorization integration tests.
import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { sql, type RawBuilder } from 'kysely';
import type { Role } from '@civic/contracts';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import type { Db, Executor } from '../../src/platform/db/database.ts';
import { DEMO_PASSWORD, type Session, type TestContext } from './context.ts';
import { XSS } from './xss.ts';

export interface OrgRef {
  id: number;
  path: string;
  parentId: number | null;
  kind: string;
  status: string;
}

/** Reads an org straight from the database (system connection, no RLS). */
export async function orgRow(db: Db, id: number): Promise<OrgRef | undefined> {
  const row = await db
    .selectFrom('orgs')
    .select(['id', 'path', 'parent_id', 'kind', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { id: row.id, path: row.path, parentId: row.parent_id, kind: row.kind, status: row.status };
}

/** The org a (demo) account belongs to. */
export async function orgOfUser(db: Db, username: string): Promise<OrgRef> {
  const u = await db
    .selectFrom('users')
    .select('org_id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return (await orgRow(db, u.org_id))!;
}

/** A ready-to-use account (password DEMO_PASSWORD, no forced change) bound to `orgId`. */
export async function createUser(db: Db, username: string, role: Role, orgId: number): Promise<number> {
  const org = (await orgRow(db, orgId))!;
  const row = await db
    .insertInto('users')
    .values({
      username,
      display_name: `测试${username}${XSS}`,
      password_hash: await hashPassword(DEMO_PASSWORD),
      must_change_password: false,
      role,
      org_id: org.id,
      org_path: org.path,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A digest of a whole table's contents, to prove that a refused request changed nothing. */
export async function tableDigest(db: Db, table: string): Promise<string> {
  const { rows } = await sql<{
    d: string | null;
  }>`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS d FROM ${sql.table(table)} t`.execute(
    db,
  );
  return rows[0]!.d ?? '';
}

/**
 * A digest of the audit log without the audited refusals (`access.*`): a
 * refused request is audited, and that is the only change it may make.
 */
export async function auditDigest(db: Db): Promise<string> {
  const { rows } = await sql<{ d: string | null }>`
    SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS d
      FROM audit_log t WHERE t.action NOT LIKE 'access.%'`.execute(db);
  return rows[0]!.d ?? '';
}

/** Runs a `SELECT count(*) AS n` style query. */
export async function countOf(db: Executor, query: RawBuilder<{ n: number | string }>): Promise<number> {
  const { rows } = await query.execute(db);
  return Number(rows[0]!.n);
}

let codeCounter = 0;
/** A unique org code for test-created orgs. */
export function uniqueCode(prefix = 'T'): string {
  codeCounter += 1;
  // zero-padded: codes sort in creation order (pages order units by code; a counter crossing a digit
  // in a worker shared by many files once put 'SC-…-10' before 'SC-…-9')
  return `${prefix}-${process.pid}-${String(codeCounter).padStart(6, '0')}-${crypto.randomBytes(2).toString('hex')}`;
}

/** The smallest valid PNG: 1×1 pixel, RGBA. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A multipart/form-data body with one file field, built by hand. */
export function multipartBody(fileName: string, contentType: string, data: Buffer, field = 'file') {
  const boundary = `----civic-test-${crypto.randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, data, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

export function upload(
  app: FastifyInstance,
  session: Session,
  fileName: string,
  data: Buffer,
  contentType = 'image/png',
) {
  const body = multipartBody(fileName, contentType, data);
  return app.inject({
    method: 'POST',
    url: '/api/uploads',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': body.contentType },
    payload: body.payload,
  });
}

/** Items of a site standard as the database holds them. */
export async function standardItems(t: TestContext, standardId: number) {
  return t.ctx.db.system
    .selectFrom('site_standard_items')
    .select(['id', 'weight', 'title'])
    .where('standard_id', '=', standardId)
    .orderBy('seq')
    .execute();
}

export async function standardByCode(t: TestContext, code: string) {
  return t.ctx.db.system
    .selectFrom('site_standards')
    .selectAll()
    .where('code', '=', code)
    .orderBy('id')
    .executeTakeFirstOrThrow();
}

/** The first sheet of an .xlsx download: header cells and data rows (ExcelJS 1-based row values). */
export async function readSheet(body: Buffer): Promise<{ header: string[]; rows: unknown[][] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const rows: unknown[][] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) rows.push(row.values as unknown[]);
  });
  return { header, rows };
}

/** The evidence photo a household award carries (the server refuses an award without one). */
export const AWARD_PHOTO = { fileName: '凭证.png', data: TINY_PNG };
