// 数据大屏 (the command hall's big screen): the figures of an org subtree read in one scope
// transaction — totals, the last 12 months, this month's ranking boards of stations and institutes,
// the live order feed, the spread of activities over platforms and forms, and the units on their
// coordinates. The fact figures come from the per-org per-month rollup (org_month_facts), the rest
// from indexed reads the owning modules offer; nothing here scans service records or all orders.
import { sql } from 'kysely';
import { activityDistribution } from '../activities/index.ts';
import { latestOrders, openOrderCounts } from '../orders/index.ts';
import { countActiveTeams } from '../teams/index.ts';
import { countActiveVolunteers } from '../volunteers/index.ts';
import { inActorScope, type Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope } from '../../platform/db/database.ts';
import { NotFound } from '../../platform/errors.ts';
import { chinaDate } from '../../platform/time.ts';
import type { MonthFigures, ScreenQuery, ScreenView } from './screen.schema.ts';

/** Rows of each ranking board, and of the order feed. */
export const SCREEN_BOARD_SIZE = 10;
export const SCREEN_FEED_SIZE = 15;

/** The 12 months ending with the one of `today` (`YYYY-MM-DD`), as `YYYY-MM`, oldest first. */
export function lastTwelveMonths(today: string): string[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 12 + i, 1));
    return d.toISOString().slice(0, 7);
  });
}

const tenths = (h: number) => Math.round(h * 10) / 10;

interface Unit {
  id: number;
  path: string;
  name: string;
  kind: string;
  latitude: number | null;
  longitude: number | null;
}

type MonthRow = {
  org_path: string;
  month: string;
  activities_held: number;
  service_records: number;
  service_hours: string;
  orders_received: number;
  orders_closed: number;
};

/**
 * Ranks `units` by a figure summed over their subtrees: each fact row counts for the nearest of its
 * ancestors (or itself) that is one of the units. Ties by name, so the board is stable.
 */
export function rankUnits(
  units: readonly Unit[],
  rows: ReadonlyArray<{ org_path: string; hours: number; activities: number }>,
  size: number,
) {
  const byPath = new Map(units.map((u) => [u.path, { unit: u, hours: 0, activities: 0 }]));
  for (const r of rows) {
    const labels = r.org_path.split('.');
    for (let n = labels.length; n > 0; n -= 1) {
      const hit = byPath.get(labels.slice(0, n).join('.'));
      if (hit) {
        hit.hours += r.hours;
        hit.activities += r.activities;
        break;
      }
    }
  }
  const all = [...byPath.values()];
  const top = (pick: (x: (typeof all)[number]) => number) =>
    all
      .filter((x) => pick(x) > 0)
      .sort((a, b) => pick(b) - pick(a) || a.unit.name.localeCompare(b.unit.name, 'zh-CN'))
      .slice(0, size)
      .map((x) => ({ orgId: x.unit.id, name: x.unit.name, value: tenths(pick(x)) }));
  return {
    board: { byHours: top((x) => x.hours), byActivities: top((x) => x.activities) },
    hoursOf: new Map(all.map((x) => [x.unit.id, tenths(x.hours)])),
  };
}

