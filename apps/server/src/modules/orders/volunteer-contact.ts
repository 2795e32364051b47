// What a volunteer serving an order needs of the resident beyond the masked card: their phone, to
// agree a time or say they are on the way, and a place for the photos that show the work was done.
// The phone is revealed only on asking, only to a volunteer who has taken the order (接单) while it
// is still to be served — the assignment's life: not before claiming, not after finishing, not once
// the order is withdrawn, reassigned or closed — and every reveal is audited. Evidence photos are
// bound to the order as they are uploaded, only while its service is under way.
import type { OrderStatus } from '@civic/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { inOwnVolunteerScope } from '../../platform/auth/volunteer-scope.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/errors.ts';
import { sql } from 'kysely';
import { storeRecordImage } from '../uploads/index.ts';
import { auditOrder, lockOrder, type OrderRow } from './order-flow.ts';

/** While the order waits for more hands (dispatched), or is being served. */
const ACTIVE_STATUSES: readonly OrderStatus[] = ['dispatched', 'claimed', 'in_service'];

/** At most as many evidence photos as finishing an order accepts. */
export const EVIDENCE_PHOTO_LIMITS = { perOrder: 9, maxBytes: 10 * 1024 * 1024 } as const;

export function createVolunteerContact(ctx: AppContext) {
  /** The order, locked, when the volunteer holds a live claim on it; refuses with why not otherwise. */
  async function claimedOrder(tx: Tx, volunteerId: number, orderId: number): Promise<OrderRow> {
    const mine = await tx
      .selectFrom('order_assignees')
      .select('status')
      .where('order_id', '=', orderId)
      .where('volunteer_id', '=', volunteerId)
      .executeTakeFirst();
    // row-level security shows the volunteer only the orders offered to them
    if (!mine) throw new NotFound('需求不存在或没有派给您');
    if (mine.status === 'offered') throw new Forbidden('接单后才能查看群众的联系方式', 'NOT_CLAIMED');
    if (mine.status !== 'claimed') {
      // served: the service is done; declined, withdrawn: the order is no longer theirs
      throw new Conflict(
        mine.status === 'served'
          ? '您已完成该需求的服务，不能再查看群众的联系方式'
          : '该需求已不再由您负责，不能查看群众的联系方式',
        'ASSIGNMENT_OVER',
      );
    }
    const order = await lockOrder(tx, orderId);
    if (!ACTIVE_STATUSES.includes(order.status as OrderStatus)) {
      throw new Conflict('该需求已服务完成或已结束，不能再查看群众的联系方式', 'ASSIGNMENT_OVER');
    }
    return order;
  }

  return {
    /** The resident's name and full phone, for a volunteer serving the order; audited every time. */
    revealContact: (actor: Actor, orderId: number) =>
      inOwnVolunteerScope(ctx, actor, async (tx, me) => {
        const order = await claimedOrder(tx, me.id, orderId);
        await auditOrder(tx, actor, 'order.contact_reveal', order, { orderNo: order.order_no }, ctx.now());
        return { name: order.contact_name, phone: ctx.cipher.decrypt(order.contact_phone_enc) };
      }),

    /** An evidence photo of the service, bound to the order at once (its service_photo_ids). */
    addEvidence: (actor: Actor, orderId: number, file: { fileName: string | undefined; data: Buffer }) =>
      inOwnVolunteerScope(ctx, actor, async (tx, me) => {
        const order = await claimedOrder(tx, me.id, orderId);
        if (order.status !== 'in_service') {
          throw new Conflict('开始服务后才能上传服务照片', 'NOT_IN_SERVICE');
        }
        if (order.service_photo_ids.length >= EVIDENCE_PHOTO_LIMITS.perOrder) {
          throw new Conflict(
            `每条需求最多上传 ${EVIDENCE_PHOTO_LIMITS.perOrder} 张服务照片`,
            'TOO_MANY_PHOTOS',
          );
        }
        const photo = await storeRecordImage(tx, {
          orgPath: order.org_path,
          uploadedBy: actor.userId,
          fileName: file.fileName,
          data: file.data,
          now: ctx.now(),
        });
        await tx
          .updateTable('orders')
          .set({
            service_photo_ids: sql<string[]>`array_append(service_photo_ids, ${photo.id}::uuid)`,
            updated_at: ctx.now(),
          })
          .where('id', '=', orderId)
          .execute();
        await auditOrder(
          tx,
          actor,
          'order.evidence_add',
          order,
          { photoId: photo.id, mimeType: photo.mimeType, byteSize: photo.byteSize, sha256: photo.sha256 },
          ctx.now(),
        );
        return { id: photo.id };
      }),
  };
}

/**
 * The evidence a finished service keeps: the photos named on finishing, which must be ones uploaded
 * to this order; all of them when none are named.
 */
export function evidenceOf(order: Pick<OrderRow, 'service_photo_ids'>, named: readonly string[] | undefined) {
  if (named === undefined) return order.service_photo_ids;
  const uploaded = new Set(order.service_photo_ids);
  if (named.some((id) => !uploaded.has(id))) {
    throw new Invalid('服务照片须先上传到本需求', 'UNKNOWN_PHOTO');
  }
  return [...new Set(named)];
}
