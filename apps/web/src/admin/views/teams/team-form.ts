// Form model for creating / editing a team, its rules and the conversion to the API's bodies.
import {
  SERVICE_CATEGORIES,
  type Platform,
  type ServiceCategory,
  type TeamKind,
  type TeamTier,
} from '@civic/contracts';
import type { FormRules } from 'element-plus';
import type { TeamDetail, TeamInput, TeamPatch } from '../../../api/teams';
import { codesOf } from '../../../utils/codes';

export interface TeamForm {
  orgId: number | null;
  parentId: number | null;
  name: string;
  tier: TeamTier | '';
  kind: TeamKind;
  platform: Platform | '';
  responsibleUnit: string;
  yearlyServiceTarget: number | null | undefined;
  serviceCategories: ServiceCategory[];
  description: string;
  foundedOn: string | null;
  acceptingApplications: boolean;
}

export function emptyTeamForm(defaults: { orgId?: number | null; parentId?: number | null } = {}): TeamForm {
  return {
    orgId: defaults.orgId ?? null,
    parentId: defaults.parentId ?? null,
    name: '',
    tier: '',
    kind: 'regular',
    platform: '',
    responsibleUnit: '',
    yearlyServiceTarget: null,
    serviceCategories: [],
    description: '',
    foundedOn: null,
    acceptingApplications: true,
  };
}

export function teamToForm(team: TeamDetail): TeamForm {
  return {
    orgId: team.orgId,
    parentId: team.parentId,
    name: team.name,
    tier: team.tier,
    kind: team.kind,
    platform: team.platform ?? '',
    responsibleUnit: team.responsibleUnit ?? '',
    yearlyServiceTarget: team.yearlyServiceTarget,
    serviceCategories: codesOf(SERVICE_CATEGORIES, team.serviceCategories),
    description: team.description ?? '',
    foundedOn: team.foundedOn ? team.foundedOn.slice(0, 10) : null,
    acceptingApplications: team.acceptingApplications,
  };
}

export const teamFormRules: FormRules<TeamForm> = {
  orgId: [{ required: true, message: '请选择所属单位', trigger: 'change' }],
  name: [
    { required: true, whitespace: true, message: '请输入队伍名称', trigger: 'blur' },
    { min: 2, max: 60, message: '队伍名称为 2–60 个字', trigger: 'blur' },
  ],
  tier: [{ required: true, message: '请选择层级', trigger: 'change' }],
  kind: [{ required: true, message: '请选择队伍类型', trigger: 'change' }],
  // 专业志愿服务队 are run by a named unit with a yearly service target (seed 003); the two fields
  // are rendered (and so validated) only for that kind
  responsibleUnit: [
    { required: true, whitespace: true, message: '专业志愿服务队须填写责任单位', trigger: 'blur' },
    { max: 60, message: '责任单位不超过 60 个字符', trigger: 'blur' },
  ],
  yearlyServiceTarget: [
    {
      required: true,
      validator: (_rule, value: number | null | undefined, callback) => {
        if (value === null || value === undefined) callback(new Error('专业志愿服务队须填写年度服务目标'));
        else if (!Number.isInteger(value) || value < 0 || value > 100000)
          callback(new Error('年度服务目标应为 0–100000 的整数'));
        else callback();
      },
      trigger: 'change',
    },
  ],
  description: [{ max: 1000, message: '简介不超过 1000 个字', trigger: 'blur' }],
};

const text = (value: string) => value.trim() || null;
const num = (value: number | null | undefined) => (value === undefined ? null : value);

/** Body for POST /api/teams: blank optional fields are left out. */
export function toCreateBody(form: TeamForm): TeamInput {
  const body: TeamInput = {
    orgId: form.orgId as number,
    name: form.name.trim(),
    tier: form.tier as TeamTier,
    kind: form.kind,
    serviceCategories: form.serviceCategories,
    acceptingApplications: form.acceptingApplications,
  };
  if (form.parentId !== null && form.parentId !== undefined) body.parentId = form.parentId;
  if (form.platform) body.platform = form.platform;
  if (text(form.responsibleUnit)) body.responsibleUnit = text(form.responsibleUnit);
  if (num(form.yearlyServiceTarget) !== null) body.yearlyServiceTarget = num(form.yearlyServiceTarget);
  if (text(form.description)) body.description = text(form.description);
  if (form.foundedOn) body.foundedOn = form.foundedOn;
  return body;
}

/** Body for PATCH /api/teams/:id: only the fields that changed (a cleared one is sent as null). */
export function toPatchBody(form: TeamForm, original: TeamDetail): TeamPatch {
  const before = teamToForm(original);
  const patch: TeamPatch = {};
  if ((form.parentId ?? null) !== (before.parentId ?? null)) patch.parentId = form.parentId ?? null;
  if (form.name.trim() !== before.name) patch.name = form.name.trim();
  if (form.tier && form.tier !== before.tier) patch.tier = form.tier;
  if (form.kind !== before.kind) patch.kind = form.kind;
  if (form.platform !== before.platform) patch.platform = form.platform || null;
  if (form.responsibleUnit.trim() !== before.responsibleUnit)
    patch.responsibleUnit = text(form.responsibleUnit);
  if (num(form.yearlyServiceTarget) !== num(before.yearlyServiceTarget))
    patch.yearlyServiceTarget = num(form.yearlyServiceTarget);
  if ([...form.serviceCategories].sort().join() !== [...before.serviceCategories].sort().join())
    patch.serviceCategories = form.serviceCategories;
  if (form.description.trim() !== before.description) patch.description = text(form.description);
  if ((form.foundedOn || null) !== before.foundedOn) patch.foundedOn = form.foundedOn || null;
  if (form.acceptingApplications !== before.acceptingApplications)
    patch.acceptingApplications = form.acceptingApplications;
  return patch;
}
