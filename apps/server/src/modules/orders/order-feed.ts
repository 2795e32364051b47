// The live order feed other modules show (the big screen): the latest orders of an org subtree and
// the counts of open and overdue ones. No resident's name, phone, address or words leave here —
// only the order number, what was asked for, the unit and the stage — since a command-hall screen
// is seen by anyone in the room.
import { sql } from 'kysely';
import { FINAL_ORDER_STATUSES, ORDER_STATUSES } from '@civic/contracts';
import type { Tx } from '../../platform/db/database.ts';
import { isoTimestamp } from '../../platform/time.ts';

export interface FeedOrder {
  id: number;
  orderNo: string;
  serviceCategory: string;
  /** the menu item asked for, if the order came from the menu */
  menuItemTitle: string | null;
  orgId: number;
  orgName: string;
  status: string;
  createdAt: string;
  /** open and past the deadline of its current stage */
  overdue: boolean;
}

/**
 * The `limit` latest orders placed in the subtree of `orgPath`, newest first. Walks the index on
 * created_at backwards (migration 0030), so it reads a few rows for a busy subtree instead of sorting
 * all of its orders.
 */
export async function latestOrders(tx: Tx, orgPath: string, now: Date, limit: number): Promise<FeedOrder[]> {
  const rows = await tx
    .selectFrom('orders as o')
    .innerJoin('orgs as g', 'g.id', 'o.org_id')
    .leftJoin('menu_items as m', 'm.id', 'o.menu_item_id')
    .select([
      'o.id',
      'o.order_no',
      'o.service_category',
      'm.title as menu_item_title',
      'o.org_id',
      'g.short_name',
      'o.status',
      'o.created_at',
      'o.stage_due_at',
    ])
    .where(sql<boolean>`o.org_path <@ ${orgPath}::ltree`)
    .where('o.status', '<>', 'merged')
    .orderBy('o.created_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    orderNo: r.order_no,
    serviceCategory: r.service_category,
    menuItemTitle: r.menu_item_title,
    orgId: r.org_id,
    orgName: r.short_name,
    status: r.status,
    createdAt: isoTimestamp(r.created_at),
    overdue:
      !FINAL_ORDER_STATUSES.includes(r.status as never) &&
      r.stage_due_at !== null &&
      new Date(r.stage_due_at).getTime() < now.getTime(),
  }));
}

/** Orders of the subtree still in the loop, and those of them past their stage deadline. */
export async function openOrderCounts(
  tx: Tx,
  orgPath: string,
  now: Date,
): Promise<{ open: number; overdue: number }> {
  const row = await tx
    .selectFrom('orders')
    .select([
      sql<number>`count(*)::int`.as('open'),
      sql<number>`(count(*) FILTER (WHERE stage_due_at < ${now}))::int`.as('overdue'),
    ])
    .where(sql<boolean>`org_path <@ ${orgPath}::ltree`)
    // the open statuses by name, so the (status, stage_due_at) index finds them
    .where(
      'status',
      'in',
      ORDER_STATUSES.filter((s) => !FINAL_ORDER_STATUSES.includes(s)),
    )
    .executeTakeFirstOrThrow();
  return row;
}
