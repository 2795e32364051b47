import { z } from 'zod';
import { queryId } from '../../platform/http/schemas.ts';

const isoDay = (what: string) =>
  z
    .string({ error: `请填写${what}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${what}格式应为 YYYY-MM-DD`)
    .refine((v) => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v && v >= '2000-01-01';
    }, `${what}不是有效日期`);

export const unitsQuery = z.object({
  orgId: queryId,
  from: isoDay('开始日期'),
  to: isoDay('结束日期'),
});
export type UnitsQuery = z.infer<typeof unitsQuery>;

export const unitFigures = z.object({
  orgId: z.number(),
  name: z.string(),
  kind: z.string(),
  /** archived units keep their history in the period */
  archived: z.boolean(),
  activitiesHeld: z.number(),
  festivalActivitiesHeld: z.number(),
  serviceRecords: z.number(),
  serviceHours: z.number(),
  ordersReceived: z.number(),
  ordersClosed: z.number(),
  ordersClosedOnTime: z.number(),
  /** on-time share of closed orders, in percent (one decimal); null when none closed */
  onTimeRate: z.number().nullable(),
  ratingCount: z.number(),
  /** average rating (two decimals); null below the minimum sample */
  averageRating: z.number().nullable(),
});
export type UnitFigures = z.infer<typeof unitFigures>;

export const unitsView = z.object({
  orgId: z.number(),
  orgName: z.string(),
  from: z.string(),
  to: z.string(),
  /** the fewest ratings an average needs (ASSESSMENT_MIN_RATINGS) */
  minRatings: z.number(),
  /** the org's whole subtree */
  total: unitFigures,
  /** the org's own facts (organised by the org itself, not by a unit below it) */
  own: unitFigures,
  /** one row per direct child unit, each over its subtree */
  units: z.array(unitFigures),
});
export type UnitsView = z.infer<typeof unitsView>;
