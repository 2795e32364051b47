// The resident's side of an order: placing it on H5 and following it — without an account through
// the tracking link (a random token only the resident holds), or signed in as a resident, whose
// orders are linked to the account (placed while signed in, or found later by phone, see
// resident-phone-codes.ts). There is no org scope to run in, so it uses the system connection, finds
// the order only by the token's hash or by the account it is linked to, and returns only what the
// tracking page needs. The resident may add a few photos to their order while it is being handled.
import { sql } from 'kysely';
import {
  DEFAULT_ORDER_DEADLINES,
  FINAL_ORDER_STATUSES,
  nextActions,
  type OrderStatus,
} from '@civic/contracts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { auditAction, type Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { Conflict, NotFound } from '../../platform/errors.ts';
import { isoTimestamp } from '../../platform/time.ts';
import { readRecordImage, storeRecordImage } from '../uploads/index.ts';
import { lockOrder, transition, type OrderRow, type TransitionBy } from './order-flow.ts';
import { insertOrder, trackingHashOf } from './order-intake.ts';
import type { PlaceOrderInput } from './orders.schema.ts';

const RESIDENT: TransitionBy = { kind: 'resident', userId: null, name: '群众' };

/** A resident's photos on one order: a few, each at most 5 MB (a phone's photo, shrunk by the page). */
export const RESIDENT_PHOTO_LIMITS = { perOrder: 3, maxBytes: 5 * 1024 * 1024 } as const;
/** While the need is being handled a photo still helps; once served or closed it no longer does. */
const PHOTO_STATUSES: readonly OrderStatus[] = [
  'submitted',
  'accepted',
  'dispatched',
  'claimed',
  'in_service',
];

/** How the resident reaches an order: the tracking link's token, or their account. */
export type ResidentLocator = { token: string } | { actor: Actor; id: number };

const photoUrl = (at: ResidentLocator, photoId: string) =>
  'token' in at
    ? `/api/public/orders/${at.token}/photos/${photoId}`
    : `/api/me/requests/${at.id}/photos/${photoId}`;

