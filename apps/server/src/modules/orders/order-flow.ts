// The one place an order changes status: the transition is checked against the state machine in
// @civic/contracts (who may do what from which status), the order row is locked, the new stage
// deadline is set, and the transition is recorded (order_events) in the same transaction.
import { sql, type Selectable } from 'kysely';
import {
  addWorkingDays,
  checkTransition,
  DEFAULT_ORDER_DEADLINES,
  ORDER_STATUS_LABELS,
  type OrderAction,
  type OrderActor,
  type OrderStatus,
} from '@civic/contracts';
import { auditAction, type Actor } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { OrdersTable } from '../../platform/db/schema.ts';
import { Conflict, Forbidden, NotFound } from '../../platform/errors.ts';
import { queueOutboundMessage } from '../notifications/index.ts';

export type OrderRow = Selectable<OrdersTable>;

const HOUR = 3_600_000;

export type Deadlines = {
  vetWorkingDays: number;
  dispatchHours: number;
  claimHours: number;
  reviewDays: number;
};

/** The deadlines an order of `orgPath` follows: the nearest org at or above it that set its own. */
export async function deadlinesFor(tx: Tx, orgPath: string): Promise<Deadlines> {
  const row = await tx
    .selectFrom('order_deadline_settings')
    .selectAll()
    .where(sql<boolean>`org_path @> ${orgPath}::ltree`)
    .orderBy(sql`nlevel(org_path)`, 'desc')
    .limit(1)
    .executeTakeFirst();
  return row
    ? {
        vetWorkingDays: row.vet_working_days,
        dispatchHours: row.dispatch_hours,
        claimHours: row.claim_hours,
        reviewDays: row.review_days,
      }
    : DEFAULT_ORDER_DEADLINES;
}

/** When the stage an order enters must be done (超时督办 counts from here). */
export function stageDueAt(
  status: OrderStatus,
  now: Date,
  order: Pick<OrderRow, 'agreed_at' | 'preferred_at'>,
  d: Deadlines = DEFAULT_ORDER_DEADLINES,
): Date | null {
  switch (status) {
    case 'submitted':
      return addWorkingDays(now, d.vetWorkingDays);
    case 'accepted':
      return new Date(now.getTime() + d.dispatchHours * HOUR);
    case 'dispatched':
      return new Date(now.getTime() + d.claimHours * HOUR);
    case 'claimed':
    case 'in_service': {
      // 实施 by the agreed time (or the resident's preferred time), else within three days
      const agreed = order.agreed_at ?? order.preferred_at;
      return agreed
        ? new Date(Math.max(new Date(agreed).getTime(), now.getTime()))
        : new Date(now.getTime() + 72 * HOUR);
    }
    case 'served':
      return new Date(now.getTime() + d.reviewDays * 24 * HOUR);
    default:
      return null;
  }
}

export async function lockOrder(tx: Tx, id: number): Promise<OrderRow> {
  const row = await tx.selectFrom('orders').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new NotFound('需求不存在或不在您的数据范围内');
  return row;
}

export interface TransitionBy {
  kind: OrderActor;
  userId: number | null;
  name: string | null;
}

/** A logged-in user acting on an order in one of the machine's actor roles. */
export const actingAs = (actor: Actor, kind: OrderActor): TransitionBy => ({
  kind,
  userId: actor.userId,
  name: actor.displayName,
});

/** The audit entry of a user's action on an order, in the action's transaction. */
export const auditOrder = (
  tx: Tx,
  actor: Actor,
  action: string,
  order: OrderRow,
  summary: Record<string, unknown>,
  now: Date,
) =>
  auditAction(
    tx,
    actor,
    action,
    'order',
    { id: order.id, org_id: order.org_id, org_path: order.org_path },
    summary,
    now,
  );

/** Applies `action` to a locked order; throws 409 (illegal from this status) or 403 (not yours to do). */
export async function transition(
  tx: Tx,
  order: OrderRow,
  action: OrderAction,
  by: TransitionBy,
  now: Date,
  options: {
    set?: Partial<Record<keyof OrdersTable, unknown>>;
    reason?: string | null;
    details?: Record<string, unknown>;
  } = {},
): Promise<OrderStatus> {
  const check = checkTransition(order.status as OrderStatus, action, by.kind);
  if (!check.ok) {
    if (check.code === 'NOT_ALLOWED') throw new Forbidden(check.message, check.code);
    throw new Conflict(check.message, check.code);
  }
  const changed = check.to !== order.status;
  const merged = { ...order, ...(options.set ?? {}) } as OrderRow;
  const deadlines = changed ? await deadlinesFor(tx, order.org_path) : DEFAULT_ORDER_DEADLINES;
  await tx
    .updateTable('orders')
    .set({
      ...(options.set ?? {}),
      status: check.to,
      ...(changed
        ? {
            stage_due_at: stageDueAt(check.to, now, merged, deadlines),
            escalation_level: 0,
            escalated_at: null,
          }
        : {}),
      ...(check.to === 'closed' && changed ? { closed_at: now } : {}),
      updated_at: now,
      version: sql`version + 1`,
    } as never)
    .where('id', '=', order.id)
    .execute();
  if (changed) {
    // the resident hears of every status change through the gateway (SMS/WeChat), if one is set
    await queueOutboundMessage(
      tx,
      {
        orgPath: order.org_path,
        event: 'order.status_changed',
        orderId: order.id,
        payload: {
          orderNo: order.order_no,
          action,
          status: check.to,
          statusLabel: ORDER_STATUS_LABELS[check.to],
          reason: options.reason ?? null,
          at: now.toISOString(),
        },
      },
      now,
    );
  }
  await tx
    .insertInto('order_events')
    .values({
      order_id: order.id,
      org_path: order.org_path,
      action,
      from_status: order.status,
      to_status: check.to,
      actor_kind: by.kind,
      actor_user_id: by.userId,
      actor_name: by.name,
      reason: options.reason ?? null,
      details: JSON.stringify(options.details ?? {}),
      created_at: now,
    })
    .execute();
  return check.to;
}
