// The workbench's filters, applied alike to the list, the tab badges and the export so the three
// always agree: status or stage (the tab), overdue, a keyword (an order number is matched exactly,
// in any tab), the unit (a town or a village and below), the service category, the source and the
// day the order was placed (Beijing time).
import { sql, type Expression, type SqlBool } from 'kysely';
import { ORDER_STAGE_OF, type OrderStage, type OrderStatus } from '@civic/contracts';
import type { Tx } from '../../platform/db/database.ts';
import { containsPattern } from '../../platform/http/schemas.ts';
import type { OrderExportQuery } from './orders.schema.ts';

const DAY_MS = 86_400_000;

export const statusesOf = (stage: OrderStage) =>
  (Object.entries(ORDER_STAGE_OF) as [OrderStatus, OrderStage][])
    .filter(([, s]) => s === stage)
    .map(([status]) => status);

/** A query over `orders as o` that conditions can be added to (the list's, the count's, the export's). */
interface Filterable<Q> {
  where(condition: Expression<SqlBool>): Q;
}

/**
 * Narrows `query` (over `orders as o`) by the filters; null when they match nothing for sure (a
 * unit that is not there or not visible to the caller).
 */
export async function filterOrders<Q extends Filterable<Q>>(
  tx: Tx,
  query: Q,
  q: OrderExportQuery,
  now: Date,
): Promise<Q | null> {
  const conditions: Expression<SqlBool>[] = [];
  if (q.status) conditions.push(sql<boolean>`o.status = ${q.status}`);
  if (q.stage) conditions.push(sql<boolean>`o.status = ANY(${statusesOf(q.stage)}::text[])`);
  if (q.overdue !== undefined)
    conditions.push(
      q.overdue
        ? sql<boolean>`o.stage_due_at < ${now}`
        : sql<boolean>`(o.stage_due_at IS NULL OR o.stage_due_at >= ${now})`,
    );
  if (q.keyword) {
    const like = containsPattern(q.keyword);
    conditions.push(
      sql<boolean>`(o.order_no = ${q.keyword.toUpperCase()} OR o.description ILIKE ${like} OR o.address ILIKE ${like})`,
    );
  }
  if (q.orgId) {
    const org = await tx.selectFrom('orgs').select('path').where('id', '=', q.orgId).executeTakeFirst();
    if (!org) return null;
    conditions.push(sql<boolean>`o.org_path <@ ${org.path}::ltree`);
  }
  if (q.category) conditions.push(sql<boolean>`o.service_category = ${q.category}`);
  if (q.channel) conditions.push(sql<boolean>`o.channel = ${q.channel}`);
  if (q.from) conditions.push(sql<boolean>`o.created_at >= ${new Date(`${q.from}T00:00:00+08:00`)}`);
  if (q.to)
    conditions.push(
      sql<boolean>`o.created_at < ${new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + DAY_MS)}`,
    );
  return conditions.reduce((filtered, condition) => filtered.where(condition), query);
}
