import { z } from 'zod';
import {
  HOUR_ROUNDINGS,
  HOUR_STEPS,
  MAX_RECORD_HOURS,
  SERVICE_RECORD_KINDS,
  SERVICE_RECORD_SOURCES,
  SERVICE_RECORD_STATUSES,
} from '@civic/contracts';
import { bodyId, pagingQuery, queryId } from '../../platform/http/schemas.ts';

// ---------------------------------------------------------------- hour rules

export const hourRuleInput = z.object({
  stepMinutes: z.literal([...HOUR_STEPS], { error: '取整单位须为 1、6、15、30 或 60 分钟' }),
  rounding: z.enum(HOUR_ROUNDINGS, { error: '取整方式须为向下取整、四舍五入或向上取整' }),
});
export type HourRuleInput = z.infer<typeof hourRuleInput>;

export const orgIdParams = z.object({
  orgId: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31),
});
export const effectiveRuleQuery = z.object({ orgId: queryId });

/** The rule that applies to an org, and which org set it (null: the platform default). */
export const hourRuleView = z.object({
  orgId: z.number(),
  stepMinutes: z.number(),
  rounding: z.enum(HOUR_ROUNDINGS),
  /** the org set this rule itself */
  own: z.boolean(),
  setByOrgId: z.number().nullable(),
  setByOrgName: z.string().nullable(),
});
export type HourRuleView = z.infer<typeof hourRuleView>;

// ---------------------------------------------------------------- service records

const date = z.iso.date({ error: '日期格式不正确' });

export const recordListQuery = z.object({
  status: z.enum(SERVICE_RECORD_STATUSES).optional(),
  kind: z.enum(SERVICE_RECORD_KINDS).optional(),
  source: z.enum(SERVICE_RECORD_SOURCES).optional(),
  /** the volunteer's name (part of it) or volunteer number */
  keyword: z.string().trim().max(50).optional(),
  activityId: queryId,
  orgId: queryId,
  /** on the record's end (China time), both days included */
  from: date.optional(),
  to: date.optional(),
  ...pagingQuery,
});
export type RecordListQuery = z.infer<typeof recordListQuery>;

export const serviceRecordView = z.object({
  id: z.number(),
  volunteerId: z.number(),
  volunteerName: z.string(),
  volunteerNo: z.string(),
  source: z.enum(SERVICE_RECORD_SOURCES),
  sourceId: z.number().nullable(),
  /** the activity's title, the order's number, or a manual record's description */
  sourceTitle: z.string(),
  kind: z.enum(SERVICE_RECORD_KINDS),
  status: z.enum(SERVICE_RECORD_STATUSES),
  hours: z.number(),
  minutes: z.number(),
  startedAt: z.string(),
  endedAt: z.string(),
  note: z.string().nullable(),
  rejectReason: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  /** the most the record may be corrected to: the activity's length, else 24 h */
  maxHours: z.number(),
  /** pending, and the caller is not the one who entered it (backfill and manual need a second person) */
  confirmable: z.boolean(),
});
export type ServiceRecordView = z.infer<typeof serviceRecordView>;

export const recordEventView = z.object({
  id: z.number(),
  action: z.enum(['create', 'confirm', 'correct', 'reject']),
  fromHours: z.number().nullable(),
  toHours: z.number().nullable(),
  reason: z.string().nullable(),
  actorName: z.string().nullable(),
  createdAt: z.string(),
});

export const serviceRecordDetail = serviceRecordView.extend({
  events: z.array(recordEventView),
  evidenceUploadIds: z.array(z.string()),
});
export type ServiceRecordDetail = z.infer<typeof serviceRecordDetail>;

export const recordPage = z.object({ items: z.array(serviceRecordView), total: z.number() });

const hours = z
  .number({ error: '请输入服务时长（小时）' })
  .positive('服务时长须大于 0')
  .max(MAX_RECORD_HOURS, `单条记录不超过 ${MAX_RECORD_HOURS} 小时`)
  .refine((h) => Math.abs(h * 10 - Math.round(h * 10)) < 1e-6, '服务时长最多保留一位小数');

const reason = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(2, `请填写${label}（至少 2 个字）`)
    .max(200, `${label}不超过 200 个字`);

export const confirmInput = z.object({
  ids: z
    .array(bodyId, { error: '请选择要确认的记录' })
    .min(1, '请选择要确认的记录')
    .max(500, '一次最多确认 500 条'),
});
export const confirmResult = z.object({ confirmed: z.number() });

export const correctInput = z.object({ hours, reason: reason('更正原因') });
export const rejectInput = z.object({ reason: reason('驳回原因') });

const evidence = z
  .array(z.uuid('证明材料编号格式不正确'), { error: '请上传证明材料（照片或文件）' })
  .min(1, '请上传证明材料（照片或文件）')
  .max(9, '证明材料最多 9 份');

export const backfillInput = z.object({
  activityId: bodyId,
  volunteerId: bodyId,
  hours,
  reason: reason('补录原因'),
  evidenceUploadIds: evidence,
});
export type BackfillInput = z.infer<typeof backfillInput>;

const instant = (label: string) =>
  z.iso.datetime({ offset: true, error: `${label}格式不正确` }).transform((v) => new Date(v));

export const manualInput = z.object({
  volunteerId: bodyId,
  startedAt: instant('开始时间'),
  endedAt: instant('结束时间'),
  description: z
    .string({ error: '请填写服务内容' })
    .trim()
    .min(2, '请填写服务内容（至少 2 个字）')
    .max(500, '服务内容不超过 500 个字'),
  evidenceUploadIds: evidence,
});
export type ManualInput = z.infer<typeof manualInput>;

// ---------------------------------------------------------------- the volunteer's own

export const myRecordsQuery = z.object({
  status: z.enum(SERVICE_RECORD_STATUSES).optional(),
  ...pagingQuery,
});

export const myRecordView = serviceRecordView.pick({
  id: true,
  source: true,
  sourceTitle: true,
  kind: true,
  status: true,
  hours: true,
  minutes: true,
  startedAt: true,
  endedAt: true,
  rejectReason: true,
  createdAt: true,
  reviewedAt: true,
});

export const myRecords = z.object({
  totals: z.object({
    lifetimeHours: z.number(),
    yearHours: z.number(),
    pendingHours: z.number(),
    starLevel: z.number(),
  }),
  items: z.array(myRecordView),
  total: z.number(),
});

export const teamRecordsQuery = z.object({
  status: z.enum(SERVICE_RECORD_STATUSES).default('pending'),
});
