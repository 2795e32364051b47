import { z } from 'zod';
import {
  HOUR_ROUNDINGS,
  HOUR_STEPS,
  MAX_OPENING_HOURS,
  MAX_RECORD_HOURS,
  OPENING_ORIGINS,
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

/** The list's filters but the status (the tabs): the list and its badges take them alike. */
export const recordFilters = z.object({
  kind: z.enum(SERVICE_RECORD_KINDS).optional(),
  source: z.enum(SERVICE_RECORD_SOURCES).optional(),
  /** the volunteer's name (part of it) or volunteer number */
  keyword: z.string().trim().max(50).optional(),
  activityId: queryId,
  orgId: queryId,
  /** on the record's end (China time), both days included */
  from: date.optional(),
  to: date.optional(),
});
export type RecordFilters = z.infer<typeof recordFilters>;

export const recordListQuery = recordFilters.extend({
  status: z.enum(SERVICE_RECORD_STATUSES).optional(),
  ...pagingQuery,
});
export type RecordListQuery = z.infer<typeof recordListQuery>;

/** Records per status (SERVICE_RECORD_STATUSES) under the list's filters. */
export const recordCounts = z.object({
  pending: z.number(),
  confirmed: z.number(),
  rejected: z.number(),
  /** self-logged records their volunteer withdrew (随时记) */
  withdrawn: z.number(),
});

export const serviceRecordView = z.object({
  id: z.number(),
  volunteerId: z.number(),
  volunteerName: z.string(),
  volunteerNo: z.string(),
  source: z.enum(SERVICE_RECORD_SOURCES),
  sourceId: z.number().nullable(),
  /** the activity's title, the order's number, a manual record's description, or an opening record's origin */
  sourceTitle: z.string(),
  kind: z.enum(SERVICE_RECORD_KINDS),
  status: z.enum(SERVICE_RECORD_STATUSES),
  hours: z.number(),
  minutes: z.number(),
  startedAt: z.string(),
  endedAt: z.string(),
  note: z.string().nullable(),
  /** opening records: where the hours come from (another system, a paper register) and its name */
  origin: z.enum(OPENING_ORIGINS).nullable(),
  originName: z.string().nullable(),
  /** self-logged records (随时记): where the volunteer served */
  place: z.string().nullable(),
  rejectReason: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  /** the most the record may be corrected to: the activity's length, else 24 h (opening: 20,000 h) */
  maxHours: z.number(),
  /** pending, and the caller is not the one who entered it (backfill and manual need a second person) */
  confirmable: z.boolean(),
});
export type ServiceRecordView = z.infer<typeof serviceRecordView>;

export const recordEventView = z.object({
  id: z.number(),
  action: z.enum(['create', 'confirm', 'correct', 'reject', 'withdraw']),
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

const tenths = (h: number) => Math.abs(h * 10 - Math.round(h * 10)) < 1e-6;
const hours = z
  .number({ error: '请输入服务时长（小时）' })
  .positive('服务时长须大于 0')
  .max(MAX_RECORD_HOURS, `单条记录不超过 ${MAX_RECORD_HOURS} 小时`)
  .refine(tenths, '服务时长最多保留一位小数');
/** a correction: the service checks the record's own cap (24 h, the activity's length, or an opening's) */
const correctedHours = z
  .number({ error: '请输入服务时长（小时）' })
  .positive('服务时长须大于 0')
  .max(MAX_OPENING_HOURS, `时长不超过 ${MAX_OPENING_HOURS} 小时`)
  .refine(tenths, '服务时长最多保留一位小数');

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
  /** the reviewer was told that some of them carry 0 hours and confirms those too (else 409 ZERO_HOURS) */
  includeZeroHours: z.boolean().optional(),
});
export const confirmResult = z.object({ confirmed: z.number() });

export const correctInput = z.object({ hours: correctedHours, reason: reason('更正原因') });
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

// ---------------------------------------------------------------- opening balances (历史时长)

export const openingOrigin = z.enum(OPENING_ORIGINS, { error: '来源类型须为“其他系统导入”或“纸质登记簿”' });
export const originName = z
  .string({ error: '请填写来源名称（如“志愿汇”或“某村志愿服务登记簿”）' })
  .trim()
  .min(2, '请填写来源名称（至少 2 个字）')
  .max(100, '来源名称不超过 100 个字');

export const openingInput = z.object({
  volunteerId: bodyId,
  hours: z
    .number({ error: '请输入历史时长（小时）' })
    .positive('历史时长须大于 0')
    .max(MAX_OPENING_HOURS, `历史时长不超过 ${MAX_OPENING_HOURS} 小时`)
    .refine(tenths, '历史时长最多保留一位小数'),
  origin: openingOrigin,
  originName,
  /** the period the hours were served in, both days included (China time) */
  periodFrom: z.iso.date({ error: '请选择起始日期' }),
  periodTo: z.iso.date({ error: '请选择截止日期' }),
  note: z.string().trim().max(500, '备注不超过 500 个字').optional(),
  evidenceUploadIds: evidence,
});
export type OpeningInput = z.infer<typeof openingInput>;

export const openingImportQuery = z.object({
  /** check: validate and report only; import: create the records when no row has a problem */
  mode: z.enum(['check', 'import'], { error: '请指定检查或导入' }),
  /** the evidence for every row (a photo of the register, a screenshot of the export), uploaded first */
  evidence: z
    .string({ error: '请先上传证明材料（登记簿照片或原系统导出截图）' })
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(evidence),
});

export const openingImportReport = z.object({
  mode: z.enum(['check', 'import']),
  /** data rows read from the file */
  rows: z.number(),
  /** rows without problems */
  valid: z.number(),
  /** hours of the valid rows */
  hours: z.number(),
  /** records created (0 unless mode=import and no row had a problem) */
  created: z.number(),
  errors: z.array(z.object({ row: z.number(), column: z.string().nullable(), message: z.string() })),
  /** more problems than listed */
  moreErrors: z.number(),
});
export type OpeningImportReport = z.infer<typeof openingImportReport>;

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
  origin: true,
  originName: true,
  createdAt: true,
  reviewedAt: true,
});

