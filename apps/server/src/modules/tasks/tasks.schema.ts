import { z } from 'zod';
import {
  TASK_REPORT_MAX_LINKS,
  TASK_REPORT_MAX_PHOTOS,
  TASK_STATES,
  WORK_TASK_STATUSES,
} from '@civic/contracts';
import { bodyId, pagingQuery } from '../../platform/http/schemas.ts';

const instant = (label: string) =>
  z.iso
    .datetime({ offset: true, error: `${label}格式不正确（应为带时区的时间，如 2026-11-30T18:00:00+08:00）` })
    .transform((v) => new Date(v));
const reason = (what: string) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(1, `请填写${what}`)
    .max(200, `${what}不超过 200 个字`);

// ---------------------------------------------------------------- issuing
export const taskInput = z.object({
  title: z
    .string({ error: '请填写任务名称' })
    .trim()
    .min(2, '任务名称至少 2 个字')
    .max(60, '任务名称不超过 60 个字'),
  description: z.string().trim().max(2000, '任务说明不超过 2000 字').default(''),
  deadline: instant('截止时间'),
  requiresText: z.boolean({ error: '请选择是否须填写说明' }).default(true),
  minPhotos: z
    .number({ error: '照片张数须为数字' })
    .int('照片张数须为整数')
    .min(0, '照片张数不能为负数')
    .max(TASK_REPORT_MAX_PHOTOS, `照片张数不超过 ${TASK_REPORT_MAX_PHOTOS}`)
    .default(0),
  allowLinks: z.boolean({ error: '请选择是否接受链接' }).default(true),
  /** null: reports are approved without a score */
  maxScore: z
    .number({ error: '满分须为数字' })
    .int('满分须为整数')
    .min(1, '满分至少为 1')
    .max(100, '满分不超过 100')
    .nullable()
    .default(null),
  /** the units picked one by one */
  orgIds: z.array(bodyId).max(1000, '一次最多下达给 1000 个单位').default([]),
  /** and/or every active station under these units ("所有实践站") */
  stationsUnder: z.array(bodyId).max(100, '最多选择 100 个上级单位').default([]),
});
export type TaskInput = z.infer<typeof taskInput>;

export const cancelInput = z.object({ reason: reason('撤回原因') });

// ---------------------------------------------------------------- lists
const taskFilter = {
  /** issued: by the caller's org and below; received: sent to units of the caller's subtree */
  mine: z.enum(['issued', 'received'], { error: '范围不正确' }).optional(),
  status: z.enum(WORK_TASK_STATUSES, { error: '任务状态不正确' }).optional(),
  keyword: z.string().trim().max(30, '关键词不超过 30 个字').optional(),
  ...pagingQuery,
};
export const taskListQuery = z.object(taskFilter);
export type TaskListQuery = z.infer<typeof taskListQuery>;

export const progressCounts = z.object({
  assigned: z.number(),
  pending: z.number(),
  submitted: z.number(),
  returned: z.number(),
  approved: z.number(),
  overdue: z.number(),
});
export type ProgressCounts = z.infer<typeof progressCounts>;

export const taskView = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  title: z.string(),
  description: z.string(),
  deadline: z.string(),
  requiresText: z.boolean(),
  minPhotos: z.number(),
  allowLinks: z.boolean(),
  maxScore: z.number().nullable(),
  status: z.enum(WORK_TASK_STATUSES),
  /** the issuing person, for those whose scope reaches them (null for the units below) */
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  /** the caller may review, extend and withdraw (its org issued it, or one below it did) */
  canManage: z.boolean(),
  /** over the assignments the caller can see */
  progress: progressCounts,
});
export type TaskView = z.infer<typeof taskView>;
export const taskPage = z.object({ items: z.array(taskView), total: z.number() });

export const assignmentListQuery = z.object({
  state: z.enum(TASK_STATES, { error: '状态不正确' }).optional(),
  /** part of the unit's name */
  keyword: z.string().trim().max(30, '关键词不超过 30 个字').optional(),
  ...pagingQuery,
});
export type AssignmentListQuery = z.infer<typeof assignmentListQuery>;

