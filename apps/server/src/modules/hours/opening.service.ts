// Opening balances (历史时长): hours a volunteer served before the platform, brought from another
// system's export or a paper register. They enter as pending 'opening' service records — one at a
// time with evidence, or in bulk from the Excel template with a row report — and count once a
// second person confirms them, like manual records. No bare number ever adds to a total.
import { sql } from 'kysely';
import {
  MAX_OPENING_HOURS,
  OPENING_ORIGIN_LABELS,
  openingPeriodProblems,
  type OpeningOrigin,
} from '@civic/contracts';
import { auditAction, inActorScope, type Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Tx } from '../../platform/db/database.ts';
import type { ImportRowError } from '../../platform/db/json-columns.ts';
import { Conflict, Invalid, NotFound } from '../../platform/errors.ts';
import { chinaDate } from '../../platform/time.ts';
import { addEvents, auditRecord, recordDetail } from './hours-review.ts';
import type { OpeningImportReport, OpeningInput } from './hours.schema.ts';
import { checkEvidence, findVolunteer, VOLUNTEER_NOT_FOUND } from './record-inputs.ts';
import { openingHeaderOf, parseSheetDate, readOpeningSheet, type OpeningColumnKey } from './opening-sheet.ts';

const INSERT_SLICE = 1000;
const ERRORS_IN_REPORT = 500;

/** One opening balance, checked: what a single entry and an import row both become. */
interface Opening {
  volunteerId: number;
  orgPath: string;
  hours: number;
  origin: OpeningOrigin;
  originName: string;
  periodFrom: string;
  periodTo: string;
  note: string | null;
}

const sameOrigin = (name: string) => name.trim().toLowerCase();

