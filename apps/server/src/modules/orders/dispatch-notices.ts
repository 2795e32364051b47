// What a dispatch tells people: a line for the staff timeline naming where the order went, and
// in-app notifications — to each volunteer it was offered to (H5 消息) and to the station's staff
// when a station was sent it (console bell). Written in the dispatch's own transaction.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.ts';
import { notifyOrg, notifyVolunteers } from '../notifications/index.ts';
import type { OrderRow } from './order-flow.ts';

interface DispatchSet {
  dispatched_org_id?: unknown;
  dispatched_team_id?: unknown;
}

const idOf = (value: unknown) => (typeof value === 'number' ? value : null);

/** "实践站：东风社区；队伍：东风社区志愿服务中队；志愿者：张三、李四" */
export async function dispatchTarget(tx: Tx, set: DispatchSet, volunteerIds: number[]): Promise<string> {
  const parts: string[] = [];
  const stationId = idOf(set.dispatched_org_id);
  if (stationId !== null) {
    const { rows } = await sql<{ name: string }>`SELECT org_name(${stationId}) AS name`.execute(tx);
    parts.push(`实践站：${rows[0]?.name ?? stationId}`);
  }
  const teamId = idOf(set.dispatched_team_id);
  if (teamId !== null) {
    const team = await tx.selectFrom('teams').select('name').where('id', '=', teamId).executeTakeFirst();
    parts.push(`队伍：${team?.name ?? teamId}`);
  }
  if (volunteerIds.length) {
    const people = await tx
      .selectFrom('volunteers')
      .select('name')
      .where('id', 'in', volunteerIds)
      .orderBy('id')
      .execute();
    parts.push(`志愿者：${people.map((p) => p.name).join('、')}`);
  }
  return parts.join('；');
}

export async function notifyDispatch(
  tx: Tx,
  order: OrderRow,
  set: DispatchSet,
  volunteerIds: number[],
  now: Date,
): Promise<void> {
  const body = `${order.description.slice(0, 60)}（${order.address}）`;
  await notifyVolunteers(
    tx,
    volunteerIds,
    { orgId: order.org_id, orgPath: order.org_path },
    { kind: 'order.offered', title: `新的派单 ${order.order_no}，请及时接单`, body, link: '/tasks' },
    now,
  );
  const stationId = idOf(set.dispatched_org_id);
  if (stationId !== null) {
    const station = await tx
      .selectFrom('orgs')
      .select(['id', 'path'])
      .where('id', '=', stationId)
      .executeTakeFirst();
    if (station) {
      await notifyOrg(
        tx,
        station,
        { kind: 'order.dispatched', title: `收到派单 ${order.order_no}`, body, link: `/orders/${order.id}` },
        now,
      );
    }
  }
}
