import { z } from 'zod';
import {
  ACTIVITY_AUDIENCES,
  ACTIVITY_FORMS,
  ACTIVITY_STATUSES,
  FESTIVALS,
  PLATFORMS,
  SIGNUP_STATUSES,
} from '@civic/contracts';
import { bodyId, optionalText, pagingQuery, queryId } from '../../platform/http/schemas.ts';

const instant = (label: string) =>
  z.iso.datetime({ offset: true, error: `${label}格式不正确` }).transform((v) => new Date(v));

const latitude = z.number({ error: '纬度须为数字' }).min(-90, '纬度超出范围').max(90, '纬度超出范围');
const longitude = z.number({ error: '经度须为数字' }).min(-180, '经度超出范围').max(180, '经度超出范围');

const activityFields = {
  title: z
    .string({ error: '请输入活动名称' })
    .trim()
    .min(2, '活动名称至少 2 个字')
    .max(60, '活动名称不超过 60 个字'),
  platform: z.enum(PLATFORMS, { error: '请选择服务平台' }).nullable().optional(),
  projectId: bodyId.nullable().optional(),
  teamId: bodyId.nullable().optional(),
  form: z.enum(ACTIVITY_FORMS, { error: '请选择活动形式（讲、评、帮、乐、庆、树、行）' }),
  festival: z.enum(FESTIVALS, { error: '节日标签不正确' }).nullable().optional(),
  /** 茶乡微讲堂: only a 讲 (理论宣讲) activity can be one */
  microLecture: z.boolean({ error: '“茶乡微讲堂”须为是或否' }).optional(),
  description: optionalText(5000),
  place: z
    .string({ error: '请输入活动地点' })
    .trim()
    .min(2, '请输入活动地点')
    .max(120, '活动地点不超过 120 个字'),
  latitude: latitude.nullable().optional(),
  longitude: longitude.nullable().optional(),
  geofenceM: z
    .number({ error: '签到范围须为数字' })
    .int('签到范围须为整数（米）')
    .min(20, '签到范围至少 20 米')
    .max(5000, '签到范围不超过 5000 米')
    .optional(),
  startsAt: instant('开始时间'),
  endsAt: instant('结束时间'),
  capacity: z
    .number({ error: '请输入招募人数' })
    .int('招募人数须为整数')
    .min(1, '招募人数至少 1 人')
    .max(10000, '招募人数不超过 10000 人'),
  signupOpensAt: instant('报名开始时间').nullable().optional(),
  signupClosesAt: instant('报名截止时间').nullable().optional(),
  audience: z.enum(ACTIVITY_AUDIENCES, { error: '请选择面向对象' }).optional(),
};

export const activityInput = z.object({ ...activityFields, orgId: bodyId.optional() });
export type ActivityInput = z.infer<typeof activityInput>;
export const updateActivityInput = z.object(activityFields).partial();
export type UpdateActivityInput = z.infer<typeof updateActivityInput>;

/** A weekly or monthly series (e.g. the monthly 茶乡微讲堂): the first occurrence and how many. */
export const seriesInput = activityInput.extend({
  frequency: z.enum(['weekly', 'monthly'], { error: '请选择重复方式（每周或每月）' }),
  occurrences: z
    .number({ error: '请输入重复次数' })
    .int('重复次数须为整数')
    .min(2, '重复活动至少 2 次')
    .max(60, '重复活动不超过 60 次'),
});
export type SeriesInput = z.infer<typeof seriesInput>;

export const reasonInput = z.object({
  reason: z
    .string({ error: '请填写原因' })
    .trim()
    .min(2, '请填写原因（至少 2 个字）')
    .max(200, '原因不超过 200 个字'),
});

export const activityListQuery = z.object({
  keyword: z.string().trim().max(50).optional(),
  orgId: queryId,
  status: z.enum(ACTIVITY_STATUSES).optional(),
  form: z.enum(ACTIVITY_FORMS).optional(),
  festival: z.enum(FESTIVALS).optional(),
  from: z.iso.date({ error: '日期格式不正确' }).optional(),
  to: z.iso.date({ error: '日期格式不正确' }).optional(),
  seriesId: queryId,
  /** by start time: latest first (the default) or, as the archive reads a month, earliest first */
  order: z.enum(['desc', 'asc']).optional(),
  ...pagingQuery,
});
export type ActivityListQuery = z.infer<typeof activityListQuery>;

export const activityView = z.object({
  id: z.number(),
  activityNo: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  seriesId: z.number().nullable(),
  planItemId: z.number().nullable(),
  title: z.string(),
  platform: z.string().nullable(),
  projectId: z.number().nullable(),
  projectName: z.string().nullable(),
  teamId: z.number().nullable(),
  teamName: z.string().nullable(),
  form: z.string(),
  microLecture: z.boolean(),
  festival: z.string().nullable(),
  description: z.string().nullable(),
  place: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  geofenceM: z.number(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number(),
  signupOpensAt: z.string().nullable(),
  signupClosesAt: z.string().nullable(),
  audience: z.string(),
  status: z.enum(ACTIVITY_STATUSES),
  cancelReason: z.string().nullable(),
  confirmedCount: z.number(),
  waitlistCount: z.number(),
  checkedInCount: z.number(),
  photoCount: z.number(),
  summary: z.string().nullable(),
  videoLinks: z.array(z.string()),
  createdAt: z.string(),
  editable: z.boolean(),
});
export type ActivityView = z.infer<typeof activityView>;

export const activityPage = z.object({ items: z.array(activityView), total: z.number() });

/** 活动档案: one year of an org subtree (the caller's own when no org is given). */
export const archiveQuery = z.object({
  orgId: queryId,
  year: z.coerce
    .number({ error: '请选择年度' })
    .int('年度格式不正确')
    .min(2000, '年度须在 2000–2100 年之间')
    .max(2100, '年度须在 2000–2100 年之间'),
});
export type ArchiveQuery = z.infer<typeof archiveQuery>;

const archiveCounts = {
  /** every activity of the period, drafts and cancelled ones included */
  total: z.number(),
  /** published or later and not cancelled */
  held: z.number(),
  cancelled: z.number(),
  /** held, and tagged with one of 我们的节日 */
  festival: z.number(),
  /** held, with a summary, photos and a sign-in sheet */
  complete: z.number(),
};
export const activityArchive = z.object({
  year: z.number(),
  stats: z.object({ ...archiveCounts, activeMonths: z.number() }),
  /** January to December, counted in Beijing time */
  months: z.array(z.object({ month: z.number(), ...archiveCounts })),
});
export type ActivityArchive = z.infer<typeof activityArchive>;

// ---------------------------------------------------------------- sign-ups

export const signupView = z.object({
  id: z.number(),
  activityId: z.number(),
  volunteerId: z.number(),
  volunteerName: z.string(),
  volunteerNo: z.string(),
  status: z.enum(SIGNUP_STATUSES),
  source: z.string(),
  /** 1-based place on the waitlist, for waitlisted sign-ups */
  waitlistPosition: z.number().nullable(),
  /** when the reminder the day before went out */
  remindedAt: z.string().nullable(),
  attendanceConfirmedAt: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  checkedOutAt: z.string().nullable(),
  createdAt: z.string(),
});
export type SignupView = z.infer<typeof signupView>;

export const addSignupsInput = z.object({
  volunteerIds: z
    .array(bodyId, { error: '请选择志愿者' })
    .min(1, '请选择志愿者')
    .max(500, '一次最多添加 500 人'),
});

/** What a volunteer sees of their own sign-up for an activity. */
export const mySignupView = z.object({
  activity: activityView,
  signup: signupView.nullable(),
});
