import { sql } from 'kysely';
// Bulk import of volunteers from the Excel template. Uploading checks the file and its headers at
// once (a clear 400), then validates every row in the background while the page polls progress;
// the admin then imports all rows (only when none is bad) or only the valid ones, in one
// transaction. The workbook holds ID numbers, so it is kept SM4-encrypted and only until the job
// ends. Jobs live in the database, so any server can answer the progress poll.
import ExcelJS from 'exceljs';
import { PRIVACY_POLICY_VERSION } from '@civic/contracts';

import { auditAction, type Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Tx } from '../../platform/db/database.ts';
import { pageOf } from '../../platform/db/paging.ts';
import type { ImportRowError } from '../../platform/db/schema.ts';
import { Conflict, NotFound } from '../../platform/errors.ts';
import { isoTimestamp } from '../../platform/time.ts';
import {
  DICTIONARIES,
  headerOf,
  parseCodes,
  readSheet,
  type ImportColumnKey,
  type SheetRow,
} from './import-sheet.ts';
import { checkPerson, DUPLICATE_ID_MESSAGE, sealPerson } from './volunteer-rules.ts';
import { takenIdIndexes } from './volunteers.service.ts';
import type { ImportJobView } from './volunteers.schema.ts';

const BATCH = 1000;
/** A job whose server stopped heartbeating this long ago was interrupted (e.g. a restart). */
const STALE_MS = 2 * 60_000;
const ERRORS_IN_VIEW = 500;

type Prepared = ReturnType<typeof sealPerson> & {
  org_id: number;
  org_path: string;
  political_status: string;
  categories: string[];
  skills: string[];
  skills_note: string | null;
  service_categories: string[];
  availability: string[];
};

interface Station {
  id: number;
  path: string;
}

const PERSON_COLUMN: Record<string, ImportColumnKey> = {
  name: 'name',
  idNumber: 'idNumber',
  phone: 'phone',
  guardian: 'guardianName',
};

const YES = new Set(['是', '同意', '已同意', 'y', 'yes', 'true', '1', '√']);

