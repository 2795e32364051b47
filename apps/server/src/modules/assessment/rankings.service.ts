// Rankings (实践排行): volunteers, teams, and stations or institutes of an org subtree over a
// period, by one metric. Volunteers are read from their per-unit month, quarter and year rollup
// (volunteer_ranking_facts, rankings.volunteers.ts), teams summed from their monthly rollup
// (team_month_facts) — whole months only —, units from the org rollups
// (org_day_facts/org_month_facts) the unit figures use; ranking and paging of volunteers and teams
// happen in SQL (window rank()), so a county of 140,000 volunteers never leaves the database. Rates
// and averages below the minimum sample are not ranked (样本不足) but listed after the ranked ones.
// The same boards, top N only and with masked names, are served publicly for the portal.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { maskPersonName } from '@civic/contracts';
import { auditAction, inActorScope, type Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Executor, type Tx } from '../../platform/db/database.ts';
import { Invalid, NotFound } from '../../platform/errors.ts';
import { chinaDate } from '../../platform/time.ts';
import { figuresOf, wholeMonths } from './assessment.service.ts';
import { FACT_COUNTERS, type FactCounter } from './facts.ts';
import { averageOf, rankBy, rateOf } from './rankings.rank.ts';
import { volunteerBoardRows } from './rankings.volunteers.ts';
import {
  TEAM_METRICS,
  UNIT_METRICS,
  VOLUNTEER_METRICS,
  type RankingExportQuery,
  type TeamRankingRow,
  type TeamRankingView,
  type UnitRankingRow,
  type UnitRankingView,
  type VolunteerRankingRow,
  type VolunteerRankingView,
} from './rankings.schema.ts';

type VolunteerMetric = (typeof VOLUNTEER_METRICS)[number];
type TeamMetric = (typeof TEAM_METRICS)[number];
type UnitMetric = (typeof UNIT_METRICS)[number];
type UnitKind = 'station' | 'institute';

interface Period {
  from: string;
  to: string;
}
interface Page {
  page: number;
  pageSize: number;
}
interface Org {
  id: number;
  path: string;
  name: string;
}

export const METRIC_LABELS: Record<string, string> = {
  hours: '服务时长（小时）',
  orders: '服务点单数',
  rating: '平均评分',
  points: '获得积分',
  activities: '开展活动数',
  ordersClosed: '办结点单数',
  onTimeRate: '按时办结率（%）',
};

const isMonthStart = (day: string) => day.endsWith('-01');
const isMonthEnd = (day: string) => {
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);
  return next.getUTCDate() === 1;
};

