import { z } from 'zod';
import { bodyId, optionalText, pagingQuery, queryId } from '../../platform/http/schemas.ts';
import { INDICATOR_CODES, ORG_KINDS_ASSESSED } from './indicators.ts';
import { PERIOD_KINDS } from './periods.ts';

const periodKind = z.enum(PERIOD_KINDS, { error: '期间类型应为月、季或年' });
const periodKey = z.string({ error: '请选择期间' }).trim().min(4, '请选择期间').max(10, '期间格式不正确');

// ---------------------------------------------------------------- indicators

export const indicatorSettingView = z.object({
  orgKind: z.enum(ORG_KINDS_ASSESSED),
  code: z.enum(INDICATOR_CODES),
  name: z.string(),
  unit: z.string(),
  /** flow: counted, target per year prorated to the period; rate / stock: compared as is */
  basis: z.enum(['flow', 'rate', 'stock']),
  description: z.string(),
  /** false: the platform does not record its source yet (无数据) */
  recorded: z.boolean(),
  seq: z.number(),
  target: z.number(),
  weight: z.number(),
  enabled: z.boolean(),
});
export const indicatorsView = z.object({ items: z.array(indicatorSettingView) });

export const indicatorKindParams = z.object({
  kind: z.enum(ORG_KINDS_ASSESSED, { error: '单位类型应为中心、实践所或实践站' }),
});

export const indicatorsUpdate = z.object({
  items: z
    .array(
      z.object({
        code: z.enum(INDICATOR_CODES, { error: '未知的指标' }),
        target: z.coerce
          .number({ error: '目标值应为数字' })
          .min(0, '目标值不能小于 0')
          .max(10_000_000, '目标值过大'),
        weight: z.coerce
          .number({ error: '权重应为整数' })
          .int('权重应为整数')
          .min(0, '权重不能小于 0')
          .max(100, '权重不能超过 100'),
        enabled: z.boolean(),
      }),
    )
    .min(1, '请至少保留一项指标')
    .max(50),
});
export type IndicatorsUpdate = z.infer<typeof indicatorsUpdate>;

// ---------------------------------------------------------------- the report

export const periodQuery = z.object({
  orgId: queryId,
  periodKind: periodKind,
  period: periodKey,
});
export type PeriodQuery = z.infer<typeof periodQuery>;

const rag = z.enum(['green', 'amber', 'red', 'none']);

export const reportIndicator = z.object({
  orgKind: z.enum(ORG_KINDS_ASSESSED),
  code: z.enum(INDICATOR_CODES),
  name: z.string(),
  unit: z.string(),
  basis: z.enum(['flow', 'rate', 'stock']),
  recorded: z.boolean(),
  /** the yearly (counted) or plain target as set when the report was made */
  target: z.number(),
  weight: z.number(),
});
export type ReportIndicator = z.infer<typeof reportIndicator>;

export const reportRow = z.object({
  orgId: z.number(),
  name: z.string(),
  kind: z.enum(ORG_KINDS_ASSESSED),
  /** a station's institute */
  parentName: z.string().nullable(),
  archived: z.boolean(),
  /** 0–100; null when no indicator has data */
  score: z.number().nullable(),
  /** among the units of its kind (archived units are not ranked); ties share a rank */
  rank: z.number().nullable(),
  rag,
  /** 建设推进不力: score below 60 */
  behind: z.boolean(),
  previousScore: z.number().nullable(),
  previousRank: z.number().nullable(),
  change: z.number().nullable(),
  results: z.array(
    z.object({
      code: z.enum(INDICATOR_CODES),
      /** null: 无数据 */
      actual: z.number().nullable(),
      /** for this unit and period */
      target: z.number(),
      /** percent of target, uncapped */
      completion: z.number().nullable(),
      rag,
    }),
  ),
});
export type ReportRow = z.infer<typeof reportRow>;

export const reportView = z.object({
  orgId: z.number(),
  orgName: z.string(),
  period: z.object({
    kind: periodKind,
    key: z.string(),
    label: z.string(),
    start: z.string(),
    end: z.string(),
  }),
  generatedAt: z.string(),
  minRatings: z.number(),
  indicators: z.array(reportIndicator),
  rows: z.array(reportRow),
  summary: z.object({
    kinds: z.array(
      z.object({
        kind: z.enum(ORG_KINDS_ASSESSED),
        units: z.number(),
        behind: z.number(),
        averageScore: z.number().nullable(),
      }),
    ),
  }),
});
export type ReportView = z.infer<typeof reportView>;

// ---------------------------------------------------------------- bulletins

export const bulletinCreate = z.object({
  orgId: bodyId.optional(),
  periodKind: periodKind,
  period: periodKey,
});
export type BulletinCreate = z.infer<typeof bulletinCreate>;

export const bulletinListQuery = z.object({
  orgId: queryId,
  periodKind: periodKind.optional(),
  ...pagingQuery,
});
export type BulletinListQuery = z.infer<typeof bulletinListQuery>;

const allocationRow = z.object({
  orgId: z.number(),
  name: z.string(),
  score: z.number(),
  amountFen: z.number(),
});

export const allocationView = z.object({
  id: z.number(),
  bulletinId: z.number(),
  poolFen: z.number(),
  unitKind: z.enum(['institute', 'station']),
  minScore: z.number(),
  note: z.string().nullable(),
  rows: z.array(allocationRow),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type AllocationView = z.infer<typeof allocationView>;

export const bulletinSummary = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  periodKind: periodKind,
  period: z.string(),
  title: z.string(),
  units: z.number(),
  behind: z.number(),
  /** null: published by the scheduled job */
  publishedByName: z.string().nullable(),
  publishedAt: z.string(),
  hasAllocation: z.boolean(),
});
export const bulletinPage = z.object({
  items: z.array(bulletinSummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const bulletinView = bulletinSummary.extend({
  report: reportView,
  allocation: allocationView.nullable(),
});
export type BulletinView = z.infer<typeof bulletinView>;

export const allocationCreate = z.object({
  /** the pool in yuan, up to two decimals (fen) */
  poolYuan: z.coerce
    .number({ error: '资金总额应为数字' })
    .positive('资金总额应大于 0')
    .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, '资金总额最多保留两位小数（分）'),
  unitKind: z.enum(['institute', 'station'], { error: '请选择分配对象：实践所或实践站' }),
  minScore: z.coerce
    .number({ error: '最低得分应为数字' })
    .min(0, '最低得分不能小于 0')
    .max(100, '最低得分不能超过 100')
    .default(60),
  note: optionalText(200),
});
export type AllocationCreate = z.infer<typeof allocationCreate>;
