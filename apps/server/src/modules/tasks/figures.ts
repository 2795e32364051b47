// The work-task figures the assessment reads (任务完成情况): per recipient unit under a subtree, over
// the tasks whose own deadline (a China calendar day) falls in [from, to]; withdrawn tasks do not
// count. On time means the approved report was sent by the task's own deadline — an extension lets
// a unit report, it does not make the report on time. Overdue means still to be reported after the
// unit's deadline (the task's or its extension) at `now`.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.ts';

export interface TaskFigures {
  orgPath: string;
  assigned: number;
  approved: number;
  approvedOnTime: number;
  overdue: number;
  scoreSum: number;
  scoredCount: number;
}

export async function taskFigures(
  tx: Tx,
  orgPath: string,
  from: string,
  to: string,
  now: Date = new Date(),
): Promise<TaskFigures[]> {
  const { rows } = await sql<{
    org_path: string;
    assigned: number;
    approved: number;
    approved_on_time: number;
    overdue: number;
    score_sum: number;
    scored_count: number;
  }>`
    SELECT a.org_path::text AS org_path,
           count(*)::int AS assigned,
           count(*) FILTER (WHERE a.status = 'approved')::int AS approved,
           count(*) FILTER (WHERE a.status = 'approved' AND a.submitted_at <= t.deadline)::int AS approved_on_time,
           count(*) FILTER (WHERE a.status IN ('pending', 'returned') AND a.due_at < ${now})::int AS overdue,
           coalesce(sum(a.score) FILTER (WHERE a.status = 'approved'), 0)::int AS score_sum,
           count(a.score) FILTER (WHERE a.status = 'approved')::int AS scored_count
      FROM task_assignments a JOIN work_tasks t ON t.id = a.task_id
     WHERE a.org_path <@ ${orgPath}::ltree
       AND t.status = 'open'
       AND (t.deadline AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${from}::date AND ${to}::date
     GROUP BY a.org_path
     ORDER BY a.org_path`.execute(tx);
  return rows.map((r) => ({
    orgPath: r.org_path,
    assigned: r.assigned,
    approved: r.approved,
    approvedOnTime: r.approved_on_time,
    overdue: r.overdue,
    scoreSum: r.score_sum,
    scoredCount: r.scored_count,
  }));
}