export function createImportService(ctx: AppContext) {
  const inActor = <T>(actor: Actor, work: (tx: Tx) => Promise<T>) => inScope(ctx.db.app, actor, work);

  async function stations(actor: Actor) {
    const rows = await inActor(actor, (tx) =>
      tx
        .selectFrom('orgs as o')
        // the town is above a station admin's scope; its names come from the definer functions
        .select(['o.id', 'o.path', 'o.name', 'o.short_name'])
        .select([
          sql<string | null>`org_name(o.parent_id)`.as('town_name'),
          sql<string | null>`org_short_name(o.parent_id)`.as('town_short'),
        ])
        .where('o.kind', '=', 'station')
        .where('o.status', '=', 'active')
        .execute(),
    );
    const byPair = new Map<string, Station>();
    const byName = new Map<string, Station | null>();
    for (const r of rows) {
      const station = { id: r.id, path: r.path };
      for (const village of [r.name, r.short_name]) {
        for (const town of [r.town_name, r.town_short]) if (town) byPair.set(`${town}/${village}`, station);
        byName.set(village, byName.has(village) ? null : station);
      }
    }
    const own = rows.find((r) => r.id === actor.orgId);
    return { byPair, byName, own: own ? { id: own.id, path: own.path } : null };
  }

  /** Validates every row; returns the rows ready to insert and the problems of the others. */
  async function analyse(actor: Actor, rows: SheetRow[], onProgress: (done: number) => Promise<void>) {
    const now = ctx.now();
    const orgs = await stations(actor);
    const errors: ImportRowError[] = [];
    const prepared: { row: number; values: Prepared }[] = [];
    const seen = new Map<string, number>();
    for (let start = 0; start < rows.length; start += BATCH) {
      const batch: { row: number; values: Prepared }[] = [];
      for (const { row, cells } of rows.slice(start, start + BATCH)) {
        const rowErrors: ImportRowError[] = [];
        const fail = (column: ImportColumnKey | null, message: string) =>
          rowErrors.push({ row, column: column ? headerOf(column) : null, message });
        for (const key of ['name', 'idNumber', 'phone', 'politicalStatus'] as const) {
          if (!cells[key]) fail(key, `缺少${headerOf(key)}`);
        }
        let station: Station | null | undefined;
        if (!cells.town && !cells.village) {
          station = orgs.own;
          if (!station) fail('village', '请填写镇(街道)和村(社区)');
        } else {
          station = cells.town
            ? orgs.byPair.get(`${cells.town}/${cells.village}`)
            : orgs.byName.get(cells.village);
          if (station === null) fail('village', `村(社区)「${cells.village}」重名，请同时填写镇(街道)`);
          else if (!station)
            fail(
              'village',
              `未知的村(社区)「${[cells.town, cells.village].filter(Boolean).join('/')}」或不在您的管辖范围内`,
            );
        }
        const political = cells.politicalStatus
          ? parseCodes(cells.politicalStatus, DICTIONARIES.politicalStatus)
          : null;
        if (political && (political.unknown.length > 0 || political.codes.length !== 1)) {
          fail('politicalStatus', `政治面貌「${cells.politicalStatus}」不在可选值中`);
        }
        const lists = {} as Record<'categories' | 'skills' | 'serviceCategories' | 'availability', string[]>;
        for (const key of ['categories', 'skills', 'serviceCategories', 'availability'] as const) {
          const parsed = parseCodes(cells[key], DICTIONARIES[key]);
          if (parsed.unknown.length > 0)
            fail(key, `${headerOf(key)}「${parsed.unknown.join('、')}」不在可选值中`);
          lists[key] = parsed.codes;
        }
        if (cells.skillsNote.length > 200) fail('skillsNote', '专长说明不超过 200 个字');
        let values: Prepared | null = null;
        if (cells.name && cells.idNumber && cells.phone) {
          const checked = checkPerson(
            {
              name: cells.name,
              idNumber: cells.idNumber,
              phone: cells.phone,
              guardian:
                cells.guardianName || cells.guardianPhone
                  ? {
                      name: cells.guardianName,
                      phone: cells.guardianPhone,
                      consent: YES.has(cells.guardianConsent.toLowerCase()),
                    }
                  : null,
            },
            now,
          );
          if (!checked.ok) {
            for (const p of checked.problems) fail(PERSON_COLUMN[p.field] ?? null, p.message);
          } else if (rowErrors.length === 0 && station && political) {
            const sealed = sealPerson(ctx.cipher, checked.person, now);
            const first = seen.get(sealed.id_number_index);
            if (first !== undefined) fail('idNumber', `与第 ${first} 行身份证号重复`);
            else {
              seen.set(sealed.id_number_index, row);
              values = {
                ...sealed,
                org_id: station.id,
                org_path: station.path,
                political_status: political.codes[0]!,
                ...{
                  categories: lists.categories,
                  skills: lists.skills,
                  service_categories: lists.serviceCategories,
                  availability: lists.availability,
                },
                skills_note: cells.skillsNote || null,
              };
            }
          }
        }
        if (rowErrors.length > 0) errors.push(...rowErrors);
        else if (values) batch.push({ row, values });
      }
      const taken = await inActor(actor, (tx) =>
        takenIdIndexes(
          tx,
          batch.map((b) => b.values.id_number_index),
        ),
      );
      for (const item of batch) {
        if (taken.has(item.values.id_number_index)) {
          errors.push({ row: item.row, column: headerOf('idNumber'), message: DUPLICATE_ID_MESSAGE });
        } else prepared.push(item);
      }
      await onProgress(Math.min(rows.length, start + BATCH));
    }
    errors.sort((a, b) => a.row - b.row);
    return { prepared, errors, errorRows: new Set(errors.map((e) => e.row)).size };
  }

  const update = (actor: Actor, id: number, values: Record<string, unknown>) =>
    inActor(actor, (tx) =>
      tx
        .updateTable('volunteer_imports')
        .set({ ...values, heartbeat_at: new Date() })
        .where('id', '=', id)
        .execute(),
    );

  async function fail(actor: Actor, id: number, error: unknown) {
    const message =
      error instanceof Error && 'status' in error ? error.message : '处理失败，请检查文件后重新上传';
    await update(actor, id, {
      status: 'failed',
      failure: message,
      file_enc: null,
      finished_at: new Date(),
    }).catch(() => undefined);
  }

  async function validateInBackground(actor: Actor, id: number, rows: SheetRow[]) {
    try {
      const result = await analyse(actor, rows, (done) =>
        update(actor, id, { processed_rows: done }).then(() => undefined),
      );
      await update(actor, id, {
        status: 'validated',
        processed_rows: rows.length,
        valid_rows: result.prepared.length,
        error_rows: result.errorRows,
        errors: JSON.stringify(result.errors),
      });
    } catch (error) {
      await fail(actor, id, error);
    }
  }

  async function importInBackground(actor: Actor, id: number, validOnly: boolean) {
    try {
      const job = await inActor(actor, (tx) =>
        tx
          .selectFrom('volunteer_imports')
          .select(['file_enc'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow(),
      );
      const buffer = ctx.cipher.decryptBytes(job.file_enc!);
      const rows = await readSheet(buffer);
      await update(actor, id, { processed_rows: 0 });
      const result = await analyse(actor, rows, async () => undefined);
      if (!validOnly && result.errors.length > 0) {
        await update(actor, id, {
          status: 'failed',
          failure: `校验发现 ${result.errorRows} 行有误（数据在校验后发生了变化），未导入任何数据`,
          errors: JSON.stringify(result.errors),
          error_rows: result.errorRows,
          file_enc: null,
          finished_at: new Date(),
        });
        return;
      }
      const now = ctx.now();
      await inActor(actor, async (tx) => {
        for (let start = 0; start < result.prepared.length; start += BATCH) {
          const batch = result.prepared.slice(start, start + BATCH);
          await tx
            .insertInto('volunteers')
            .values(
              batch.map(({ values }) => ({
                ...values,
                consent_version: PRIVACY_POLICY_VERSION,
                consent_at: now,
                consent_channel: 'offline',
                source: 'import',
                created_by: actor.userId,
                created_at: now,
                updated_at: now,
              })),
            )
            .execute();
          // progress is reported from a separate transaction so the poll sees it before commit
          await update(actor, id, { processed_rows: start + batch.length });
        }
        await tx
          .updateTable('volunteer_imports')
          .set({
            status: 'done',
            imported_rows: result.prepared.length,
            valid_rows: result.prepared.length,
            error_rows: result.errorRows,
            errors: JSON.stringify(result.errors),
            file_enc: null,
            finished_at: new Date(),
            heartbeat_at: new Date(),
          })
          .where('id', '=', id)
          .execute();
        await auditAction(
          tx,
          actor,
          'volunteer.import',
          'volunteer_import',
          { id: id, org_id: actor.orgId, org_path: actor.orgPath },
          { imported: result.prepared.length, skipped: result.errorRows, validOnly },
          now,
        );
      });
    } catch (error) {
      await fail(actor, id, error);
    }
  }

  type JobRow = {
    id: number;
    file_name: string;
    status: string;
    mode: string | null;
    total_rows: number;
    processed_rows: number;
    valid_rows: number;
    error_rows: number;
    imported_rows: number;
    errors: ImportRowError[];
    failure: string | null;
    created_at: Date;
    heartbeat_at: Date;
    finished_at: Date | null;
  };
  const jobColumns = [
    'id',
    'file_name',
    'status',
    'mode',
    'total_rows',
    'processed_rows',
    'valid_rows',
    'error_rows',
    'imported_rows',
    'errors',
    'failure',
    'created_at',
    'heartbeat_at',
    'finished_at',
  ] as const;

  function view(row: JobRow): ImportJobView {
    const running = row.status === 'validating' || row.status === 'importing';
    const stale = running && Date.now() - new Date(row.heartbeat_at).getTime() > STALE_MS;
    return {
      id: row.id,
      fileName: row.file_name,
      status: stale ? 'failed' : (row.status as ImportJobView['status']),
      mode: row.mode as ImportJobView['mode'],
      totalRows: row.total_rows,
      processedRows: row.processed_rows,
      validRows: row.valid_rows,
      errorRows: row.error_rows,
      importedRows: row.imported_rows,
      errors: row.errors.slice(0, ERRORS_IN_VIEW),
      failure: stale ? '处理中断（服务器重启），请重新上传' : row.failure,
      createdAt: isoTimestamp(row.created_at),
      finishedAt: isoTimestamp(row.finished_at),
    };
  }

  async function findJob(tx: Tx, actor: Actor, id: number): Promise<JobRow> {
    const row = await tx
      .selectFrom('volunteer_imports')
      .select(jobColumns)
      .where('id', '=', id)
      .where('created_by', '=', actor.userId)
      .executeTakeFirst();
    if (!row) throw new NotFound('导入任务不存在');
    return row as JobRow;
  }

  return {
    async upload(actor: Actor, fileName: string, buffer: Buffer) {
      const rows = await readSheet(buffer);
      const job = await inActor(actor, (tx) =>
        tx
          .insertInto('volunteer_imports')
          .values({
            org_id: actor.orgId,
            org_path: actor.orgPath,
            created_by: actor.userId,
            file_name: fileName.slice(0, 200),
            file_enc: ctx.cipher.encryptBytes(buffer),
            status: 'validating',
            total_rows: rows.length,
          })
          .returning(jobColumns)
          .executeTakeFirstOrThrow(),
      );
      void validateInBackground(actor, job.id, rows);
      return view(job as JobRow);
    },

    get: (actor: Actor, id: number) => inActor(actor, async (tx) => view(await findJob(tx, actor, id))),

    async list(actor: Actor, page: number, pageSize: number) {
      return inActor(actor, async (tx) => {
        const base = tx.selectFrom('volunteer_imports').where('created_by', '=', actor.userId);
        const { rows, total } = await pageOf(base.select(jobColumns).orderBy('id', 'desc'), {
          page,
          pageSize,
        });
        return { items: rows.map((r) => ({ ...view(r as JobRow), errors: [] })), total };
      });
    },

    async commit(actor: Actor, id: number, validOnly: boolean) {
      const job = await inActor(actor, async (tx) => {
        const current = await findJob(tx, actor, id);
        if (view(current).status !== 'validated') {
          throw new Conflict('该任务当前不能导入（校验未完成或已导入）', 'IMPORT_NOT_READY');
        }
        if (!validOnly && current.error_rows > 0) {
          throw new Conflict(
            `有 ${current.error_rows} 行数据有误，请修正后重新上传，或选择“仅导入有效行”`,
            'IMPORT_HAS_ERRORS',
          );
        }
        if (current.valid_rows === 0) throw new Conflict('没有可导入的有效行', 'IMPORT_NOTHING_VALID');
        // the conditional update makes a double click (or two servers) start one import only
        const started = await tx
          .updateTable('volunteer_imports')
          .set({
            status: 'importing',
            mode: validOnly ? 'valid_only' : 'all',
            processed_rows: 0,
            heartbeat_at: new Date(),
          })
          .where('id', '=', id)
          .where('status', '=', 'validated')
          .returning(jobColumns)
          .executeTakeFirst();
        if (!started) throw new Conflict('该任务已在导入中', 'IMPORT_NOT_READY');
        return started as JobRow;
      });
      void importInBackground(actor, id, validOnly);
      return view(job);
    },

    async errorsXlsx(actor: Actor, id: number) {
      const job = await inActor(actor, (tx) => findJob(tx, actor, id));
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('错误报告');
      sheet.columns = [
        { header: '行号', key: 'row', width: 8 },
        { header: '列', key: 'column', width: 16 },
        { header: '原因', key: 'message', width: 60 },
      ];
      for (const e of job.errors) sheet.addRow({ row: e.row, column: e.column ?? '', message: e.message });
      sheet.getRow(1).font = { bold: true };
      return { fileName: job.file_name, buffer: Buffer.from(await workbook.xlsx.writeBuffer()) };
    },
  };
}
