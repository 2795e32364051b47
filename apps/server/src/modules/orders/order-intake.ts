// 点单: a need enters the platform, from the resident on H5 or through station staff (代点单).
// The resident gets a tracking token (shown once, as a link); only its hash is stored.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import {
  CONTACT_PHONE_MESSAGE,
  isContactPhone,
  normalizeContactPhone,
  type OrderChannel,
} from '@civic/contracts';
import type { AppContext } from '../../platform/context.ts';
import { randomToken } from '../../platform/crypto.ts';
import type { Tx } from '../../platform/db/database.ts';
import { Invalid, NotFound } from '../../platform/errors.ts';
import { phoneIndex } from '../../platform/personal-data.ts';
import { deadlinesFor, stageDueAt } from './order-flow.ts';
import type { PlaceOrderInput } from './orders.schema.ts';

export const trackingHashOf = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export interface PlacedOrder {
  id: number;
  orderNo: string;
  orgPath: string;
  trackingToken: string;
}

/**
 * Inserts a submitted order for a village station. `tx` is either the system connection (a
 * resident, who has no scope) or the staff member's scope (then RLS keeps it in their subtree).
 */
export async function insertOrder(
  ctx: AppContext,
  tx: Tx,
  input: PlaceOrderInput,
  meta: {
    channel: OrderChannel;
    createdBy: number | null;
    residentUserId: number | null;
    actorName: string | null;
  },
): Promise<PlacedOrder> {
  const now = ctx.now();
  // a mobile, or a landline: many elderly residents have only one (stored as 0916-1234567)
  if (!isContactPhone(input.contactPhone)) throw new Invalid(CONTACT_PHONE_MESSAGE, 'INVALID_PHONE');
  const station = await tx
    .selectFrom('orgs')
    .select(['id', 'path', 'kind', 'status'])
    .where('id', '=', input.stationId)
    .executeTakeFirst();
  if (!station) throw new NotFound('所在村（社区）不存在');
  if (station.kind !== 'station' || station.status !== 'active') {
    throw new Invalid('请选择所在的村（社区）', 'NOT_A_STATION');
  }
  let serviceCategory: string | null = input.serviceCategory ?? null;
  let skills: string[] = [];
  let volunteersNeeded = 1;
  let projectId: number | null = null;
  if (input.menuItemId) {
    // the menu item must be published and cover the resident's village
    const { rows } = await sql<{
      service_category: string;
      skills: string[];
      volunteers_needed: number;
      project_id: number | null;
    }>`SELECT service_category, skills, volunteers_needed, project_id FROM menu_items
       WHERE id = ${input.menuItemId} AND status = 'published' AND ${station.path}::ltree <@ area_path`.execute(
      tx,
    );
    const item = rows[0];
    if (!item) throw new Invalid('该服务项目不存在或不面向您所在的村（社区）', 'MENU_ITEM_UNAVAILABLE');
    serviceCategory = item.service_category;
    skills = item.skills;
    volunteersNeeded = item.volunteers_needed;
    projectId = item.project_id;
  }
  if (!serviceCategory) throw new Invalid('请选择服务类别或服务项目', 'CATEGORY_REQUIRED');
  const phone = normalizeContactPhone(input.contactPhone);
  const token = randomToken(24);
  const preferredAt = input.preferredAt ? new Date(input.preferredAt) : null;
  const row = await tx
    .insertInto('orders')
    .values({
      org_id: station.id,
      org_path: station.path,
      menu_item_id: input.menuItemId ?? null,
      project_id: projectId,
      service_category: serviceCategory,
      skills,
      description: input.description,
      address: input.address,
      contact_name: input.contactName,
      contact_phone_enc: ctx.cipher.encrypt(phone),
      contact_phone_index: phoneIndex(ctx.cipher, phone),
      tracking_hash: trackingHashOf(token),
      resident_user_id: meta.residentUserId,
      channel: meta.channel,
      preferred_at: preferredAt,
      volunteers_needed: volunteersNeeded,
      stage_due_at: stageDueAt(
        'submitted',
        now,
        { agreed_at: null, preferred_at: preferredAt },
        await deadlinesFor(tx, station.path),
      ),
      created_by: meta.createdBy,
      created_at: now,
      updated_at: now,
    })
    .returning(['id', 'order_no', 'org_path'])
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('order_events')
    .values({
      order_id: row.id,
      org_path: row.org_path,
      action: 'submit',
      from_status: null,
      to_status: 'submitted',
      actor_kind: meta.createdBy ? 'staff' : 'resident',
      actor_user_id: meta.createdBy,
      actor_name: meta.actorName,
      reason: null,
      details: JSON.stringify({ channel: meta.channel }),
      created_at: now,
    })
    .execute();
  // the modules above (assessment: 受理点单数) react in this transaction
  await ctx.events.emit(tx, { type: 'order.received', orderId: row.id, orgPath: row.org_path, at: now });
  return { id: row.id, orderNo: row.order_no, orgPath: row.org_path, trackingToken: token };
}
