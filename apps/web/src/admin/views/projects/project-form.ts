// Form model for creating / editing a project, its rules and the conversion to the API's bodies.
import type { Platform, ServiceCategory } from '@civic/contracts';
import type { FormRules } from 'element-plus';
import type { ProjectDetail, ProjectInput, ProjectPatch } from '../../../api/projects';

export interface ProjectForm {
  ownerOrgId: number | null;
  name: string;
  year: number | null | undefined;
  platform: Platform | '';
  serviceCategory: ServiceCategory | '';
  responsibleTeamId: number | null;
  responsibleUnit: string;
  yearlyTarget: number | null | undefined;
  targetGroups: string;
  description: string;
}

/** This year in Asia/Shanghai (the default year of a new project). */
export function currentYear(): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format());
}

export function emptyProjectForm(defaults: { ownerOrgId?: number | null } = {}): ProjectForm {
  return {
    ownerOrgId: defaults.ownerOrgId ?? null,
    name: '',
    year: currentYear(),
    platform: '',
    serviceCategory: '',
    responsibleTeamId: null,
    responsibleUnit: '',
    yearlyTarget: null,
    targetGroups: '',
    description: '',
  };
}

export function projectToForm(project: ProjectDetail): ProjectForm {
  return {
    ownerOrgId: project.ownerOrgId,
    name: project.name,
    year: project.year,
    platform: project.platform ?? '',
    serviceCategory: project.serviceCategory ?? '',
    responsibleTeamId: project.responsibleTeamId,
    responsibleUnit: project.responsibleUnit ?? '',
    yearlyTarget: project.yearlyTarget,
    targetGroups: project.targetGroups ?? '',
    description: project.description ?? '',
  };
}

export const projectFormRules: FormRules<ProjectForm> = {
  ownerOrgId: [{ required: true, message: '请选择所属单位', trigger: 'change' }],
  name: [
    { required: true, whitespace: true, message: '请输入项目名称', trigger: 'blur' },
    { min: 2, max: 60, message: '项目名称为 2–60 个字', trigger: 'blur' },
  ],
  year: [
    {
      required: true,
      validator: (_rule, value: number | null | undefined, callback) => {
        if (value === null || value === undefined) callback(new Error('请输入年度'));
        else if (!Number.isInteger(value) || value < 2000 || value > 2100)
          callback(new Error('年度应在 2000 至 2100 之间'));
        else callback();
      },
      trigger: 'change',
    },
  ],
  responsibleUnit: [{ max: 60, message: '责任单位不超过 60 个字', trigger: 'blur' }],
  targetGroups: [{ max: 200, message: '服务对象不超过 200 个字', trigger: 'blur' }],
  description: [{ max: 2000, message: '项目简介不超过 2000 个字', trigger: 'blur' }],
};

const text = (value: string) => value.trim() || null;
const num = (value: number | null | undefined) => (value === undefined ? null : value);

/** Body for POST /api/projects: blank optional fields are left out. */
export function toCreateBody(form: ProjectForm): ProjectInput {
  const body: ProjectInput = { name: form.name.trim(), year: form.year as number };
  if (form.ownerOrgId !== null) body.ownerOrgId = form.ownerOrgId;
  if (form.platform) body.platform = form.platform;
  if (form.serviceCategory) body.serviceCategory = form.serviceCategory;
  if (form.responsibleTeamId !== null && form.responsibleTeamId !== undefined)
    body.responsibleTeamId = form.responsibleTeamId;
  if (text(form.responsibleUnit)) body.responsibleUnit = text(form.responsibleUnit);
  if (num(form.yearlyTarget) !== null) body.yearlyTarget = num(form.yearlyTarget);
  if (text(form.targetGroups)) body.targetGroups = text(form.targetGroups);
  if (text(form.description)) body.description = text(form.description);
  return body;
}

/** Body for PATCH /api/projects/:id: only the fields that changed (a cleared one is sent as null). */
export function toPatchBody(form: ProjectForm, original: ProjectDetail): ProjectPatch {
  const before = projectToForm(original);
  const patch: ProjectPatch = {};
  if (form.name.trim() !== before.name) patch.name = form.name.trim();
  if (form.year !== before.year && typeof form.year === 'number') patch.year = form.year;
  if (form.platform !== before.platform) patch.platform = form.platform || null;
  if (form.serviceCategory !== before.serviceCategory) patch.serviceCategory = form.serviceCategory || null;
  if ((form.responsibleTeamId ?? null) !== (before.responsibleTeamId ?? null))
    patch.responsibleTeamId = form.responsibleTeamId ?? null;
  if (form.responsibleUnit.trim() !== before.responsibleUnit)
    patch.responsibleUnit = text(form.responsibleUnit);
  if (num(form.yearlyTarget) !== num(before.yearlyTarget)) patch.yearlyTarget = num(form.yearlyTarget);
  if (form.targetGroups.trim() !== before.targetGroups) patch.targetGroups = text(form.targetGroups);
  if (form.description.trim() !== before.description) patch.description = text(form.description);
  return patch;
}