export function createOpeningService(ctx: AppContext) {
  const run = <T>(actor: Actor, work: (tx: Tx) => Promise<T>) => inScope(ctx.db.app, actor, work);

  /** The volunteers' opening records (not rejected) by origin name, for the duplicate check. */
  async function existingOrigins(tx: Tx, volunteerIds: number[]): Promise<Map<string, number>> {
    const found = new Map<string, number>();
    for (let i = 0; i < volunteerIds.length; i += INSERT_SLICE) {
      const rows = await tx
        .selectFrom('service_records')
        .select(['id', 'volunteer_id', 'origin_name'])
        .where('kind', '=', 'opening')
        .where('status', '<>', 'rejected')
        .where('volunteer_id', 'in', volunteerIds.slice(i, i + INSERT_SLICE))
        .execute();
      for (const r of rows) found.set(`${r.volunteer_id}/${sameOrigin(r.origin_name ?? '')}`, r.id);
    }
    return found;
  }

  /** Inserts pending opening records with their 'create' events; returns the new ids. */
  async function insertOpenings(
    tx: Tx,
    actor: Actor,
    openings: Opening[],
    evidence: string[],
    reasonPrefix: string,
    now: Date,
  ): Promise<number[]> {
    const ids: number[] = [];
    for (let i = 0; i < openings.length; i += INSERT_SLICE) {
      const slice = openings.slice(i, i + INSERT_SLICE);
      const inserted = await tx
        .insertInto('service_records')
        .values(
          slice.map((o) => ({
            volunteer_id: o.volunteerId,
            org_path: o.orgPath,
            source: 'opening',
            source_id: null,
            kind: 'opening',
            status: 'pending',
            started_at: new Date(`${o.periodFrom}T00:00:00+08:00`),
            ended_at: new Date(`${o.periodTo}T23:59:00+08:00`),
            minutes: Math.round(o.hours * 60),
            hours: o.hours,
            note: o.note,
            origin: o.origin,
            origin_name: o.originName,
            evidence_upload_ids: evidence,
            created_by: actor.userId,
            created_at: now,
            updated_at: now,
          })),
        )
        .returning(['id', 'org_path', 'hours', 'origin_name'])
        .execute();
      await addEvents(
        tx,
        actor,
        'create',
        inserted.map((r) => ({ id: r.id, org_path: r.org_path, from: null, to: Number(r.hours) })),
        `${reasonPrefix}：${slice[0]!.originName}`,
        now,
      );
      ids.push(...inserted.map((r) => r.id));
    }
    return ids;
  }

  return {
    /** One volunteer's opening balance from one origin, with evidence; a second person confirms it. */
    create: (actor: Actor, input: OpeningInput) =>
      run(actor, async (tx) => {
        const volunteer = await findVolunteer(tx, input.volunteerId);
        if (!inActorScope(actor, volunteer.org_path)) throw new NotFound(VOLUNTEER_NOT_FOUND);
        const now = ctx.now();
        const problem = openingPeriodProblems(
          input.hours,
          input.periodFrom,
          input.periodTo,
          chinaDate(now),
        )[0];
        if (problem) throw new Invalid(problem.message, 'BAD_PERIOD');
        const evidence = await checkEvidence(tx, input.evidenceUploadIds);
        const taken = await existingOrigins(tx, [volunteer.id]);
        const existing = taken.get(`${volunteer.id}/${sameOrigin(input.originName)}`);
        if (existing)
          throw new Conflict(
            `该志愿者已有来自「${input.originName}」的历史时长记录，如需调整请在原记录上更正`,
            'OPENING_EXISTS',
          );
        const [id] = await insertOpenings(
          tx,
          actor,
          [
            {
              volunteerId: volunteer.id,
              orgPath: volunteer.org_path,
              hours: input.hours,
              origin: input.origin,
              originName: input.originName,
              periodFrom: input.periodFrom,
              periodTo: input.periodTo,
              note: input.note || null,
            },
          ],
          evidence,
          '历史时长录入',
          now,
        );
        await auditRecord(
          tx,
          actor,
          'hours.opening',
          { id: id!, org_path: volunteer.org_path, volunteer_id: volunteer.id },
          {
            hours: input.hours,
            origin: input.origin,
            originName: input.originName,
            period: `${input.periodFrom}~${input.periodTo}`,
            evidence: evidence.length,
          },
          now,
        );
        return recordDetail(tx, actor, id!);
      }),

    /**
     * Checks a workbook row by row and, in import mode when no row has a problem, creates every
     * row's pending opening record in one transaction. Nothing is created while any row is wrong,
     * so a corrected file can be imported again without duplicates.
     */
    importSheet: async (
      actor: Actor,
      mode: 'check' | 'import',
      evidenceIds: string[],
      file: Buffer,
    ): Promise<OpeningImportReport> => {
      const rows = await readOpeningSheet(file);
      return run(actor, async (tx) => {
        const now = ctx.now();
        const today = chinaDate(now);
        const evidence = await checkEvidence(tx, evidenceIds);
        const numbers = [...new Set(rows.map((r) => r.cells.volunteerNo.toUpperCase()).filter(Boolean))];
        const volunteers = new Map<string, { id: number; name: string; org_path: string; status: string }>();
        for (let i = 0; i < numbers.length; i += INSERT_SLICE) {
          const found = await tx
            .selectFrom('volunteers')
            .select(['id', 'volunteer_no', 'name', 'org_path', 'status'])
            .where('volunteer_no', 'in', numbers.slice(i, i + INSERT_SLICE))
            .where(sql<boolean>`org_path <@ ${actor.orgPath}::ltree`)
            .execute();
          for (const v of found) volunteers.set(v.volunteer_no, v);
        }
        const taken = await existingOrigins(
          tx,
          [...volunteers.values()].map((v) => v.id),
        );
        const errors: ImportRowError[] = [];
        const openings: Opening[] = [];
        const inFile = new Map<string, number>();
        for (const { row, cells } of rows) {
          const rowErrors: ImportRowError[] = [];
          const fail = (column: OpeningColumnKey, message: string) =>
            rowErrors.push({ row, column: openingHeaderOf(column), message });
          for (const key of [
            'volunteerNo',
            'name',
            'hours',
            'origin',
            'originName',
            'periodFrom',
            'periodTo',
          ] as const)
            if (!cells[key]) fail(key, `缺少${openingHeaderOf(key)}`);
          const volunteer = cells.volunteerNo ? volunteers.get(cells.volunteerNo.toUpperCase()) : undefined;
          if (cells.volunteerNo && !volunteer)
            fail('volunteerNo', `志愿者编号「${cells.volunteerNo}」不存在或不在您的管辖范围内`);
          else if (volunteer && cells.name && volunteer.name !== cells.name)
            fail('name', `姓名「${cells.name}」与编号 ${cells.volunteerNo} 登记的姓名不一致`);
          else if (volunteer?.status === 'withdrawn')
            fail('volunteerNo', '该志愿者已撤回授权，不能录入服务时长');
          const hours = Number(cells.hours);
          if (cells.hours) {
            if (!Number.isFinite(hours) || hours <= 0)
              fail('hours', `历史时长「${cells.hours}」须为大于 0 的数字`);
            else if (Math.abs(hours * 10 - Math.round(hours * 10)) > 1e-6)
              fail('hours', '历史时长最多保留一位小数');
            else if (hours > MAX_OPENING_HOURS) fail('hours', `历史时长不超过 ${MAX_OPENING_HOURS} 小时`);
          }
          const origin = (Object.keys(OPENING_ORIGIN_LABELS) as OpeningOrigin[]).find(
            (o) => OPENING_ORIGIN_LABELS[o] === cells.origin || o === cells.origin,
          );
          if (cells.origin && !origin)
            fail(
              'origin',
              `来源类型「${cells.origin}」须为“${OPENING_ORIGIN_LABELS.system}”或“${OPENING_ORIGIN_LABELS.register}”`,
            );
          if (cells.originName && (cells.originName.length < 2 || cells.originName.length > 100))
            fail('originName', '来源名称须为 2 至 100 个字');
          if (cells.note.length > 500) fail('note', '备注不超过 500 个字');
          const from = cells.periodFrom ? parseSheetDate(cells.periodFrom) : null;
          const to = cells.periodTo ? parseSheetDate(cells.periodTo) : null;
          if (cells.periodFrom && !from) fail('periodFrom', `起始日期「${cells.periodFrom}」不是有效日期`);
          if (cells.periodTo && !to) fail('periodTo', `截止日期「${cells.periodTo}」不是有效日期`);
          if (from && to)
            for (const p of openingPeriodProblems(hours > 0 ? hours : 0, from, to, today))
              fail(p.field, p.message);
          else if (to && to > today) fail('periodTo', '截止日期不能晚于今天');
          if (volunteer && cells.originName) {
            const key = `${volunteer.id}/${sameOrigin(cells.originName)}`;
            if (taken.has(key)) fail('originName', `该志愿者已有来自「${cells.originName}」的历史时长记录`);
            else if (inFile.has(key))
              fail('originName', `与第 ${inFile.get(key)} 行重复：同一志愿者、同一来源只能有一行`);
            else if (rowErrors.length === 0) inFile.set(key, row);
          }
          if (rowErrors.length > 0) {
            errors.push(...rowErrors);
            continue;
          }
          openings.push({
            volunteerId: volunteer!.id,
            orgPath: volunteer!.org_path,
            hours,
            origin: origin!,
            originName: cells.originName,
            periodFrom: from!,
            periodTo: to!,
            note: cells.note || null,
          });
        }
        const validHours = Math.round(openings.reduce((sum, o) => sum + o.hours, 0) * 10) / 10;
        let created = 0;
        if (mode === 'import' && errors.length === 0) {
          const ids = await insertOpenings(tx, actor, openings, evidence, '历史时长导入', now);
          created = ids.length;
          await auditAction(
            tx,
            actor,
            'hours.opening_import',
            'org',
            { id: actor.orgId, org_id: actor.orgId, org_path: actor.orgPath },
            { records: created, hours: validHours, firstRecordId: ids[0] ?? null, evidence: evidence.length },
            now,
          );
        }
        const rowsWithErrors = new Set(errors.map((e) => e.row)).size;
        return {
          mode,
          rows: rows.length,
          valid: rows.length - rowsWithErrors,
          hours: validHours,
          created,
          errors: errors.slice(0, ERRORS_IN_REPORT),
          moreErrors: Math.max(0, errors.length - ERRORS_IN_REPORT),
        };
      });
    },
  };
}
