// Form model for publishing / editing a service-menu item, its rules and the API's bodies.
import { SKILLS, type OrgKind, type ServiceCategory, type Skill } from '@civic/contracts';
import type { FormRules } from 'element-plus';
import type { OrgTreeNode } from '../../../api/orgs';
import type { MenuItemInput, MenuItemPatch, MenuItemView } from '../../../api/projects';
import { codesOf } from '../../../utils/codes';

export interface MenuItemForm {
  projectId: number | null;
  title: string;
  serviceCategory: ServiceCategory | '';
  skills: Skill[];
  description: string;
  areaOrgId: number | null;
  typicalMinutes: number | null | undefined;
  volunteersNeeded: number | null | undefined;
}

/** A menu item serves a centre, an institute or a village station (the server checks it too). */
const AREA_KINDS: readonly OrgKind[] = ['center', 'institute', 'station'];
export const isAreaSelectable = (node: OrgTreeNode) =>
  AREA_KINDS.includes(node.kind) && node.status === 'active';

export function emptyMenuItemForm(
  defaults: { areaOrgId?: number | null; projectId?: number | null } = {},
): MenuItemForm {
  return {
    projectId: defaults.projectId ?? null,
    title: '',
    serviceCategory: '',
    skills: [],
    description: '',
    areaOrgId: defaults.areaOrgId ?? null,
    typicalMinutes: 60,
    volunteersNeeded: 1,
  };
}

export function menuItemToForm(item: MenuItemView): MenuItemForm {
  return {
    projectId: item.projectId,
    title: item.title,
    serviceCategory: item.serviceCategory,
    skills: codesOf(SKILLS, item.skills),
    description: item.description ?? '',
    areaOrgId: item.areaOrgId,
    typicalMinutes: item.typicalMinutes,
    volunteersNeeded: item.volunteersNeeded,
  };
}

function integerRule(label: string, min: number, max: number, unit: string) {
  return {
    required: true,
    validator: (_rule: unknown, value: number | null | undefined, callback: (error?: Error) => void) => {
      if (value === null || value === undefined) callback(new Error(`请输入${label}`));
      else if (!Number.isInteger(value) || value < min || value > max)
        callback(new Error(`${label}应在 ${min} 至 ${max} ${unit}之间`));
      else callback();
    },
    trigger: 'change',
  };
}

export const menuItemFormRules: FormRules<MenuItemForm> = {
  title: [
    { required: true, whitespace: true, message: '请输入服务项目名称', trigger: 'blur' },
    { min: 2, max: 60, message: '服务项目名称为 2–60 个字', trigger: 'blur' },
  ],
  serviceCategory: [{ required: true, message: '请选择服务类别', trigger: 'change' }],
  areaOrgId: [{ required: true, message: '请选择服务范围', trigger: 'change' }],
  typicalMinutes: [integerRule('服务时长', 10, 1440, '分钟')],
  volunteersNeeded: [integerRule('所需志愿者人数', 1, 50, '人')],
  description: [{ max: 1000, message: '服务说明不超过 1000 个字', trigger: 'blur' }],
};

const text = (value: string) => value.trim() || null;

/** Body for POST /api/menu-items. */
export function toCreateBody(form: MenuItemForm): MenuItemInput {
  const body: MenuItemInput = {
    title: form.title.trim(),
    serviceCategory: form.serviceCategory as ServiceCategory,
    skills: form.skills,
    areaOrgId: form.areaOrgId as number,
    typicalMinutes: form.typicalMinutes as number,
    volunteersNeeded: form.volunteersNeeded as number,
  };
  if (form.projectId !== null && form.projectId !== undefined) body.projectId = form.projectId;
  if (text(form.description)) body.description = text(form.description);
  return body;
}

/** Body for PATCH /api/menu-items/:id: only the fields that changed (a cleared one is sent as null). */
export function toPatchBody(form: MenuItemForm, original: MenuItemView): MenuItemPatch {
  const before = menuItemToForm(original);
  const patch: MenuItemPatch = {};
  if ((form.projectId ?? null) !== (before.projectId ?? null)) patch.projectId = form.projectId ?? null;
  if (form.title.trim() !== before.title) patch.title = form.title.trim();
  if (form.serviceCategory && form.serviceCategory !== before.serviceCategory)
    patch.serviceCategory = form.serviceCategory;
  if ([...form.skills].sort().join() !== [...before.skills].sort().join()) patch.skills = form.skills;
  if (form.description.trim() !== before.description) patch.description = text(form.description);
  if (form.areaOrgId !== null && form.areaOrgId !== before.areaOrgId) patch.areaOrgId = form.areaOrgId;
  if (typeof form.typicalMinutes === 'number' && form.typicalMinutes !== before.typicalMinutes)
    patch.typicalMinutes = form.typicalMinutes;
  if (typeof form.volunteersNeeded === 'number' && form.volunteersNeeded !== before.volunteersNeeded)
    patch.volunteersNeeded = form.volunteersNeeded;
  return patch;
}
