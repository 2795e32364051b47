// Work tasks for units (调度任务): the centre or an institute issues a task to units of its subtree;
// each recipient unit has one assignment (its own deadline: the task's or an extension), reports with
// text, photos and links, and the issuer approves with a score or returns with a reason. This file
// holds issuing, withdrawing and the lists; reports.ts holds reporting and reviewing. The module owns
// work_tasks, task_assignments and task_reports.
import { sql, type Expression, type SqlBool } from 'kysely';
import { taskState, type TaskAssignmentStatus, type TaskState, type WorkTaskStatus } from '@civic/contracts';
import { auditAction, inActorScope, type Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Tx } from '../../platform/db/database.ts';
import { pageByKey } from '../../platform/db/paging.ts';
import { Conflict, Invalid, NotFound } from '../../platform/errors.ts';
import { containsPattern } from '../../platform/http/schemas.ts';
import { isoTimestamp } from '../../platform/time.ts';
import { notifyOrg } from '../notifications/index.ts';
import type {
  AssignmentListQuery,
  AssignmentView,
  ProgressCounts,
  TaskInput,
  TaskListQuery,
  TaskView,
  TodoQuery,
} from './tasks.schema.ts';

const MAX_RECIPIENTS = 1000;
const DAY_MS = 86_400_000;

export interface TaskRow {
  id: number;
  org_id: number;
  org_path: string;
  org_name: string;
  title: string;
  description: string;
  deadline: Date;
  requires_text: boolean;
  min_photos: number;
  allow_links: boolean;
  max_score: number | null;
  status: string;
  /** null where the caller's scope does not reach the issuing person (a station, of the centre's staff) */
  created_by_name: string | null;
  created_at: Date;
  cancelled_at: Date | null;
  cancel_reason: string | null;
}

export function selectTasks(tx: Tx) {
  return tx
    .selectFrom('work_tasks as t')
    .leftJoin('users as u', 'u.id', 't.created_by')
    .select([
      't.id',
      't.org_id',
      't.org_path',
      sql<string>`org_name(t.org_id)`.as('org_name'),
      't.title',
      't.description',
      't.deadline',
      't.requires_text',
      't.min_photos',
      't.allow_links',
      't.max_score',
      't.status',
      'u.display_name as created_by_name',
      't.created_at',
      't.cancelled_at',
      't.cancel_reason',
    ]);
}

/** The actor may review, extend and withdraw the task: its org issued it, or one below it did. */
export function managesTask(actor: Actor, taskOrgPath: string): boolean {
  return actor.permissions.has('task.issue') && inActorScope(actor, taskOrgPath);
}

export function taskBaseView(r: TaskRow, actor: Actor): Omit<TaskView, 'progress'> {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    title: r.title,
    description: r.description,
    deadline: isoTimestamp(r.deadline),
    requiresText: r.requires_text,
    minPhotos: r.min_photos,
    allowLinks: r.allow_links,
    maxScore: r.max_score,
    status: r.status as WorkTaskStatus,
    createdBy: r.created_by_name,
    createdAt: isoTimestamp(r.created_at),
    cancelledAt: isoTimestamp(r.cancelled_at),
    cancelReason: r.cancel_reason,
    canManage: managesTask(actor, r.org_path),
  };
}

const EMPTY_PROGRESS: ProgressCounts = {
  assigned: 0,
  pending: 0,
  submitted: 0,
  returned: 0,
  approved: 0,
  overdue: 0,
};

