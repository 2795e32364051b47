// One unit's assignment of a work task: its page (reports, draft photos), the unit's report (text,
// photos uploaded beforehand, links; refused after the deadline unless the issuer extended it), and
// the issuer's review — approve with a score, return with a reason (optionally with a new deadline),
// or extend the deadline. Every action is one transaction with its audit entry and a notification to
// the unit where it concerns the unit.
import { sql } from 'kysely';
import { TASK_REPORT_MAX_PHOTOS, taskReportProblem } from '@civic/contracts';
import { auditAction, inActorScope, type Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Tx } from '../../platform/db/database.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/errors.ts';
import { isoTimestamp } from '../../platform/time.ts';
import { notifyOrg } from '../notifications/index.ts';
import { readRecordImage, storeRecordImage } from '../uploads/index.ts';
import type {
  ApproveInput,
  AssignmentDetail,
  ExtendInput,
  ReportInput,
  ReturnInput,
} from './tasks.schema.ts';
import {
  assignmentViewOf,
  chinaTime,
  managesTask,
  selectAssignments,
  selectTasks,
  taskBaseView,
  type AssignmentRow,
  type TaskRow,
} from './tasks.service.ts';

/** The drafts one assignment may hold (photos uploaded and not yet reported). */
const MAX_DRAFT_PHOTOS = 20;

const photoUrl = (assignmentId: number, photoId: string) =>
  `/api/tasks/assignments/${assignmentId}/photos/${photoId}`;

