import { z } from 'zod';
import {
  PUBLICITY_LEVELS,
  PUBLICITY_MESSAGES,
  PUBLICITY_QUOTA_LEVELS,
  isCalendarDate,
  publicityPieceFields,
} from '@civic/contracts';
import { bodyId, pagingQuery, queryId } from '../../platform/http/schemas.ts';

// ---------------------------------------------------------------- input
export const pieceInput = z.object({
  /** the unit the piece is recorded for: the caller's org when left out, or any org in scope */
  orgId: bodyId.optional(),
  level: publicityPieceFields.level,
  outlet: publicityPieceFields.outlet,
  title: publicityPieceFields.title,
  url: publicityPieceFields.url.default(null),
  publishedOn: publicityPieceFields.publishedOn,
  note: publicityPieceFields.note.default(''),
});
export type PieceInput = z.infer<typeof pieceInput>;

export const piecePatch = z
  .object({
    orgId: bodyId,
    level: publicityPieceFields.level,
    outlet: publicityPieceFields.outlet,
    title: publicityPieceFields.title,
    url: publicityPieceFields.url,
    publishedOn: publicityPieceFields.publishedOn,
    note: publicityPieceFields.note,
  })
  .partial();
export type PiecePatch = z.infer<typeof piecePatch>;

const year = z.coerce
  .number({ error: '年份格式不正确' })
  .int('年份格式不正确')
  .min(2000, '年份不能早于 2000 年')
  .max(2100, '年份格式不正确');
const day = (label: string) =>
  z.string().trim().refine(isCalendarDate, `${label}格式不正确（应为 2026-05-20 这样的日期）`);

export const pieceFilter = z.object({
  /** a unit in scope: its subtree */
  orgId: queryId,
  level: z.enum(PUBLICITY_LEVELS, { error: PUBLICITY_MESSAGES.level }).optional(),
  /** a calendar year of publication; or from/to */
  year: year.optional(),
  from: day('开始日期').optional(),
  to: day('结束日期').optional(),
  /** part of the title or the outlet */
  q: z.string().trim().max(40, '关键词不超过 40 个字').optional(),
});
export type PieceFilter = z.infer<typeof pieceFilter>;
export const pieceListQuery = pieceFilter.extend(pagingQuery);
export type PieceListQuery = z.infer<typeof pieceListQuery>;

// ---------------------------------------------------------------- output
export const pieceView = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  level: z.enum(PUBLICITY_LEVELS),
  outlet: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  publishedOn: z.string(),
  note: z.string(),
  hasScreenshot: z.boolean(),
  /** changes with the screenshot, so a cached image is never a replaced one */
  screenshotUrl: z.string().nullable(),
  /** who recorded it, for those whose scope reaches them */
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** the caller may edit and delete it (publicity.write; it is its unit's or one below) */
  canEdit: z.boolean(),
});
export type PieceView = z.infer<typeof pieceView>;
export const piecePage = z.object({ items: z.array(pieceView), total: z.number() });

export const screenshotQuery = z.object({
  /** the screenshot's id (cache key); ignored */
  v: z.string().max(40).optional(),
});

export const summaryQuery = z.object({
  /** the org whose direct units are listed: the caller's own when left out */
  orgId: queryId,
  /** the calendar year: this year (China) when left out */
  year: year.optional(),
});
export type SummaryQuery = z.infer<typeof summaryQuery>;

const perQuota = z.object(
  Object.fromEntries(PUBLICITY_QUOTA_LEVELS.map((l) => [l, z.number()])) as {
    province: z.ZodNumber;
    city: z.ZodNumber;
    county: z.ZodNumber;
  },
);
export const summaryRow = z.object({
  /** child: a direct unit over its subtree; own: the org's own pieces (本级); total: the whole subtree */
  kind: z.enum(['child', 'own', 'total']),
  orgId: z.number(),
  orgName: z.string(),
  archived: z.boolean(),
  /** pieces per level as recorded */
  national: z.number(),
  province: z.number(),
  city: z.number(),
  county: z.number(),
  total: z.number(),
  /** per quota level (national counted with province) */
  counted: perQuota,
  /** how many are missing per quota level (0 when met) */
  shortfall: perQuota,
  /** every level's quota met */
  meets: z.boolean(),
});
export type SummaryRow = z.infer<typeof summaryRow>;
export const summaryView = z.object({
  orgId: z.number(),
  orgName: z.string(),
  year: z.number(),
  quota: perQuota,
  rows: z.array(summaryRow),
});
export type SummaryView = z.infer<typeof summaryView>;