/** Each task's progress over the assignments the caller can see (row-level security). */
async function progressOf(tx: Tx, taskIds: number[], now: Date): Promise<Map<number, ProgressCounts>> {
  if (taskIds.length === 0) return new Map();
  const { rows } = await sql<{ task_id: string } & Record<keyof ProgressCounts, number>>`
    SELECT task_id,
           count(*)::int AS assigned,
           count(*) FILTER (WHERE status = 'pending' AND due_at >= ${now})::int AS pending,
           count(*) FILTER (WHERE status = 'submitted')::int AS submitted,
           count(*) FILTER (WHERE status = 'returned' AND due_at >= ${now})::int AS returned,
           count(*) FILTER (WHERE status = 'approved')::int AS approved,
           count(*) FILTER (WHERE status IN ('pending', 'returned') AND due_at < ${now})::int AS overdue
      FROM task_assignments WHERE task_id = ANY(${taskIds}::bigint[]) GROUP BY task_id`.execute(tx);
  return new Map(rows.map(({ task_id, ...counts }) => [Number(task_id), counts as ProgressCounts] as const));
}

export interface AssignmentRow {
  id: number;
  task_id: number;
  task_title: string;
  task_status: string;
  task_deadline: Date;
  task_org_id: number;
  task_org_path: string;
  max_score: number | null;
  issuer_name: string;
  org_id: number;
  org_path: string;
  issuer_path: string;
  org_name: string;
  status: string;
  due_at: Date;
  extended_at: Date | null;
  extension_reason: string | null;
  submitted_at: Date | null;
  approved_at: Date | null;
  score: number | null;
  draft_photo_ids: string[];
  return_reason: string | null;
}

export function selectAssignments(tx: Tx) {
  return tx
    .selectFrom('task_assignments as a')
    .innerJoin('work_tasks as t', 't.id', 'a.task_id')
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .select([
      'a.id',
      'a.task_id',
      't.title as task_title',
      't.status as task_status',
      't.deadline as task_deadline',
      't.org_id as task_org_id',
      't.org_path as task_org_path',
      't.max_score',
      sql<string>`org_name(t.org_id)`.as('issuer_name'),
      'a.org_id',
      'a.org_path',
      'a.issuer_path',
      'o.name as org_name',
      'a.status',
      'a.due_at',
      'a.extended_at',
      'a.extension_reason',
      'a.submitted_at',
      'a.approved_at',
      'a.score',
      'a.draft_photo_ids',
      // the latest return's reason, while the unit has not reported again
      sql<string | null>`CASE WHEN a.status = 'returned' THEN (SELECT r.comment FROM task_reports r
        WHERE r.assignment_id = a.id ORDER BY r.id DESC LIMIT 1) END`.as('return_reason'),
    ]);
}

export function assignmentViewOf(r: AssignmentRow, now: Date): AssignmentView {
  return {
    id: r.id,
    taskId: r.task_id,
    taskTitle: r.task_title,
    issuerName: r.issuer_name,
    orgId: r.org_id,
    orgName: r.org_name,
    state: taskState(r.status as TaskAssignmentStatus, r.due_at, r.task_status as WorkTaskStatus, now),
    dueAt: isoTimestamp(r.due_at),
    taskDeadline: isoTimestamp(r.task_deadline),
    extended: r.extended_at !== null,
    extensionReason: r.extension_reason,
    submittedAt: isoTimestamp(r.submitted_at),
    approvedAt: isoTimestamp(r.approved_at),
    score: r.score,
    maxScore: r.max_score,
    returnReason: r.return_reason,
  };
}

/** The SQL condition of a displayed state (see taskState). */
function stateCondition(state: TaskState, now: Date): Expression<SqlBool> {
  switch (state) {
    case 'cancelled':
      return sql<SqlBool>`t.status = 'cancelled'`;
    case 'overdue':
      return sql<SqlBool>`t.status = 'open' AND a.status IN ('pending', 'returned') AND a.due_at < ${now}`;
    case 'pending':
    case 'returned':
      return sql<SqlBool>`t.status = 'open' AND a.status = ${state} AND a.due_at >= ${now}`;
    default:
      return sql<SqlBool>`t.status = 'open' AND a.status = ${state}`;
  }
}

const chinaTime = (at: Date) =>
  new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
export { chinaTime };

