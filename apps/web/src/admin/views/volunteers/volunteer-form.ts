// Form model for entering / editing a volunteer, its client-side checks (the shared validators from
// @civic/contracts; the server stays the authority) and the conversion to the API's bodies.
import {
  AGE_RANGE_FROM,
  AVAILABILITIES,
  ageOn,
  checkIdNumber,
  GUARDIAN_REQUIRED_UNDER,
  isMobile,
  MOBILE_MESSAGE,
  normalizeMobile,
  SERVICE_CATEGORIES,
  SKILLS,
  VOLUNTEER_CATEGORIES,
  type Availability,
  type PoliticalStatus,
  type ServiceCategory,
  type Skill,
  type VolunteerCategory,
} from '@civic/contracts';
import type { FormItemRule, FormRules } from 'element-plus';
import type { VolunteerDetail, VolunteerInput, VolunteerPatch } from '../../../api/volunteers';
import { codesOf } from '../../../utils/codes';

export interface VolunteerForm {
  name: string;
  /** Empty while editing means "keep the current (masked) number". */
  idNumber: string;
  /** Empty while editing means "keep the current (masked) number". */
  phone: string;
  orgId: number | null;
  politicalStatus: PoliticalStatus | '';
  categories: VolunteerCategory[];
  skills: Skill[];
  skillsNote: string;
  serviceCategories: ServiceCategory[];
  availability: Availability[];
  guardianName: string;
  /** Empty while editing means "keep the guardian's current phone". */
  guardianPhone: string;
  guardianConsent: boolean;
}

export function emptyVolunteerForm(): VolunteerForm {
  return {
    name: '',
    idNumber: '',
    phone: '',
    orgId: null,
    politicalStatus: '',
    categories: [],
    skills: [],
    skillsNote: '',
    serviceCategories: [],
    availability: [],
    guardianName: '',
    guardianPhone: '',
    guardianConsent: false,
  };
}

export function volunteerToForm(volunteer: VolunteerDetail): VolunteerForm {
  return {
    name: volunteer.name,
    idNumber: '',
    phone: '',
    orgId: volunteer.orgId,
    politicalStatus: volunteer.politicalStatus,
    categories: codesOf(VOLUNTEER_CATEGORIES, volunteer.categories),
    skills: codesOf(SKILLS, volunteer.skills),
    skillsNote: volunteer.skillsNote ?? '',
    serviceCategories: codesOf(SERVICE_CATEGORIES, volunteer.serviceCategories),
    availability: codesOf(AVAILABILITIES, volunteer.availability),
    guardianName: volunteer.guardian?.name ?? '',
    guardianPhone: '',
    guardianConsent: !!volunteer.guardian?.consentAt,
  };
}

/** Age from a typed ID number, or null while it is incomplete or wrong. */
export function ageFromIdNumber(idNumber: string, today = new Date()): number | null {
  const result = checkIdNumber(idNumber);
  return result.ok ? ageOn(result.info.birthDate, today) : null;
}

/**
 * The age that decides whether a guardian is needed: the typed ID's, else the stored volunteer's
 * (the youngest age of their range when the caller may not see the birth date: the ranges break
 * at 14 and 18, so the guardian and minor rules come out the same).
 */
export function effectiveAge(form: VolunteerForm, original: VolunteerDetail | null): number | null {
  if (form.idNumber.trim()) return ageFromIdNumber(form.idNumber);
  if (!original) return null;
  return original.age ?? AGE_RANGE_FROM[original.ageRange];
}

export function needsGuardian(form: VolunteerForm, original: VolunteerDetail | null): boolean {
  const age = effectiveAge(form, original);
  return age !== null && age < GUARDIAN_REQUIRED_UNDER;
}

/** As the server checks it: Han characters, letters and the middle dot, 2–30 of them. */
const NAME_PATTERN = /^[\p{Script=Han}·•A-Za-z\s]{2,30}$/u;

function guardianChanged(form: VolunteerForm, original: VolunteerDetail | null): boolean {
  const before = original?.guardian ?? null;
  return (
    !before ||
    form.guardianName.trim() !== before.name ||
    !!form.guardianPhone.trim() ||
    form.guardianConsent !== !!before.consentAt
  );
}

