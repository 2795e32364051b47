// Service records (服务记录) in the console: the list and detail with history and evidence, the
// review (confirm in bulk, correct with a reason, reject), 补录 for a finished activity a volunteer
// served without a check-in, and manual records of other service — both with evidence, and
// confirmed by a second person. Lifetime hours follow the confirmed records through the trigger of
// 0006; every change writes the record's event and an audit entry in the same transaction. A team
// leader sees and reviews only the credit records of their teams' activities.
import { sql } from 'kysely';
import { MAX_RECORD_HOURS, minutesBetween, roundServiceHours } from '@civic/contracts';
import { inActorScope, type Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Tx } from '../../platform/db/database.ts';
import { pageByKey } from '../../platform/db/paging.ts';
import { Conflict, Invalid, NotFound } from '../../platform/errors.ts';
import {
  addEvents,
  auditRecord,
  confirmIn,
  recordDetail,
  recordFacts,
  SAME_PERSON_MESSAGE,
} from './hours-review.ts';
import {
  maxHoursOf,
  needsSecondPerson,
  RECORD_NOT_FOUND,
  recordViewOf,
  selectRecords,
  type RecordRow,
} from './hours-view.ts';
import { hourRuleFor } from './service-records.ts';
import { managedActivityForHours, maxCreditHours, spanMinutes } from './service-sources.ts';
import type { BackfillInput, ManualInput, RecordFilters, RecordListQuery } from './hours.schema.ts';
import { recordConditions } from './record-filters.ts';
import { checkEvidence, findVolunteer, VOLUNTEER_NOT_FOUND } from './record-inputs.ts';
import { inTeams, ledTeamIds } from '../teams/index.ts';

