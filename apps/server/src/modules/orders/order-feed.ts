// The live order feed other modules show (the big screen): the latest orders of an org subtree and
// the counts of open and overdue ones. No resident's name, phone, address or words leave here —
// only the order number, what was asked for, the unit and the stage — since a command-hall screen
// is seen by anyone in the room.
import { sql } from 'kysely';
import { FINAL_ORDER_STATUSES, ORDER_STATUSES } from '@civic/contracts';
import type { Tx } from '../../platform/db/database.ts';
import { isoTimestamp } from '../../platform/time.ts';

/**
 * The subtree of `orgPath`, written as a function call rather than the `<@` operator so the planner
 * cannot answer it from the org_path index (whose estimate is blind to a subtree's size) and walks
 * the created_at index instead, stopping after a screenful.
 */
const SUBTREE = (orgPath: string) => sql<boolean>`ltree_isparent(${orgPath}::ltree, org_path)`;

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
  // the orders alone first (no join: a join makes the planner sort the whole subtree), then the
  // names of their units and menu items for those few rows
  const rows = await tx
    .selectFrom('orders')
    .select([
      'id',
      'order_no',
      'service_category',
      'menu_item_id',
      'org_id',
      'status',
      'created_at',
      'stage_due_at',
    ])
    .where(SUBTREE(orgPath))
    .where('status', '<>', 'merged')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  if (rows.length === 0) return [];
  const orgIds = [...new Set(rows.map((r) => r.org_id))];
  const menuIds = [...new Set(rows.flatMap((r) => (r.menu_item_id === null ? [] : [r.menu_item_id])))];
  const orgs = new Map(
    (await tx.selectFrom('orgs').select(['id', 'short_name']).where('id', 'in', orgIds).execute()).map(
      (o) => [o.id, o.short_name],
    ),
  );
  const menu = new Map(
    menuIds.length === 0
      ? []
      : (await tx.selectFrom('menu_items').select(['id', 'title']).where('id', 'in', menuIds).execute()).map(
          (m) => [m.id, m.title],
        ),
  );
  return rows.map((r) => ({
    id: r.id,
    orderNo: r.order_no,
    serviceCategory: r.service_category,
    menuItemTitle: r.menu_item_id === null ? null : (menu.get(r.menu_item_id) ?? null),
    orgId: r.org_id,
    orgName: orgs.get(r.org_id) ?? '',
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