/** Rules for the form; `context` gives the whole form and the volunteer being edited (or null). */
export function volunteerFormRules(
  context: () => { form: VolunteerForm; original: VolunteerDetail | null },
): FormRules<VolunteerForm> {
  const editing = () => context().original !== null;
  // Element Plus hands a validator only its own field's value: the rest comes from the context
  const guardianRule = (check: (form: VolunteerForm) => string | null): FormItemRule => ({
    validator: (_rule, _value, callback) => {
      const form = context().form;
      if (!needsGuardian(form, context().original)) return callback();
      const problem = check(form);
      if (problem) callback(new Error(problem));
      else callback();
    },
    trigger: ['blur', 'change'],
  });
  return {
    name: [
      { required: true, whitespace: true, message: '请输入姓名', trigger: 'blur' },
      { pattern: NAME_PATTERN, message: '姓名应为 2–30 个汉字或字母', trigger: 'blur' },
    ],
    idNumber: [
      {
        validator: (_rule, value: string, callback) => {
          const text = (value ?? '').trim();
          if (!text) return editing() ? callback() : callback(new Error('请输入身份证号'));
          const result = checkIdNumber(text);
          if (result.ok) callback();
          else callback(new Error(result.message));
        },
        trigger: 'blur',
      },
    ],
    phone: [
      {
        validator: (_rule, value: string, callback) => {
          const text = (value ?? '').trim();
          if (!text) return editing() ? callback() : callback(new Error('请输入手机号'));
          if (isMobile(text)) callback();
          else callback(new Error(MOBILE_MESSAGE));
        },
        trigger: 'blur',
      },
    ],
    orgId: [{ required: true, message: '请选择居住地所属的实践站', trigger: 'change' }],
    politicalStatus: [{ required: true, message: '请选择政治面貌', trigger: 'change' }],
    skillsNote: [{ max: 200, message: '特长说明不超过 200 个字符', trigger: 'blur' }],
    guardianName: [
      guardianRule((form) => {
        const name = form.guardianName.trim();
        if (!name) return '未满 14 周岁须填写监护人姓名';
        return NAME_PATTERN.test(name) ? null : '监护人姓名应为 2–30 个汉字或字母';
      }),
    ],
    guardianPhone: [
      guardianRule((form) => {
        const phone = form.guardianPhone.trim();
        if (phone) return isMobile(phone) ? null : MOBILE_MESSAGE;
        // an untouched guardian keeps the stored phone; the server replaces a changed one whole
        const original = context().original;
        if (original?.guardian && !guardianChanged(form, original)) return null;
        return original?.guardian ? '修改监护人信息须重新填写监护人手机号' : '请填写监护人手机号';
      }),
    ],
    guardianConsent: [guardianRule((form) => (form.guardianConsent ? null : '须取得监护人同意'))],
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');

function guardianBody(form: VolunteerForm): VolunteerInput['guardian'] {
  const phone = form.guardianPhone.trim();
  return {
    name: form.guardianName.trim(),
    phone: phone ? normalizeMobile(phone) : '',
    consent: form.guardianConsent,
  };
}

/** Body for POST /api/volunteers (an admin entry; the server records the consent as offline). */
export function toCreateBody(form: VolunteerForm): VolunteerInput {
  const body: VolunteerInput = {
    name: form.name.trim(),
    idNumber: form.idNumber.trim().toUpperCase(),
    phone: normalizeMobile(form.phone.trim()),
    orgId: form.orgId as number,
    politicalStatus: form.politicalStatus as PoliticalStatus,
    categories: form.categories,
    skills: form.skills,
    serviceCategories: form.serviceCategories,
    availability: form.availability,
  };
  if (form.skillsNote.trim()) body.skillsNote = form.skillsNote.trim();
  if (needsGuardian(form, null)) body.guardian = guardianBody(form);
  return body;
}

/** Body for PATCH /api/volunteers/:id: only what changed; blank ID/phone keep the stored ones. */
export function toPatchBody(form: VolunteerForm, original: VolunteerDetail): VolunteerPatch {
  const patch: VolunteerPatch = {};
  if (form.name.trim() !== original.name) patch.name = form.name.trim();
  if (form.idNumber.trim()) patch.idNumber = form.idNumber.trim().toUpperCase();
  if (form.phone.trim()) patch.phone = normalizeMobile(form.phone.trim());
  if (form.orgId !== null && form.orgId !== original.orgId) patch.orgId = form.orgId;
  if (form.politicalStatus && form.politicalStatus !== original.politicalStatus)
    patch.politicalStatus = form.politicalStatus;
  if (!sameSet(form.categories, original.categories)) patch.categories = form.categories;
  if (!sameSet(form.skills, original.skills)) patch.skills = form.skills;
  if (!sameSet(form.serviceCategories, original.serviceCategories))
    patch.serviceCategories = form.serviceCategories;
  if (!sameSet(form.availability, original.availability)) patch.availability = form.availability;
  if (form.skillsNote.trim() !== (original.skillsNote ?? ''))
    patch.skillsNote = form.skillsNote.trim() || null;
  if (needsGuardian(form, original) && guardianChanged(form, original)) patch.guardian = guardianBody(form);
  return patch;
}