export function createResidentOrdersService(ctx: AppContext) {
  const db = ctx.db.system;

  async function find(tx: Tx, at: ResidentLocator, lock = true): Promise<OrderRow> {
    const found =
      'token' in at
        ? await tx
            .selectFrom('orders')
            .select('id')
            .where('tracking_hash', '=', trackingHashOf(at.token))
            .executeTakeFirst()
        : await tx
            .selectFrom('orders')
            .select('id')
            .where('id', '=', at.id)
            .where('resident_user_id', '=', at.actor.userId)
            .executeTakeFirst();
    if (!found) {
      throw new NotFound('token' in at ? '未找到该需求，请核对查询链接' : '未找到该点单，或它不是您的点单');
    }
    if (lock) return lockOrder(tx, found.id);
    return tx.selectFrom('orders').selectAll().where('id', '=', found.id).executeTakeFirstOrThrow();
  }

  const by = (at: ResidentLocator): TransitionBy =>
    'token' in at ? RESIDENT : { kind: 'resident', userId: at.actor.userId, name: at.actor.displayName };

  async function serviceTitleOf(tx: Tx, order: OrderRow): Promise<string | null> {
    if (!order.menu_item_id) return null;
    const item = await tx
      .selectFrom('menu_items')
      .select('title')
      .where('id', '=', order.menu_item_id)
      .executeTakeFirst();
    return item?.title ?? null;
  }

  async function view(tx: Tx, order: OrderRow, at: ResidentLocator) {
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
      serviceTitle: await serviceTitleOf(tx, order),
      description: order.description,
      createdAt: isoTimestamp(order.created_at)!,
      rejectReason: order.reject_reason,
      rating: order.rating,
      ratingComment: order.rating_comment,
      canRate: actions.includes('rate') && order.rating === null,
      canReopen: actions.includes('reopen') && ctx.now().getTime() <= reopenUntil,
      canCancel: actions.includes('cancel'),
      photos: order.photo_ids.map((id) => ({ id, url: photoUrl(at, id) })),
      canAddPhotos:
        PHOTO_STATUSES.includes(status) && order.photo_ids.length < RESIDENT_PHOTO_LIMITS.perOrder,
      // the public timeline names no staff or volunteers
      timeline: events.map((e) => ({
        action: e.action,
        toStatus: e.to_status,
        reason: e.reason,
        at: isoTimestamp(e.created_at)!,
      })),
    };
  }

  async function audit(
    tx: Tx,
    at: ResidentLocator | { actor: Actor | null },
    order: OrderRow,
    action: string,
    summary: Record<string, unknown>,
  ) {
    const target = { id: order.id, org_id: order.org_id, org_path: order.org_path };
    if ('actor' in at && at.actor) {
      await auditAction(tx, at.actor, action, 'order', target, summary, ctx.now());
      return;
    }
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

  /** Runs `work` on the resident's locked order and answers the tracking view afterwards. */
  function act(at: ResidentLocator, work: (tx: Tx, order: OrderRow) => Promise<void>) {
    return db.transaction().execute(async (tx) => {
      const order = await find(tx, at);
      await work(tx, order);
      return view(tx, await lockOrder(tx, order.id), at);
    });
  }

  /** What the resident may do to their order, found by its token or through their account. */
  const at = {
    track: (where: ResidentLocator) =>
      db.transaction().execute(async (tx) => view(tx, await find(tx, where), where)),

    rate: (where: ResidentLocator, rating: number, comment?: string) =>
      act(where, async (tx, order) => {
        if (order.rating !== null) throw new Conflict('您已评价过该需求', 'ALREADY_RATED');
        await transition(tx, order, 'rate', by(where), ctx.now(), {
          set: { rating, rating_comment: comment ?? null, rated_at: ctx.now() },
          details: { rating },
        });
        await audit(tx, where, order, 'order.rate', { rating });
        // the modules above (points: the 5-star bonus) react in this transaction
        await ctx.events.emit(tx, {
          type: 'order.residentRated',
          orderId: order.id,
          orderNo: order.order_no,
          orgPath: order.org_path,
          rating,
          at: ctx.now(),
        });
      }),

    reopen: (where: ResidentLocator, reason: string) =>
      act(where, async (tx, order) => {
        const until = order.closed_at
          ? new Date(order.closed_at).getTime() + DEFAULT_ORDER_DEADLINES.reopenDays * 86_400_000
          : 0;
        if (order.status === 'closed' && ctx.now().getTime() > until) {
          throw new Conflict(
            `办结已超过 ${DEFAULT_ORDER_DEADLINES.reopenDays} 天，请重新点单`,
            'REOPEN_EXPIRED',
          );
        }
        await transition(tx, order, 'reopen', by(where), ctx.now(), {
          reason,
          set: { closed_at: null, rating: null, rating_comment: null, rated_at: null },
        });
        if (order.closed_at)
          await ctx.events.emit(tx, {
            type: 'order.reopened',
            orderId: order.id,
            orgPath: order.org_path,
            closedAt: new Date(order.closed_at),
            rating: order.rating,
            ratedAt: order.rated_at ? new Date(order.rated_at) : null,
            at: ctx.now(),
          });
        // the volunteers who served are released; the order goes back to be dispatched again
        await tx
          .updateTable('order_assignees')
          .set({ status: 'withdrawn' })
          .where('order_id', '=', order.id)
          .where('status', 'in', ['offered', 'claimed'])
          .execute();
        await audit(tx, where, order, 'order.reopen', {});
      }),

    cancel: (where: ResidentLocator, reason: string) =>
      act(where, async (tx, order) => {
        if (FINAL_ORDER_STATUSES.includes(order.status as OrderStatus)) {
          throw new Conflict('该需求已结束，无需撤销', 'ORDER_FINAL');
        }
        await transition(tx, order, 'cancel', by(where), ctx.now(), { reason });
        await audit(tx, where, order, 'order.cancel', { by: 'resident' });
      }),

    /**
     * A photo the resident adds to their order, bound to it at once: only while it is being
     * handled, and a few per order (the route limits size and rate per client).
     */
    async addPhoto(where: ResidentLocator, file: { fileName: string | undefined; data: Buffer }) {
      return db.transaction().execute(async (tx) => {
        const order = await find(tx, where);
        if (!PHOTO_STATUSES.includes(order.status as OrderStatus)) {
          throw new Conflict('该点单已服务完成或已结束，不能再添加照片', 'PHOTOS_CLOSED');
        }
        if (order.photo_ids.length >= RESIDENT_PHOTO_LIMITS.perOrder) {
          throw new Conflict(`每条点单最多添加 ${RESIDENT_PHOTO_LIMITS.perOrder} 张照片`, 'TOO_MANY_PHOTOS');
        }
        const photo = await storeRecordImage(tx, {
          orgPath: order.org_path,
          uploadedBy: 'actor' in where ? where.actor.userId : null,
          fileName: file.fileName,
          data: file.data,
          now: ctx.now(),
        });
        await tx
          .updateTable('orders')
          .set({
            photo_ids: sql<string[]>`array_append(photo_ids, ${photo.id}::uuid)`,
            updated_at: ctx.now(),
          })
          .where('id', '=', order.id)
          .execute();
        await audit(tx, where, order, 'order.photo_add', {
          photoId: photo.id,
          mimeType: photo.mimeType,
          byteSize: photo.byteSize,
          sha256: photo.sha256,
        });
        return { id: photo.id, url: photoUrl(where, photo.id) };
      });
    },

    /** One of the order's photos, for the resident who holds it. */
    async photo(where: ResidentLocator, photoId: string) {
      return db.transaction().execute(async (tx) => {
        const order = await find(tx, where, false);
        if (!order.photo_ids.includes(photoId)) throw new NotFound('照片不存在');
        return readRecordImage(tx, photoId);
      });
    },
  };

  return {
    /** 点单; signed in as a resident (`resident`), the order is linked to the account. */
    async place(input: PlaceOrderInput, resident: Actor | null = null) {
      return db.transaction().execute(async (tx) => {
        const placed = await insertOrder(ctx, tx, input, {
          channel: 'online',
          createdBy: null,
          residentUserId: resident?.userId ?? null,
          actorName: null,
        });
        const order = await lockOrder(tx, placed.id);
        await audit(tx, { actor: resident }, order, 'order.submit', {
          channel: 'online',
          ...(resident ? { linkedToAccount: true } : {}),
        });
        return {
          orderNo: placed.orderNo,
          trackingToken: placed.trackingToken,
          tracking: await view(tx, order, { token: placed.trackingToken }),
        };
      });
    },

    /** The orders linked to the resident's account, the newest first. */
    async mine(actor: Actor) {
      const rows = await db
        .selectFrom('orders as o')
        .leftJoin('menu_items as m', 'm.id', 'o.menu_item_id')
        .select([
          'o.id',
          'o.order_no',
          'o.status',
          'o.service_category',
          'm.title as service_title',
          'o.description',
          'o.created_at',
        ])
        .where('o.resident_user_id', '=', actor.userId)
        .orderBy('o.id', 'desc')
        .limit(100)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        orderNo: r.order_no,
        status: r.status as OrderStatus,
        serviceCategory: r.service_category,
        serviceTitle: r.service_title,
        description: r.description,
        createdAt: isoTimestamp(r.created_at)!,
      }));
    },

    // by the tracking link
    track: (token: string) => at.track({ token }),
    rate: (token: string, rating: number, comment?: string) => at.rate({ token }, rating, comment),
    reopen: (token: string, reason: string) => at.reopen({ token }, reason),
    cancel: (token: string, reason: string) => at.cancel({ token }, reason),
    /** The same, and the photos, by the token or through the resident's account. */
    at,
  };
}
