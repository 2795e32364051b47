import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import { maskedPhone } from '../../platform/personal-data.ts';
import { isoTimestamp } from '../../platform/time.ts';
import { uploadUrl } from '../uploads/index.ts';
import type { OrderRow } from './order-flow.ts';
import type { OrderDetail, OrderView } from './orders.schema.ts';

export function selectOrders(tx: Tx) {
  return tx
    .selectFrom('orders as o')
    .selectAll('o')
    .select(sql<string>`org_name(o.org_id)`.as('org_name'));
}

export function orderViewOf(cipher: FieldCipher, row: OrderRow & { org_name: string }, now: Date): OrderView {
  return {
    id: row.id,
    orderNo: row.order_no,
    status: row.status as OrderView['status'],
    stageDueAt: isoTimestamp(row.stage_due_at),
    overdue: row.stage_due_at !== null && new Date(row.stage_due_at).getTime() < now.getTime(),
    escalationLevel: row.escalation_level,
    orgId: row.org_id,
    orgName: row.org_name,
    menuItemId: row.menu_item_id,
    projectId: row.project_id,
    serviceCategory: row.service_category,
    skills: row.skills,
    description: row.description,
    address: row.address,
    contactName: row.contact_name,
    contactPhone: maskedPhone(cipher, row.contact_phone_enc),
    channel: row.channel as OrderView['channel'],
    preferredAt: isoTimestamp(row.preferred_at),
    agreedAt: isoTimestamp(row.agreed_at),
    priority: row.priority as OrderView['priority'],
    volunteersNeeded: row.volunteers_needed,
    dispatchedOrgId: row.dispatched_org_id,
    dispatchedTeamId: row.dispatched_team_id,
    mergedIntoId: row.merged_into_id,
    rejectReason: row.reject_reason,
    rating: row.rating,
    ratingComment: row.rating_comment,
    evaluation: row.evaluation,
    createdAt: isoTimestamp(row.created_at),
    closedAt: isoTimestamp(row.closed_at),
  };
}

function targetOf(details: unknown): string | null {
  const parsed: unknown = typeof details === 'string' ? JSON.parse(details) : details;
  if (parsed && typeof parsed === 'object' && 'to' in parsed && typeof parsed.to === 'string')
    return parsed.to || null;
  return null;
}

export async function eventsOf(tx: Tx, orderId: number) {
  const rows = await tx
    .selectFrom('order_events')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('id')
    .execute();
  return rows.map((e) => ({
    action: e.action,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    actorKind: e.actor_kind,
    actorName: e.actor_name,
    reason: e.reason,
    // where a dispatch sent the order (names a station, team or volunteers: staff and volunteers only)
    target: targetOf(e.details),
    createdAt: isoTimestamp(e.created_at),
  }));
}

export async function orderDetailOf(
  tx: Tx,
  cipher: FieldCipher,
  id: number,
  now: Date,
): Promise<OrderDetail> {
  const row = await selectOrders(tx).where('o.id', '=', id).executeTakeFirstOrThrow();
  const assignees = await tx
    .selectFrom('order_assignees as a')
    .leftJoin('volunteers as v', 'v.id', 'a.volunteer_id')
    .select(['a.volunteer_id', 'v.name', 'a.status', 'a.claimed_at'])
    .where('a.order_id', '=', id)
    .orderBy('a.id')
    .execute();
  return {
    ...orderViewOf(cipher, row, now),
    photos: row.photo_ids.map(uploadUrl),
    servicePhotos: row.service_photo_ids.map(uploadUrl),
    events: await eventsOf(tx, id),
    assignees: assignees.map((a) => ({
      volunteerId: a.volunteer_id,
      name: a.name,
      status: a.status,
      claimedAt: isoTimestamp(a.claimed_at),
    })),
  };
}
