// 任务超时督办: every few minutes, assignments still to be reported after their deadline are marked
// (overdue_notified_at) and escalated once per deadline: the unit is told, the unit's parent org is
// told when it is not the issuer (it can push the station), and the issuer gets one notice per task
// listing how many units missed it. An extension clears the mark, so a missed new deadline is
// escalated again. Rows are taken with SKIP LOCKED, so one being reported right now waits a tick.
import type { AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { Job } from '../../platform/jobs/scheduler.ts';
import { notifyOrg } from '../notifications/index.ts';
import { chinaTime } from './tasks.service.ts';

const BATCH = 1000;

interface Group {
  org: { id: number; path: string };
  taskId: number;
  title: string;
  units: string[];
}

export async function runTaskOverdue(ctx: AppContext, tx: Tx): Promise<{ overdue: number }> {
  const now = ctx.now();
  const due = await tx
    .selectFrom('task_assignments as a')
    .innerJoin('work_tasks as t', 't.id', 'a.task_id')
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .select([
      'a.id',
      'a.org_id',
      'a.org_path',
      'a.due_at',
      'o.name as org_name',
      'o.parent_id',
      't.id as task_id',
      't.title',
      't.org_id as issuer_id',
      't.org_path as issuer_path',
    ])
    .where('t.status', '=', 'open')
    .where('a.status', 'in', ['pending', 'returned'])
    .where('a.overdue_notified_at', 'is', null)
    .where('a.due_at', '<', now)
    .orderBy('a.due_at')
    .limit(BATCH)
    .forUpdate('a')
    .skipLocked()
    .execute();
  if (due.length === 0) return { overdue: 0 };
  await tx
    .updateTable('task_assignments')
    .set({ overdue_notified_at: now })
    .where(
      'id',
      'in',
      due.map((d) => d.id),
    )
    .execute();
  const parentIds = [...new Set(due.map((d) => d.parent_id).filter((p): p is number => p !== null))];
  const parents = new Map(
    (parentIds.length
      ? await tx.selectFrom('orgs').select(['id', 'path']).where('id', 'in', parentIds).execute()
      : []
    ).map((p) => [Number(p.id), { id: Number(p.id), path: p.path }]),
  );
  // one notice per (org told, task) above the units
  const above = new Map<string, Group>();
  const tell = (org: { id: number; path: string }, d: (typeof due)[number]) => {
    const key = `${org.id}:${d.task_id}`;
    const group = above.get(key) ?? { org, taskId: Number(d.task_id), title: d.title, units: [] };
    group.units.push(d.org_name);
    above.set(key, group);
  };
  for (const d of due) {
    await notifyOrg(
      tx,
      { id: Number(d.org_id), path: d.org_path },
      {
        kind: 'task.overdue',
        title: `任务逾期未上报：${d.title}`,
        body: `截止时间 ${chinaTime(d.due_at)} 已过，已提请上级督办；如需补报，请联系下达单位延期`,
        link: `/tasks/assignments/${d.id}`,
      },
      now,
    );
    tell({ id: Number(d.issuer_id), path: d.issuer_path }, d);
    const parent = d.parent_id === null ? undefined : parents.get(Number(d.parent_id));
    if (parent && parent.id !== Number(d.issuer_id)) tell(parent, d);
  }
  for (const g of above.values()) {
    const names = g.units.slice(0, 5).join('、') + (g.units.length > 5 ? ` 等 ${g.units.length} 个单位` : '');
    await notifyOrg(
      tx,
      g.org,
      {
        kind: 'task.overdue',
        title: `任务「${g.title}」有 ${g.units.length} 个单位逾期未上报`,
        body: names,
        link: `/tasks/${g.taskId}`,
      },
      now,
    );
  }
  return { overdue: due.length };
}

export const taskOverdueJob: Job<{ overdue: number }> = {
  name: 'tasks.overdue',
  everyMs: 5 * 60_000,
  run: runTaskOverdue,
};
