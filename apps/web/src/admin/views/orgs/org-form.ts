// Form model for creating / editing an org, and the conversion to the API's request bodies.
import { checkCreditCode, type OrgKind } from '@civic/contracts';
import type { FormItemRule, FormRules } from 'element-plus';
import type { Org, OrgCreateBody, OrgEditableFields } from '../../../api/orgs';
import { isMasked, optionalMobile, typedMobile } from '../../../utils/validators';

export interface OrgForm {
  kind: OrgKind | '';
  code: string;
  name: string;
  shortName: string;
  residentPopulation: number | null | undefined;
  address: string;
  latitude: number | null | undefined;
  longitude: number | null | undefined;
  headName: string;
  headTitle: string;
  deputyName: string;
  contactName: string;
  /** Empty while editing means "keep the current (masked) number". */
  contactPhone: string;
  foundedOn: string | null;
  openingHours: string;
  /** 统一社会信用代码; empty = none. */
  creditCode: string;
  /** Save a code that fails the GB 32100 checksum anyway (an early pilot code; audited). */
  creditCodeOverride: boolean;
}

const TEXT_FIELDS = [
  'code',
  'name',
  'shortName',
  'address',
  'headName',
  'headTitle',
  'deputyName',
  'contactName',
  'openingHours',
] as const;

export function emptyOrgForm(kind: OrgKind | '' = ''): OrgForm {
  return {
    kind,
    code: '',
    name: '',
    shortName: '',
    residentPopulation: null,
    address: '',
    latitude: null,
    longitude: null,
    headName: '',
    headTitle: '',
    deputyName: '',
    contactName: '',
    contactPhone: '',
    foundedOn: null,
    openingHours: '',
    creditCode: '',
    creditCodeOverride: false,
  };
}

export function orgToForm(org: Org): OrgForm {
  return {
    kind: org.kind,
    code: org.code ?? '',
    name: org.name ?? '',
    shortName: org.shortName ?? '',
    residentPopulation: org.residentPopulation,
    address: org.address ?? '',
    latitude: org.latitude,
    longitude: org.longitude,
    headName: org.headName ?? '',
    headTitle: org.headTitle ?? '',
    deputyName: org.deputyName ?? '',
    contactName: org.contactName ?? '',
    // A masked number cannot be edited in place; the user types a new one or leaves it blank.
    contactPhone: isMasked(org.contactPhone) ? '' : (org.contactPhone ?? ''),
    foundedOn: org.foundedOn ? org.foundedOn.slice(0, 10) : null,
    openingHours: org.openingHours ?? '',
    creditCode: org.creditCode ?? '',
    creditCodeOverride: org.creditCodeOverride ?? false,
  };
}

export function normalizeCreditCode(value: string): string {
  return value.trim().toUpperCase();
}

/** Whether the typed code has the right shape but a wrong check character (the override case). */
export function creditCodeNeedsOverride(value: string): boolean {
  const code = normalizeCreditCode(value);
  if (!code) return false;
  const result = checkCreditCode(code);
  return !result.ok && result.problem === 'CHECK_DIGIT';
}

const orNull = <T>(value: T | null | undefined): T | null => (value === undefined ? null : value);

/** Body for POST /api/orgs: blank optional fields are left out. */
export function toCreateBody(form: OrgForm, parentId: number): OrgCreateBody {
  const body: OrgCreateBody = {
    parentId,
    kind: form.kind as OrgKind,
    code: form.code.trim(),
    name: form.name.trim(),
  };
  for (const key of TEXT_FIELDS) {
    const value = form[key].trim();
    if (value && key !== 'code' && key !== 'name') body[key] = value;
  }
  if (typedMobile(form.contactPhone)) body.contactPhone = typedMobile(form.contactPhone);
  if (form.residentPopulation !== null && form.residentPopulation !== undefined)
    body.residentPopulation = form.residentPopulation;
  if (form.latitude !== null && form.latitude !== undefined) body.latitude = form.latitude;
  if (form.longitude !== null && form.longitude !== undefined) body.longitude = form.longitude;
  if (form.foundedOn) body.foundedOn = form.foundedOn;
  const creditCode = normalizeCreditCode(form.creditCode);
  if (creditCode) {
    body.creditCode = creditCode;
    if (form.creditCodeOverride && creditCodeNeedsOverride(creditCode)) body.creditCodeOverride = true;
  }
  return body;
}