export function createScreenService(ctx: AppContext) {
  return {
    view: (actor: Actor, q: ScreenQuery) =>
      inScope(ctx.db.app, actor, async (tx): Promise<ScreenView> => {
        const now = ctx.now();
        const org = await tx
          .selectFrom('orgs')
          .select(['id', 'path', 'name', 'kind'])
          .where('id', '=', q.orgId ?? actor.orgId)
          .executeTakeFirst();
        if (!org || !inActorScope(actor, org.path)) throw new NotFound('单位不存在或不在您的数据范围内');
        const path = org.path;
        const months = lastTwelveMonths(chinaDate(now));
        const firstMonth = `${months[0]}-01`;
        const currentMonth = months[11]!;

        const kinds = await tx
          .selectFrom('orgs')
          .select(['kind', sql<number>`count(*)::int`.as('count')])
          .where(sql<boolean>`path <@ ${path}::ltree`)
          .where('status', '=', 'active')
          .groupBy('kind')
          .execute();
        // every unit but the points (thousands of 屋场 and 院坝, shown through their stations)
        const units: Unit[] = await tx
          .selectFrom('orgs')
          .select(['id', 'path', 'short_name as name', 'kind', 'latitude', 'longitude'])
          .where(sql<boolean>`path <@ ${path}::ltree`)
          .where('status', '=', 'active')
          .where('kind', '<>', 'point')
          .orderBy('code')
          .execute();

        const cols = 'activities_held, service_records, service_hours, orders_received, orders_closed';
        const { rows: allTime } = await sql<Omit<MonthRow, 'org_path' | 'month'>>`
          SELECT coalesce(sum(activities_held), 0)::int AS activities_held,
                 coalesce(sum(service_records), 0)::int AS service_records,
                 coalesce(sum(service_hours), 0)::text AS service_hours,
                 coalesce(sum(orders_received), 0)::int AS orders_received,
                 coalesce(sum(orders_closed), 0)::int AS orders_closed
            FROM org_month_facts WHERE org_path <@ ${path}::ltree`.execute(tx);
        const { rows: monthRows } = await sql<MonthRow>`
          SELECT org_path::text AS org_path, to_char(month, 'YYYY-MM') AS month, ${sql.raw(cols)}
            FROM org_month_facts
           WHERE org_path <@ ${path}::ltree AND month >= ${firstMonth}::date`.execute(tx);

        const trend = new Map<string, MonthFigures>(
          months.map((month) => [
            month,
            {
              month,
              activitiesHeld: 0,
              serviceRecords: 0,
              serviceHours: 0,
              ordersReceived: 0,
              ordersClosed: 0,
            },
          ]),
        );
        const current: Array<{ org_path: string; hours: number; activities: number }> = [];
        for (const r of monthRows) {
          const m = trend.get(r.month);
          if (!m) continue; // a month after the current one cannot hold facts; skip it if it does
          m.activitiesHeld += r.activities_held;
          m.serviceRecords += r.service_records;
          m.serviceHours += Number(r.service_hours);
          m.ordersReceived += r.orders_received;
          m.ordersClosed += r.orders_closed;
          if (r.month === currentMonth)
            current.push({
              org_path: r.org_path,
              hours: Number(r.service_hours),
              activities: r.activities_held,
            });
        }
        for (const m of trend.values()) m.serviceHours = tenths(m.serviceHours);

        const stations = rankUnits(
          units.filter((u) => u.kind === 'station'),
          current,
          SCREEN_BOARD_SIZE,
        );
        const institutes = rankUnits(
          units.filter((u) => u.kind === 'institute'),
          current,
          SCREEN_BOARD_SIZE,
        );
        // each unit on the map with its own subtree's hours: a station or institute as ranked, any
        // other unit (the centre, posts, bases — a few) summed over its subtree's rows
        const mapped = units.filter((u) => u.latitude !== null && u.longitude !== null);
        const subtreeHours = (u: Unit) =>
          tenths(
            current
              .filter((r) => r.org_path === u.path || r.org_path.startsWith(`${u.path}.`))
              .reduce((sum, r) => sum + r.hours, 0),
          );
        const hoursOf = (u: Unit) =>
          stations.hoursOf.get(u.id) ?? institutes.hoursOf.get(u.id) ?? subtreeHours(u);

        const teams = await countActiveTeams(tx, path);
        const volunteers = await countActiveVolunteers(tx, path);
        const open = await openOrderCounts(tx, path, now);
        const orders = await latestOrders(tx, path, now, SCREEN_FEED_SIZE);
        const spread = await activityDistribution(tx, path, firstMonth);

        const t = allTime[0]!;
        return {
          orgId: org.id,
          orgName: org.name,
          orgKind: org.kind,
          generatedAt: now.toISOString(),
          month: currentMonth,
          totals: {
            units: kinds,
            teams,
            volunteers,
            serviceHours: tenths(Number(t.service_hours)),
            activitiesHeld: t.activities_held,
            ordersReceived: t.orders_received,
            ordersClosed: t.orders_closed,
            ordersOpen: open.open,
            ordersOverdue: open.overdue,
          },
          thisMonth: trend.get(currentMonth)!,
          trend: [...trend.values()],
          rankings: { stations: stations.board, institutes: institutes.board },
          orders,
          platforms: spread.byPlatform,
          forms: spread.byForm,
          units: mapped.map((u) => ({
            orgId: u.id,
            name: u.name,
            kind: u.kind,
            latitude: u.latitude!,
            longitude: u.longitude!,
            serviceHours: hoursOf(u),
          })),
        };
      }),
  };
}
