// Publicity pieces (宣传稿件, issue 16; seed 004 §13): what media published on a unit's civilisation
// practice, recorded by the unit or an org above it — the level, the outlet, the title, a link, the
// date and a screenshot. The unit and every org above it see and change its pieces (row-level
// security on org_path, checked here as well); each write is one transaction with its audit entry.
// The module owns publicity_pieces; summary.ts holds the yearly summary against the quota and the
// figures the assessment reads, export.ts the Excel list.
import { sql, type SqlBool } from 'kysely';
import { auditAction, inActorScope, type Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Tx } from '../../platform/db/database.ts';
import { pageByKey } from '../../platform/db/paging.ts';
import { Conflict, Invalid, NotFound } from '../../platform/errors.ts';
import { containsPattern } from '../../platform/http/schemas.ts';
import { chinaDate, isoTimestamp } from '../../platform/time.ts';
import { PUBLICITY_MESSAGES, type PublicityLevel } from '@civic/contracts';
import { readRecordImage, storeRecordImage } from '../uploads/index.ts';
import type { PieceFilter, PieceInput, PieceListQuery, PiecePatch, PieceView } from './publicity.schema.ts';

const NOT_FOUND = '宣传稿件不存在或不在您的数据范围内';

export interface PieceRow {
  id: number;
  org_id: number;
  org_path: string;
  org_name: string;
  level: string;
  outlet: string;
  title: string;
  url: string | null;
  published_on: string;
  note: string;
  screenshot_id: string | null;
  created_by_name: string | null;
  created_at: Date;
  updated_at: Date;
}

