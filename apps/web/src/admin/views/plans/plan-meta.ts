// Small facts the plan pages share: quarters and weeks, the plan and item form models with their
// rules, and the bodies sent to /api/plans (labels of forms and festivals come from @civic/contracts).
import { ACTIVITY_FORMS, FESTIVALS, type ActivityForm, type Festival } from '@civic/contracts';
import type { FormRules } from 'element-plus';
import type {
  PlanDetail,
  PlanInput,
  PlanItem,
  PlanItemInput,
  PlanItemPatch,
  PlanPatch,
} from '../../../api/plans';
import { codeOf } from '../../../utils/codes';

export const QUARTERS = [1, 2, 3, 4] as const;
export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
export const WEEKS = [1, 2, 3, 4, 5] as const;

export const quarterOf = (month: number) => Math.ceil(month / 3);
export const weekLabel = (week: number) => `第${week}周`;
export const PLAN_STATUS_LABELS = { draft: '草稿', published: '已发布' } as const;

/** The plan's year in Beijing time. */
export const currentYear = () => new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

const pad = (n: number) => String(n).padStart(2, '0');
/** YYYY-MM-DD of the given day. */
export const dateOf = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
export const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The week of the month a date falls in (days 1–7 → 1, … 29–31 → 5). */
export const weekOfDate = (date: string) => Math.ceil(Number(date.slice(8, 10)) / 7);

// ---------------------------------------------------------------- the plan header

export interface PlanFormModel {
  orgId: number | null;
  year: number | null;
  title: string;
  summary: string;
  quarterThemes: [string, string, string, string];
}

export function emptyPlanForm(orgId: number | null, year: number, orgName = ''): PlanFormModel {
  return {
    orgId,
    year,
    title: `${year}年${orgName}活动计划`.slice(0, 60),
    summary: '',
    quarterThemes: ['', '', '', ''],
  };
}

export function planToForm(plan: PlanDetail): PlanFormModel {
  const [q1 = '', q2 = '', q3 = '', q4 = ''] = plan.quarterThemes;
  return {
    orgId: plan.orgId,
    year: plan.year,
    title: plan.title,
    summary: plan.summary ?? '',
    quarterThemes: [q1, q2, q3, q4],
  };
}

const themeRule = { max: 50, message: '季度主题不超过 50 个字', trigger: 'blur' };
export const planFormRules: FormRules = {
  orgId: [{ required: true, message: '请选择单位', trigger: 'change' }],
  year: [{ required: true, message: '请选择年度', trigger: 'change' }],
  title: [
    { required: true, message: '请输入计划名称', trigger: 'blur' },
    { min: 2, max: 60, message: '计划名称 2–60 个字', trigger: 'blur' },
  ],
  summary: [{ max: 2000, message: '计划说明不超过 2000 字', trigger: 'blur' }],
  'quarterThemes.0': [themeRule],
  'quarterThemes.1': [themeRule],
  'quarterThemes.2': [themeRule],
  'quarterThemes.3': [themeRule],
};

export function toPlanInput(form: PlanFormModel): PlanInput {
  return {
    orgId: form.orgId ?? undefined,
    year: form.year!,
    title: form.title.trim(),
    summary: form.summary.trim() || null,
    quarterThemes: form.quarterThemes.map((theme) => theme.trim()),
  };
}

export function toPlanPatch(form: PlanFormModel, plan: PlanDetail): PlanPatch {
  const patch: PlanPatch = {};
  const input = toPlanInput(form);
  if (input.title !== plan.title) patch.title = input.title;
  if ((input.summary ?? null) !== plan.summary) patch.summary = input.summary;
  if (input.quarterThemes.join('\u0000') !== plan.quarterThemes.join('\u0000'))
    patch.quarterThemes = input.quarterThemes;
  return patch;
}

// ---------------------------------------------------------------- an item (月度重点 / 周安排)

export type ItemKind = 'focus' | 'week';

export interface ItemFormModel {
  month: number;
  kind: ItemKind;
  week: number;
  title: string;
  description: string;
  form: ActivityForm | '';
  festival: Festival | '';
  plannedOn: string | null;
}

export function emptyItemForm(month: number, kind: ItemKind = 'week'): ItemFormModel {
  return { month, kind, week: 1, title: '', description: '', form: '', festival: '', plannedOn: null };
}

export function itemToForm(item: PlanItem): ItemFormModel {
  return {
    month: item.month,
    kind: item.week === null ? 'focus' : 'week',
    week: item.week ?? 1,
    title: item.title,
    description: item.description ?? '',
    form: codeOf(ACTIVITY_FORMS, item.form) ?? '',
    festival: codeOf(FESTIVALS, item.festival) ?? '',
    plannedOn: item.plannedOn,
  };
}

export function itemFormRules(year: () => number, form: () => ItemFormModel): FormRules {
  return {
    month: [{ required: true, message: '请选择月份', trigger: 'change' }],
    title: [
      { required: true, message: '请输入安排名称', trigger: 'blur' },
      { min: 2, max: 60, message: '安排名称 2–60 个字', trigger: 'blur' },
    ],
    description: [{ max: 2000, message: '内容说明不超过 2000 字', trigger: 'blur' }],
    plannedOn: [
      {
        trigger: 'change',
        validator: (_rule, value: string | null, callback) => {
          const prefix = dateOf(year(), form().month, 1).slice(0, 8);
          if (value && !value.startsWith(prefix))
            callback(new Error(`计划日期须在 ${year()} 年 ${form().month} 月内`));
          else callback();
        },
      },
    ],
  };
}

export function toItemInput(form: ItemFormModel): PlanItemInput {
  return {
    month: form.month,
    week: form.kind === 'focus' ? null : form.week,
    title: form.title.trim(),
    description: form.description.trim() || null,
    form: form.form || null,
    festival: form.festival || null,
    plannedOn: form.plannedOn || null,
  };
}

export function toItemPatch(form: ItemFormModel, item: PlanItem): PlanItemPatch {
  const input = toItemInput(form);
  const patch: PlanItemPatch = {};
  if (input.month !== item.month) patch.month = input.month;
  if (input.week !== item.week) patch.week = input.week;
  if (input.title !== item.title) patch.title = input.title;
  if ((input.description ?? null) !== item.description) patch.description = input.description;
  if ((input.form ?? null) !== item.form) patch.form = input.form;
  if ((input.festival ?? null) !== item.festival) patch.festival = input.festival;
  if ((input.plannedOn ?? null) !== item.plannedOn) patch.plannedOn = input.plannedOn;
  return patch;
}
