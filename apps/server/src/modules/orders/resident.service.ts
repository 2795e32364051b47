// The resident's side of an order, without an account: placing it on H5 and following it through
// the tracking link (a random token only the resident holds). There is no scope to run in, so it
// uses the system connection and returns only what the tracking page needs.
import {
  DEFAULT_ORDER_DEADLINES,
  FINAL_ORDER_STATUSES,
  nextActions,
  type OrderStatus,
} from '@civic/contracts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { Conflict, NotFound } from '../../platform/errors.ts';
import { isoTimestamp } from '../../platform/time.ts';
import { lockOrder, transition, type OrderRow } from './order-flow.ts';
import { insertOrder, trackingHashOf } from './order-intake.ts';
import type { PlaceOrderInput } from './orders.schema.ts';

const RESIDENT = { kind: 'resident' as const, userId: null, name: '群众' };

export function createResidentOrdersService(ctx: AppContext) {
  const db = ctx.db.system;

  async function byToken(tx: Tx, token: string): Promise<OrderRow> {
    const row = await tx
      .selectFrom('orders')
      .select('id')
      .where('tracking_hash', '=', trackingHashOf(token))
      .executeTakeFirst();
    if (!row) throw new NotFound('未找到该需求，请核对查询链接');
    return lockOrder(tx, row.id);
  }

  async function view(tx: Tx, order: OrderRow) {
    const events = await tx
      .selectFrom('order_events')
      .selectAll()
      .where('order_id', '=', order.id)
      .orderBy('id')
      .execute();
    const status = order.status as OrderStatus;
    const actions = nextActions(status, 'resident');
    const reopenUntil = order.closed_at
      ? new Date(order.closed_at).getTime() + DEFAULT_ORDER_DEADLINES.reopenDays * 86_400_000
      : 0;
    return {
      orderNo: order.order_no,
      status,
      serviceCategory: order.service_category,
      description: order.description,
      createdAt: isoTimestamp(order.created_at),
      rejectReason: order.reject_reason,
      rating: order.rating,
      ratingComment: order.rating_comment,
      canRate: actions.includes('rate') && order.rating === null,
      canReopen: actions.includes('reopen') && ctx.now().getTime() <= reopenUntil,
      canCancel: actions.includes('cancel'),
      // the public timeline names no staff or volunteers
      timeline: events.map((e) => ({
        action: e.action,
        toStatus: e.to_status,
        reason: e.reason,
        at: isoTimestamp(e.created_at),
      })),
    };
  }

  async function audit(tx: Tx, order: OrderRow, action: string, summary: Record<string, unknown>) {
    await appendAudit(
      tx,
      {
        actor: null,
        action,
        resourceType: 'order',
        resourceId: order.id,
        orgId: order.org_id,
        orgPath: order.org_path,
        summary,
      },
      ctx.now(),
    );
  }

  return {
    async place(input: PlaceOrderInput) {
      return db.transaction().execute(async (tx) => {
        const placed = await insertOrder(ctx, tx, input, {
          channel: 'online',
          createdBy: null,
          residentUserId: null,
          actorName: null,
        });
        const order = await lockOrder(tx, placed.id);
        await audit(tx, order, 'order.submit', { channel: 'online' });
        return {
          orderNo: placed.orderNo,
          trackingToken: placed.trackingToken,
          tracking: await view(tx, order),
        };
      });
    },

    track: (token: string) => db.transaction().execute(async (tx) => view(tx, await byToken(tx, token))),

    async rate(token: string, rating: number, comment?: string) {
      return db.transaction().execute(async (tx) => {
        const order = await byToken(tx, token);
        if (order.rating !== null) throw new Conflict('您已评价过该需求', 'ALREADY_RATED');
        await transition(tx, order, 'rate', RESIDENT, ctx.now(), {
          set: { rating, rating_comment: comment ?? null, rated_at: ctx.now() },
          details: { rating },
        });
        await audit(tx, order, 'order.rate', { rating });
        return view(tx, await lockOrder(tx, order.id));
      });
    },

    async reopen(token: string, reason: string) {
      return db.transaction().execute(async (tx) => {
        const order = await byToken(tx, token);
        const until = order.closed_at
          ? new Date(order.closed_at).getTime() + DEFAULT_ORDER_DEADLINES.reopenDays * 86_400_000
          : 0;
        if (order.status === 'closed' && ctx.now().getTime() > until) {
          throw new Conflict(
            `办结已超过 ${DEFAULT_ORDER_DEADLINES.reopenDays} 天，请重新点单`,
            'REOPEN_EXPIRED',
          );
        }
        await transition(tx, order, 'reopen', RESIDENT, ctx.now(), {
          reason,
          set: { closed_at: null, rating: null, rating_comment: null, rated_at: null },
        });
        // the volunteers who served are released; the order goes back to be dispatched again
        await tx
          .updateTable('order_assignees')
          .set({ status: 'withdrawn' })
          .where('order_id', '=', order.id)
          .where('status', 'in', ['offered', 'claimed'])
          .execute();
        await audit(tx, order, 'order.reopen', {});
        return view(tx, await lockOrder(tx, order.id));
      });
    },

    async cancel(token: string, reason: string) {
      return db.transaction().execute(async (tx) => {
        const order = await byToken(tx, token);
        if (FINAL_ORDER_STATUSES.includes(order.status as OrderStatus)) {
          throw new Conflict('该需求已结束，无需撤销', 'ORDER_FINAL');
        }
        await transition(tx, order, 'cancel', RESIDENT, ctx.now(), { reason });
        await audit(tx, order, 'order.cancel', { by: 'resident' });
        return view(tx, await lockOrder(tx, order.id));
      });
    },
  };
}
