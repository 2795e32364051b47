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

export const VOLUNTEER_METRICS = ['hours', 'orders', 'rating', 'points'] as const;
export const TEAM_METRICS = ['hours', 'activities'] as const;
export const UNIT_METRICS = ['activities', 'hours', 'ordersClosed', 'onTimeRate', 'rating'] as const;
export const UNIT_KINDS = ['station', 'institute'] as const;

const metric = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `未知的排行指标，可选：${values.join('、')}` });

const period = {
  orgId: queryId,
  from: isoDay('开始日期'),
  to: isoDay('结束日期'),
};
const paging = {
  page: z.coerce
    .number({ error: '页码应为数字' })
    .int('页码应为整数')
    .min(1, '页码至少为 1')
    .max(100000)
    .default(1),
  pageSize: z.coerce
    .number({ error: '每页条数应为数字' })
    .int('每页条数应为整数')
    .min(1, '每页至少 1 条')
    .max(100, '每页最多 100 条')
    .default(20),
};
const includeArchived = z.enum(['true', 'false'], { error: '是否含已归档单位应为 true 或 false' }).optional();

export const volunteerRankingQuery = z.object({ ...period, ...paging, metric: metric(VOLUNTEER_METRICS) });
export const teamRankingQuery = z.object({ ...period, ...paging, metric: metric(TEAM_METRICS) });
export const unitRankingQuery = z.object({
  ...period,
  ...paging,
  metric: metric(UNIT_METRICS),
  kind: z
    .enum(UNIT_KINDS, { error: '单位类别应为 station（实践站）或 institute（实践所）' })
    .default('station'),
  includeArchived,
});
export type VolunteerRankingQuery = z.infer<typeof volunteerRankingQuery>;
export type TeamRankingQuery = z.infer<typeof teamRankingQuery>;
export type UnitRankingQuery = z.infer<typeof unitRankingQuery>;

export const rankingExportQuery = z.object({
  ...period,
  board: z.enum(['volunteers', 'teams', 'units'], { error: '排行类别应为 volunteers、teams 或 units' }),
  metric: z.string({ error: '请选择排行指标' }).max(40),
  kind: z
    .enum(UNIT_KINDS, { error: '单位类别应为 station（实践站）或 institute（实践所）' })
    .default('station'),
  includeArchived,
});
export type RankingExportQuery = z.infer<typeof rankingExportQuery>;

const boardHead = {
  orgId: z.number(),
  orgName: z.string(),
  from: z.string(),
  to: z.string(),
  metric: z.string(),
  /** the fewest ratings or closed orders a rate or average needs to be ranked (null: not a rate) */
  minSample: z.number().nullable(),
  /** entries on the board (ranked and 样本不足) */
  total: z.number(),
  ranked: z.number(),
  page: z.number(),
  pageSize: z.number(),
};
const place = {
  /** null: 样本不足 — listed after the ranked entries, not ranked */
  rank: z.number().nullable(),
  /** the figure ranked by (null below the sample) */
  value: z.number().nullable(),
};

export const volunteerRankingRow = z.object({
  ...place,
  volunteerId: z.number(),
  volunteerNo: z.string(),
  name: z.string(),
  orgName: z.string().nullable(),
  serviceHours: z.number(),
  serviceRecords: z.number(),
  ordersServed: z.number(),
  ratingCount: z.number(),
  averageRating: z.number().nullable(),
  points: z.number(),
});
export const volunteerRankingView = z.object({ ...boardHead, rows: z.array(volunteerRankingRow) });
export type VolunteerRankingRow = z.infer<typeof volunteerRankingRow>;
export type VolunteerRankingView = z.infer<typeof volunteerRankingView>;

export const teamRankingRow = z.object({
  ...place,
  teamId: z.number(),
  name: z.string(),
  orgName: z.string().nullable(),
  activitiesHeld: z.number(),
  serviceRecords: z.number(),
  serviceHours: z.number(),
});
export const teamRankingView = z.object({ ...boardHead, rows: z.array(teamRankingRow) });
export type TeamRankingRow = z.infer<typeof teamRankingRow>;
export type TeamRankingView = z.infer<typeof teamRankingView>;

export const unitRankingRow = z.object({
  ...place,
  orgId: z.number(),
  name: z.string(),
  kind: z.string(),
  archived: z.boolean(),
  parentName: z.string().nullable(),
  activitiesHeld: z.number(),
  serviceHours: z.number(),
  ordersClosed: z.number(),
  ordersClosedOnTime: z.number(),
  onTimeRate: z.number().nullable(),
  ratingCount: z.number(),
  averageRating: z.number().nullable(),
});
export const unitRankingView = z.object({ ...boardHead, kind: z.string(), rows: z.array(unitRankingRow) });
export type UnitRankingRow = z.infer<typeof unitRankingRow>;
export type UnitRankingView = z.infer<typeof unitRankingView>;

// ---------------------------------------------------------------- public top lists (portal)
const publicPeriod = {
  orgId: queryId,
  from: isoDay('开始日期'),
  to: isoDay('结束日期'),
  top: z.coerce
    .number({ error: '条数应为数字' })
    .int('条数应为整数')
    .min(1, '至少 1 条')
    .max(50, '最多 50 条')
    .default(10),
};
export const publicVolunteerQuery = z.object({ ...publicPeriod, metric: metric(VOLUNTEER_METRICS) });
export const publicTeamQuery = z.object({ ...publicPeriod, metric: metric(TEAM_METRICS) });
export const publicUnitQuery = z.object({
  ...publicPeriod,
  metric: metric(UNIT_METRICS),
  kind: z
    .enum(UNIT_KINDS, { error: '单位类别应为 station（实践站）或 institute（实践所）' })
    .default('station'),
});

const publicHead = { orgName: z.string(), from: z.string(), to: z.string(), metric: z.string() };
export const publicVolunteerBoard = z.object({
  ...publicHead,
  rows: z.array(
    z.object({
      rank: z.number(),
      value: z.number(),
      /** masked as on every public page: first and last character (张*明) */
      name: z.string(),
      orgName: z.string().nullable(),
    }),
  ),
});
export const publicTeamBoard = z.object({
  ...publicHead,
  rows: z.array(
    z.object({ rank: z.number(), value: z.number(), name: z.string(), orgName: z.string().nullable() }),
  ),
});
export const publicUnitBoard = z.object({
  ...publicHead,
  kind: z.string(),
  rows: z.array(
    z.object({ rank: z.number(), value: z.number(), name: z.string(), parentName: z.string().nullable() }),
  ),
});
