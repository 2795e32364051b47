import { z } from 'zod';
import { bodyId } from '../../platform/http/schemas.ts';
import { ORG_KINDS, ORG_STATUSES, PLATFORMS } from '@civic/contracts';

const optionalText = (max: number) => z.string().trim().max(max, `不超过 ${max} 个字`).nullable().optional();

export const orgSchema = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  kind: z.enum(ORG_KINDS),
  status: z.enum(ORG_STATUSES),
  path: z.string(),
  depth: z.number(),
  residentPopulation: z.number().nullable(),
  address: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  headName: z.string().nullable(),
  headTitle: z.string().nullable(),
  deputyName: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  foundedOn: z.string().nullable(),
  openingHours: z.string().nullable(),
  creditCode: z.string().nullable(),
  creditCodeOverride: z.boolean(),
  childCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OrgView = z.infer<typeof orgSchema>;

export interface OrgTreeNode {
  id: number;
  parentId: number | null;
  code: string;
  name: string;
  shortName: string;
  kind: (typeof ORG_KINDS)[number];
  status: (typeof ORG_STATUSES)[number];
  children: OrgTreeNode[];
}
// recursive: registered by id so the OpenAPI document refers to it as a component (#/components/schemas/…)
export const orgTreeNodeSchema: z.ZodType<OrgTreeNode> = z
  .lazy(() =>
    z.object({
      id: z.number(),
      parentId: z.number().nullable(),
      code: z.string(),
      name: z.string(),
      shortName: z.string(),
      kind: z.enum(ORG_KINDS),
      status: z.enum(ORG_STATUSES),
      children: z.array(orgTreeNodeSchema),
    }),
  )
  .meta({ id: 'OrgTreeNode' });

const editable = {
  name: z.string().trim().min(1, '请输入名称').max(60, '名称不超过 60 个字'),
  shortName: z.string().trim().min(1).max(30, '简称不超过 30 个字').optional(),
  residentPopulation: z
    .number()
    .int('常住人口须为整数')
    .min(0, '常住人口不能为负')
    .max(10_000_000)
    .nullable()
    .optional(),
  address: optionalText(200),
  latitude: z.number().min(-90, '纬度范围 -90 至 90').max(90, '纬度范围 -90 至 90').nullable().optional(),
  longitude: z
    .number()
    .min(-180, '经度范围 -180 至 180')
    .max(180, '经度范围 -180 至 180')
    .nullable()
    .optional(),
  headName: optionalText(30),
  headTitle: optionalText(30),
  deputyName: optionalText(30),
  contactName: optionalText(30),
  contactPhone: z.string().trim().max(20).nullable().optional(),
  foundedOn: z.iso.date('日期格式应为 YYYY-MM-DD').nullable().optional(),
  openingHours: optionalText(200),
  /** 统一社会信用代码 (GB 32100) of a unit station or base's host unit. */
  creditCode: z.string().trim().max(30).nullable().optional(),
  /** Save a code that fails the checksum (early pilot codes); audited. */
  creditCodeOverride: z.boolean().optional(),
};

export const createOrgBody = z.object({
  parentId: bodyId,
  kind: z.enum(ORG_KINDS),
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/, '编码为 1–40 位字母、数字或短横线'),
  ...editable,
});
export type CreateOrgInput = z.infer<typeof createOrgBody>;

export const updateOrgBody = z.object({ ...editable, name: editable.name.optional() });
export type UpdateOrgInput = z.infer<typeof updateOrgBody>;

export const moveOrgBody = z.object({ parentId: bodyId });

export const orgListQuery = z.object({
  keyword: z.string().trim().max(50).optional(),
  kind: z.enum(ORG_KINDS).optional(),
  parentId: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31)
    .optional(),
  status: z.enum(ORG_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type OrgListQuery = z.infer<typeof orgListQuery>;

export const platformSchema = z.object({
  id: z.number(),
  platform: z.enum(PLATFORMS),
  name: z.string(),
  leadUnit: z.string(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  description: z.string().nullable(),
  /** Whether the caller may edit it: the centre the platforms belong to, not the units below. */
  editable: z.boolean(),
});
export const updatePlatformBody = z.object({
  leadUnit: z.string().trim().min(1, '请输入牵头单位').max(60).optional(),
  contactName: optionalText(30),
  contactPhone: z.string().trim().max(20).nullable().optional(),
  description: optionalText(500),
});