export const assignmentView = z.object({
  id: z.number(),
  taskId: z.number(),
  taskTitle: z.string(),
  issuerName: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  state: z.enum(TASK_STATES),
  dueAt: z.string(),
  taskDeadline: z.string(),
  extended: z.boolean(),
  extensionReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  score: z.number().nullable(),
  maxScore: z.number().nullable(),
  /** the latest return's reason while the unit has not reported again */
  returnReason: z.string().nullable(),
});
export type AssignmentView = z.infer<typeof assignmentView>;
export const assignmentPage = z.object({ items: z.array(assignmentView), total: z.number() });

export const todoQuery = z.object({
  /** open: to report (pending, returned, overdue) or waiting for review; done: approved or withdrawn */
  show: z.enum(['open', 'done', 'all'], { error: '范围不正确' }).default('open'),
  ...pagingQuery,
});
export type TodoQuery = z.infer<typeof todoQuery>;

export const todoCounts = z.object({
  /** to report: pending or returned, not yet past the deadline */
  toReport: z.number(),
  returned: z.number(),
  overdue: z.number(),
  /** reported, waiting for the issuer */
  submitted: z.number(),
  /** to report within the next 3 days */
  dueSoon: z.number(),
  /** reports of units waiting for the caller's review (tasks its org or one below issued) */
  toReview: z.number(),
});

// ---------------------------------------------------------------- one assignment
export const reportView = z.object({
  id: z.number(),
  text: z.string(),
  links: z.array(z.string()),
  photoUrls: z.array(z.string()),
  submittedBy: z.string().nullable(),
  submittedAt: z.string(),
  late: z.boolean(),
  decision: z.enum(['approved', 'returned']).nullable(),
  score: z.number().nullable(),
  comment: z.string().nullable(),
  /** the reviewing person, for those whose scope reaches them */
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export const assignmentDetail = assignmentView.extend({
  task: taskView.omit({ progress: true }),
  /** the caller's unit is the recipient: it may report */
  canReport: z.boolean(),
  /** the caller may review and extend */
  canManage: z.boolean(),
  /** photos uploaded for the next report */
  draftPhotos: z.array(z.object({ id: z.string(), url: z.string() })),
  reports: z.array(reportView),
});
export type AssignmentDetail = z.infer<typeof assignmentDetail>;

export const photoParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31),
  photoId: z.uuid('照片编号格式不正确'),
});

const link = z
  .string()
  .trim()
  .max(500, '链接过长')
  .refine((v) => /^https?:\/\/[^\s]+$/i.test(v), '链接须为 http:// 或 https:// 开头的完整网址');
export const reportInput = z.object({
  text: z.string().trim().max(2000, '说明不超过 2000 字').default(''),
  links: z.array(link).max(TASK_REPORT_MAX_LINKS, `链接最多 ${TASK_REPORT_MAX_LINKS} 个`).default([]),
  /** photos uploaded for this report (POST …/photos) */
  photoIds: z
    .array(z.uuid('照片编号格式不正确'))
    .max(TASK_REPORT_MAX_PHOTOS, `每次上报最多 ${TASK_REPORT_MAX_PHOTOS} 张照片`)
    .default([]),
});
export type ReportInput = z.infer<typeof reportInput>;

export const approveInput = z.object({
  /** required when the task has a maximum score; 0…maxScore */
  score: z
    .number({ error: '评分须为数字' })
    .int('评分须为整数')
    .min(0, '评分不能为负数')
    .nullable()
    .default(null),
  comment: z.string().trim().max(500, '评语不超过 500 字').nullable().default(null),
});
export type ApproveInput = z.infer<typeof approveInput>;

export const returnInput = z.object({
  reason: reason('退回原因'),
  /** a new deadline for this unit (an extension), when the old one has passed or is too close */
  deadline: instant('新的截止时间').nullable().default(null),
});
export type ReturnInput = z.infer<typeof returnInput>;

export const extendInput = z.object({
  deadline: instant('新的截止时间'),
  reason: reason('延期原因'),
});
export type ExtendInput = z.infer<typeof extendInput>;