export function selectPieces(tx: Tx) {
  return tx
    .selectFrom('publicity_pieces as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .leftJoin('users as u', 'u.id', 'p.created_by')
    .select([
      'p.id',
      'p.org_id',
      'p.org_path',
      'o.name as org_name',
      'p.level',
      'p.outlet',
      'p.title',
      'p.url',
      sql<string>`to_char(p.published_on, 'YYYY-MM-DD')`.as('published_on'),
      'p.note',
      'p.screenshot_id',
      'u.display_name as created_by_name',
      'p.created_at',
      'p.updated_at',
    ]);
}

export const screenshotUrl = (row: Pick<PieceRow, 'id' | 'screenshot_id'>) =>
  row.screenshot_id ? `/api/publicity/${row.id}/screenshot?v=${row.screenshot_id}` : null;

export function pieceViewOf(r: PieceRow, actor: Actor): PieceView {
  return {
    id: Number(r.id),
    orgId: Number(r.org_id),
    orgName: r.org_name,
    level: r.level as PublicityLevel,
    outlet: r.outlet,
    title: r.title,
    url: r.url,
    publishedOn: r.published_on,
    note: r.note,
    hasScreenshot: r.screenshot_id !== null,
    screenshotUrl: screenshotUrl(r),
    createdBy: r.created_by_name,
    createdAt: isoTimestamp(r.created_at),
    updatedAt: isoTimestamp(r.updated_at),
    canEdit: actor.permissions.has('publicity.write') && inActorScope(actor, r.org_path),
  };
}

/** An org of the caller's scope, by id (404 outside it). */
export async function orgInScope(tx: Tx, actor: Actor, orgId: number) {
  const org = await tx
    .selectFrom('orgs')
    .select(['id', 'path', 'name', 'status'])
    .where('id', '=', orgId)
    .executeTakeFirst();
  if (!org || !inActorScope(actor, org.path)) throw new NotFound('所选单位不存在或不在您的数据范围内');
  return { id: Number(org.id), path: org.path, name: org.name, status: org.status };
}

/** The list's filters as a query: the caller's subtree, or a unit's in it. */
export async function filteredPieces(tx: Tx, actor: Actor, q: PieceFilter) {
  if (q.year !== undefined && (q.from || q.to)) throw new Invalid('请选择年份或起止日期，不要同时选择');
  if (q.from && q.to && q.from > q.to) throw new Invalid('开始日期不能晚于结束日期');
  const root = q.orgId ? (await orgInScope(tx, actor, q.orgId)).path : actor.orgPath;
  let query = selectPieces(tx).where(sql<SqlBool>`p.org_path <@ ${root}::ltree`);
  if (q.level) query = query.where('p.level', '=', q.level);
  if (q.year !== undefined)
    query = query.where(
      sql<SqlBool>`p.published_on BETWEEN ${`${q.year}-01-01`}::date AND ${`${q.year}-12-31`}::date`,
    );
  if (q.from) query = query.where(sql<SqlBool>`p.published_on >= ${q.from}::date`);
  if (q.to) query = query.where(sql<SqlBool>`p.published_on <= ${q.to}::date`);
  if (q.q) {
    const pattern = containsPattern(q.q);
    query = query.where((eb) => eb.or([eb('p.title', 'ilike', pattern), eb('p.outlet', 'ilike', pattern)]));
  }
  return query.orderBy('p.published_on', 'desc').orderBy('p.id', 'desc');
}

const auditTarget = (r: Pick<PieceRow, 'id' | 'org_id' | 'org_path'>) => ({
  id: Number(r.id),
  org_id: Number(r.org_id),
  org_path: r.org_path,
});

export function createPublicityService(ctx: AppContext) {
  const run = <T>(actor: Actor, work: (tx: Tx) => Promise<T>) => inScope(ctx.db.app, actor, work);

  async function visible(tx: Tx, actor: Actor, id: number, lock = false): Promise<PieceRow> {
    let query = selectPieces(tx).where('p.id', '=', id);
    if (lock) query = query.forUpdate('p');
    const row = (await query.executeTakeFirst()) as PieceRow | undefined;
    // row-level security already hides it; the scope is checked here as well
    if (!row || !inActorScope(actor, row.org_path)) throw new NotFound(NOT_FOUND);
    return row;
  }

  /** The unit a piece is recorded for: active and in scope. */
  async function unitFor(tx: Tx, actor: Actor, orgId: number) {
    const org = await orgInScope(tx, actor, orgId);
    if (org.status === 'archived') throw new Conflict('所选单位已归档，不能登记宣传稿件', 'ORG_ARCHIVED');
    return org;
  }

  /** The date rule again with the server's clock (the schema's runs on the process clock). */
  function checkDate(publishedOn: string) {
    if (publishedOn > chinaDate(ctx.now())) throw new Invalid(PUBLICITY_MESSAGES.future, 'FUTURE_DATE');
  }

  return {
    list: (actor: Actor, q: PieceListQuery) =>
      run(actor, async (tx) => {
        const { rows, total } = await pageByKey(await filteredPieces(tx, actor, q), q, 'p.id');
        return { items: (rows as PieceRow[]).map((r) => pieceViewOf(r, actor)), total };
      }),

    get: (actor: Actor, id: number) =>
      run(actor, async (tx) => pieceViewOf(await visible(tx, actor, id), actor)),

    create: (actor: Actor, input: PieceInput) =>
      run(actor, async (tx): Promise<PieceView> => {
        const now = ctx.now();
        checkDate(input.publishedOn);
        const org = await unitFor(tx, actor, input.orgId ?? actor.orgId);
        const inserted = await tx
          .insertInto('publicity_pieces')
          .values({
            org_id: org.id,
            org_path: org.path,
            level: input.level,
            outlet: input.outlet,
            title: input.title,
            url: input.url,
            published_on: input.publishedOn,
            note: input.note,
            created_by: actor.userId,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const id = Number(inserted.id);
        await auditAction(
          tx,
          actor,
          'publicity.create',
          'publicity_piece',
          { id, org_id: org.id, org_path: org.path },
          { level: input.level, outlet: input.outlet, title: input.title, publishedOn: input.publishedOn },
          now,
        );
        return pieceViewOf(await visible(tx, actor, id), actor);
      }),

    update: (actor: Actor, id: number, patch: PiecePatch) =>
      run(actor, async (tx): Promise<PieceView> => {
        const now = ctx.now();
        const row = await visible(tx, actor, id, true);
        if (patch.publishedOn !== undefined) checkDate(patch.publishedOn);
        const org =
          patch.orgId !== undefined && patch.orgId !== Number(row.org_id)
            ? await unitFor(tx, actor, patch.orgId)
            : null;
        const changes = Object.fromEntries(
          Object.entries(patch).filter(([, v]) => v !== undefined),
        ) as Partial<PiecePatch>;
        if (Object.keys(changes).length === 0) throw new Invalid('没有要修改的内容');
        await tx
          .updateTable('publicity_pieces')
          .set({
            ...(org ? { org_id: org.id, org_path: org.path } : {}),
            ...(changes.level !== undefined ? { level: changes.level } : {}),
            ...(changes.outlet !== undefined ? { outlet: changes.outlet } : {}),
            ...(changes.title !== undefined ? { title: changes.title } : {}),
            ...(changes.url !== undefined ? { url: changes.url } : {}),
            ...(changes.publishedOn !== undefined ? { published_on: changes.publishedOn } : {}),
            ...(changes.note !== undefined ? { note: changes.note } : {}),
            updated_at: now,
          })
          .where('id', '=', id)
          .execute();
        await auditAction(
          tx,
          actor,
          'publicity.update',
          'publicity_piece',
          auditTarget(row),
          { fields: Object.keys(changes), ...(org ? { toOrgId: org.id } : {}) },
          now,
        );
        return pieceViewOf(await visible(tx, actor, id), actor);
      }),

    remove: (actor: Actor, id: number) =>
      run(actor, async (tx) => {
        const now = ctx.now();
        const row = await visible(tx, actor, id, true);
        await tx.deleteFrom('publicity_pieces').where('id', '=', id).execute();
        await auditAction(
          tx,
          actor,
          'publicity.delete',
          'publicity_piece',
          auditTarget(row),
          {
            level: row.level,
            outlet: row.outlet,
            title: row.title,
            publishedOn: row.published_on,
            screenshotId: row.screenshot_id,
          },
          now,
        );
        return { ok: true as const };
      }),

    /** Sets (or replaces) the screenshot: stored under the piece's org path, in this transaction. */
    setScreenshot: (actor: Actor, id: number, file: { fileName: string | undefined; data: Buffer }) =>
      run(actor, async (tx): Promise<PieceView> => {
        const now = ctx.now();
        const row = await visible(tx, actor, id, true);
        const image = await storeRecordImage(tx, {
          orgPath: row.org_path,
          uploadedBy: actor.userId,
          fileName: file.fileName,
          data: file.data,
          now,
        });
        await tx
          .updateTable('publicity_pieces')
          .set({ screenshot_id: image.id, updated_at: now })
          .where('id', '=', id)
          .execute();
        await auditAction(
          tx,
          actor,
          'publicity.screenshot.set',
          'publicity_piece',
          auditTarget(row),
          { photoId: image.id, mimeType: image.mimeType, byteSize: image.byteSize, sha256: image.sha256 },
          now,
        );
        return pieceViewOf(await visible(tx, actor, id), actor);
      }),

    removeScreenshot: (actor: Actor, id: number) =>
      run(actor, async (tx): Promise<PieceView> => {
        const now = ctx.now();
        const row = await visible(tx, actor, id, true);
        if (!row.screenshot_id) throw new NotFound('该稿件没有截图');
        await tx
          .updateTable('publicity_pieces')
          .set({ screenshot_id: null, updated_at: now })
          .where('id', '=', id)
          .execute();
        await auditAction(
          tx,
          actor,
          'publicity.screenshot.remove',
          'publicity_piece',
          auditTarget(row),
          { photoId: row.screenshot_id },
          now,
        );
        return pieceViewOf(await visible(tx, actor, id), actor);
      }),

    screenshot: (actor: Actor, id: number) =>
      run(actor, async (tx) => {
        const row = await visible(tx, actor, id);
        if (!row.screenshot_id) throw new NotFound('该稿件没有截图');
        return readRecordImage(tx, row.screenshot_id);
      }),
  };
}
