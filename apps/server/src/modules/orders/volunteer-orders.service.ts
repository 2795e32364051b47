// The volunteer's side of an order on H5: the orders offered to them, 接单 (first come, first
// served under a row lock, so two volunteers cannot both take a one-person order), 拒单 with a
// reason (the order goes back to be dispatched again), and 实施 from start to finish, which leaves
// a pending service record for everyone who served.
import { minutesBetween } from '@civic/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { Conflict, Forbidden } from '../../platform/errors.ts';
import { isoTimestamp } from '../../platform/time.ts';
import { recordService } from '../hours/index.ts';
import { inOwnVolunteerScope } from '../../platform/auth/volunteer-scope.ts';
import { actingAs, auditOrder, lockOrder, transition, type OrderRow } from './order-flow.ts';
import { orderDetailOf, orderViewOf, selectOrders } from './order-view.ts';
import { evidenceOf } from './volunteer-contact.ts';

export function createVolunteerOrdersService(ctx: AppContext) {
  const who = (actor: Actor) => actingAs(actor, 'volunteer');
  const audit = (
    tx: Tx,
    actor: Actor,
    action: string,
    order: OrderRow,
    summary: Record<string, unknown> = {},
  ) => auditOrder(tx, actor, action, order, summary, ctx.now());

  /** Locks an order offered to the volunteer and their own offer on it. */
  async function offer(tx: Tx, volunteerId: number, orderId: number) {
    // lock first, then read the offer: a re-dispatch in between is seen, not raced
    const order = await lockOrder(tx, orderId).catch(async (error: unknown) => {
      const withdrawn = await tx
        .selectFrom('order_assignees')
        .select('id')
        .where('order_id', '=', orderId)
        .where('volunteer_id', '=', volunteerId)
        .where('status', '=', 'withdrawn')
        .executeTakeFirst();
      throw withdrawn ? new Conflict('该需求已被其他志愿者接单或已改派', 'ALREADY_TAKEN') : error;
    });
    const mine = await tx
      .selectFrom('order_assignees')
      .selectAll()
      .where('order_id', '=', orderId)
      .where('volunteer_id', '=', volunteerId)
      .executeTakeFirst();
    if (!mine) throw new Forbidden('该需求没有派给您', 'NOT_OFFERED');
    // withdrawn while we waited for the lock: someone else took it, or it was reassigned
    if (mine.status === 'withdrawn') throw new Conflict('该需求已被其他志愿者接单或已改派', 'ALREADY_TAKEN');
    return { order, mine };
  }

  function step(
    actor: Actor,
    orderId: number,
    work: (tx: Tx, me: number, order: OrderRow, status: string) => Promise<void>,
  ) {
    return inOwnVolunteerScope(ctx, actor, async (tx, me) => {
      const { order, mine } = await offer(tx, me.id, orderId);
      await work(tx, me.id, order, mine.status);
      return orderDetailOf(tx, ctx.cipher, orderId, ctx.now());
    });
  }

  return {
    async mine(actor: Actor) {
      return inOwnVolunteerScope(ctx, actor, async (tx, me) => {
        const rows = await selectOrders(tx)
          .innerJoin('order_assignees as a', 'a.order_id', 'o.id')
          .select(['a.status as offer_status', 'a.claimed_at'])
          // an order needing several volunteers waits for them all: how many have claimed it so far
          .select((eb) =>
            eb
              .selectFrom('order_assignees as c')
              .select(eb.fn.countAll<string>().as('n'))
              .whereRef('c.order_id', '=', 'o.id')
              .where('c.status', 'in', ['claimed', 'served'])
              .as('claimed_count'),
          )
          .where('a.volunteer_id', '=', me.id)
          .where('a.status', 'in', ['offered', 'claimed', 'served'])
          .orderBy('o.stage_due_at')
          .limit(200)
          .execute();
        const now = ctx.now();
        return rows.map((r) => ({
          ...orderViewOf(ctx.cipher, r, now),
          offerStatus: r.offer_status,
          claimedAt: isoTimestamp(r.claimed_at),
          claimedCount: Number(r.claimed_count ?? 0),
        }));
      });
    },

    claim: (actor: Actor, orderId: number) =>
      step(actor, orderId, async (tx, me, order, offerStatus) => {
        if (offerStatus === 'claimed') throw new Conflict('您已接下该需求', 'ALREADY_CLAIMED');
        if (order.status !== 'dispatched' || offerStatus !== 'offered') {
          throw new Conflict('该需求已被其他志愿者接单或已改派', 'ALREADY_TAKEN');
        }
        const now = ctx.now();
        await tx
          .updateTable('order_assignees')
          .set({ status: 'claimed', claimed_at: now })
          .where('order_id', '=', orderId)
          .where('volunteer_id', '=', me)
          .execute();
        const claimed = await tx
          .selectFrom('order_assignees')
          .select('id')
          .where('order_id', '=', orderId)
          .where('status', '=', 'claimed')
          .execute();
        if (claimed.length >= order.volunteers_needed) {
          await transition(tx, order, 'claim', who(actor), now, { details: { volunteerId: me } });
          // enough hands: the offers nobody took up are withdrawn (they leave the others' lists)
          await tx
            .updateTable('order_assignees')
            .set({ status: 'withdrawn' })
            .where('order_id', '=', orderId)
            .where('status', '=', 'offered')
            .execute();
        } else {
          // more volunteers are needed: record this claim and keep the order open to the others
          await tx
            .insertInto('order_events')
            .values({
              order_id: orderId,
              org_path: order.org_path,
              action: 'claim',
              from_status: order.status,
              to_status: order.status,
              actor_kind: 'volunteer',
              actor_user_id: actor.userId,
              actor_name: actor.displayName,
              reason: null,
              details: JSON.stringify({
                volunteerId: me,
                claimed: claimed.length,
                needed: order.volunteers_needed,
              }),
              created_at: now,
            })
            .execute();
        }
        await audit(tx, actor, 'order.claim', order);
      }),

    /** Once declined the order is no longer the volunteer's to see, so this answers only ok. */
    decline: (actor: Actor, orderId: number, reason: string) =>
      inOwnVolunteerScope(ctx, actor, async (tx, volunteer) => {
        const me = volunteer.id;
        const { order, mine } = await offer(tx, me, orderId);
        const offerStatus = mine.status;
        if (offerStatus !== 'offered') throw new Conflict('只能拒绝尚未接下的派单', 'NOT_DECLINABLE');
        const others = await tx
          .selectFrom('order_assignees')
          .select('id')
          .where('order_id', '=', orderId)
          .where('volunteer_id', '<>', me)
          .where('status', 'in', ['offered', 'claimed'])
          .execute();
        // when nobody is left to take it, the order returns to the dispatcher
        if (others.length === 0) await transition(tx, order, 'decline', who(actor), ctx.now(), { reason });
        else {
          await tx
            .insertInto('order_events')
            .values({
              order_id: orderId,
              org_path: order.org_path,
              action: 'decline',
              from_status: order.status,
              to_status: order.status,
              actor_kind: 'volunteer',
              actor_user_id: actor.userId,
              actor_name: actor.displayName,
              reason,
              details: '{}',
              created_at: ctx.now(),
            })
            .execute();
        }
        await audit(tx, actor, 'order.decline', order, { reason });
        // last: once declined, row-level security no longer lets the volunteer reach the order
        await tx
          .updateTable('order_assignees')
          .set({ status: 'declined', decline_reason: reason })
          .where('order_id', '=', orderId)
          .where('volunteer_id', '=', me)
          .execute();
        return { ok: true as const };
      }),

    start: (
      actor: Actor,
      orderId: number,
      position: { latitude?: number | undefined; longitude?: number | undefined },
    ) =>
      step(actor, orderId, async (tx, _me, order, offerStatus) => {
        if (offerStatus !== 'claimed') throw new Forbidden('只有接单的志愿者可以开始服务', 'NOT_CLAIMED');
        await transition(tx, order, 'start', who(actor), ctx.now(), {
          set: { service_started_at: ctx.now() },
          details: { position },
        });
        await audit(tx, actor, 'order.start', order);
      }),

    finish: (
      actor: Actor,
      orderId: number,
      input: {
        note: string;
        photoIds?: string[] | undefined;
        latitude?: number | undefined;
        longitude?: number | undefined;
      },
    ) =>
      step(actor, orderId, async (tx, _me, order, offerStatus) => {
        if (offerStatus !== 'claimed') throw new Forbidden('只有接单的志愿者可以完成服务', 'NOT_CLAIMED');
        const now = ctx.now();
        const started = order.service_started_at ? new Date(order.service_started_at) : now;
        await transition(tx, order, 'finish', who(actor), now, {
          set: {
            service_ended_at: now,
            service_note: input.note,
            // the photos uploaded to the order as evidence (volunteer-contact.ts)
            service_photo_ids: evidenceOf(order, input.photoIds),
          },
          details: { position: { latitude: input.latitude, longitude: input.longitude } },
        });
        // everyone who served gets a pending service record from the hours module, which confirms it later
        const served = await tx
          .updateTable('order_assignees')
          .set({ status: 'served' })
          .where('order_id', '=', orderId)
          .where('status', '=', 'claimed')
          .returning('volunteer_id')
          .execute();
        const credits = await recordService(tx, {
          source: 'order',
          sourceId: orderId,
          orgPath: order.org_path,
          by: { userId: actor.userId, name: actor.displayName },
          now,
          served: served.map(({ volunteer_id }) => ({
            volunteerId: volunteer_id,
            startedAt: started,
            endedAt: now,
            reason: `完成服务：${order.order_no}`,
          })),
        });
        // everyone served the same stretch, so one credit speaks for all
        const minutes = credits[0]?.minutes ?? minutesBetween(started, now);
        const hours = credits[0]?.hours ?? 0;
        await audit(tx, actor, 'order.finish', order, { minutes, hours, volunteers: served.length });
      }),
  };
}
