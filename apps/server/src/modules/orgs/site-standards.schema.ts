import { z } from 'zod';
import { ORG_KINDS } from '@civic/contracts';
import { bodyId } from '../../platform/http/schemas.ts';

export const SITE_STANDARD_STATUSES = ['active', 'archived'] as const;

const optionalText = (max: number) => z.string().trim().max(max, `不超过 ${max} 个字`).nullable().optional();
const id = bodyId;
const queryId = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31);

// ---------------------------------------------------------------- standards

export const siteStandardSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  appliesTo: z.array(z.enum(ORG_KINDS)),
  passScore: z.number(),
  isPreset: z.boolean(),
  status: z.enum(SITE_STANDARD_STATUSES),
  /** Whether the caller may change it: a standard of their own unit (or below), not a higher one's. */
  editable: z.boolean(),
  /** Inspections against it in the caller's scope: which standard is in use there. */
  inspections: z.number(),
  items: z.array(
    z.object({
      id: z.number(),
      seq: z.number(),
      title: z.string(),
      description: z.string().nullable(),
      weight: z.number(),
    }),
  ),
});
export type SiteStandardView = z.infer<typeof siteStandardSchema>;

const itemInput = z.object({
  title: z.string().trim().min(1, '请输入检查项名称').max(60, '检查项名称不超过 60 个字'),
  description: optionalText(200),
  weight: z.number().int('权重须为整数').min(1, '权重范围 1–100').max(100, '权重范围 1–100'),
});

const fields = {
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, '编码为 1–40 位字母、数字、下划线或短横线'),
  name: z.string().trim().min(1, '请输入标准名称').max(40, '标准名称不超过 40 个字'),
  description: optionalText(500),
  appliesTo: z
    .array(z.enum(ORG_KINDS))
    .min(1, '请选择适用的单位类型')
    .max(ORG_KINDS.length)
    .refine((kinds) => new Set(kinds).size === kinds.length, '适用单位类型不能重复'),
  passScore: z.number().int('达标分须为整数').min(0, '达标分范围 0–100').max(100, '达标分范围 0–100'),
  items: z
    .array(itemInput)
    .min(1, '至少需要 1 个检查项')
    .max(50, '检查项不超过 50 个')
    .refine((items) => new Set(items.map((i) => i.title)).size === items.length, '检查项名称不能重复'),
};

export const createSiteStandardBody = z.object(fields);
export type CreateSiteStandardInput = z.infer<typeof createSiteStandardBody>;

export const updateSiteStandardBody = z.object({
  code: fields.code.optional(),
  name: fields.name.optional(),
  description: fields.description,
  appliesTo: fields.appliesTo.optional(),
  passScore: fields.passScore.optional(),
  items: fields.items.optional(),
  status: z.enum(SITE_STANDARD_STATUSES).optional(),
});
export type UpdateSiteStandardInput = z.infer<typeof updateSiteStandardBody>;

export const coverageQuery = z.object({
  standardId: z.coerce
    .number({ error: '请指定要统计的标准（standardId）' })
    .int()
    .positive()
    .max(2 ** 31),
});

const coverageCounts = {
  totalUnits: z.number(),
  inspectedUnits: z.number(),
  meetingUnits: z.number(),
};
export const coverageSchema = z.object({
  standardId: z.number(),
  ...coverageCounts,
  rows: z.array(z.object({ orgId: z.number(), orgName: z.string(), ...coverageCounts })),
});
export type CoverageView = z.infer<typeof coverageSchema>;

// ---------------------------------------------------------------- inspections

export const inspectionListItemSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  standardId: z.number(),
  standardName: z.string(),
  score: z.number(),
  passed: z.boolean(),
  inspector: z.string(),
  inspectedOn: z.string(),
  createdAt: z.string(),
});
export type InspectionListItem = z.infer<typeof inspectionListItemSchema>;

export const inspectionDetailSchema = inspectionListItemSchema.extend({
  note: z.string().nullable(),
  results: z.array(
    z.object({
      itemId: z.number().nullable(),
      title: z.string(),
      weight: z.number(),
      passed: z.boolean(),
      note: z.string().nullable(),
      photos: z.array(z.object({ id: z.string(), url: z.string() })),
    }),
  ),
});
export type InspectionDetail = z.infer<typeof inspectionDetailSchema>;

export const inspectionListQuery = z.object({
  orgId: queryId.optional(),
  standardId: queryId.optional(),
  passed: z.enum(['true', 'false'], '是否达标应为 true 或 false').optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type InspectionListQuery = z.infer<typeof inspectionListQuery>;

export const createInspectionBody = z.object({
  orgId: id,
  standardId: id,
  inspector: z.string().trim().min(1, '请输入检查人').max(30, '检查人不超过 30 个字'),
  inspectedOn: z.iso.date('检查日期格式应为 YYYY-MM-DD'),
  note: optionalText(500),
  results: z
    .array(
      z.object({
        itemId: id,
        passed: z.boolean(),
        note: optionalText(200),
        photoIds: z.array(z.uuid('照片编号格式不正确')).max(9, '每个检查项最多 9 张照片').optional(),
      }),
    )
    .min(1, '请填写检查结果')
    .max(50, '检查结果不超过 50 项'),
});
export type CreateInspectionInput = z.infer<typeof createInspectionBody>;
