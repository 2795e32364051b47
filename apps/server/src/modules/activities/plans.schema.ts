import { z } from 'zod';
import { ACTIVITY_FORMS, ACTIVITY_STATUSES, FESTIVALS } from '@civic/contracts';
import { bodyId, optionalText, pagingQuery, queryId } from '../../platform/http/schemas.ts';
import { activityInput, activityView } from './activities.schema.ts';

export const PLAN_STATUSES = ['draft', 'published'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

const year = z
  .number({ error: '请输入计划年度' })
  .int('年度须为整数')
  .min(2000, '年度须在 2000–2100 年之间')
  .max(2100, '年度须在 2000–2100 年之间');

const title = (label: string) =>
  z
    .string({ error: `请输入${label}` })
    .trim()
    .min(2, `${label}至少 2 个字`)
    .max(60, `${label}不超过 60 个字`);

const quarterThemes = z
  .array(z.string({ error: '季度主题须为文字' }).trim().max(50, '季度主题不超过 50 个字'), {
    error: '请填写四个季度的主题',
  })
  .length(4, '季度主题须为 4 个（每季度一个）');

export const planInput = z.object({
  orgId: bodyId.optional(),
  year,
  title: title('计划名称'),
  summary: optionalText(2000),
  quarterThemes,
});
export type PlanInput = z.infer<typeof planInput>;

export const updatePlanInput = z.object({
  title: title('计划名称').optional(),
  summary: optionalText(2000),
  quarterThemes: quarterThemes.optional(),
});
export type UpdatePlanInput = z.infer<typeof updatePlanInput>;

const month = z
  .number({ error: '请选择月份' })
  .int('月份须为整数')
  .min(1, '月份须在 1–12 之间')
  .max(12, '月份须在 1–12 之间');
const week = z
  .number({ error: '周次须为数字' })
  .int('周次须为整数')
  .min(1, '周次须在第 1–5 周之间')
  .max(5, '周次须在第 1–5 周之间');

const itemFields = {
  month,
  /** null (or absent when creating): the month's focus (月有重点); 1–5: a weekly item (周有安排) */
  week: week.nullable().optional(),
  title: title('安排名称'),
  description: optionalText(2000),
  form: z
    .enum(ACTIVITY_FORMS, { error: '活动形式不正确（讲、评、帮、乐、庆、树、行）' })
    .nullable()
    .optional(),
  festival: z.enum(FESTIVALS, { error: '节日标签不正确' }).nullable().optional(),
  plannedOn: z.iso.date({ error: '计划日期格式不正确（YYYY-MM-DD）' }).nullable().optional(),
};
export const planItemInput = z.object(itemFields);
export type PlanItemInput = z.infer<typeof planItemInput>;
export const updatePlanItemInput = z.object(itemFields).partial();
export type UpdatePlanItemInput = z.infer<typeof updatePlanItemInput>;

/** Turning an item into an activity: when, where and how many; the rest defaults from the item. */
export const toActivityInput = activityInput.omit({ orgId: true }).partial({ title: true, form: true });
export type ToActivityInput = z.infer<typeof toActivityInput>;

export const planListQuery = z.object({
  orgId: queryId,
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** also the plans of the orgs below (an institute overseeing its stations) */
  includeBelow: z.enum(['true', 'false']).optional(),
  ...pagingQuery,
});
export type PlanListQuery = z.infer<typeof planListQuery>;

export const publicPlanQuery = z.object({
  orgId: bodyId,
  year: z.coerce
    .number({ error: '年度格式不正确' })
    .int('年度格式不正确')
    .min(2000, '年度须在 2000–2100 年之间')
    .max(2100, '年度须在 2000–2100 年之间')
    .optional(),
});

export const planView = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  year: z.number(),
  title: z.string(),
  summary: z.string().nullable(),
  quarterThemes: z.array(z.string()),
  status: z.enum(PLAN_STATUSES),
  publishedAt: z.string().nullable(),
  itemCount: z.number(),
  convertedCount: z.number(),
  /** own: the org asked for; above: an org above it (read for reference); below: an org below */
  relation: z.enum(['own', 'above', 'below']),
  editable: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PlanView = z.infer<typeof planView>;

export const planItemView = z.object({
  id: z.number(),
  planId: z.number(),
  month: z.number(),
  week: z.number().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  form: z.string().nullable(),
  festival: z.string().nullable(),
  plannedOn: z.string().nullable(),
  activityId: z.number().nullable(),
  /** the activity it became, when the caller may see it */
  activity: z
    .object({
      id: z.number(),
      activityNo: z.string(),
      title: z.string(),
      status: z.enum(ACTIVITY_STATUSES),
      startsAt: z.string(),
    })
    .nullable(),
});
export type PlanItemView = z.infer<typeof planItemView>;

const monthOf = <T extends z.ZodType>(item: T) =>
  z.object({ month: z.number(), focus: item.nullable(), weeks: z.array(item) });

export const planDetail = planView.extend({ months: z.array(monthOf(planItemView)) });
export type PlanDetail = z.infer<typeof planDetail>;

export const toActivityResult = z.object({ item: planItemView, activity: activityView });

const publicItem = z.object({
  id: z.number(),
  month: z.number(),
  week: z.number().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  form: z.string().nullable(),
  festival: z.string().nullable(),
  plannedOn: z.string().nullable(),
  activity: z
    .object({ id: z.number(), startsAt: z.string(), place: z.string(), status: z.string() })
    .nullable(),
});
export type PublicPlanItem = z.infer<typeof publicItem>;

export const publicPlanView = z.object({
  orgId: z.number(),
  orgName: z.string(),
  year: z.number(),
  plan: z
    .object({
      id: z.number(),
      orgId: z.number(),
      orgName: z.string(),
      year: z.number(),
      title: z.string(),
      summary: z.string().nullable(),
      quarterThemes: z.array(z.string()),
      publishedAt: z.string().nullable(),
      /** the org asked for has no published plan: this is the nearest one above it */
      inherited: z.boolean(),
      months: z.array(monthOf(publicItem)),
    })
    .nullable(),
});
export type PublicPlanView = z.infer<typeof publicPlanView>;
