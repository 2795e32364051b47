import { z } from 'zod';
import { bodyId } from '../../platform/http/schemas.ts';
import { ROLES, USER_STATUSES } from '@civic/contracts';

export const meSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  roleLabel: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  orgPath: z.string(),
  /** A team leader's team (their data scope); null for other roles and for a leader bound to none. */
  teamId: z.number().nullable(),
  teamName: z.string().nullable(),
  permissions: z.array(z.string()),
  mustChangePassword: z.boolean(),
  passwordExpired: z.boolean(),
  totpEnabled: z.boolean(),
  totpRequired: z.boolean(),
});
export const sessionResponse = z.object({ user: meSchema, csrfToken: z.string() });

export const loginBody = z.object({
  username: z.string().trim().min(1, '请输入账号').max(64),
  password: z.string().min(1, '请输入密码').max(128),
  totp: z
    .string()
    .regex(/^\d{6}$/, '动态验证码为 6 位数字')
    .optional(),
  /** A solved login challenge, when the server asked for one (428 CHALLENGE_REQUIRED). */
  challenge: z.object({ token: z.string().min(1).max(200), nonce: z.string().min(1).max(32) }).optional(),
});

export const challengeResponse = z.object({
  token: z.string(),
  /** Leading zero bits SHA-256("<token>:<nonce>") must have. */
  difficulty: z.number(),
  expiresAt: z.string(),
});

export const changePasswordBody = z.object({
  oldPassword: z.string().min(1, '请输入原密码').max(128),
  newPassword: z.string().min(1, '请输入新密码').max(128),
});

export const okResponse = z.object({ ok: z.literal(true) });

export const userSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  role: z.enum(ROLES),
  roleLabel: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  /** The team a team leader's account leads; null for other roles. */
  teamId: z.number().nullable(),
  teamName: z.string().nullable(),
  status: z.enum(USER_STATUSES),
  /** Why a pending account waits for activation, who asked (username) and when; null otherwise. */
  activationReason: z.enum(['create', 'reset_password', 'role_change']).nullable(),
  activationRequestedBy: z.string().nullable(),
  activationRequestedAt: z.string().nullable(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userSchema>;

const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{2,31}$/, '账号需以字母开头，3–32 位字母、数字、下划线、点或短横线');
const displayName = z.string().trim().min(1, '请输入姓名').max(30, '姓名不超过 30 个字');
const phone = z.string().trim().max(20).nullable().optional();

/** The team a team leader leads: one of the teams of the account's own org (required for them). */
const teamId = bodyId.nullable().optional();

export const createUserBody = z.object({
  username,
  displayName,
  phone,
  role: z.enum(ROLES),
  orgId: bodyId,
  teamId,
});
export const updateUserBody = z.object({
  displayName: displayName.optional(),
  phone,
  role: z.enum(ROLES).optional(),
  orgId: bodyId.optional(),
  teamId,
});
export const teamOptionsQuery = z.object({ orgId: z.coerce.number().int().positive() });
export const teamOption = z.object({ id: z.number(), name: z.string(), tier: z.string() });
export const userListQuery = z.object({
  keyword: z.string().trim().max(50).optional(),
  role: z.enum(ROLES).optional(),
  orgId: z.coerce.number().int().positive().optional(),
  status: z.enum(USER_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