export function createRankingsService(ctx: AppContext) {
  const checkPeriod = (p: Period, wholeMonthsOnly: boolean) => {
    if (p.from > p.to) throw new Invalid('开始日期不能晚于结束日期', 'PERIOD_REVERSED');
    if (p.from > chinaDate(ctx.now())) throw new Invalid('所选期间尚未开始', 'PERIOD_IN_FUTURE');
    if (wholeMonthsOnly && !(isMonthStart(p.from) && isMonthEnd(p.to)))
      throw new Invalid(
        '志愿者和队伍排行按整月统计：开始日期应为某月 1 日，结束日期应为某月最后一天',
        'PERIOD_NOT_WHOLE_MONTHS',
      );
  };

  const scopedOrg = async (db: Executor, actor: Actor, orgId: number | undefined): Promise<Org> => {
    const org = await db
      .selectFrom('orgs')
      .select(['id', 'path', 'name'])
      .where('id', '=', orgId ?? actor.orgId)
      .executeTakeFirst();
    if (!org || !inActorScope(actor, org.path)) throw new NotFound('单位不存在或不在您的数据范围内');
    return org;
  };

  /** The public board's org: the one asked for, or the county centre; never an archived one. */
  const publicOrg = async (orgId: number | undefined): Promise<Org> => {
    const db = ctx.db.system;
    const org = await (
      orgId === undefined
        ? db
            .selectFrom('orgs')
            .select(['id', 'path', 'name'])
            .where('parent_id', 'is', null)
            .orderBy('id')
            .limit(1)
        : db.selectFrom('orgs').select(['id', 'path', 'name']).where('id', '=', orgId)
    )
      .where('status', '<>', 'archived')
      .executeTakeFirst();
    if (!org) throw new NotFound('单位不存在');
    return org;
  };

  const minVolunteerRatings = () => ctx.config.rankingMinVolunteerRatings;
  const minOrders = () => ctx.config.rankingMinOrders;

  // ---------------------------------------------------------------- volunteers
  async function volunteerBoard(
    db: Executor,
    org: Org,
    q: Period & Page & { metric: VolunteerMetric },
  ): Promise<VolunteerRankingView> {
    const min = minVolunteerRatings();
    const { rows, total, ranked } = await volunteerBoardRows(db, org.id, q, min);
    const ids = rows.map((r) => Number(r.volunteer_id));
    // the names of the page's volunteers only: one who served in this subtree may live in another
    const people = [];
    // in slices: an export asks for the whole board, beyond the statement's 65,535 parameters
    for (let i = 0; i < ids.length; i += 5000)
      people.push(
        ...(await ctx.db.system
          .selectFrom('volunteers as v')
          .leftJoin('orgs as o', 'o.id', 'v.org_id')
          .select(['v.id', 'v.name', 'v.volunteer_no', 'o.name as org_name'])
          .where('v.id', 'in', ids.slice(i, i + 5000))
          .execute()),
      );
    const byId = new Map(people.map((p) => [p.id, p]));
    const out: VolunteerRankingRow[] = rows.map((r) => {
      const p = byId.get(Number(r.volunteer_id));
      const count = Number(r.rating_count);
      return {
        rank: r.rank,
        value: r.value === null ? null : Number(r.value),
        volunteerId: Number(r.volunteer_id),
        volunteerNo: p?.volunteer_no ?? '',
        name: p?.name ?? '',
        orgName: p?.org_name ?? null,
        serviceHours: Number(r.service_hours),
        serviceRecords: Number(r.service_records),
        ordersServed: Number(r.orders_served),
        ratingCount: count,
        averageRating: averageOf(Number(r.rating_sum), count, min),
        points: Number(r.points),
      };
    });
    return {
      orgId: org.id,
      orgName: org.name,
      from: q.from,
      to: q.to,
      metric: q.metric,
      minSample: q.metric === 'rating' ? min : null,
      total,
      ranked,
      page: q.page,
      pageSize: q.pageSize,
      rows: out,
    };
  }

  // ---------------------------------------------------------------- teams
  async function teamBoard(
    db: Executor,
    org: Org,
    q: Period & Page & { metric: TeamMetric },
  ): Promise<TeamRankingView> {
    const value = q.metric === 'hours' ? sql`s.service_hours` : sql`s.activities_held::numeric`;
    const { rows } = await sql<{
      team_id: string;
      name: string;
      org_name: string | null;
      activities_held: string;
      service_records: string;
      service_hours: string;
      value: string;
      rank: string;
      total: string;
    }>`
      WITH s AS (
        SELECT team_id, sum(activities_held) AS activities_held, sum(service_records) AS service_records,
               sum(service_hours) AS service_hours
          FROM team_month_facts
         WHERE org_path <@ ${org.path}::ltree AND month >= ${q.from}::date AND month <= ${q.to}::date
         GROUP BY team_id),
      v AS (SELECT s.*, t.name, o.name AS org_name, ${value} AS value
              FROM s JOIN teams t ON t.id = s.team_id AND t.status = 'active'
              LEFT JOIN orgs o ON o.id = t.org_id
             WHERE ${value} <> 0)
      SELECT v.*, rank() OVER (ORDER BY value DESC) AS rank, count(*) OVER () AS total
        FROM v ORDER BY value DESC, team_id
       LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`.execute(db);
    if (rows.length === 0 && q.page > 1) {
      const head = await teamBoard(db, org, { ...q, page: 1, pageSize: 1 });
      return { ...head, page: q.page, pageSize: q.pageSize, rows: [] };
    }
    const total = Number(rows[0]?.total ?? 0);
    return {
      orgId: org.id,
      orgName: org.name,
      from: q.from,
      to: q.to,
      metric: q.metric,
      minSample: null,
      total,
      ranked: total,
      page: q.page,
      pageSize: q.pageSize,
      rows: rows.map((r): TeamRankingRow => ({
        rank: Number(r.rank),
        value: Number(r.value),
        teamId: Number(r.team_id),
        name: r.name,
        orgName: r.org_name,
        activitiesHeld: Number(r.activities_held),
        serviceRecords: Number(r.service_records),
        serviceHours: Number(r.service_hours),
      })),
    };
  }

  // ---------------------------------------------------------------- stations and institutes
  async function unitList(
    db: Executor,
    org: Org,
    q: Period & { metric: UnitMetric; kind: UnitKind; includeArchived?: 'true' | 'false' | undefined },
  ): Promise<{ rows: UnitRankingRow[]; min: number | null }> {
    const units = await db
      .selectFrom('orgs as u')
      .leftJoin('orgs as p', 'p.id', 'u.parent_id')
      .select(['u.id', 'u.path', 'u.name', 'u.kind', 'u.status', 'u.code', 'p.name as parent_name'])
      .where(sql<boolean>`u.path <@ ${org.path}::ltree`)
      .where('u.kind', '=', q.kind)
      .$if(q.includeArchived !== 'true', (b) => b.where('u.status', '<>', 'archived'))
      .execute();
    const { wholeFrom, wholeUntil } = wholeMonths(q.from, q.to);
    const cols = sql.raw(FACT_COUNTERS.join(', '));
    // every fact row of the period under the subtree, credited to the one unit of the kind above it
    // (stations do not nest in stations, nor institutes in institutes)
    const { rows } = await sql<{ unit: string } & Record<FactCounter, string>>`
      SELECT u.id AS unit, ${sql.raw(FACT_COUNTERS.map((c) => `sum(f.${c})::numeric AS ${c}`).join(', '))}
        FROM orgs u
        JOIN (SELECT org_path, ${cols} FROM org_day_facts
               WHERE org_path <@ ${org.path}::ltree
                 AND ((day >= ${q.from}::date AND day < ${wholeFrom}::date)
                      OR (day >= ${wholeUntil}::date AND day <= ${q.to}::date))
              UNION ALL
              SELECT org_path, ${cols} FROM org_month_facts
               WHERE org_path <@ ${org.path}::ltree
                 AND month >= ${wholeFrom}::date AND month < ${wholeUntil}::date) f ON f.org_path <@ u.path
       WHERE u.path <@ ${org.path}::ltree AND u.kind = ${q.kind}
       GROUP BY u.id`.execute(db);
    const zero = Object.fromEntries(FACT_COUNTERS.map((c) => [c, 0])) as Record<FactCounter, number>;
    const sums = new Map(
      rows.map((r) => [
        Number(r.unit),
        Object.fromEntries(FACT_COUNTERS.map((c) => [c, Number(r[c])])) as Record<FactCounter, number>,
      ]),
    );
    const min = minOrders();
    const figures = units.map((u) => {
      const s = sums.get(u.id) ?? zero;
      const f = figuresOf(u, s, min);
      return { unit: u, f, s };
    });
    const valueOf = ({ f, s }: (typeof figures)[number]): number | null =>
      ({
        activities: f.activitiesHeld,
        hours: f.serviceHours,
        ordersClosed: f.ordersClosed,
        onTimeRate: rateOf(s.orders_closed_on_time, s.orders_closed, min),
        rating: averageOf(s.rating_sum, s.rating_count, min),
      })[q.metric];
    const ranked = rankBy(figures, valueOf, (e) => `${e.unit.code}`);
    return {
      min: q.metric === 'onTimeRate' || q.metric === 'rating' ? min : null,
      rows: ranked.map(({ item: { unit, f, s }, rank, value }) => ({
        rank,
        value,
        orgId: unit.id,
        name: unit.name,
        kind: unit.kind,
        archived: unit.status === 'archived',
        parentName: unit.parent_name,
        activitiesHeld: f.activitiesHeld,
        serviceHours: f.serviceHours,
        ordersClosed: f.ordersClosed,
        ordersClosedOnTime: f.ordersClosedOnTime,
        onTimeRate: rateOf(s.orders_closed_on_time, s.orders_closed, min),
        ratingCount: f.ratingCount,
        averageRating: averageOf(s.rating_sum, s.rating_count, min),
      })),
    };
  }

  const run = <T>(actor: Actor, work: (db: Tx) => Promise<T>) => inScope(ctx.db.app, actor, work);

  async function unitsView(
    db: Executor,
    org: Org,
    q: Period & Page & { metric: UnitMetric; kind: UnitKind; includeArchived?: 'true' | 'false' | undefined },
  ): Promise<UnitRankingView> {
    const { rows, min } = await unitList(db, org, q);
    return {
      orgId: org.id,
      orgName: org.name,
      from: q.from,
      to: q.to,
      metric: q.metric,
      kind: q.kind,
      minSample: min,
      total: rows.length,
      ranked: rows.filter((r) => r.rank !== null).length,
      page: q.page,
      pageSize: q.pageSize,
      rows: rows.slice((q.page - 1) * q.pageSize, q.page * q.pageSize),
    };
  }

  return {
    volunteers: (
      actor: Actor,
      q: Period & Page & { orgId?: number | undefined; metric: VolunteerMetric },
    ) => {
      checkPeriod(q, true);
      return run(actor, async (db) => volunteerBoard(db, await scopedOrg(db, actor, q.orgId), q));
    },

    teams: (actor: Actor, q: Period & Page & { orgId?: number | undefined; metric: TeamMetric }) => {
      checkPeriod(q, true);
      return run(actor, async (db) => teamBoard(db, await scopedOrg(db, actor, q.orgId), q));
    },

    units: (
      actor: Actor,
      q: Period &
        Page & {
          orgId?: number | undefined;
          metric: UnitMetric;
          kind: UnitKind;
          includeArchived?: 'true' | 'false' | undefined;
        },
    ) => {
      checkPeriod(q, false);
      return run(actor, async (db) => unitsView(db, await scopedOrg(db, actor, q.orgId), q));
    },

    /** The whole board as an Excel workbook (no phone or ID number: names, numbers and figures). */
    exportXlsx: async (actor: Actor, q: RankingExportQuery) => {
      const metrics: readonly string[] =
        q.board === 'volunteers' ? VOLUNTEER_METRICS : q.board === 'teams' ? TEAM_METRICS : UNIT_METRICS;
      if (!metrics.includes(q.metric))
        throw new Invalid(`未知的排行指标，可选：${metrics.join('、')}`, 'UNKNOWN_METRIC');
      checkPeriod(q, q.board !== 'units');
      return run(actor, async (db) => {
        const org = await scopedOrg(db, actor, q.orgId);
        const all = { page: 1, pageSize: 100_000 };
        const workbook = new ExcelJS.Workbook();
        workbook.creator = '文明实践云平台';
        const sheet = workbook.addWorksheet('实践排行');
        const label = METRIC_LABELS[q.metric] ?? q.metric;
        const rank = (r: { rank: number | null }) => r.rank ?? '样本不足';
        let count: number;
        if (q.board === 'volunteers') {
          const board = await volunteerBoard(db, org, { ...q, ...all, metric: q.metric as VolunteerMetric });
          sheet.columns = [
            { header: '名次', key: 'rank', width: 8 },
            { header: '志愿者编号', key: 'no', width: 16 },
            { header: '姓名', key: 'name', width: 10 },
            { header: '所属单位', key: 'org', width: 28 },
            { header: '服务时长（小时）', key: 'hours', width: 16 },
            { header: '服务记录数', key: 'records', width: 10 },
            { header: '服务点单数', key: 'orders', width: 10 },
            { header: '评价数', key: 'ratings', width: 8 },
            { header: '平均评分', key: 'avg', width: 10 },
            { header: '获得积分', key: 'points', width: 10 },
          ];
          for (const r of board.rows)
            sheet.addRow({
              rank: rank(r),
              no: r.volunteerNo,
              name: r.name,
              org: r.orgName ?? '',
              hours: r.serviceHours,
              records: r.serviceRecords,
              orders: r.ordersServed,
              ratings: r.ratingCount,
              avg: r.averageRating ?? '',
              points: r.points,
            });
          count = board.rows.length;
        } else if (q.board === 'teams') {
          const board = await teamBoard(db, org, { ...q, ...all, metric: q.metric as TeamMetric });
          sheet.columns = [
            { header: '名次', key: 'rank', width: 8 },
            { header: '队伍', key: 'name', width: 28 },
            { header: '所属单位', key: 'org', width: 28 },
            { header: '开展活动数', key: 'activities', width: 12 },
            { header: '服务记录数', key: 'records', width: 12 },
            { header: '服务时长（小时）', key: 'hours', width: 16 },
          ];
          for (const r of board.rows)
            sheet.addRow({
              rank: rank(r),
              name: r.name,
              org: r.orgName ?? '',
              activities: r.activitiesHeld,
              records: r.serviceRecords,
              hours: r.serviceHours,
            });
          count = board.rows.length;
        } else {
          const board = await unitsView(db, org, { ...q, ...all, metric: q.metric as UnitMetric });
          sheet.columns = [
            { header: '名次', key: 'rank', width: 8 },
            { header: '单位', key: 'name', width: 28 },
            { header: '上级单位', key: 'parent', width: 24 },
            { header: '开展活动数', key: 'activities', width: 12 },
            { header: '服务时长（小时）', key: 'hours', width: 16 },
            { header: '办结点单数', key: 'closed', width: 12 },
            { header: '按时办结率（%）', key: 'onTime', width: 14 },
            { header: '评价数', key: 'ratings', width: 8 },
            { header: '平均评分', key: 'avg', width: 10 },
          ];
          for (const r of board.rows)
            sheet.addRow({
              rank: rank(r),
              name: r.archived ? `${r.name}（已归档）` : r.name,
              parent: r.parentName ?? '',
              activities: r.activitiesHeld,
              hours: r.serviceHours,
              closed: r.ordersClosed,
              onTime: r.onTimeRate ?? '',
              ratings: r.ratingCount,
              avg: r.averageRating ?? '',
            });
          count = board.rows.length;
        }
        sheet.getRow(1).font = { bold: true };
        const notes = workbook.addWorksheet('说明');
        notes.columns = [{ header: '说明', key: 'text', width: 100 }];
        for (const text of [
          `${org.name} ${q.from} 至 ${q.to}，按${label}排行`,
          '并列者名次相同（如 1、2、2、4）；比率和平均评分样本不足的列在最后，标“样本不足”，不参与排名',
          `单位的按时办结率和平均评分至少需 ${minOrders()} 个办结点单或评价；志愿者的平均评分至少需 ${minVolunteerRatings()} 条评价`,
          '数字来自按日、按月汇总的业务记录（已确认的服务记录、已结束的活动、办结的点单与群众评价、积分流水）',
        ])
          notes.addRow({ text });
        await auditAction(
          db,
          actor,
          'assessment.ranking.export',
          'org',
          { id: org.id, org_id: org.id, org_path: org.path },
          { board: q.board, metric: q.metric, from: q.from, to: q.to, rows: count },
          ctx.now(),
        );
        return { orgName: org.name, buffer: Buffer.from(await workbook.xlsx.writeBuffer()) };
      });
    },

    // ---------------------------------------------------------------- public (portal), read-only
    publicVolunteers: async (
      q: Period & { orgId?: number | undefined; top: number; metric: VolunteerMetric },
    ) => {
      checkPeriod(q, true);
      const org = await publicOrg(q.orgId);
      const board = await volunteerBoard(ctx.db.system, org, { ...q, page: 1, pageSize: q.top });
      return {
        orgName: org.name,
        from: q.from,
        to: q.to,
        metric: q.metric,
        rows: board.rows
          .filter((r) => r.rank !== null && r.value !== null)
          .map((r) => ({ rank: r.rank!, value: r.value!, name: maskPersonName(r.name), orgName: r.orgName })),
      };
    },
    publicTeams: async (q: Period & { orgId?: number | undefined; top: number; metric: TeamMetric }) => {
      checkPeriod(q, true);
      const org = await publicOrg(q.orgId);
      const board = await teamBoard(ctx.db.system, org, { ...q, page: 1, pageSize: q.top });
      return {
        orgName: org.name,
        from: q.from,
        to: q.to,
        metric: q.metric,
        rows: board.rows.map((r) => ({ rank: r.rank!, value: r.value!, name: r.name, orgName: r.orgName })),
      };
    },
    publicUnits: async (
      q: Period & { orgId?: number | undefined; top: number; metric: UnitMetric; kind: UnitKind },
    ) => {
      checkPeriod(q, false);
      const org = await publicOrg(q.orgId);
      const { rows } = await unitList(ctx.db.system, org, q);
      return {
        orgName: org.name,
        from: q.from,
        to: q.to,
        metric: q.metric,
        kind: q.kind,
        rows: rows
          .filter((r) => r.rank !== null && r.value !== null)
          .slice(0, q.top)
          .map((r) => ({ rank: r.rank!, value: r.value!, name: r.name, parentName: r.parentName })),
      };
    },
  };
}
