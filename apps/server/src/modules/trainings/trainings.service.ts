// Trainings (培训, issue 16; seed 004 §11): the sessions a unit holds for its staff, backbone
// volunteers, new volunteers or 微讲堂 leads. planned → held (only once it has started; it then
// counts for the assessment) or → cancelled with a reason. A planned session is edited freely; a
// held one only takes attendance and materials (attendance.ts). The module owns trainings,
// training_attendees and training_materials; the assessment reads its figures (figures.ts).
import { sql, type SqlBool } from 'kysely';
import type { TrainingKind, TrainingStatus } from '@civic/contracts';
import { auditAction, inActorScope, type Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Tx } from '../../platform/db/database.ts';
import { pageByKey } from '../../platform/db/paging.ts';
import { Conflict, Invalid, NotFound } from '../../platform/errors.ts';
import { containsPattern } from '../../platform/http/schemas.ts';
import { isoTimestamp } from '../../platform/time.ts';
import type {
  TrainingInput,
  TrainingListQuery,
  TrainingUpdateInput,
  TrainingView,
} from './trainings.schema.ts';

export const NOT_FOUND = '培训不存在或不在您的数据范围内';

/** The instant a China date begins. */
export const chinaMidnight = (day: string) =>
  sql<Date>`(${day}::date::timestamp AT TIME ZONE 'Asia/Shanghai')`;
export const nextDay = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

export interface TrainingRow {
  id: number;
  org_id: number;
  org_path: string;
  org_name: string;
  title: string;
  kind: string;
  starts_at: Date;
  ends_at: Date;
  place: string;
  trainer: string;
  description: string;
  status: string;
  held_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  other_attendees: number;
  attendee_count: number;
  material_count: number;
  created_by_name: string | null;
  created_at: Date;
}

export function selectTrainings(tx: Tx) {
  return tx
    .selectFrom('trainings as t')
    .leftJoin('users as u', 'u.id', 't.created_by')
    .select([
      't.id',
      't.org_id',
      't.org_path',
      sql<string>`org_name(t.org_id)`.as('org_name'),
      't.title',
      't.kind',
      't.starts_at',
      't.ends_at',
      't.place',
      't.trainer',
      't.description',
      't.status',
      't.held_at',
      't.cancelled_at',
      't.cancel_reason',
      't.other_attendees',
      sql<number>`(SELECT count(*)::int FROM training_attendees a WHERE a.training_id = t.id)`.as(
        'attendee_count',
      ),
      sql<number>`(SELECT count(*)::int FROM training_materials m WHERE m.training_id = t.id)`.as(
        'material_count',
      ),
      'u.display_name as created_by_name',
      't.created_at',
    ]);
}

export function trainingViewOf(r: TrainingRow): TrainingView {
  return {
    id: Number(r.id),
    orgId: Number(r.org_id),
    orgName: r.org_name,
    title: r.title,
    kind: r.kind as TrainingKind,
    startsAt: isoTimestamp(r.starts_at),
    endsAt: isoTimestamp(r.ends_at),
    place: r.place,
    trainer: r.trainer,
    description: r.description,
    status: r.status as TrainingStatus,
    heldAt: isoTimestamp(r.held_at),
    cancelledAt: isoTimestamp(r.cancelled_at),
    cancelReason: r.cancel_reason,
    attendeeCount: r.attendee_count,
    otherAttendees: r.other_attendees,
    materialCount: r.material_count,
    createdBy: r.created_by_name,
    createdAt: isoTimestamp(r.created_at),
  };
}

export const trainingTarget = (r: Pick<TrainingRow, 'id' | 'org_id' | 'org_path'>) => ({
  id: Number(r.id),
  org_id: Number(r.org_id),
  org_path: r.org_path,
});

/** A training of the caller's subtree (row-level security), locked when it is to change. */
export async function visibleTraining(tx: Tx, id: number, lock = false): Promise<TrainingRow> {
  if (lock) {
    const locked = await tx
      .selectFrom('trainings')
      .select('id')
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!locked) throw new NotFound(NOT_FOUND);
  }
  const row = (await selectTrainings(tx).where('t.id', '=', id).executeTakeFirst()) as
    TrainingRow | undefined;
  if (!row) throw new NotFound(NOT_FOUND);
  return row;
}

