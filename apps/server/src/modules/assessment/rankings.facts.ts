// The per-volunteer and per-team monthly rollups of the rankings (volunteer_month_facts,
// team_month_facts, migration 0029), kept in the emitter's transaction by the same domain events as
// org_day_facts (facts.ts). The ledger's points reach volunteer_month_facts by a trigger on
// point_entries instead (points emit no events). rankings.recompute.ts derives the same rows from the
// recorded facts; the two must always agree.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.ts';
import type { EventHandlers, ServiceRecordFacts } from '../../platform/events.ts';
import { chinaDate } from '../../platform/time.ts';

export const VOLUNTEER_COUNTERS = [
  'service_records',
  'service_hours',
  'orders_served',
  'rating_sum',
  'rating_count',
  'points',
] as const;
export type VolunteerCounter = (typeof VOLUNTEER_COUNTERS)[number];
export const TEAM_COUNTERS = [
  'activities_held',
  'service_records',
  'service_hours',
  'orders_closed',
] as const;
export type TeamCounter = (typeof TEAM_COUNTERS)[number];

const nonZero = (delta: Record<string, number>) =>
  Object.fromEntries(Object.entries(delta).filter(([, v]) => v !== 0));

/** The first day of the China month of an instant. */
export const chinaMonth = (at: Date) => `${chinaDate(at).slice(0, 7)}-01`;

const tenths = (h: number) => Math.round(h * 10) / 10;

export async function addVolunteerFacts(
  tx: Tx,
  volunteerId: number,
  orgPath: string,
  month: string,
  delta: Partial<Record<VolunteerCounter, number>>,
): Promise<void> {
  const d = nonZero(delta);
  if (Object.keys(d).length === 0) return;
  await sql`SELECT add_volunteer_month_facts(${volunteerId}::bigint, ${orgPath}::ltree, ${month}::date, ${JSON.stringify(d)}::jsonb)`.execute(
    tx,
  );
}

export async function addTeamFacts(
  tx: Tx,
  teamId: number,
  month: string,
  delta: Partial<Record<TeamCounter, number>>,
): Promise<void> {
  const d = nonZero(delta);
  if (Object.keys(d).length === 0) return;
  await sql`SELECT add_team_month_facts(${teamId}::bigint, ${month}::date, ${JSON.stringify(d)}::jsonb)`.execute(
    tx,
  );
}