export function createHoursService(ctx: AppContext) {
  const run = <T>(actor: Actor, work: (tx: Tx) => Promise<T>) => inScope(ctx.db.app, actor, work);

  /**
   * A team leader reviews the credit records of their teams' activities only: never an opening,
   * manual or backfill record, nor another team's (null: no such limit for the caller).
   */
  async function leaderRecords(tx: Tx, actor: Actor) {
    const teams = await ledTeamIds(tx, actor);
    if (!teams) return null;
    return sql<boolean>`source = 'activity' AND kind = 'credit'
      AND source_id IN (SELECT a.id FROM activities a WHERE ${inTeams('a.team_id', teams)})`;
  }

  /** A record the caller may see: in their subtree, and for a team leader one of their team's. */
  async function visibleRecord(tx: Tx, actor: Actor, id: number, lock = false) {
    let q = tx
      .selectFrom('service_records')
      .select('id')
      .where('id', '=', id)
      .where(sql<boolean>`org_path <@ ${actor.orgPath}::ltree`);
    const leader = await leaderRecords(tx, actor);
    if (leader) q = q.where(leader);
    return lock ? q.forUpdate().executeTakeFirst() : q.executeTakeFirst();
  }

  /** The record under its row lock, when the caller may see it; else 404. */
  async function lockRecord(tx: Tx, actor: Actor, id: number): Promise<RecordRow> {
    const locked = await visibleRecord(tx, actor, id, true);
    if (!locked) throw new NotFound(RECORD_NOT_FOUND);
    return selectRecords(tx).where('r.id', '=', id).executeTakeFirstOrThrow();
  }

  return {
    // ---------------------------------------------------------------- records
    list: (actor: Actor, q: RecordListQuery) =>
      run(actor, async (tx) => {
        const conditions = await recordConditions(tx, actor, q);
        if (!conditions) return { items: [], total: 0 };
        let query = conditions.reduce((filtered, c) => filtered.where(c), selectRecords(tx));
        if (q.status) query = query.where('r.status', '=', q.status);
        const { rows, total } = await pageByKey(
          query.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc'),
          q,
          'r.id',
        );
        return { items: rows.map((r) => recordViewOf(r, actor.userId)), total };
      }),

    /** The list's tab badges: how many records of each status match the same filters. */
    counts: (actor: Actor, q: RecordFilters) =>
      run(actor, async (tx) => {
        const conditions = await recordConditions(tx, actor, q);
        const counts = { pending: 0, confirmed: 0, rejected: 0, withdrawn: 0 };
        if (!conditions) return counts;
        const base = tx
          .selectFrom('service_records as r')
          .leftJoin('volunteers as v', 'v.id', 'r.volunteer_id')
          .leftJoin('activities as a', (join) =>
            join.onRef('a.id', '=', 'r.source_id').on('r.source', '=', 'activity'),
          );
        const rows = await conditions
          .reduce((filtered, c) => filtered.where(c), base)
          .select(['r.status', sql<number>`count(*)::int`.as('n')])
          .groupBy('r.status')
          .execute();
        for (const row of rows) if (row.status in counts) counts[row.status as keyof typeof counts] = row.n;
        return counts;
      }),

    get: (actor: Actor, id: number) =>
      run(actor, async (tx) => {
        const found = await visibleRecord(tx, actor, id);
        if (!found) throw new NotFound(RECORD_NOT_FOUND);
        return recordDetail(tx, actor, id);
      }),

    confirm: (actor: Actor, ids: number[], includeZeroHours?: boolean) =>
      run(actor, async (tx) => {
        const teams = await ledTeamIds(tx, actor);
        return {
          confirmed: await confirmIn(
            tx,
            actor,
            actor.orgPath,
            ids,
            {
              // a team leader: their teams' credit hours, never their own
              ...(teams ? { teamIds: teams, exceptVolunteerId: actor.volunteer?.id } : {}),
              includeZeroHours,
              audit: {
                type: 'org',
                target: { id: actor.orgId, org_id: actor.orgId, org_path: actor.orgPath },
              },
            },
            ctx.now(),
            ctx.events,
          ),
        };
      }),

    correct: (actor: Actor, id: number, input: { hours: number; reason: string }) =>
      run(actor, async (tx) => {
        const row = await lockRecord(tx, actor, id);
        if (row.status === 'rejected') throw new Conflict('已驳回的记录不能更正', 'NOT_CORRECTABLE');
        const max = maxHoursOf(row);
        if (input.hours > max) {
          throw new Invalid(
            row.source === 'activity'
              ? `更正后的时长不能超过活动时长（${max} 小时）`
              : `更正后的时长不能超过 ${max} 小时`,
            'HOURS_OVER_CAP',
          );
        }
        // changing confirmed hours one entered oneself would bypass the second person
        if (row.status === 'confirmed' && needsSecondPerson(row, actor.userId))
          throw new Conflict(SAME_PERSON_MESSAGE, 'SAME_PERSON');
        const from = Number(row.hours);
        if (from === input.hours) throw new Invalid('更正后的时长与原时长相同', 'HOURS_UNCHANGED');
        const now = ctx.now();
        await tx
          .updateTable('service_records')
          .set({ hours: input.hours, updated_at: now })
          .where('id', '=', id)
          .execute();
        await addEvents(
          tx,
          actor,
          'correct',
          [{ id, org_path: row.org_path, from, to: input.hours }],
          input.reason,
          now,
        );
        await auditRecord(
          tx,
          actor,
          'hours.correct',
          row,
          { from, to: input.hours, reason: input.reason, status: row.status },
          now,
        );
        // only confirmed hours carry points: a pending record's correction changes none
        if (row.status === 'confirmed')
          await ctx.events.emit(tx, {
            type: 'serviceRecord.corrected',
            record: recordFacts({ ...row, hours: input.hours }),
            fromHours: from,
            reason: input.reason,
            actorUserId: actor.userId,
            at: now,
          });
        return recordDetail(tx, actor, id);
      }),

    reject: (actor: Actor, id: number, reason: string) =>
      run(actor, async (tx) => {
        const row = await lockRecord(tx, actor, id);
        if (row.status !== 'pending') throw new Conflict('只能驳回待确认的记录', 'NOT_PENDING');
        const now = ctx.now();
        await tx
          .updateTable('service_records')
          .set({
            status: 'rejected',
            reject_reason: reason,
            reviewed_by: actor.userId,
            reviewed_at: now,
            updated_at: now,
          })
          .where('id', '=', id)
          .execute();
        const hours = Number(row.hours);
        await addEvents(
          tx,
          actor,
          'reject',
          [{ id, org_path: row.org_path, from: hours, to: hours }],
          reason,
          now,
        );
        await auditRecord(tx, actor, 'hours.reject', row, { hours, reason }, now);
        await ctx.events.emit(tx, {
          type: 'serviceRecord.voided',
          record: recordFacts(row),
          reason,
          actorUserId: actor.userId,
          at: now,
        });
        return recordDetail(tx, actor, id);
      }),

    /** 补录: hours of a finished activity the volunteer served without a check-in. */
    backfill: (actor: Actor, input: BackfillInput) =>
      run(actor, async (tx) => {
        const activity = await managedActivityForHours(tx, actor, input.activityId);
        if (activity.status !== 'finished' && activity.status !== 'archived')
          throw new Conflict('只能为已结束或已归档的活动补录时长', 'ACTIVITY_NOT_FINISHED');
        const max = maxCreditHours(spanMinutes(activity.starts_at, activity.ends_at));
        if (input.hours > max) throw new Invalid(`补录时长不能超过活动时长（${max} 小时）`, 'HOURS_OVER_CAP');
        const volunteer = await findVolunteer(tx, input.volunteerId);
        const evidence = await checkEvidence(tx, input.evidenceUploadIds);
        const existing = await tx
          .selectFrom('service_records')
          .select(['id', 'kind', 'status'])
          .where('source', '=', 'activity')
          .where('source_id', '=', activity.id)
          .where('volunteer_id', '=', volunteer.id)
          .forUpdate()
          .executeTakeFirst();
        if (existing?.kind === 'credit')
          throw new Conflict('该志愿者已有本次活动的签到时长记录，请在原记录上更正', 'HAS_CREDIT_RECORD');
        if (existing && existing.status !== 'rejected')
          throw new Conflict('已为该志愿者补录过本次活动的时长', 'ALREADY_BACKFILLED');
        const now = ctx.now();
        const values = {
          org_path: activity.org_path,
          kind: 'backfill',
          status: 'pending',
          started_at: activity.starts_at,
          ended_at: activity.ends_at,
          minutes: Math.round(input.hours * 60),
          hours: input.hours,
          note: input.reason,
          evidence_upload_ids: evidence,
          created_by: actor.userId,
          reviewed_by: null,
          reviewed_at: null,
          reject_reason: null,
          updated_at: now,
        };
        // a rejected backfill is sent again with the new hours and evidence, not duplicated
        const id = existing
          ? (
              await tx
                .updateTable('service_records')
                .set(values)
                .where('id', '=', existing.id)
                .returning('id')
                .executeTakeFirstOrThrow()
            ).id
          : (
              await insertOnce(() =>
                tx
                  .insertInto('service_records')
                  .values({
                    ...values,
                    volunteer_id: volunteer.id,
                    source: 'activity',
                    source_id: activity.id,
                    created_at: now,
                  })
                  .returning('id')
                  .executeTakeFirstOrThrow(),
              )
            ).id;
        await addEvents(
          tx,
          actor,
          'create',
          [{ id, org_path: activity.org_path, from: null, to: input.hours }],
          `补录：${input.reason}`,
          now,
        );
        await auditRecord(
          tx,
          actor,
          'hours.backfill',
          { id, org_path: activity.org_path, volunteer_id: volunteer.id },
          { activityId: activity.id, hours: input.hours, reason: input.reason, evidence: evidence.length },
          now,
        );
        return recordDetail(tx, actor, id);
      }),

    /** Other service (not an activity or an order), with evidence; hours by the org's rule. */
    manual: (actor: Actor, input: ManualInput) =>
      run(actor, async (tx) => {
        const volunteer = await findVolunteer(tx, input.volunteerId);
        if (!inActorScope(actor, volunteer.org_path)) throw new NotFound(VOLUNTEER_NOT_FOUND);
        if (input.endedAt.getTime() <= input.startedAt.getTime())
          throw new Invalid('结束时间须晚于开始时间', 'END_BEFORE_START');
        const now = ctx.now();
        if (input.endedAt.getTime() > now.getTime())
          throw new Invalid('结束时间不能晚于当前时间', 'IN_FUTURE');
        const minutes = minutesBetween(input.startedAt, input.endedAt);
        if (minutes > MAX_RECORD_HOURS * 60)
          throw new Invalid(`单条记录不超过 ${MAX_RECORD_HOURS} 小时，请分开录入`, 'HOURS_OVER_CAP');
        const rule = await hourRuleFor(tx, volunteer.org_path);
        const hours = roundServiceHours(minutes, rule);
        if (hours <= 0)
          throw new Invalid(
            `服务时长过短，按本单位取整规则（${rule.stepMinutes} 分钟）计为 0 小时`,
            'HOURS_ZERO',
          );
        const evidence = await checkEvidence(tx, input.evidenceUploadIds);
        const { id } = await tx
          .insertInto('service_records')
          .values({
            volunteer_id: volunteer.id,
            org_path: volunteer.org_path,
            source: 'manual',
            source_id: null,
            kind: 'manual',
            status: 'pending',
            started_at: input.startedAt,
            ended_at: input.endedAt,
            minutes,
            hours,
            note: input.description,
            evidence_upload_ids: evidence,
            created_by: actor.userId,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await addEvents(
          tx,
          actor,
          'create',
          [{ id, org_path: volunteer.org_path, from: null, to: hours }],
          `手工录入：${input.description}`,
          now,
        );
        await auditRecord(
          tx,
          actor,
          'hours.manual',
          { id, org_path: volunteer.org_path, volunteer_id: volunteer.id },
          { minutes, hours, rule, evidence: evidence.length },
          now,
        );
        return recordDetail(tx, actor, id);
      }),
  };
}

/** An insert that a concurrent twin may beat to the unique key: the loser gets a clear 409. */
async function insertOnce<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if ((error as { code?: string }).code === '23505')
      throw new Conflict('已为该志愿者录入过本次活动的时长', 'ALREADY_BACKFILLED');
    throw error;
  }
}