/**
 * Body for PATCH /api/orgs/:id: only the fields that changed; a cleared field is sent as null. The
 * code cannot change once created, and the short name can be replaced but not cleared.
 */
export function toPatchBody(form: OrgForm, original: Org): OrgEditableFields {
  const before = orgToForm(original);
  const patch: OrgEditableFields = {};
  for (const key of TEXT_FIELDS) {
    const value = form[key].trim();
    if (key === 'code' || value === before[key].trim()) continue;
    if (key === 'name' || key === 'shortName') {
      if (value) patch[key] = value;
    } else patch[key] = value || null;
  }
  const phone = typedMobile(form.contactPhone);
  if (phone && phone !== before.contactPhone) patch.contactPhone = phone;
  else if (!phone && before.contactPhone) patch.contactPhone = null;
  for (const key of ['residentPopulation', 'latitude', 'longitude'] as const) {
    if (orNull(form[key]) !== orNull(before[key])) patch[key] = orNull(form[key]);
  }
  if ((form.foundedOn || null) !== before.foundedOn) patch.foundedOn = form.foundedOn || null;
  const creditCode = normalizeCreditCode(form.creditCode);
  if (creditCode !== normalizeCreditCode(before.creditCode)) {
    patch.creditCode = creditCode || null;
    if (form.creditCodeOverride && creditCodeNeedsOverride(creditCode)) patch.creditCodeOverride = true;
  }
  return patch;
}

export const orgFormRules: FormRules<OrgForm> = {
  kind: [{ required: true, message: '请选择单位类型', trigger: 'change' }],
  code: [
    { required: true, message: '请输入单位编码', trigger: 'blur' },
    { max: 64, message: '编码不超过 64 个字符', trigger: 'blur' },
  ],
  name: [
    { required: true, whitespace: true, message: '请输入单位名称', trigger: 'blur' },
    { max: 60, message: '名称不超过 60 个字符', trigger: 'blur' },
  ],
  shortName: [{ max: 30, message: '简称不超过 30 个字符', trigger: 'blur' }],
  residentPopulation: [
    {
      validator: (_rule, value: number | null | undefined, callback) => {
        if (value === null || value === undefined) callback();
        else if (!Number.isInteger(value) || value < 0) callback(new Error('常住人口应为不小于 0 的整数'));
        else callback();
      },
      trigger: 'change',
    },
  ],
  latitude: [
    {
      validator: (_rule, value: number | null | undefined, callback) => {
        if (value === null || value === undefined || (value >= -90 && value <= 90)) callback();
        else callback(new Error('纬度应在 -90 到 90 之间'));
      },
      trigger: 'change',
    },
  ],
  longitude: [
    {
      validator: (_rule, value: number | null | undefined, callback) => {
        if (value === null || value === undefined || (value >= -180 && value <= 180)) callback();
        else callback(new Error('经度应在 -180 到 180 之间'));
      },
      trigger: 'change',
    },
  ],
  contactPhone: [{ validator: optionalMobile, trigger: 'blur' }],
  address: [{ max: 200, message: '地址不超过 200 个字符', trigger: 'blur' }],
};

/**
 * The credit-code rule reads the whole form (Element Plus hands a validator only its own field):
 * a wrong check character passes only with 强制保存 ticked.
 */
export function creditCodeRules(form: () => OrgForm): FormItemRule[] {
  return [
    {
      validator: (_rule, value: string, callback) => {
        const code = normalizeCreditCode(value ?? '');
        if (!code) return callback();
        const result = checkCreditCode(code);
        if (result.ok || (result.problem === 'CHECK_DIGIT' && form().creditCodeOverride)) return callback();
        callback(new Error(result.message));
      },
      trigger: 'blur',
    },
  ];
}