/** An org of the caller's subtree by id (404 otherwise). */
export async function scopedOrg(tx: Tx, actor: Actor, id: number) {
  const org = await tx
    .selectFrom('orgs')
    .select(['id', 'path', 'name', 'kind', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
  // orgs above the caller are readable (names, the tree); the check keeps to the caller's subtree
  if (!org || !inActorScope(actor, org.path)) throw new NotFound('所选单位不存在或不在您的数据范围内');
  return org;
}

export function createTrainingsService(ctx: AppContext) {
  const run = <T>(actor: Actor, work: (tx: Tx) => Promise<T>) => inScope(ctx.db.app, actor, work);

  return {
    list: (actor: Actor, q: TrainingListQuery) =>
      run(actor, async (tx) => {
        let query = selectTrainings(tx);
        if (q.orgId) {
          const org = await scopedOrg(tx, actor, q.orgId);
          query = query.where(sql<SqlBool>`t.org_path <@ ${org.path}::ltree`);
        }
        if (q.kind) query = query.where('t.kind', '=', q.kind);
        if (q.status) query = query.where('t.status', '=', q.status);
        if (q.year) {
          query = query
            .where('t.starts_at', '>=', chinaMidnight(`${q.year}-01-01`))
            .where('t.starts_at', '<', chinaMidnight(`${q.year + 1}-01-01`));
        }
        if (q.from) query = query.where('t.starts_at', '>=', chinaMidnight(q.from));
        if (q.to) query = query.where('t.starts_at', '<', chinaMidnight(nextDay(q.to)));
        if (q.q) {
          const pattern = containsPattern(q.q);
          query = query.where((eb) =>
            eb.or([eb('t.title', 'ilike', pattern), eb('t.trainer', 'ilike', pattern)]),
          );
        }
        const { rows, total } = await pageByKey(
          query.orderBy('t.starts_at', 'desc').orderBy('t.id', 'desc'),
          q,
          't.id',
        );
        return { items: (rows as TrainingRow[]).map(trainingViewOf), total };
      }),

    get: (actor: Actor, id: number) =>
      run(actor, async (tx) => trainingViewOf(await visibleTraining(tx, id))),

    create: (actor: Actor, input: TrainingInput) =>
      run(actor, async (tx): Promise<TrainingView> => {
        const now = ctx.now();
        const org = await scopedOrg(tx, actor, input.orgId ?? actor.orgId);
        if (org.status === 'archived') throw new Invalid('所选单位已归档，不能新建培训', 'ORG_ARCHIVED');
        const created = await tx
          .insertInto('trainings')
          .values({
            org_id: org.id,
            org_path: org.path,
            title: input.title,
            kind: input.kind,
            starts_at: input.startsAt,
            ends_at: input.endsAt,
            place: input.place,
            trainer: input.trainer,
            description: input.description,
            other_attendees: input.otherAttendees,
            created_by: actor.userId,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const id = Number(created.id);
        await auditAction(
          tx,
          actor,
          'training.create',
          'training',
          { id, org_id: Number(org.id), org_path: org.path },
          { title: input.title, kind: input.kind, startsAt: input.startsAt.toISOString() },
          now,
        );
        return trainingViewOf(await visibleTraining(tx, id));
      }),

    /** A planned training's details; a held or cancelled one is history. */
    update: (actor: Actor, id: number, input: TrainingUpdateInput) =>
      run(actor, async (tx): Promise<TrainingView> => {
        const now = ctx.now();
        const row = await visibleTraining(tx, id, true);
        if (row.status !== 'planned')
          throw new Conflict(
            row.status === 'held'
              ? '培训已举办，只能修改签到名单、其他参加人数和培训材料'
              : '培训已取消，不能修改',
            'TRAINING_NOT_PLANNED',
          );
        await tx
          .updateTable('trainings')
          .set({
            title: input.title,
            kind: input.kind,
            starts_at: input.startsAt,
            ends_at: input.endsAt,
            place: input.place,
            trainer: input.trainer,
            description: input.description,
            other_attendees: input.otherAttendees,
            updated_at: now,
          })
          .where('id', '=', id)
          .execute();
        await auditAction(
          tx,
          actor,
          'training.update',
          'training',
          trainingTarget(row),
          { title: input.title, kind: input.kind, startsAt: input.startsAt.toISOString() },
          now,
        );
        return trainingViewOf(await visibleTraining(tx, id));
      }),

    /** 标记已举办: once it has started; from then on it counts for the assessment. */
    markHeld: (actor: Actor, id: number) =>
      run(actor, async (tx): Promise<TrainingView> => {
        const now = ctx.now();
        const row = await visibleTraining(tx, id, true);
        if (row.status === 'held') throw new Conflict('培训已标记为已举办', 'TRAINING_HELD');
        if (row.status === 'cancelled')
          throw new Conflict('培训已取消，不能标记为已举办', 'TRAINING_CANCELLED');
        if (row.starts_at.getTime() > now.getTime())
          throw new Conflict('培训尚未开始，开始后才能标记为已举办', 'TRAINING_NOT_STARTED');
        await tx
          .updateTable('trainings')
          .set({ status: 'held', held_at: now, held_by: actor.userId, updated_at: now })
          .where('id', '=', id)
          .execute();
        await auditAction(
          tx,
          actor,
          'training.held',
          'training',
          trainingTarget(row),
          { title: row.title },
          now,
        );
        return trainingViewOf(await visibleTraining(tx, id));
      }),

    cancel: (actor: Actor, id: number, reason: string) =>
      run(actor, async (tx): Promise<TrainingView> => {
        const now = ctx.now();
        const row = await visibleTraining(tx, id, true);
        if (row.status !== 'planned')
          throw new Conflict(
            row.status === 'held' ? '培训已举办，不能取消' : '培训已取消',
            row.status === 'held' ? 'TRAINING_HELD' : 'TRAINING_CANCELLED',
          );
        await tx
          .updateTable('trainings')
          .set({
            status: 'cancelled',
            cancelled_at: now,
            cancelled_by: actor.userId,
            cancel_reason: reason,
            updated_at: now,
          })
          .where('id', '=', id)
          .execute();
        await auditAction(
          tx,
          actor,
          'training.cancel',
          'training',
          trainingTarget(row),
          { title: row.title, reason },
          now,
        );
        return trainingViewOf(await visibleTraining(tx, id));
      }),
  };
}
