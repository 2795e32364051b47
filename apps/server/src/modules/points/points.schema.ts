import { z } from 'zod';
import {
  MAX_RULE_POINTS,
  POINT_ADJUSTMENT_STATUSES,
  POINT_ENTRY_KINDS,
  POINT_HOLDER_TYPES,
  POINT_RULE_KINDS,
} from '@civic/contracts';
import { bodyId, pagingQuery, queryId } from '../../platform/http/schemas.ts';

const date = (label: string) => z.iso.date({ error: `${label}格式不正确（YYYY-MM-DD）` });
const points = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .int(`${label}须为整数`)
    .min(0, `${label}不能为负数`)
    .max(MAX_RULE_POINTS, `${label}不超过 ${MAX_RULE_POINTS}`);
const reason = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(2, `请填写${label}（至少 2 个字）`)
    .max(200, `${label}不超过 200 个字`);

// ---------------------------------------------------------------- rules
export const ruleInput = z.object({
  kind: z.enum(POINT_RULE_KINDS, { error: '请选择规则类型' }),
  points: points('分值'),
  /** the centre's rules only: the most a local rule of this kind may give */
  maxPoints: points('上限').nullable().optional(),
  note: z.string().trim().max(200, '说明不超过 200 个字').nullable().optional(),
  validFrom: date('生效日期'),
  validTo: date('失效日期').nullable().optional(),
});
export type RuleInput = z.infer<typeof ruleInput>;

export const ruleView = z.object({
  id: z.number(),
  orgId: z.number().nullable(),
  orgName: z.string(),
  /** set at the county's centre (the 积分管理办法) rather than a local rule */
  county: z.boolean(),
  kind: z.enum(POINT_RULE_KINDS),
  points: z.number(),
  maxPoints: z.number().nullable(),
  note: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  version: z.number(),
  /** the caller may change it (their scope covers it and they hold points.rules) */
  canEdit: z.boolean(),
});
export const ruleList = z.object({
  items: z.array(ruleView),
  /** the caller may add a rule at their own org */
  canCreate: z.boolean(),
  /** the caller's rules are local (bounded by the centre's maximum) */
  local: z.boolean(),
});

// ---------------------------------------------------------------- ledger
export const entryView = z.object({
  id: z.number(),
  holderType: z.enum(POINT_HOLDER_TYPES),
  holderId: z.number(),
  holderName: z.string().nullable(),
  holderNo: z.string().nullable(),
  kind: z.enum(POINT_ENTRY_KINDS),
  ruleKind: z.string(),
  delta: z.number(),
  balanceAfter: z.number(),
  lifetimeAfter: z.number(),
  ruleVersion: z.number().nullable(),
  sourceType: z.string(),
  sourceId: z.number().nullable(),
  reason: z.string(),
  occurredAt: z.string(),
});
export const entryQuery = z.object({
  holderType: z.enum(POINT_HOLDER_TYPES).optional(),
  holderId: queryId,
  kind: z.enum(POINT_ENTRY_KINDS).optional(),
  from: date('开始日期').optional(),
  to: date('结束日期').optional(),
  ...pagingQuery,
});
export type EntryQuery = z.infer<typeof entryQuery>;
export const entryPage = z.object({ items: z.array(entryView), total: z.number() });

export const holderParams = z.object({
  holderType: z.enum(POINT_HOLDER_TYPES),
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31),
});
export const holderView = z.object({
  holderType: z.enum(POINT_HOLDER_TYPES),
  holderId: z.number(),
  name: z.string(),
  no: z.string().nullable(),
  balance: z.number(),
  lifetime: z.number(),
});

export const myPointsQuery = z.object({ ...pagingQuery });
export const myPoints = z.object({
  balance: z.number(),
  lifetime: z.number(),
  items: z.array(entryView.omit({ holderName: true, holderNo: true })),
  total: z.number(),
});

// ---------------------------------------------------------------- adjustments
export const adjustmentInput = z.object({
  holderType: z.enum(POINT_HOLDER_TYPES).default('volunteer'),
  holderId: bodyId,
  points: z
    .number({ error: '请填写调整的积分' })
    .int('调整的积分须为整数')
    .min(-100000, '调整的积分不超过 100000')
    .max(100000, '调整的积分不超过 100000')
    .refine((n) => n !== 0, '调整的积分不能为 0'),
  reason: reason('调整原因'),
});
export type AdjustmentInput = z.infer<typeof adjustmentInput>;

export const adjustmentView = z.object({
  id: z.number(),
  holderType: z.enum(POINT_HOLDER_TYPES),
  holderId: z.number(),
  holderName: z.string().nullable(),
  holderNo: z.string().nullable(),
  points: z.number(),
  reason: z.string(),
  status: z.enum(POINT_ADJUSTMENT_STATUSES),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** another admin may confirm it (the one who entered it may not) */
  canConfirm: z.boolean(),
  canCancel: z.boolean(),
});
export const adjustmentQuery = z.object({
  status: z.enum(POINT_ADJUSTMENT_STATUSES).optional(),
  holderId: queryId,
  ...pagingQuery,
});
export const adjustmentPage = z.object({ items: z.array(adjustmentView), total: z.number() });