export function createTaskReportsService(ctx: AppContext) {
  const run = <T>(actor: Actor, work: (tx: Tx) => Promise<T>) => inScope(ctx.db.app, actor, work);

  async function visible(tx: Tx, actor: Actor, id: number, lock = false): Promise<AssignmentRow> {
    let query = selectAssignments(tx).where('a.id', '=', id);
    if (lock) query = query.forUpdate('a');
    const row = (await query.executeTakeFirst()) as AssignmentRow | undefined;
    // row-level security already hides it; the scope is checked here as well
    if (!row || !(inActorScope(actor, row.org_path) || inActorScope(actor, row.issuer_path)))
      throw new NotFound('任务不存在或不在您的数据范围内');
    return row;
  }

  /** The recipient unit itself reports (not the units above it on its behalf). */
  async function asRecipient(tx: Tx, actor: Actor, id: number): Promise<AssignmentRow> {
    const row = await visible(tx, actor, id, true);
    if (row.org_id !== actor.orgId || !actor.permissions.has('task.report'))
      throw new Forbidden('只有接收任务的单位可以上报', 'NOT_RECIPIENT');
    if (row.task_status === 'cancelled') throw new Conflict('任务已撤回，无需上报', 'TASK_CANCELLED');
    if (row.status === 'submitted') throw new Conflict('已上报，正在等待审核', 'ALREADY_SUBMITTED');
    if (row.status === 'approved') throw new Conflict('任务已通过审核，无需再上报', 'ALREADY_APPROVED');
    if (row.due_at.getTime() < ctx.now().getTime())
      throw new Conflict(
        `已过截止时间（${chinaTime(row.due_at)}），不能再上报；如需补报，请联系下达单位延期`,
        'DEADLINE_PASSED',
      );
    return row;
  }

  async function asIssuer(tx: Tx, actor: Actor, id: number): Promise<AssignmentRow> {
    const row = await visible(tx, actor, id, true);
    if (!managesTask(actor, row.task_org_path))
      throw new Forbidden('只有下达任务的单位可以审核、延期', 'NOT_ISSUER');
    if (row.task_status === 'cancelled') throw new Conflict('任务已撤回', 'TASK_CANCELLED');
    return row;
  }

  const target = (row: AssignmentRow) => ({ id: row.id, org_id: row.org_id, org_path: row.org_path });

  async function detail(tx: Tx, actor: Actor, id: number): Promise<AssignmentDetail> {
    const now = ctx.now();
    const row = await visible(tx, actor, id);
    const task = (await selectTasks(tx).where('t.id', '=', row.task_id).executeTakeFirstOrThrow()) as TaskRow;
    const reports = await tx
      .selectFrom('task_reports as r')
      .leftJoin('users as su', 'su.id', 'r.submitted_by')
      .leftJoin('users as du', 'du.id', 'r.decided_by')
      .select([
        'r.id',
        'r.text',
        'r.links',
        'r.photo_ids',
        'su.display_name as submitted_by',
        'r.submitted_at',
        'r.decision',
        'r.score',
        'r.comment',
        'du.display_name as decided_by',
        'r.decided_at',
      ])
      .where('r.assignment_id', '=', id)
      .orderBy('r.id', 'desc')
      .execute();
    const recipient = row.org_id === actor.orgId && actor.permissions.has('task.report');
    return {
      ...assignmentViewOf(row, now),
      task: taskBaseView(task, actor),
      canReport:
        recipient &&
        row.task_status === 'open' &&
        (row.status === 'pending' || row.status === 'returned') &&
        row.due_at.getTime() >= now.getTime(),
      canManage: managesTask(actor, row.task_org_path),
      draftPhotos: recipient ? row.draft_photo_ids.map((p) => ({ id: p, url: photoUrl(id, p) })) : [],
      reports: reports.map((r) => ({
        id: Number(r.id),
        text: r.text,
        links: r.links,
        photoUrls: r.photo_ids.map((p) => photoUrl(id, p)),
        submittedBy: r.submitted_by,
        submittedAt: isoTimestamp(r.submitted_at),
        late: r.submitted_at.getTime() > row.task_deadline.getTime(),
        decision: r.decision as 'approved' | 'returned' | null,
        score: r.score,
        comment: r.comment,
        decidedBy: r.decided_by,
        decidedAt: isoTimestamp(r.decided_at),
      })),
    };
  }

  return {
    detail: (actor: Actor, id: number) => run(actor, (tx) => detail(tx, actor, id)),

    /** A photo for the next report, bound to the assignment at once (a draft until reported). */
    addPhoto: (actor: Actor, id: number, file: { fileName: string | undefined; data: Buffer }) =>
      run(actor, async (tx) => {
        const now = ctx.now();
        const row = await asRecipient(tx, actor, id);
        if (row.draft_photo_ids.length >= MAX_DRAFT_PHOTOS)
          throw new Conflict(`待上报的照片最多 ${MAX_DRAFT_PHOTOS} 张，请先上报或移除`, 'TOO_MANY_PHOTOS');
        const photo = await storeRecordImage(tx, {
          orgPath: row.org_path,
          uploadedBy: actor.userId,
          fileName: file.fileName,
          data: file.data,
          now,
        });
        await tx
          .updateTable('task_assignments')
          .set({
            draft_photo_ids: sql<string[]>`array_append(draft_photo_ids, ${photo.id}::uuid)`,
            updated_at: now,
          })
          .where('id', '=', id)
          .execute();
        await auditAction(
          tx,
          actor,
          'task.photo',
          'task_assignment',
          target(row),
          { taskId: row.task_id, photoId: photo.id, mimeType: photo.mimeType, sha256: photo.sha256 },
          now,
        );
        return { id: photo.id, url: photoUrl(id, photo.id) };
      }),

    /** Takes a draft photo off the next report. */
    removePhoto: (actor: Actor, id: number, photoId: string) =>
      run(actor, async (tx) => {
        const row = await asRecipient(tx, actor, id);
        if (!row.draft_photo_ids.includes(photoId)) throw new NotFound('照片不存在');
        await tx
          .updateTable('task_assignments')
          .set({
            draft_photo_ids: sql<string[]>`array_remove(draft_photo_ids, ${photoId}::uuid)`,
            updated_at: ctx.now(),
          })
          .where('id', '=', id)
          .execute();
        return { ok: true as const };
      }),

    /** A photo of a report (or a draft), for those who see the assignment. */
    photo: (actor: Actor, id: number, photoId: string) =>
      run(actor, async (tx) => {
        const row = await visible(tx, actor, id);
        const inReport = await tx
          .selectFrom('task_reports')
          .select('id')
          .where('assignment_id', '=', id)
          .where(sql<boolean>`${photoId}::uuid = ANY(photo_ids)`)
          .executeTakeFirst();
        const draft = row.org_id === actor.orgId && row.draft_photo_ids.includes(photoId);
        if (!inReport && !draft) throw new NotFound('照片不存在');
        return readRecordImage(tx, photoId);
      }),

    /** 上报: the unit's report, checked against what the task asks for. */
    report: (actor: Actor, id: number, input: ReportInput) =>
      run(actor, async (tx) => {
        const now = ctx.now();
        const row = await asRecipient(tx, actor, id);
        const photoIds = [...new Set(input.photoIds)];
        if (photoIds.some((p) => !row.draft_photo_ids.includes(p)))
          throw new Invalid('照片不属于本任务的待上报照片，请重新上传', 'PHOTO_UNKNOWN');
        if (photoIds.length > TASK_REPORT_MAX_PHOTOS)
          throw new Invalid(`每次上报最多 ${TASK_REPORT_MAX_PHOTOS} 张照片`);
        const task = (await selectTasks(tx)
          .where('t.id', '=', row.task_id)
          .executeTakeFirstOrThrow()) as TaskRow;
        const problem = taskReportProblem(
          { requiresText: task.requires_text, minPhotos: task.min_photos, allowLinks: task.allow_links },
          { text: input.text, photoCount: photoIds.length, linkCount: input.links.length },
        );
        if (problem) throw new Invalid(problem, 'REPORT_INCOMPLETE');
        const report = await tx
          .insertInto('task_reports')
          .values({
            assignment_id: id,
            task_id: row.task_id,
            org_path: row.org_path,
            issuer_path: row.issuer_path,
            text: input.text,
            links: input.links,
            photo_ids: photoIds,
            submitted_by: actor.userId,
            submitted_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await tx
          .updateTable('task_assignments')
          .set({
            status: 'submitted',
            submitted_at: now,
            draft_photo_ids: row.draft_photo_ids.filter((p) => !photoIds.includes(p)),
            updated_at: now,
          })
          .where('id', '=', id)
          .execute();
        await auditAction(
          tx,
          actor,
          'task.report',
          'task_assignment',
          target(row),
          {
            taskId: row.task_id,
            reportId: Number(report.id),
            photos: photoIds.length,
            links: input.links.length,
            late: now.getTime() > row.task_deadline.getTime(),
          },
          now,
        );
        return detail(tx, actor, id);
      }),

    /** 审核通过: with a score when the task has a maximum score. */
    approve: (actor: Actor, id: number, input: ApproveInput) =>
      run(actor, async (tx) => {
        const now = ctx.now();
        const row = await asIssuer(tx, actor, id);
        if (row.status !== 'submitted') throw new Conflict('该单位尚未上报或已审核', 'NOT_SUBMITTED');
        if (row.max_score === null && input.score !== null)
          throw new Invalid('本任务不评分，请不要填写分数', 'SCORE_NOT_EXPECTED');
        if (row.max_score !== null && input.score === null)
          throw new Invalid(`请评分（0–${row.max_score} 分）`, 'SCORE_REQUIRED');
        if (row.max_score !== null && input.score! > row.max_score)
          throw new Invalid(`评分不能超过满分 ${row.max_score} 分`, 'SCORE_TOO_HIGH');
        await decideLatest(tx, id, 'approved', input.score, input.comment, actor, now);
        await tx
          .updateTable('task_assignments')
          .set({ status: 'approved', score: input.score, approved_at: now, updated_at: now })
          .where('id', '=', id)
          .execute();
        await notifyOrg(
          tx,
          { id: row.org_id, path: row.org_path },
          {
            kind: 'task.approved',
            title: `任务已通过：${row.task_title}`,
            body: input.score === null ? null : `得分 ${input.score} / ${row.max_score}`,
            link: `/tasks/assignments/${id}`,
          },
          now,
        );
        await auditAction(
          tx,
          actor,
          'task.approve',
          'task_assignment',
          target(row),
          { taskId: row.task_id, score: input.score },
          now,
        );
        return detail(tx, actor, id);
      }),

    /** 退回: the unit reports again (by a new deadline, when one is given or the old one still holds). */
    returnReport: (actor: Actor, id: number, input: ReturnInput) =>
      run(actor, async (tx) => {
        const now = ctx.now();
        const row = await asIssuer(tx, actor, id);
        if (row.status !== 'submitted') throw new Conflict('该单位尚未上报或已审核', 'NOT_SUBMITTED');
        if (input.deadline && input.deadline.getTime() <= now.getTime())
          throw new Invalid('新的截止时间须晚于现在', 'DEADLINE_PASSED');
        await decideLatest(tx, id, 'returned', null, input.reason, actor, now);
        await tx
          .updateTable('task_assignments')
          .set({
            status: 'returned',
            updated_at: now,
            ...(input.deadline
              ? {
                  due_at: input.deadline,
                  extended_at: now,
                  extended_by: actor.userId,
                  extension_reason: `退回重报：${input.reason}`,
                  overdue_notified_at: null,
                }
              : {}),
          })
          .where('id', '=', id)
          .execute();
        const due = input.deadline ?? row.due_at;
        await notifyOrg(
          tx,
          { id: row.org_id, path: row.org_path },
          {
            kind: 'task.returned',
            title: `任务被退回：${row.task_title}`,
            body: `${input.reason}（请于 ${chinaTime(due)} 前重新上报）`,
            link: `/tasks/assignments/${id}`,
          },
          now,
        );
        await auditAction(
          tx,
          actor,
          'task.return',
          'task_assignment',
          target(row),
          { taskId: row.task_id, reason: input.reason, to: input.deadline?.toISOString() ?? null },
          now,
        );
        return detail(tx, actor, id);
      }),

    /** 延期: a new deadline for one unit, with a reason. */
    extend: (actor: Actor, id: number, input: ExtendInput) =>
      run(actor, async (tx) => {
        const now = ctx.now();
        const row = await asIssuer(tx, actor, id);
        if (row.status !== 'pending' && row.status !== 'returned')
          throw new Conflict('该单位已上报，无需延期', 'NOT_OPEN');
        if (input.deadline.getTime() <= now.getTime())
          throw new Invalid('新的截止时间须晚于现在', 'DEADLINE_PASSED');
        if (input.deadline.getTime() <= row.due_at.getTime())
          throw new Invalid('新的截止时间须晚于原截止时间', 'DEADLINE_NOT_LATER');
        await tx
          .updateTable('task_assignments')
          .set({
            due_at: input.deadline,
            extended_at: now,
            extended_by: actor.userId,
            extension_reason: input.reason,
            overdue_notified_at: null,
            updated_at: now,
          })
          .where('id', '=', id)
          .execute();
        await notifyOrg(
          tx,
          { id: row.org_id, path: row.org_path },
          {
            kind: 'task.extended',
            title: `任务已延期：${row.task_title}`,
            body: `新的截止时间 ${chinaTime(input.deadline)}（${input.reason}）`,
            link: `/tasks/assignments/${id}`,
          },
          now,
        );
        await auditAction(
          tx,
          actor,
          'task.extend',
          'task_assignment',
          target(row),
          {
            taskId: row.task_id,
            from: row.due_at.toISOString(),
            to: input.deadline.toISOString(),
            reason: input.reason,
          },
          now,
        );
        return detail(tx, actor, id);
      }),
  };
}

async function decideLatest(
  tx: Tx,
  assignmentId: number,
  decision: 'approved' | 'returned',
  score: number | null,
  comment: string | null,
  actor: Actor,
  now: Date,
): Promise<void> {
  const latest = await tx
    .selectFrom('task_reports')
    .select('id')
    .where('assignment_id', '=', assignmentId)
    .where('decision', 'is', null)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  await tx
    .updateTable('task_reports')
    .set({ decision, score, comment, decided_by: actor.userId, decided_at: now })
    .where('id', '=', latest.id)
    .execute();
}
