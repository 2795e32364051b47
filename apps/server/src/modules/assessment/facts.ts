// The per-org per-day rollup (org_day_facts, migration 0026), kept in step with the facts by the
// handlers of the domain events activities, hours and orders emit inside their transactions: the
// rollup commits or rolls back with the change itself. Every delta lands on the day the fact belongs
// to (the day the activity began, the service began, the order was placed, closed or rated — China
// dates), so a correction or a reopening changes the figure of the original day. recompute.ts
// derives the same rows from the recorded facts; the two must always agree.
import { sql } from 'kysely';
import { OUR_FESTIVALS } from '@civic/contracts';
import type { Tx } from '../../platform/db/database.ts';
import type { EventHandlers, ServiceRecordFacts } from '../../platform/events.ts';
import { chinaDate } from '../../platform/time.ts';

export const FACT_COUNTERS = [
  'activities_held',
  'festival_activities_held',
  'service_records',
  'service_hours',
  'orders_received',
  'orders_closed',
  'orders_closed_on_time',
  'rating_sum',
  'rating_count',
] as const;
export type FactCounter = (typeof FACT_COUNTERS)[number];
export type FactDelta = Partial<Record<FactCounter, number>>;

/** 我们的节日: the festivals whose activities count as festival activities. */
export const isOurFestival = (festival: string | null) =>
  festival !== null && (OUR_FESTIVALS as readonly string[]).includes(festival);

/** Adds `delta` to the org's row of `day` (one statement; the row is created at zero first). */
export async function addFacts(tx: Tx, orgPath: string, day: string, delta: FactDelta): Promise<void> {
  const nonZero = Object.fromEntries(Object.entries(delta).filter(([, v]) => v !== 0));
  if (Object.keys(nonZero).length === 0) return;
  await sql`SELECT add_org_day_facts(${orgPath}::ltree, ${day}::date, ${JSON.stringify(nonZero)}::jsonb)`.execute(
    tx,
  );
}

/** Hours to one decimal, as service_records and the rollup store them (no binary float residue). */
const tenths = (h: number) => Math.round(h * 10) / 10;

/** The pre-platform totals ('opening') belong to no day: they are no day's service. */
const countsForDays = (r: ServiceRecordFacts) => r.kind !== 'opening';

/** Whether a stage of the order was ever escalated (超时督办): then it was not closed on time. */
async function wasEscalated(tx: Tx, orderId: number): Promise<boolean> {
  const row = await tx
    .selectFrom('order_events')
    .select('id')
    .where('order_id', '=', orderId)
    .where('action', '=', 'escalate')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

async function orderDates(tx: Tx, orderId: number) {
  return tx
    .selectFrom('orders')
    .select(['closed_at', 'rated_at'])
    .where('id', '=', orderId)
    .executeTakeFirstOrThrow();
}

export const assessmentEventHandlers: EventHandlers = {
  async 'activity.finished'(tx, e) {
    await addFacts(tx, e.orgPath, chinaDate(e.startsAt), {
      activities_held: 1,
      festival_activities_held: isOurFestival(e.festival) ? 1 : 0,
    });
  },

  async 'serviceRecord.confirmed'(tx, e) {
    const byDay = new Map<string, { orgPath: string; day: string; records: number; hours: number }>();
    for (const r of e.records.filter(countsForDays)) {
      const day = chinaDate(r.servedAt);
      const key = `${r.orgPath}|${day}`;
      const sum = byDay.get(key) ?? { orgPath: r.orgPath, day, records: 0, hours: 0 };
      sum.records += 1;
      sum.hours = tenths(sum.hours + r.hours);
      byDay.set(key, sum);
    }
    for (const s of byDay.values())
      await addFacts(tx, s.orgPath, s.day, { service_records: s.records, service_hours: s.hours });
  },

  // only confirmed records are corrected with this event: the difference, on the original day
  async 'serviceRecord.corrected'(tx, e) {
    if (!countsForDays(e.record)) return;
    await addFacts(tx, e.record.orgPath, chinaDate(e.record.servedAt), {
      service_hours: tenths(e.record.hours - e.fromHours),
    });
  },

  // 'serviceRecord.voided' is a rejection of a pending record, never counted: nothing to take back

  async 'order.received'(tx, e) {
    await addFacts(tx, e.orgPath, chinaDate(e.at), { orders_received: 1 });
  },

  async 'order.closed'(tx, e) {
    const { closed_at } = await orderDates(tx, e.orderId);
    const onTime = !(await wasEscalated(tx, e.orderId));
    await addFacts(tx, e.orgPath, chinaDate(new Date(closed_at ?? e.at)), {
      orders_closed: 1,
      orders_closed_on_time: onTime ? 1 : 0,
    });
  },

  async 'order.reopened'(tx, e) {
    const onTime = !(await wasEscalated(tx, e.orderId));
    await addFacts(tx, e.orgPath, chinaDate(e.closedAt), {
      orders_closed: -1,
      orders_closed_on_time: onTime ? -1 : 0,
    });
    if (e.rating !== null && e.ratedAt !== null)
      await addFacts(tx, e.orgPath, chinaDate(e.ratedAt), { rating_sum: -e.rating, rating_count: -1 });
  },

  async 'order.residentRated'(tx, e) {
    const { rated_at } = await orderDates(tx, e.orderId);
    await addFacts(tx, e.orgPath, chinaDate(new Date(rated_at ?? e.at)), {
      rating_sum: e.rating,
      rating_count: 1,
    });
  },
};
