// Work tasks for units (调度任务, issue 15): the state of one unit's assignment as people see it,
// and what a report must hold. Shared by the server, the console and its tests.

/** What is stored for a unit's assignment. */
export const TASK_ASSIGNMENT_STATUSES = ['pending', 'submitted', 'returned', 'approved'] as const;
export type TaskAssignmentStatus = (typeof TASK_ASSIGNMENT_STATUSES)[number];

/**
 * What a unit's assignment shows: the stored status, except that a pending or returned assignment
 * past its deadline is overdue, and every assignment of a withdrawn task is cancelled.
 */
export const TASK_STATES = ['pending', 'submitted', 'returned', 'approved', 'overdue', 'cancelled'] as const;
export type TaskState = (typeof TASK_STATES)[number];
export const TASK_STATE_LABELS: Record<TaskState, string> = {
  pending: '待上报',
  submitted: '待审核',
  returned: '已退回',
  approved: '已通过',
  overdue: '已逾期',
  cancelled: '已撤回',
};

export const WORK_TASK_STATUSES = ['open', 'cancelled'] as const;
export type WorkTaskStatus = (typeof WORK_TASK_STATUSES)[number];
export const WORK_TASK_STATUS_LABELS: Record<WorkTaskStatus, string> = {
  open: '进行中',
  cancelled: '已撤回',
};

export function taskState(
  status: TaskAssignmentStatus,
  dueAt: Date,
  taskStatus: WorkTaskStatus,
  now: Date,
): TaskState {
  if (taskStatus === 'cancelled') return 'cancelled';
  if ((status === 'pending' || status === 'returned') && dueAt.getTime() < now.getTime()) return 'overdue';
  return status;
}

/** The most photos and links one report may carry. */
export const TASK_REPORT_MAX_PHOTOS = 9;
export const TASK_REPORT_MAX_LINKS = 5;

export interface TaskRequirements {
  requiresText: boolean;
  minPhotos: number;
  allowLinks: boolean;
}

/** Why a report does not meet what the task asks for (a Chinese sentence), or null when it does. */
export function taskReportProblem(
  task: TaskRequirements,
  report: { text: string; photoCount: number; linkCount: number },
): string | null {
  if (task.requiresText && report.text.trim() === '') return '本任务须填写完成情况说明';
  if (report.photoCount < task.minPhotos) return `本任务须上传至少 ${task.minPhotos} 张照片`;
  if (!task.allowLinks && report.linkCount > 0) return '本任务不接受链接，请删除链接后再上报';
  if (report.text.trim() === '' && report.photoCount === 0 && report.linkCount === 0)
    return '上报内容为空：请填写说明、上传照片或附上链接';
  return null;
}

/** A line describing what a report must hold, for the task's page. */
export function taskRequirementsText(task: TaskRequirements): string {
  const parts = [task.requiresText ? '须填写说明' : '说明可选'];
  parts.push(task.minPhotos > 0 ? `至少 ${task.minPhotos} 张照片` : '照片可选');
  parts.push(task.allowLinks ? '可附链接' : '不接受链接');
  return parts.join('，');
}
