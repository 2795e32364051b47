import { z } from 'zod';
import {
  MENU_ITEM_STATUSES,
  PLATFORMS,
  PROJECT_STATUSES,
  SERVICE_CATEGORIES,
  SKILLS,
} from '@civic/contracts';
import { bodyId, optionalText, pagingQuery, queryId } from '../../platform/http/schemas.ts';

const paging = pagingQuery;
const year = z
  .number({ error: '请输入年度' })
  .int('年度须为整数')
  .min(2000, '年度应在 2000 至 2100 之间')
  .max(2100, '年度应在 2000 至 2100 之间');

// ---------------------------------------------------------------- projects

const projectFields = {
  name: z
    .string({ error: '请输入项目名称' })
    .trim()
    .min(2, '项目名称至少 2 个字')
    .max(60, '项目名称不超过 60 个字'),
  year,
  platform: z.enum(PLATFORMS, { error: '请选择所属服务平台' }).nullable().optional(),
  serviceCategory: z.enum(SERVICE_CATEGORIES, { error: '请选择服务类别' }).nullable().optional(),
  responsibleTeamId: bodyId.nullable().optional(),
  responsibleUnit: optionalText(60),
  description: optionalText(2000),
  targetGroups: optionalText(200),
  yearlyTarget: z
    .number({ error: '年度目标须为数字' })
    .int('年度目标须为整数')
    .min(0, '年度目标不能为负数')
    .max(100000, '年度目标不超过 100000 次')
    .nullable()
    .optional(),
};

export const projectInput = z.object({ ...projectFields, ownerOrgId: bodyId.optional() });
export type ProjectInput = z.infer<typeof projectInput>;
export const updateProjectInput = z.object({
  ...projectFields,
  name: projectFields.name.optional(),
  year: year.optional(),
});
export type UpdateProjectInput = z.infer<typeof updateProjectInput>;

export const projectStatusInput = z.object({
  status: z.enum(PROJECT_STATUSES, { error: '请选择项目阶段' }),
  note: z.string().trim().max(200, '说明不超过 200 个字').optional(),
});
export const copyProjectInput = z.object({ year });

export const projectListQuery = z.object({
  keyword: z.string().trim().max(50).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  platform: z.enum(PLATFORMS).optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
  orgId: queryId,
  ...paging,
});
export type ProjectListQuery = z.infer<typeof projectListQuery>;

export const projectListItem = z.object({
  id: z.number(),
  name: z.string(),
  year: z.number(),
  platform: z.enum(PLATFORMS).nullable(),
  serviceCategory: z.enum(SERVICE_CATEGORIES).nullable(),
  ownerOrgId: z.number(),
  ownerOrgName: z.string(),
  responsibleTeamId: z.number().nullable(),
  responsibleTeamName: z.string().nullable(),
  responsibleUnit: z.string().nullable(),
  yearlyTarget: z.number().nullable(),
  status: z.enum(PROJECT_STATUSES),
  copiedFromId: z.number().nullable(),
  menuItemCount: z.number(),
  /** Whether the caller manages it (its own subtree); projects of the orgs above are read-only. */
  editable: z.boolean(),
});
export type ProjectListItem = z.infer<typeof projectListItem>;

export const projectStatusChange = z.object({
  fromStatus: z.enum(PROJECT_STATUSES).nullable(),
  toStatus: z.enum(PROJECT_STATUSES),
  note: z.string().nullable(),
  changedByName: z.string().nullable(),
  changedAt: z.string(),
});

export const projectDetail = projectListItem.extend({
  description: z.string().nullable(),
  targetGroups: z.string().nullable(),
  history: z.array(projectStatusChange),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProjectDetail = z.infer<typeof projectDetail>;

// ---------------------------------------------------------------- menu items

const menuFields = {
  projectId: bodyId.nullable().optional(),
  title: z
    .string({ error: '请输入服务项目名称' })
    .trim()
    .min(2, '服务项目名称至少 2 个字')
    .max(60, '服务项目名称不超过 60 个字'),
  serviceCategory: z.enum(SERVICE_CATEGORIES, { error: '请选择服务类别' }),
  skills: z.array(z.enum(SKILLS, { error: '专长不在可选范围内' })).max(SKILLS.length),
  description: optionalText(1000),
  areaOrgId: bodyId,
  typicalMinutes: z
    .number({ error: '请输入一次服务的时长' })
    .int('服务时长须为整数分钟')
    .min(10, '服务时长应在 10 至 1440 分钟之间')
    .max(1440, '服务时长应在 10 至 1440 分钟之间'),
  volunteersNeeded: z
    .number({ error: '请输入所需志愿者人数' })
    .int('所需人数须为整数')
    .min(1, '所需志愿者人数应在 1 至 50 之间')
    .max(50, '所需志愿者人数应在 1 至 50 之间'),
};

export const menuItemInput = z.object({
  ...menuFields,
  skills: menuFields.skills.default([]),
  volunteersNeeded: menuFields.volunteersNeeded.default(1),
  ownerOrgId: bodyId.optional(),
});
export type MenuItemInput = z.infer<typeof menuItemInput>;
export const updateMenuItemInput = z.object({
  ...menuFields,
  title: menuFields.title.optional(),
  serviceCategory: menuFields.serviceCategory.optional(),
  skills: menuFields.skills.optional(),
  areaOrgId: menuFields.areaOrgId.optional(),
  typicalMinutes: menuFields.typicalMinutes.optional(),
  volunteersNeeded: menuFields.volunteersNeeded.optional(),
});
export type UpdateMenuItemInput = z.infer<typeof updateMenuItemInput>;

export const menuListQuery = z.object({
  keyword: z.string().trim().max(50).optional(),
  serviceCategory: z.enum(SERVICE_CATEGORIES).optional(),
  status: z.enum(MENU_ITEM_STATUSES).optional(),
  projectId: queryId,
  orgId: queryId,
  ...paging,
});
export type MenuListQuery = z.infer<typeof menuListQuery>;

export const menuItemView = z.object({
  id: z.number(),
  title: z.string(),
  serviceCategory: z.enum(SERVICE_CATEGORIES),
  skills: z.array(z.string()),
  description: z.string().nullable(),
  projectId: z.number().nullable(),
  projectName: z.string().nullable(),
  ownerOrgId: z.number(),
  ownerOrgName: z.string(),
  areaOrgId: z.number(),
  areaOrgName: z.string(),
  typicalMinutes: z.number(),
  volunteersNeeded: z.number(),
  status: z.enum(MENU_ITEM_STATUSES),
  editable: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MenuItemView = z.infer<typeof menuItemView>;

// ---------------------------------------------------------------- the residents' menu

export const publicMenuQuery = z.object({
  orgId: z.coerce
    .number({ error: '请选择所在的村（社区）' })
    .int('村（社区）编号格式不正确')
    .positive('村（社区）编号格式不正确')
    .max(2 ** 31, '村（社区）编号格式不正确'),
});

/** Only what a resident needs to choose: no staff, no volunteers, no internal ids but the item's. */
export const publicMenuItem = z.object({
  id: z.number(),
  title: z.string(),
  description: z.string().nullable(),
  serviceCategory: z.enum(SERVICE_CATEGORIES),
  typicalMinutes: z.number(),
  volunteersNeeded: z.number(),
  ownerOrgName: z.string(),
  projectName: z.string().nullable(),
});
export type PublicMenuItem = z.infer<typeof publicMenuItem>;

export const publicMenu = z.object({
  orgId: z.number(),
  orgName: z.string(),
  items: z.array(publicMenuItem),
});
export type PublicMenu = z.infer<typeof publicMenu>;
