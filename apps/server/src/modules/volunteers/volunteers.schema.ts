import { z } from 'zod';
import {
  AGE_RANGES,
  AVAILABILITIES,
  POLITICAL_STATUSES,
  SERVICE_CATEGORIES,
  SKILLS,
  TEAM_MEMBER_ROLES,
  TEAM_MEMBER_STATUSES,
  TEAM_TIERS,
  VOLUNTEER_CATEGORIES,
  VOLUNTEER_STATUSES,
} from '@civic/contracts';
import { bodyId } from '../../platform/http/schemas.ts';

const codes = <T extends string>(values: readonly [T, ...T[]] | T[], label: string) =>
  z
    .array(z.enum(values as [T, ...T[]], { error: `${label}取值不正确` }))
    .max(values.length)
    .transform((list) => [...new Set(list)]);

const personName = z
  .string({ error: '请输入姓名' })
  .trim()
  .min(2, '姓名至少 2 个字')
  .max(30, '姓名不超过 30 个字')
  .regex(/^[\p{Script=Han}·•A-Za-z\s]+$/u, '姓名只能包含汉字、字母或间隔号');

const guardianInput = z.object({
  name: personName,
  phone: z.string({ error: '请输入监护人手机号' }).trim().max(20),
  consent: z.boolean(),
});

const profileFields = {
  politicalStatus: z.enum(POLITICAL_STATUSES, { error: '请选择政治面貌' }),
  categories: codes(VOLUNTEER_CATEGORIES, '志愿者类别').optional(),
  skills: codes(SKILLS, '专长').optional(),
  skillsNote: z.string().trim().max(200, '专长说明不超过 200 个字').nullable().optional(),
  serviceCategories: codes(SERVICE_CATEGORIES, '服务类别').optional(),
  availability: codes(AVAILABILITIES, '可服务时间').optional(),
};

export const volunteerInput = z.object({
  name: personName,
  idNumber: z.string({ error: '请输入身份证号' }).trim().max(30),
  phone: z.string({ error: '请输入手机号' }).trim().max(20),
  orgId: bodyId,
  ...profileFields,
  guardian: guardianInput.nullable().optional(),
});
export type VolunteerInput = z.infer<typeof volunteerInput>;

export const updateVolunteerInput = volunteerInput.partial();
export type UpdateVolunteerInput = z.infer<typeof updateVolunteerInput>;

export const registerInput = volunteerInput.extend({
  password: z.string({ error: '请设置密码' }).min(1, '请设置密码').max(128),
  privacyConsent: z.literal(true, { error: '请阅读并同意隐私政策' }),
  privacyVersion: z.string().trim().min(1).max(20),
});
export type RegisterInput = z.infer<typeof registerInput>;

export const selfUpdateInput = z.object({
  ...profileFields,
  politicalStatus: profileFields.politicalStatus.optional(),
  phone: z.string().trim().max(20).optional(),
});
export type SelfUpdateInput = z.infer<typeof selfUpdateInput>;

const flag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export const volunteerFilters = z.object({
  keyword: z.string().trim().max(50).optional(),
  phoneTail: z
    .string()
    .trim()
    .regex(/^\d{4}$/, '手机尾号为 4 位数字')
    .optional(),
  skill: z.enum(SKILLS).optional(),
  category: z.enum(VOLUNTEER_CATEGORIES).optional(),
  serviceCategory: z.enum(SERVICE_CATEGORIES).optional(),
  politicalStatus: z.enum(POLITICAL_STATUSES).optional(),
  status: z.enum(VOLUNTEER_STATUSES).optional(),
  starLevel: z.coerce.number().int().min(0).max(5).optional(),
  teamId: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31)
    .optional(),
  orgId: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31)
    .optional(),
  isMinor: flag,
});
export type VolunteerFilters = z.infer<typeof volunteerFilters>;

