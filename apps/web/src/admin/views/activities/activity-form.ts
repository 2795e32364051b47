// Form model for creating / editing an activity (or a weekly/monthly series of them), its rules and
// the conversion to the API's bodies. Times are Date objects in the picker and ISO strings on the wire.
import {
  ACTIVITY_AUDIENCES,
  ACTIVITY_FORMS,
  FESTIVALS,
  MICRO_LECTURE_FORM,
  PLATFORMS,
  type ActivityAudience,
  type ActivityForm as Form,
  type Festival,
  type Platform,
} from '@civic/contracts';
import type { FormItemRule, FormRules } from 'element-plus';
import type {
  ActivityInput,
  ActivityPatch,
  ActivityView,
  SeriesFrequency,
  SeriesInput,
} from '../../../api/activities';
import { codeOf } from '../../../utils/codes';

export interface ActivityFormModel {
  orgId: number | null;
  title: string;
  form: Form | '';
  /** 茶乡微讲堂 (only for a 讲 activity) */
  microLecture: boolean;
  festival: Festival | '';
  platform: Platform | '';
  projectId: number | null;
  teamId: number | null;
  description: string;
  place: string;
  latitude: number | null | undefined;
  longitude: number | null | undefined;
  geofenceM: number | null | undefined;
  startsAt: Date | null;
  endsAt: Date | null;
  capacity: number | null | undefined;
  signupOpensAt: Date | null;
  signupClosesAt: Date | null;
  audience: ActivityAudience;
  /** Series only. */
  frequency: SeriesFrequency;
  occurrences: number | null | undefined;
}

export const DEFAULT_GEOFENCE_M = 300;
const MAX_LENGTH_MS = 7 * 24 * 3_600_000;

export function emptyActivityForm(defaults: { orgId?: number | null } = {}): ActivityFormModel {
  return {
    orgId: defaults.orgId ?? null,
    title: '',
    form: '',
    microLecture: false,
    festival: '',
    platform: '',
    projectId: null,
    teamId: null,
    description: '',
    place: '',
    latitude: null,
    longitude: null,
    geofenceM: DEFAULT_GEOFENCE_M,
    startsAt: null,
    endsAt: null,
    capacity: 20,
    signupOpensAt: null,
    signupClosesAt: null,
    audience: 'volunteers',
    frequency: 'monthly',
    occurrences: 12,
  };
}

const dateOf = (value: string | null) => (value ? new Date(value) : null);

export function activityToForm(activity: ActivityView): ActivityFormModel {
  return {
    ...emptyActivityForm({ orgId: activity.orgId }),
    title: activity.title,
    form: codeOf(ACTIVITY_FORMS, activity.form) ?? '',
    microLecture: activity.microLecture,
    festival: codeOf(FESTIVALS, activity.festival) ?? '',
    platform: codeOf(PLATFORMS, activity.platform) ?? '',
    projectId: activity.projectId,
    teamId: activity.teamId,
    description: activity.description ?? '',
    place: activity.place,
    latitude: activity.latitude,
    longitude: activity.longitude,
    geofenceM: activity.geofenceM,
    startsAt: dateOf(activity.startsAt),
    endsAt: dateOf(activity.endsAt),
    capacity: activity.capacity,
    signupOpensAt: dateOf(activity.signupOpensAt),
    signupClosesAt: dateOf(activity.signupClosesAt),
    audience: codeOf(ACTIVITY_AUDIENCES, activity.audience) ?? 'volunteers',
  };
}

const isBlank = (value: unknown) => value === null || value === undefined || value === '';

type Check = (value: unknown, form: ActivityFormModel) => string | null;

/** A rule whose check sees the whole form (for the cross-field ones: end after start, …). */
function rule(form: () => ActivityFormModel, check: Check, trigger = 'change'): FormItemRule {
  return {
    trigger,
    validator: (_rule, value, callback) => {
      const message = check(value, form());
      callback(message ? new Error(message) : undefined);
    },
  };
}