/** The team a record's service counts for: its activity's team, or the team its order was dispatched to. */
async function teamsOf(tx: Tx, records: ServiceRecordFacts[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  const activityIds = [
    ...new Set(records.filter((r) => r.source === 'activity' && r.sourceId).map((r) => r.sourceId!)),
  ];
  const orderIds = [
    ...new Set(records.filter((r) => r.source === 'order' && r.sourceId).map((r) => r.sourceId!)),
  ];
  const byActivity = new Map<number, number>();
  const byOrder = new Map<number, number>();
  if (activityIds.length > 0)
    for (const a of await tx
      .selectFrom('activities')
      .select(['id', 'team_id'])
      .where('id', 'in', activityIds)
      .where('team_id', 'is not', null)
      .execute())
      byActivity.set(a.id, a.team_id!);
  if (orderIds.length > 0)
    for (const o of await tx
      .selectFrom('orders')
      .select(['id', 'dispatched_team_id'])
      .where('id', 'in', orderIds)
      .where('dispatched_team_id', 'is not', null)
      .execute())
      byOrder.set(o.id, o.dispatched_team_id!);
  for (const r of records) {
    const team =
      r.source === 'activity'
        ? byActivity.get(r.sourceId ?? 0)
        : r.source === 'order'
          ? byOrder.get(r.sourceId ?? 0)
          : undefined;
    if (team !== undefined) out.set(r.recordId, team);
  }
  return out;
}

/** The volunteers credited with an order's rating: those who served it. */
async function servedBy(tx: Tx, orderId: number): Promise<number[]> {
  const rows = await tx
    .selectFrom('order_assignees')
    .select('volunteer_id')
    .where('order_id', '=', orderId)
    .where('status', '=', 'served')
    .execute();
  return rows.map((r) => r.volunteer_id);
}

const counts = (r: ServiceRecordFacts) => r.kind !== 'opening';

export const rankingEventHandlers: EventHandlers = {
  async 'activity.finished'(tx, e) {
    const a = await tx
      .selectFrom('activities')
      .select('team_id')
      .where('id', '=', e.activityId)
      .executeTakeFirst();
    if (a?.team_id) await addTeamFacts(tx, a.team_id, chinaMonth(e.startsAt), { activities_held: 1 });
  },

  async 'serviceRecord.confirmed'(tx, e) {
    const records = e.records.filter(counts);
    if (records.length === 0) return;
    const teams = await teamsOf(tx, records);
    const byVolunteer = new Map<
      string,
      { v: number; path: string; month: string; n: number; h: number; o: number }
    >();
    const byTeam = new Map<string, { team: number; month: string; n: number; h: number }>();
    for (const r of records) {
      const month = chinaMonth(r.servedAt);
      const vk = `${r.volunteerId}|${r.orgPath}|${month}`;
      const v = byVolunteer.get(vk) ?? { v: r.volunteerId, path: r.orgPath, month, n: 0, h: 0, o: 0 };
      v.n += 1;
      v.h = tenths(v.h + r.hours);
      if (r.source === 'order') v.o += 1;
      byVolunteer.set(vk, v);
      const team = teams.get(r.recordId);
      if (team !== undefined) {
        const tk = `${team}|${month}`;
        const t = byTeam.get(tk) ?? { team, month, n: 0, h: 0 };
        t.n += 1;
        t.h = tenths(t.h + r.hours);
        byTeam.set(tk, t);
      }
    }
    for (const v of byVolunteer.values())
      await addVolunteerFacts(tx, v.v, v.path, v.month, {
        service_records: v.n,
        service_hours: v.h,
        orders_served: v.o,
      });
    for (const t of byTeam.values())
      await addTeamFacts(tx, t.team, t.month, { service_records: t.n, service_hours: t.h });
  },

  async 'serviceRecord.corrected'(tx, e) {
    if (!counts(e.record)) return;
    const month = chinaMonth(e.record.servedAt);
    const delta = tenths(e.record.hours - e.fromHours);
    await addVolunteerFacts(tx, e.record.volunteerId, e.record.orgPath, month, { service_hours: delta });
    const team = (await teamsOf(tx, [e.record])).get(e.record.recordId);
    if (team !== undefined) await addTeamFacts(tx, team, month, { service_hours: delta });
  },

  // an order dispatched to a team and closed is one service of the team (in the month it closed);
  // a reopening takes it back from that month (the order still names the team it was dispatched to)
  async 'order.closed'(tx, e) {
    const o = await tx
      .selectFrom('orders')
      .select(['dispatched_team_id', 'closed_at'])
      .where('id', '=', e.orderId)
      .executeTakeFirstOrThrow();
    if (o.dispatched_team_id !== null)
      await addTeamFacts(tx, o.dispatched_team_id, chinaMonth(new Date(o.closed_at ?? e.at)), {
        orders_closed: 1,
      });
  },

  async 'order.residentRated'(tx, e) {
    const o = await tx
      .selectFrom('orders')
      .select('rated_at')
      .where('id', '=', e.orderId)
      .executeTakeFirstOrThrow();
    const month = chinaMonth(new Date(o.rated_at ?? e.at));
    for (const v of await servedBy(tx, e.orderId))
      await addVolunteerFacts(tx, v, e.orgPath, month, { rating_sum: e.rating, rating_count: 1 });
  },

  async 'order.reopened'(tx, e) {
    const o = await tx
      .selectFrom('orders')
      .select('dispatched_team_id')
      .where('id', '=', e.orderId)
      .executeTakeFirstOrThrow();
    if (o.dispatched_team_id !== null)
      await addTeamFacts(tx, o.dispatched_team_id, chinaMonth(e.closedAt), { orders_closed: -1 });
    if (e.rating === null || e.ratedAt === null) return;
    const month = chinaMonth(e.ratedAt);
    for (const v of await servedBy(tx, e.orderId))
      await addVolunteerFacts(tx, v, e.orgPath, month, { rating_sum: -e.rating, rating_count: -1 });
  },
};

/** Several modules' worth of handlers as one: every handler of an event runs, in the order given. */
export function combineHandlers(...all: EventHandlers[]): EventHandlers {
  type Handler = (tx: Tx, event: unknown) => Promise<void>;
  const out: Record<string, Handler> = {};
  for (const handlers of all)
    for (const [type, handle] of Object.entries(handlers) as Array<[string, Handler]>) {
      const before = out[type];
      out[type] = before
        ? async (tx, event) => {
            await before(tx, event);
            await handle(tx, event);
          }
        : handle;
    }
  return out as EventHandlers;
}