export function createTasksService(ctx: AppContext) {
  const run = <T>(actor: Actor, work: (tx: Tx) => Promise<T>) => inScope(ctx.db.app, actor, work);

  async function visibleTask(tx: Tx, actor: Actor, id: number): Promise<TaskRow> {
    const row = (await selectTasks(tx).where('t.id', '=', id).executeTakeFirst()) as TaskRow | undefined;
    if (!row) throw new NotFound('任务不存在或不在您的数据范围内');
    return row;
  }

  /** The recipients: the units picked and every active station under the units named. */
  async function recipientsOf(tx: Tx, issuer: { path: string }, input: TaskInput) {
    const named = [...new Set([...input.orgIds, ...input.stationsUnder])];
    const found = named.length
      ? await tx.selectFrom('orgs').select(['id', 'path', 'status']).where('id', 'in', named).execute()
      : [];
    const byId = new Map(found.map((o) => [Number(o.id), o]));
    for (const id of named) {
      const org = byId.get(id);
      if (!org || !inActorScope({ orgPath: issuer.path } as Actor, org.path))
        throw new NotFound('所选单位不存在或不在您的数据范围内');
    }
    const picked = input.orgIds.map((id) => byId.get(id)!);
    if (picked.some((o) => o.path === issuer.path)) throw new Invalid('不能给本单位下达任务，请选择下级单位');
    if (picked.some((o) => o.status === 'archived'))
      throw new Invalid('所选单位中有已归档的单位，不能接收任务', 'ORG_ARCHIVED');
    const recipients = new Map(picked.map((o) => [Number(o.id), { id: Number(o.id), path: o.path }]));
    if (input.stationsUnder.length) {
      const stations = await tx
        .selectFrom('orgs')
        .select(['id', 'path'])
        .where('kind', '=', 'station')
        .where('status', '=', 'active')
        .where('path', '<>', sql<string>`${issuer.path}::ltree`)
        .where(sql<SqlBool>`path <@ ANY(${input.stationsUnder.map((id) => byId.get(id)!.path)}::ltree[])`)
        .execute();
      if (stations.length === 0 && picked.length === 0)
        throw new Invalid('所选单位下没有实践站，请另选单位', 'NO_RECIPIENTS');
      for (const s of stations) recipients.set(Number(s.id), { id: Number(s.id), path: s.path });
    }
    if (recipients.size === 0) throw new Invalid('请选择接收任务的单位', 'NO_RECIPIENTS');
    if (recipients.size > MAX_RECIPIENTS)
      throw new Invalid(`一次最多下达给 ${MAX_RECIPIENTS} 个单位，请分批下达`, 'TOO_MANY_RECIPIENTS');
    return [...recipients.values()];
  }

  return {
    /** 下达任务: to the units picked and/or every station under the units named. */
    issue: (actor: Actor, input: TaskInput) =>
      run(actor, async (tx): Promise<TaskView> => {
        const now = ctx.now();
        if (input.deadline.getTime() <= now.getTime())
          throw new Invalid('截止时间须晚于现在', 'DEADLINE_PASSED');
        if (input.orgIds.length === 0 && input.stationsUnder.length === 0)
          throw new Invalid('请选择接收任务的单位', 'NO_RECIPIENTS');
        const issuer = await tx
          .selectFrom('orgs')
          .select(['id', 'path', 'status'])
          .where('id', '=', actor.orgId)
          .executeTakeFirstOrThrow();
        if (issuer.status === 'archived') throw new Conflict('本单位已归档，不能下达任务');
        const recipients = await recipientsOf(tx, issuer, input);
        const task = await tx
          .insertInto('work_tasks')
          .values({
            org_id: issuer.id,
            org_path: issuer.path,
            title: input.title,
            description: input.description,
            deadline: input.deadline,
            requires_text: input.requiresText,
            min_photos: input.minPhotos,
            allow_links: input.allowLinks,
            max_score: input.maxScore,
            created_by: actor.userId,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const taskId = Number(task.id);
        await tx
          .insertInto('task_assignments')
          .values(
            recipients.map((r) => ({
              task_id: taskId,
              org_id: r.id,
              org_path: r.path,
              issuer_path: issuer.path,
              due_at: input.deadline,
              created_at: now,
              updated_at: now,
            })),
          )
          .execute();
        for (const r of recipients)
          await notifyOrg(
            tx,
            r,
            {
              kind: 'task.issued',
              title: `新任务：${input.title}`,
              body: `截止 ${chinaTime(input.deadline)}`,
              link: `/tasks/todo`,
            },
            now,
          );
        await auditAction(
          tx,
          actor,
          'task.issue',
          'work_task',
          { id: taskId, org_id: issuer.id, org_path: issuer.path },
          {
            title: input.title,
            deadline: input.deadline.toISOString(),
            recipients: recipients.length,
            maxScore: input.maxScore,
          },
          now,
        );
        const row = await visibleTask(tx, actor, taskId);
        return {
          ...taskBaseView(row, actor),
          progress: { ...EMPTY_PROGRESS, assigned: recipients.length, pending: recipients.length },
        };
      }),

    /** The tasks the caller can see: issued by its org or below, or sent to its units. */
    list: (actor: Actor, q: TaskListQuery) =>
      run(actor, async (tx) => {
        const now = ctx.now();
        let query = selectTasks(tx);
        if (q.mine === 'issued') query = query.where(sql<SqlBool>`t.org_path <@ ${actor.orgPath}::ltree`);
        if (q.mine === 'received')
          query = query.where(
            sql<SqlBool>`EXISTS (SELECT 1 FROM task_assignments a
              WHERE a.task_id = t.id AND a.org_path <@ ${actor.orgPath}::ltree)`,
          );
        if (q.status) query = query.where('t.status', '=', q.status);
        if (q.keyword) query = query.where('t.title', 'ilike', containsPattern(q.keyword));
        const { rows, total } = await pageByKey(
          query.orderBy('t.created_at', 'desc').orderBy('t.id', 'desc'),
          q,
          't.id',
        );
        const progress = await progressOf(
          tx,
          rows.map((r) => Number(r.id)),
          now,
        );
        return {
          items: (rows as TaskRow[]).map((r) => ({
            ...taskBaseView(r, actor),
            progress: progress.get(Number(r.id)) ?? EMPTY_PROGRESS,
          })),
          total,
        };
      }),

    get: (actor: Actor, id: number) =>
      run(actor, async (tx): Promise<TaskView> => {
        const row = await visibleTask(tx, actor, id);
        const progress = await progressOf(tx, [id], ctx.now());
        return { ...taskBaseView(row, actor), progress: progress.get(id) ?? EMPTY_PROGRESS };
      }),

    /** 各单位进度: one row per recipient unit the caller can see, filtered by state and name. */
    assignments: (actor: Actor, id: number, q: AssignmentListQuery) =>
      run(actor, async (tx) => {
        const now = ctx.now();
        await visibleTask(tx, actor, id);
        let query = selectAssignments(tx).where('a.task_id', '=', id);
        if (q.state) query = query.where(stateCondition(q.state, now));
        if (q.keyword) query = query.where('o.name', 'ilike', containsPattern(q.keyword));
        const { rows, total } = await pageByKey(query.orderBy('o.code').orderBy('a.id'), q, 'a.id');
        return { items: (rows as AssignmentRow[]).map((r) => assignmentViewOf(r, now)), total };
      }),

    /** 撤回任务: the issuer withdraws it; nothing can be reported or reviewed after. */
    cancel: (actor: Actor, id: number, reason: string) =>
      run(actor, async (tx): Promise<TaskView> => {
        const now = ctx.now();
        const row = await visibleTask(tx, actor, id);
        if (!managesTask(actor, row.org_path)) throw new NotFound('任务不存在或不在您的数据范围内');
        const updated = await tx
          .updateTable('work_tasks')
          .set({
            status: 'cancelled',
            cancelled_at: now,
            cancelled_by: actor.userId,
            cancel_reason: reason,
            updated_at: now,
          })
          .where('id', '=', id)
          .where('status', '=', 'open')
          .returning('id')
          .executeTakeFirst();
        if (!updated) throw new Conflict('任务已撤回', 'TASK_CANCELLED');
        const open = await tx
          .selectFrom('task_assignments')
          .select(['org_id as id', 'org_path as path'])
          .where('task_id', '=', id)
          .where('status', '<>', 'approved')
          .execute();
        for (const org of open)
          await notifyOrg(
            tx,
            { id: Number(org.id), path: org.path },
            { kind: 'task.cancelled', title: `任务已撤回：${row.title}`, body: reason, link: '/tasks/todo' },
            now,
          );
        await auditAction(
          tx,
          actor,
          'task.cancel',
          'work_task',
          { id, org_id: row.org_id, org_path: row.org_path },
          { title: row.title, reason },
          now,
        );
        const progress = await progressOf(tx, [id], now);
        return {
          ...taskBaseView(await visibleTask(tx, actor, id), actor),
          progress: progress.get(id) ?? EMPTY_PROGRESS,
        };
      }),

    /** 待办: the assignments of the caller's own unit. */
    inbox: (actor: Actor, q: TodoQuery) =>
      run(actor, async (tx) => {
        const now = ctx.now();
        let query = selectAssignments(tx).where('a.org_id', '=', actor.orgId);
        if (q.show === 'open')
          query = query
            .where('t.status', '=', 'open')
            .where('a.status', 'in', ['pending', 'returned', 'submitted'])
            .orderBy(sql`a.status = 'submitted'`)
            .orderBy('a.due_at');
        else if (q.show === 'done')
          query = query
            .where((eb) => eb.or([eb('t.status', '=', 'cancelled'), eb('a.status', '=', 'approved')]))
            .orderBy('a.updated_at', 'desc');
        else query = query.orderBy('a.due_at', 'desc');
        const { rows, total } = await pageByKey(query.orderBy('a.id', 'desc'), q, 'a.id');
        return { items: (rows as AssignmentRow[]).map((r) => assignmentViewOf(r, now)), total };
      }),

    /** The badge: the caller's unit's open assignments by state, and reports waiting for its review. */
    todoCounts: (actor: Actor) =>
      run(actor, async (tx) => {
        const now = ctx.now();
        const soon = new Date(now.getTime() + 3 * DAY_MS);
        const { rows } = await sql<{
          to_report: number;
          returned: number;
          overdue: number;
          submitted: number;
          due_soon: number;
        }>`
          SELECT count(*) FILTER (WHERE a.status IN ('pending', 'returned') AND a.due_at >= ${now})::int AS to_report,
                 count(*) FILTER (WHERE a.status = 'returned' AND a.due_at >= ${now})::int AS returned,
                 count(*) FILTER (WHERE a.status IN ('pending', 'returned') AND a.due_at < ${now})::int AS overdue,
                 count(*) FILTER (WHERE a.status = 'submitted')::int AS submitted,
                 count(*) FILTER (WHERE a.status IN ('pending', 'returned') AND a.due_at >= ${now}
                                    AND a.due_at < ${soon})::int AS due_soon
            FROM task_assignments a JOIN work_tasks t ON t.id = a.task_id
           WHERE a.org_id = ${actor.orgId} AND t.status = 'open'`.execute(tx);
        const c = rows[0]!;
        let toReview = 0;
        if (actor.permissions.has('task.issue')) {
          const review = await sql<{ n: number }>`
            SELECT count(*)::int AS n FROM task_assignments a JOIN work_tasks t ON t.id = a.task_id
             WHERE a.issuer_path <@ ${actor.orgPath}::ltree AND t.status = 'open' AND a.status = 'submitted'`.execute(
            tx,
          );
          toReview = review.rows[0]!.n;
        }
        return {
          toReport: c.to_report,
          returned: c.returned,
          overdue: c.overdue,
          submitted: c.submitted,
          dueSoon: c.due_soon,
          toReview,
        };
      }),
  };
}