export const myRecords = z.object({
  totals: z.object({
    /** the sum of the confirmed records: openingHours + every year's */
    lifetimeHours: z.number(),
    /** confirmed hours from before the platform (opening records) */
    openingHours: z.number(),
    yearHours: z.number(),
    pendingHours: z.number(),
    starLevel: z.number(),
  }),
  items: z.array(myRecordView),
  total: z.number(),
});

export const teamRecordsQuery = z.object({
  status: z.enum(['pending', 'confirmed', 'rejected']).default('pending'),
});

// ---------------------------------------------------------------- the volunteer's own log (随时记)

export const selfLogInput = z.object({
  description: z
    .string({ error: '请填写做了什么' })
    .trim()
    .min(2, '请填写做了什么（至少 2 个字）')
    .max(200, '服务内容不超过 200 个字'),
  place: z
    .string({ error: '请填写服务地点' })
    .trim()
    .min(2, '请填写服务地点（至少 2 个字）')
    .max(100, '服务地点不超过 100 个字'),
  startedAt: instant('开始时间'),
  endedAt: instant('结束时间'),
});
export type SelfLogInput = z.infer<typeof selfLogInput>;

export const selfLogView = z.object({
  id: z.number(),
  description: z.string(),
  place: z.string(),
  startedAt: z.string(),
  endedAt: z.string(),
  minutes: z.number(),
  /** by the station's hour rule */
  hours: z.number(),
  status: z.enum(SERVICE_RECORD_STATUSES),
  rejectReason: z.string().nullable(),
  photoCount: z.number(),
  createdAt: z.string(),
  reviewedAt: z.string().nullable(),
});
export type SelfLogView = z.infer<typeof selfLogView>;

export const selfLogQuery = z.object({
  status: z.enum(SERVICE_RECORD_STATUSES, { error: '状态不正确' }).optional(),
  ...pagingQuery,
});

export const selfLogPage = z.object({ items: z.array(selfLogView), total: z.number() });
