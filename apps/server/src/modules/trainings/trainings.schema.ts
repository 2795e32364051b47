import { z } from 'zod';
import { TRAINING_KINDS, TRAINING_MAX_DAYS, TRAINING_STATUSES, VOLUNTEER_STATUSES } from '@civic/contracts';
import { bodyId, pagingQuery, queryId } from '../../platform/http/schemas.ts';

const DAY_MS = 86_400_000;

const instant = (label: string) =>
  z.iso
    .datetime({ offset: true, error: `${label}格式不正确（应为带时区的时间，如 2026-11-30T09:00:00+08:00）` })
    .transform((v) => new Date(v));
const day = (label: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`)
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), `${label}不是有效日期`);

// ---------------------------------------------------------------- writing
const trainingFields = {
  title: z
    .string({ error: '请填写培训主题' })
    .trim()
    .min(1, '请填写培训主题')
    .max(60, '培训主题不超过 60 个字'),
  kind: z.enum(TRAINING_KINDS, { error: '请选择培训对象' }),
  startsAt: instant('开始时间'),
  endsAt: instant('结束时间'),
  place: z.string({ error: '培训地点须为文字' }).trim().max(60, '培训地点不超过 60 个字').default(''),
  trainer: z.string({ error: '授课人须为文字' }).trim().max(40, '授课人不超过 40 个字').default(''),
  description: z.string({ error: '培训内容须为文字' }).trim().max(2000, '培训内容不超过 2000 字').default(''),
  /** staff attending who are not registered volunteers (counted, not named) */
  otherAttendees: z
    .number({ error: '其他参加人数须为数字' })
    .int('其他参加人数须为整数')
    .min(0, '其他参加人数不能为负数')
    .max(10000, '其他参加人数不超过 10000')
    .default(0),
};

function checkTimes(v: { startsAt: Date; endsAt: Date }, issue: (message: string) => void) {
  // zod runs the refinement even when a time itself was refused: then there is nothing to compare
  if (!(v.startsAt instanceof Date) || !(v.endsAt instanceof Date)) return;
  if (v.endsAt.getTime() <= v.startsAt.getTime()) issue('结束时间须晚于开始时间');
  else if (v.endsAt.getTime() - v.startsAt.getTime() > TRAINING_MAX_DAYS * DAY_MS)
    issue(`一次培训不超过 ${TRAINING_MAX_DAYS} 天`);
}

export const trainingInput = z
  .object({
    /** the org that holds it: the caller's own by default, or any org of the caller's subtree */
    orgId: bodyId.optional(),
    ...trainingFields,
  })
  .superRefine((v, c) =>
    checkTimes(v, (message) => c.addIssue({ code: 'custom', path: ['endsAt'], message })),
  );
export type TrainingInput = z.infer<typeof trainingInput>;

export const trainingUpdateInput = z
  .object(trainingFields)
  .superRefine((v, c) =>
    checkTimes(v, (message) => c.addIssue({ code: 'custom', path: ['endsAt'], message })),
  );
export type TrainingUpdateInput = z.infer<typeof trainingUpdateInput>;

export const otherAttendeesInput = z.object({ otherAttendees: trainingFields.otherAttendees });

export const cancelInput = z.object({
  reason: z
    .string({ error: '请填写取消原因' })
    .trim()
    .min(1, '请填写取消原因')
    .max(200, '取消原因不超过 200 个字'),
});

export const addAttendeesInput = z.object({
  volunteerIds: z
    .array(bodyId, { error: '请选择志愿者' })
    .min(1, '请选择志愿者')
    .max(500, '一次最多添加 500 人'),
});

export const attendeeParams = z.object({ id: bodyId, volunteerId: bodyId });
export const materialParams = z.object({ id: bodyId, materialId: bodyId });

// ---------------------------------------------------------------- lists
export const trainingListQuery = z
  .object({
    /** a unit of the caller's subtree: its trainings and those below it */
    orgId: queryId,
    kind: z.enum(TRAINING_KINDS, { error: '培训对象不正确' }).optional(),
    status: z.enum(TRAINING_STATUSES, { error: '培训状态不正确' }).optional(),
    year: z.coerce
      .number({ error: '年度不正确' })
      .int('年度不正确')
      .min(2000, '年度不正确')
      .max(2100, '年度不正确')
      .optional(),
    from: day('开始日期').optional(),
    to: day('结束日期').optional(),
    /** part of the title or the trainer's name */
    q: z.string().trim().max(30, '关键词不超过 30 个字').optional(),
    ...pagingQuery,
  })
  .refine((v) => !(v.from && v.to && v.from > v.to), { message: '开始日期不能晚于结束日期', path: ['from'] });
export type TrainingListQuery = z.infer<typeof trainingListQuery>;

export const trainingView = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  title: z.string(),
  kind: z.enum(TRAINING_KINDS),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  trainer: z.string(),
  description: z.string(),
  status: z.enum(TRAINING_STATUSES),
  heldAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  /** registered volunteers on the attendance list */
  attendeeCount: z.number(),
  /** staff who are not volunteers */
  otherAttendees: z.number(),
  materialCount: z.number(),
  /** the person who entered it, for those whose scope reaches them */
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type TrainingView = z.infer<typeof trainingView>;
export const trainingPage = z.object({ items: z.array(trainingView), total: z.number() });

export const attendeeView = z.object({
  volunteerId: z.number(),
  volunteerNo: z.string().nullable(),
  /** null: a volunteer outside the caller's scope (added by a unit above it) */
  name: z.string().nullable(),
  orgName: z.string().nullable(),
  status: z.enum(VOLUNTEER_STATUSES).nullable(),
  phoneMasked: z.string().nullable(),
  addedAt: z.string(),
});
export type AttendeeView = z.infer<typeof attendeeView>;
export const attendeeList = z.object({ items: z.array(attendeeView), total: z.number() });

export const materialView = z.object({
  id: z.number(),
  fileName: z.string(),
  mimeType: z.string(),
  byteSize: z.number(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
  url: z.string(),
});
export type MaterialView = z.infer<typeof materialView>;

// ---------------------------------------------------------------- the year's counts
export const summaryQuery = z.object({
  orgId: queryId,
  year: z.coerce
    .number({ error: '年度不正确' })
    .int('年度不正确')
    .min(2000, '年度不正确')
    .max(2100, '年度不正确')
    .optional(),
});

export const summaryRow = z.object({
  orgId: z.number(),
  orgName: z.string(),
  orgKind: z.string(),
  /** own: the unit's own trainings only (not those below it); subtree: the unit and below; total */
  scope: z.enum(['own', 'subtree', 'total']),
  held: z.number(),
  byKind: z.object({
    staff: z.number(),
    backbone: z.number(),
    new_volunteers: z.number(),
    lecture_leads: z.number(),
  }),
  /** volunteers on the lists plus the other attendees, over the held trainings */
  attendees: z.number(),
  planned: z.number(),
  /** an institute (over its subtree): held at least TRAININGS_PER_YEAR; null for other rows */
  meets: z.boolean().nullable(),
});
export type SummaryRow = z.infer<typeof summaryRow>;
export const trainingSummary = z.object({
  year: z.number(),
  required: z.number(),
  rows: z.array(summaryRow),
});
export type TrainingSummary = z.infer<typeof trainingSummary>;