export const volunteerListQuery = volunteerFilters.extend({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type VolunteerListQuery = z.infer<typeof volunteerListQuery>;

export const volunteerExportQuery = volunteerFilters.extend({ unmasked: flag });

export const suspendInput = z.object({
  reason: z.string({ error: '请填写暂停原因' }).trim().min(2, '请填写暂停原因').max(200),
});

export const revealInput = z.object({ field: z.enum(['idNumber', 'phone', 'guardianPhone']) });
export type RevealField = z.infer<typeof revealInput>['field'];

export const withdrawInput = z.object({ erase: z.boolean().default(false) });

export const volunteerListItem = z.object({
  id: z.number(),
  volunteerNo: z.string(),
  name: z.string(),
  gender: z.enum(['male', 'female']),
  /** null, as the birth date, unless the caller may see the full ID number (or is the volunteer) */
  age: z.number().nullable(),
  ageRange: z.enum(AGE_RANGES),
  birthDate: z.string().nullable(),
  orgId: z.number(),
  orgName: z.string(),
  idNumber: z.string(),
  phone: z.string().nullable(),
  politicalStatus: z.enum(POLITICAL_STATUSES),
  categories: z.array(z.string()),
  skills: z.array(z.string()),
  serviceCategories: z.array(z.string()),
  availability: z.array(z.string()),
  isMinor: z.boolean(),
  status: z.enum(VOLUNTEER_STATUSES),
  source: z.enum(['self', 'import', 'admin']),
  lifetimeHours: z.number(),
  starLevel: z.number(),
  teamCount: z.number(),
  createdAt: z.string(),
});
export type VolunteerListItem = z.infer<typeof volunteerListItem>;

export const volunteerDetail = volunteerListItem.extend({
  orgPath: z.string(),
  /** the card photo (志愿者电子证), readable by the volunteer and the admins of their org or above; null: none */
  photoUrl: z.string().nullable(),
  skillsNote: z.string().nullable(),
  statusReason: z.string().nullable(),
  hasAccount: z.boolean(),
  guardian: z
    .object({ name: z.string(), phone: z.string().nullable(), consentAt: z.string().nullable() })
    .nullable(),
  consent: z.object({
    version: z.string(),
    at: z.string(),
    channel: z.enum(['online', 'offline']),
    withdrawnAt: z.string().nullable(),
    erasureRequestedAt: z.string().nullable(),
  }),
  hours: z.object({
    lifetime: z.number(),
    year: z.number(),
    star: z.object({
      level: z.number(),
      nextThreshold: z.number().nullable(),
      hoursToNext: z.number().nullable(),
    }),
    party: z
      .object({ required: z.number(), done: z.number(), remaining: z.number(), met: z.boolean() })
      .nullable(),
  }),
  teams: z.array(
    z.object({
      memberId: z.number(),
      teamId: z.number(),
      teamName: z.string(),
      tier: z.enum(TEAM_TIERS),
      role: z.enum(TEAM_MEMBER_ROLES),
      status: z.enum(TEAM_MEMBER_STATUSES),
    }),
  ),
});
export type VolunteerDetail = z.infer<typeof volunteerDetail>;

export const importJob = z.object({
  id: z.number(),
  fileName: z.string(),
  status: z.enum(['validating', 'validated', 'importing', 'done', 'failed']),
  mode: z.enum(['all', 'valid_only']).nullable(),
  totalRows: z.number(),
  processedRows: z.number(),
  validRows: z.number(),
  errorRows: z.number(),
  importedRows: z.number(),
  errors: z.array(z.object({ row: z.number(), column: z.string().nullable(), message: z.string() })),
  failure: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJobView = z.infer<typeof importJob>;

export const commitImportInput = z.object({ validOnly: z.boolean() });

export const residenceOrg = z.object({
  id: z.number(),
  name: z.string(),
  children: z.array(z.object({ id: z.number(), name: z.string() })),
});

/** A pending request to rejoin after withdrawal (the registration did not prove the person). */
export const rejoinRequest = z.object({
  id: z.number(),
  volunteerId: z.number(),
  volunteerNo: z.string(),
  name: z.string(),
  orgName: z.string(),
  /** the phone the registration gave, masked */
  phone: z.string(),
  requestedAt: z.string(),
  withdrawnAt: z.string().nullable(),
  erasureRequested: z.boolean(),
});
export type RejoinRequestView = z.infer<typeof rejoinRequest>;

// ---------------------------------------------------------------- the volunteer card (志愿者电子证)

export const volunteerCard = z.object({
  volunteerId: z.number(),
  name: z.string(),
  volunteerNo: z.string(),
  orgName: z.string(),
  starLevel: z.number(),
  lifetimeHours: z.number(),
  status: z.enum(VOLUNTEER_STATUSES),
  /** raised on every re-issue: the cards printed before stop working */
  cardVersion: z.number(),
  /** null: no photo kept, the card shows a placeholder; else a path only the volunteer and admins in scope may read */
  photoUrl: z.string().nullable(),
  /** what the card's QR code carries (signed by the server; organisers scan it to check in) */
  token: z.string(),
});
export type VolunteerCard = z.infer<typeof volunteerCard>;

/** A card photo just set: where to read it. */
export const cardPhoto = z.object({ photoId: z.string(), photoUrl: z.string() });
export type CardPhoto = z.infer<typeof cardPhoto>;