function integerIn(label: string, unit: string, min: number, max: number, required: boolean): Check {
  return (value) => {
    if (isBlank(value)) return required ? `请输入${label}` : null;
    const n = value as number;
    if (!Number.isInteger(n)) return `${label}须为整数`;
    if (n < min) return `${label}至少 ${min} ${unit}`;
    if (n > max) return `${label}不超过 ${max} ${unit}`;
    return null;
  };
}

/** The drawer's rules; `form` reads the current model for the checks that compare two fields. */
export function activityFormRules(form: () => ActivityFormModel, series: () => boolean): FormRules {
  return {
    orgId: [{ required: true, message: '请选择所属单位', trigger: 'change' }],
    title: [
      { required: true, whitespace: true, message: '请输入活动名称', trigger: 'blur' },
      { min: 2, max: 60, message: '活动名称为 2–60 个字', trigger: 'blur' },
    ],
    form: [{ required: true, message: '请选择活动形式（讲、评、帮、乐、庆、树、行）', trigger: 'change' }],
    place: [
      { required: true, whitespace: true, message: '请输入活动地点', trigger: 'blur' },
      { min: 2, max: 120, message: '活动地点为 2–120 个字', trigger: 'blur' },
    ],
    description: [{ max: 5000, message: '活动内容不超过 5000 个字', trigger: 'blur' }],
    latitude: [
      rule(form, (value, f) => {
        if (isBlank(value)) return isBlank(f.longitude) ? null : '经度和纬度须同时填写';
        const n = value as number;
        return n < -90 || n > 90 ? '纬度应在 -90 至 90 之间' : null;
      }),
    ],
    longitude: [
      rule(form, (value, f) => {
        if (isBlank(value)) return isBlank(f.latitude) ? null : '经度和纬度须同时填写';
        const n = value as number;
        return n < -180 || n > 180 ? '经度应在 -180 至 180 之间' : null;
      }),
    ],
    geofenceM: [rule(form, integerIn('签到范围', '米', 20, 5000, true))],
    startsAt: [rule(form, (value) => (value ? null : '请选择开始时间'))],
    endsAt: [
      rule(form, (value, f) => {
        if (!value) return '请选择结束时间';
        if (!f.startsAt) return null;
        const length = (value as Date).getTime() - f.startsAt.getTime();
        if (length <= 0) return '结束时间须晚于开始时间';
        if (length > MAX_LENGTH_MS) return '单次活动不超过 7 天，长期活动请设为重复活动';
        return null;
      }),
    ],
    capacity: [rule(form, integerIn('招募人数', '人', 1, 10000, true))],
    signupClosesAt: [
      rule(form, (value, f) => {
        if (!value) return null;
        const closes = (value as Date).getTime();
        if (f.signupOpensAt && closes <= f.signupOpensAt.getTime()) return '报名截止时间须晚于报名开始时间';
        if (f.endsAt && closes > f.endsAt.getTime()) return '报名截止时间不能晚于活动结束时间';
        return null;
      }),
    ],
    occurrences: [
      rule(form, (value) => (series() ? integerIn('重复次数', '次', 2, 60, true)(value, form()) : null)),
    ],
    frequency: [
      rule(form, (value) =>
        series() && value !== 'weekly' && value !== 'monthly' ? '请选择重复方式' : null,
      ),
    ],
  };
}

/** The fields a change of which should re-check another one. */
export const DEPENDENT_FIELDS: Partial<Record<keyof ActivityFormModel, Array<keyof ActivityFormModel>>> = {
  startsAt: ['endsAt'],
  endsAt: ['signupClosesAt'],
  signupOpensAt: ['signupClosesAt'],
  latitude: ['longitude'],
  longitude: ['latitude'],
};

