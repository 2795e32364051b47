// 超时督办: every few minutes, orders whose stage deadline has passed are escalated to the parent
// org of the unit that holds them (an event on the order, a notification to that org's staff; it
// counts against the unit in assessment), and served orders nobody evaluated within 7 days are
// closed automatically. Rows are taken with SKIP LOCKED, so a busy order is simply left for the
// next tick.
import { ORDER_STAGE_LABELS, ORDER_STAGE_OF, type OrderStatus } from '@civic/contracts';
import { notifyOrg } from '../notifications/index.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { Job } from '../../platform/jobs/scheduler.ts';
import { transition, type OrderRow } from './order-flow.ts';

const BATCH = 500;
const SYSTEM = { kind: 'system' as const, userId: null, name: '系统' };

export async function runOrderDeadlines(
  ctx: AppContext,
  tx: Tx,
): Promise<{ escalated: number; autoClosed: number }> {
  const now = ctx.now();
  const due = (await tx
    .selectFrom('orders')
    .selectAll()
    .where('stage_due_at', '<', now)
    .where('status', 'in', ['submitted', 'accepted', 'dispatched', 'claimed', 'in_service', 'served'])
    .where((eb) => eb.or([eb('status', '=', 'served'), eb('escalation_level', '=', 0)]))
    .orderBy('stage_due_at')
    .limit(BATCH)
    .forUpdate()
    .skipLocked()
    .execute()) as OrderRow[];
  let escalated = 0;
  let autoClosed = 0;
  for (const order of due) {
    if (order.status === 'served') {
      await transition(tx, order, 'auto_close', SYSTEM, now, { reason: '评单期满，系统自动办结' });
      await ctx.events.emit(tx, {
        type: 'order.closed',
        orderId: order.id,
        orgPath: order.org_path,
        at: now,
      });
      autoClosed += 1;
      continue;
    }
    const stage = ORDER_STAGE_OF[order.status as OrderStatus]!;
    // the unit that holds the order is the station (or the team's org); its parent is told
    const path = order.org_path.split('.');
    const parentPath = path.slice(0, Math.max(1, path.length - 1)).join('.');
    const parent = await tx
      .selectFrom('orgs')
      .select(['id', 'path'])
      .where('path', '=', parentPath)
      .executeTakeFirstOrThrow();
    await tx
      .updateTable('orders')
      .set({ escalation_level: 1, escalated_at: now, updated_at: now })
      .where('id', '=', order.id)
      .execute();
    await tx
      .insertInto('order_events')
      .values({
        order_id: order.id,
        org_path: order.org_path,
        action: 'escalate',
        from_status: order.status,
        to_status: order.status,
        actor_kind: 'system',
        actor_user_id: null,
        actor_name: '系统',
        reason: `${ORDER_STAGE_LABELS[stage]}超时，已提请上级督办`,
        details: JSON.stringify({ stage, dueAt: order.stage_due_at, escalatedTo: parent.id }),
        created_at: now,
      })
      .execute();
    await notifyOrg(
      tx,
      parent,
      {
        kind: 'order.escalated',
        title: `需求 ${order.order_no} ${ORDER_STAGE_LABELS[stage]}超时`,
        body: `${order.description.slice(0, 60)}（${order.address}）`,
        link: `/orders/${order.id}`,
      },
      now,
    );
    escalated += 1;
  }
  return { escalated, autoClosed };
}

export const orderDeadlinesJob: Job<{ escalated: number; autoClosed: number }> = {
  name: 'orders.deadlines',
  everyMs: 5 * 60_000,
  run: runOrderDeadlines,
};
