// Assessment (考核): the figures of units over a period, summed from the per-org per-day rollup
// (org_day_facts) by one indexed query per request — never a scan of service records or orders.
// The rollup itself is kept by facts.ts (domain events) and rebuilt by recompute.ts.
import { sql } from 'kysely';
import { inActorScope, type Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Tx } from '../../platform/db/database.ts';
import { Invalid, NotFound } from '../../platform/errors.ts';
import { chinaDate } from '../../platform/time.ts';
import type { UnitFigures, UnitsQuery, UnitsView } from './assessment.schema.ts';
import { FACT_COUNTERS, type FactCounter } from './facts.ts';

type Sums = Record<FactCounter, number>;

const ZERO = Object.fromEntries(FACT_COUNTERS.map((c) => [c, 0])) as Sums;

/** The figures of one unit from its sums; rates need a sample (ratings: at least `minRatings`). */
export function figuresOf(
  unit: { id: number; name: string; kind: string; status: string },
  s: Sums,
  minRatings: number,
): UnitFigures {
  return {
    orgId: unit.id,
    name: unit.name,
    kind: unit.kind,
    archived: unit.status === 'archived',
    activitiesHeld: s.activities_held,
    festivalActivitiesHeld: s.festival_activities_held,
    serviceRecords: s.service_records,
    serviceHours: Math.round(s.service_hours * 10) / 10,
    ordersReceived: s.orders_received,
    ordersClosed: s.orders_closed,
    ordersClosedOnTime: s.orders_closed_on_time,
    onTimeRate:
      s.orders_closed > 0 ? Math.round((s.orders_closed_on_time / s.orders_closed) * 1000) / 10 : null,
    ratingCount: s.rating_count,
    averageRating:
      s.rating_count >= minRatings && s.rating_count > 0
        ? Math.round((s.rating_sum / s.rating_count) * 100) / 100
        : null,
  };
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const dayAfter = (day: string) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000));

/**
 * The whole calendar months inside [from, to], as [wholeFrom, wholeUntil): wholeFrom is the first
 * day of the first whole month, wholeUntil the first day after the last one. With no whole month
 * both are the day after `to`, so the day rows cover the whole period.
 */
export function wholeMonths(from: string, to: string): { wholeFrom: string; wholeUntil: string } {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const start = isoDay(new Date(Date.UTC(fy, fm - 1 + (fd === 1 ? 0 : 1), 1)));
  const after = dayAfter(to);
  const [ay, am] = after.split('-').map(Number) as [number, number];
  const end = isoDay(new Date(Date.UTC(ay, am - 1, 1)));
  return start < end ? { wholeFrom: start, wholeUntil: end } : { wholeFrom: after, wholeUntil: after };
}

const add = (a: Sums, b: Sums): Sums =>
  Object.fromEntries(FACT_COUNTERS.map((c) => [c, a[c] + b[c]])) as Sums;

export function createAssessmentService(ctx: AppContext) {
  const run = <T>(actor: Actor, work: (tx: Tx) => Promise<T>) => inScope(ctx.db.app, actor, work);

  return {
    /** 单位指标: the org's direct units (each over its subtree), its own facts and its total. */
    units: (actor: Actor, q: UnitsQuery) =>
      run(actor, async (tx): Promise<UnitsView> => {
        if (q.from > q.to) throw new Invalid('开始日期不能晚于结束日期', 'PERIOD_REVERSED');
        if (q.from > chinaDate(ctx.now())) throw new Invalid('所选期间尚未开始', 'PERIOD_IN_FUTURE');
        const org = await tx
          .selectFrom('orgs')
          .select(['id', 'path', 'name', 'kind', 'status'])
          .where('id', '=', q.orgId ?? actor.orgId)
          .executeTakeFirst();
        if (!org || !inActorScope(actor, org.path)) throw new NotFound('单位不存在或不在您的数据范围内');
        const children = await tx
          .selectFrom('orgs')
          .select(['id', 'path', 'name', 'kind', 'status'])
          .where('parent_id', '=', org.id)
          .orderBy('code')
          .execute();
        // one pass over the subtree's rows of the period — its whole months from the month rows, the
        // days at either end from the day rows — grouped by the child each row lies under
        const { wholeFrom, wholeUntil } = wholeMonths(q.from, q.to);
        const cols = sql.raw(FACT_COUNTERS.join(', '));
        const { rows } = await sql<{ child: string | null } & Record<FactCounter, string>>`
          SELECT CASE WHEN nlevel(org_path) = nlevel(${org.path}::ltree) THEN NULL
                      ELSE subpath(org_path, 0, nlevel(${org.path}::ltree) + 1)::text END AS child,
                 ${sql.raw(FACT_COUNTERS.map((c) => `sum(${c})::numeric AS ${c}`).join(', '))}
            FROM (SELECT org_path, ${cols} FROM org_day_facts
                   WHERE org_path <@ ${org.path}::ltree
                     AND ((day >= ${q.from}::date AND day < ${wholeFrom}::date)
                          OR (day >= ${wholeUntil}::date AND day <= ${q.to}::date))
                  UNION ALL
                  SELECT org_path, ${cols} FROM org_month_facts
                   WHERE org_path <@ ${org.path}::ltree
                     AND month >= ${wholeFrom}::date AND month < ${wholeUntil}::date) f
           GROUP BY 1`.execute(tx);
        const sums = new Map<string | null, Sums>(
          rows.map((r) => [r.child, Object.fromEntries(FACT_COUNTERS.map((c) => [c, Number(r[c])])) as Sums]),
        );
        const min = ctx.config.assessmentMinRatings;
        const own = sums.get(null) ?? ZERO;
        const total = [...sums.values()].reduce(add, ZERO);
        return {
          orgId: org.id,
          orgName: org.name,
          from: q.from,
          to: q.to,
          minRatings: min,
          total: figuresOf(org, total, min),
          own: figuresOf(org, own, min),
          units: children.map((c) => figuresOf(c, sums.get(c.path) ?? ZERO, min)),
        };
      }),
  };
}