const text = (value: string) => value.trim() || null;
const num = (value: number | null | undefined) => (value === undefined ? null : value);
const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** Body for POST /api/activities: blank optional fields are left out. */
export function toCreateBody(form: ActivityFormModel): ActivityInput {
  const body: ActivityInput = {
    title: form.title.trim(),
    form: form.form as Form,
    place: form.place.trim(),
    startsAt: iso(form.startsAt)!,
    endsAt: iso(form.endsAt)!,
    capacity: form.capacity as number,
    audience: form.audience,
  };
  if (form.orgId !== null && form.orgId !== undefined) body.orgId = form.orgId;
  if (form.festival) body.festival = form.festival;
  if (form.microLecture && form.form === MICRO_LECTURE_FORM) body.microLecture = true;
  if (form.platform) body.platform = form.platform;
  if (!isBlank(form.projectId)) body.projectId = form.projectId;
  if (!isBlank(form.teamId)) body.teamId = form.teamId;
  if (text(form.description)) body.description = text(form.description);
  if (num(form.latitude) !== null && num(form.longitude) !== null) {
    body.latitude = form.latitude as number;
    body.longitude = form.longitude as number;
  }
  if (num(form.geofenceM) !== null) body.geofenceM = form.geofenceM as number;
  if (form.signupOpensAt) body.signupOpensAt = iso(form.signupOpensAt);
  if (form.signupClosesAt) body.signupClosesAt = iso(form.signupClosesAt);
  return body;
}

export function toSeriesBody(form: ActivityFormModel): SeriesInput {
  return { ...toCreateBody(form), frequency: form.frequency, occurrences: form.occurrences as number };
}

const sameTime = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
const sameId = (a: number | null | undefined, b: number | null | undefined) => (a ?? null) === (b ?? null);

/** Body for PUT /api/activities/:id: only the fields that changed (a cleared one is sent as null). */
export function toPatchBody(form: ActivityFormModel, original: ActivityView): ActivityPatch {
  const before = activityToForm(original);
  const patch: ActivityPatch = {};
  if (form.title.trim() !== before.title) patch.title = form.title.trim();
  if (form.form !== before.form && form.form) patch.form = form.form;
  if (form.festival !== before.festival) patch.festival = form.festival || null;
  // a 微讲堂 stays one only while the activity is a 讲
  const micro = form.microLecture && form.form === MICRO_LECTURE_FORM;
  if (micro !== before.microLecture) patch.microLecture = micro;
  if (form.platform !== before.platform) patch.platform = form.platform || null;
  if (!sameId(form.projectId, before.projectId))
    patch.projectId = isBlank(form.projectId) ? null : form.projectId;
  if (!sameId(form.teamId, before.teamId)) patch.teamId = isBlank(form.teamId) ? null : form.teamId;
  if (form.description.trim() !== before.description) patch.description = text(form.description);
  if (form.place.trim() !== before.place) patch.place = form.place.trim();
  if (num(form.latitude) !== num(before.latitude) || num(form.longitude) !== num(before.longitude)) {
    patch.latitude = num(form.latitude);
    patch.longitude = num(form.longitude);
  }
  if (num(form.geofenceM) !== num(before.geofenceM) && num(form.geofenceM) !== null)
    patch.geofenceM = form.geofenceM as number;
  if (!sameTime(form.startsAt, before.startsAt)) patch.startsAt = iso(form.startsAt)!;
  if (!sameTime(form.endsAt, before.endsAt)) patch.endsAt = iso(form.endsAt)!;
  if (num(form.capacity) !== num(before.capacity)) patch.capacity = form.capacity as number;
  if (!sameTime(form.signupOpensAt, before.signupOpensAt)) patch.signupOpensAt = iso(form.signupOpensAt);
  if (!sameTime(form.signupClosesAt, before.signupClosesAt)) patch.signupClosesAt = iso(form.signupClosesAt);
  if (form.audience !== before.audience) patch.audience = form.audience;
  return patch;
}
