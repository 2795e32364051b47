// Work tasks for units (调度任务, issue 15; seeds 000 §四(三), 004 §8): the centre or an institute
// issues a task to units of its subtree (deadline, what to submit, an optional maximum score); each
// unit reports with text, photos and links on its to-do list; the issuer approves with a score,
// returns with a reason or extends one unit's deadline; a job escalates overdue units once per
// deadline. It owns work_tasks, task_assignments and task_reports; the assessment reads its figures
// through taskFigures.
import { defineModule } from '../../platform/module.ts';
import { taskOverdueJob } from './overdue.job.ts';
import { tasksRoutes } from './tasks.routes.ts';

export { taskFigures, type TaskFigures } from './figures.ts';
export { runTaskOverdue, taskOverdueJob } from './overdue.job.ts';

export const tasksModule = defineModule({
  name: 'tasks',
  description:
    '调度任务：向下级单位下达工作任务，单位上报（说明、照片、链接），审核评分、退回、延期与超时督办',
  routes: [tasksRoutes],
  jobs: [taskOverdueJob],
  permissions: ['task.read', 'task.issue', 'task.report'],
  tables: ['work_tasks', 'task_assignments', 'task_reports'],
});
