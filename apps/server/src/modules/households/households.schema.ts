import { z } from 'zod';
import { BOARD_MODES, HOUSEHOLD_AWARD_STATUSES, HOUSEHOLD_NO_PATTERN } from '@civic/contracts';
import { bodyId, pagingQuery, queryId } from '../../platform/http/schemas.ts';

// ---------------------------------------------------------------- the register

const householdNo = z
  .string({ error: '请填写户号' })
  .trim()
  .regex(HOUSEHOLD_NO_PATTERN, '户号由数字、字母和“-”组成，不超过 20 位（如 3-12）');
const personName = (what: string) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(1, `请填写${what}`)
    .max(30, `${what}不超过 30 个字`);
export const memberSchema = z.object({
  name: personName('成员姓名'),
  relation: z
    .string({ error: '请填写与户主关系' })
    .trim()
    .min(1, '请填写与户主关系')
    .max(10, '与户主关系不超过 10 个字'),
});
const members = z.array(memberSchema).max(20, '家庭成员不超过 20 人');
/** a mobile (validated and sealed by the service); null or '' for none */
const phone = z.string().trim().max(30, '手机号格式不正确').nullable();

export const householdInput = z.object({
  /** the station; the caller's own org when absent */
  orgId: bodyId.optional(),
  householdNo,
  headName: personName('户主姓名'),
  members: members.default([]),
  phone: phone.optional(),
});
export type HouseholdInput = z.infer<typeof householdInput>;
export const householdPatch = z.object({
  householdNo: householdNo.optional(),
  headName: personName('户主姓名').optional(),
  members: members.optional(),
  phone: phone.optional(),
  active: z.boolean().optional(),
  /** link the resident account (群众账号) registered with this mobile; null unlinks */
  residentPhone: phone.optional(),
});
export type HouseholdPatch = z.infer<typeof householdPatch>;

export const householdListQuery = z.object({
  orgId: queryId,
  /** the household number's start, or part of the head's or a member's name */
  keyword: z.string().trim().max(30).optional(),
  active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  ...pagingQuery,
});
export type HouseholdListQuery = z.infer<typeof householdListQuery>;

export const householdView = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  householdNo: z.string(),
  headName: z.string(),
  members: z.array(memberSchema),
  /** masked (138****5678); the full number only through the audited reveal */
  phone: z.string().nullable(),
  active: z.boolean(),
  /** a resident account is linked */
  linked: z.boolean(),
  balance: z.number(),
  lifetime: z.number(),
  pendingAwards: z.number(),
  updatedAt: z.string().nullable(),
});
export type HouseholdView = z.infer<typeof householdView>;
export const householdPage = z.object({ items: z.array(householdView), total: z.number() });

export const revealView = z.object({ phone: z.string().nullable() });

// ---------------------------------------------------------------- the ledger of a household
export const householdEntryView = z.object({
  id: z.number(),
  kind: z.string(),
  delta: z.number(),
  balanceAfter: z.number(),
  lifetimeAfter: z.number(),
  reason: z.string(),
  sourceType: z.string(),
  sourceId: z.number().nullable(),
  occurredAt: z.string(),
});
export const householdLedgerView = z.object({
  household: householdView,
  entries: z.array(householdEntryView),
  awards: z.array(z.lazy(() => awardView)),
});

// ---------------------------------------------------------------- rules
const points = z
  .number({ error: '分值须为 1–1000 的整数' })
  .int('分值须为整数，不能有小数')
  .min(1, '分值至少为 1')
  .max(1000, '分值不超过 1000');
export const ruleInput = z.object({
  orgId: bodyId.optional(),
  name: z
    .string({ error: '请填写积分项名称' })
    .trim()
    .min(1, '请填写积分项名称')
    .max(40, '名称不超过 40 个字'),
  description: z.string().trim().max(200, '说明不超过 200 个字').default(''),
  points,
});
export type RuleInput = z.infer<typeof ruleInput>;
export const rulePatch = z.object({
  name: z.string().trim().min(1, '请填写积分项名称').max(40, '名称不超过 40 个字').optional(),
  description: z.string().trim().max(200, '说明不超过 200 个字').optional(),
  points: points.optional(),
  active: z.boolean().optional(),
});
export type RulePatch = z.infer<typeof rulePatch>;
export const ruleView = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  name: z.string(),
  description: z.string(),
  points: z.number(),
  active: z.boolean(),
  /** a rule of an org above the caller's (the county's defaults): read-only to them */
  inherited: z.boolean(),
});
export type RuleView = z.infer<typeof ruleView>;
export const ruleListQuery = z.object({ orgId: queryId });

// ---------------------------------------------------------------- settings
export const settingsView = z.object({
  orgId: z.number(),
  orgName: z.string(),
  boardMode: z.enum(BOARD_MODES),
  boardEnabled: z.boolean(),
  confirmThreshold: z.number(),
});
export type SettingsView = z.infer<typeof settingsView>;
export const settingsPatch = z.object({
  boardMode: z.enum(BOARD_MODES, { error: '积分榜显示方式不正确' }).optional(),
  boardEnabled: z.boolean().optional(),
  confirmThreshold: z
    .number({ error: '须第二人确认的分值须为 0–1000 的整数' })
    .int('须第二人确认的分值须为整数')
    .min(0, '须第二人确认的分值不能小于 0')
    .max(1000, '须第二人确认的分值不超过 1000')
    .optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatch>;

// ---------------------------------------------------------------- awards
export const awardInput = z.object({
  ruleId: bodyId,
  note: z.string().trim().max(200, '说明不超过 200 个字').default(''),
});
export type AwardInput = z.infer<typeof awardInput>;
export const reasonInput = z.object({
  reason: z.string({ error: '请填写原因' }).trim().min(1, '请填写原因').max(200, '原因不超过 200 个字'),
});
export const awardView = z.object({
  id: z.number(),
  householdId: z.number(),
  householdNo: z.string(),
  headName: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  ruleId: z.number(),
  ruleName: z.string(),
  points: z.number(),
  note: z.string(),
  photoUrl: z.string().nullable(),
  status: z.enum(HOUSEHOLD_AWARD_STATUSES),
  createdBy: z.string(),
  createdByMe: z.boolean(),
  createdAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  rejectReason: z.string().nullable(),
  voidedBy: z.string().nullable(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
});
export type AwardView = z.infer<typeof awardView>;
export const awardListQuery = z.object({
  orgId: queryId,
  status: z.enum(HOUSEHOLD_AWARD_STATUSES).optional(),
  ...pagingQuery,
});
export type AwardListQuery = z.infer<typeof awardListQuery>;
export const awardPage = z.object({ items: z.array(awardView), total: z.number() });

// ---------------------------------------------------------------- public board and H5
export const boardParams = z.object({
  orgId: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31),
});
export const boardView = z.object({
  orgId: z.number(),
  orgName: z.string(),
  mode: z.enum(BOARD_MODES),
  rows: z.array(
    z.object({
      rank: z.number(),
      householdNo: z.string(),
      /** null when the station shows numbers only */
      name: z.string().nullable(),
      lifetime: z.number(),
    }),
  ),
});
export type BoardView = z.infer<typeof boardView>;

export const myHouseholdView = z.object({
  household: z
    .object({
      householdNo: z.string(),
      headName: z.string(),
      orgId: z.number(),
      orgName: z.string(),
      balance: z.number(),
      lifetime: z.number(),
      entries: z.array(householdEntryView),
    })
    .nullable(),
});
