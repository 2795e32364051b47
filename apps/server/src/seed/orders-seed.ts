// Residents' orders for the demo county, in every state of the loop (seed 004 §8): needs waiting
// to be vetted, dispatched, claimed, in service, waiting for review, closed with ratings, rejected
// and cancelled — and some that missed their stage deadline and were escalated to the institute.
// Every step is written as it would have happened (events, assignees, pending service records).
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { ORDER_STAGE_LABELS, ORDER_STAGE_OF, type OrderStatus } from '@civic/contracts';
import type { AppContext } from '../platform/context.ts';
import type { Tx } from '../platform/db/database.ts';
import { phoneIndex } from '../platform/personal-data.ts';
import { recordService } from '../modules/hours/index.ts';
import { stageDueAt } from '../modules/orders/index.ts';
import { mobilePhone, mulberry32, personName } from './county-data.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** How many orders end in each status; overdue ones are added on top. */
const PLAN: Array<[OrderStatus, number]> = [
  ['submitted', 8],
  ['accepted', 6],
  ['dispatched', 6],
  ['claimed', 5],
  ['in_service', 3],
  ['served', 6],
  ['closed', 30],
  ['rejected', 4],
  ['cancelled', 2],
];
const OVERDUE: OrderStatus[] = ['submitted', 'submitted', 'accepted', 'dispatched', 'claimed'];
const PATH: OrderStatus[] = [
  'submitted',
  'accepted',
  'dispatched',
  'claimed',
  'in_service',
  'served',
  'closed',
];
const ACTION_INTO: Partial<Record<OrderStatus, string>> = {
  accepted: 'accept',
  dispatched: 'dispatch',
  claimed: 'claim',
  in_service: 'start',
  served: 'finish',
  closed: 'evaluate',
};

const NEEDS: Array<{ category: string; text: string }> = [
  { category: 'elderly', text: '独居老人行动不便，希望有人每周上门陪伴聊天、帮忙打扫' },
  { category: 'health', text: '家里老人高血压，想请医生上门量血压、讲讲用药' },
  { category: 'law', text: '和邻居因宅基地边界有纠纷，想咨询法律意见' },
  { category: 'children', text: '孩子父母在外打工，暑假想找人辅导作业' },
  { category: 'science', text: '茶园今年病虫害多，想请技术员来看看' },
  { category: 'community', text: '小区楼道堆放杂物，想组织志愿者一起清理' },
  { category: 'culture', text: '村里重阳节想办一场文艺演出，需要节目支持' },
  { category: 'disability', text: '残疾人家庭需要帮忙办理补贴申请' },
  { category: 'poverty', text: '家电坏了，想请会修的志愿者帮忙看看' },
  { category: 'environment', text: '河道边垃圾较多，希望组织一次清理' },
];
const REJECTIONS = [
  '属于物业维修范围，已告知联系物业',
  '重复提交，已与此前需求合并处理',
  '需本人到政务服务中心办理',
];
const EVALUATIONS = ['服务及时，群众满意', '按约定时间上门，问题已解决', '志愿者态度好，后续将定期回访'];
const COMMENTS = ['非常感谢志愿者！', '服务很周到', '来得很及时', '解决了大问题'];

/** One step of an order's path: the status it enters, how long after the step before, what it carries. */
interface Step {
  next: OrderStatus;
  gap: number;
  reason?: string;
  rating?: number;
  comment?: string;
  evaluation?: string;
}

interface Station {
  id: number;
  path: string;
  name: string;
}

export async function insertDemoOrders(ctx: AppContext, tx: Tx): Promise<{ orders: number }> {
  const rng = mulberry32(20261124);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
  const now = ctx.now();
  // the villages of the two demo towns get most orders, so the demo admins see a busy inbox
  const stations = await sql<Station>`
    SELECT o.id, o.path::text AS path, o.short_name AS name FROM orgs o
    WHERE o.kind = 'station' AND o.status = 'active'
      AND EXISTS (SELECT 1 FROM volunteers v WHERE v.org_id = o.id AND v.status = 'active')
    ORDER BY o.id`.execute(tx);
  const favoured = stations.rows.filter((s) => s.path.startsWith('1.2.') || s.path.startsWith('1.3.'));
  const menu = await tx
    .selectFrom('menu_items')
    .select(['id', 'title', 'service_category', 'area_path', 'project_id'])
    .where('status', '=', 'published')
    .execute();
  const institutes = await tx
    .selectFrom('orgs')
    .select(['id', 'path'])
    .where('kind', 'in', ['institute', 'center'])
    .execute();

  const plan = [
    ...PLAN.flatMap(([status, n]) => Array.from({ length: n }, () => ({ status, overdue: false }))),
    ...OVERDUE.map((status) => ({ status, overdue: true })),
  ];
  let count = 0;
  for (const [index, item] of plan.entries()) {
    const station = index % 3 === 2 ? pick(stations.rows) : pick(favoured.length ? favoured : stations.rows);
    const covering = menu.filter(
      (m) => station.path === m.area_path || station.path.startsWith(`${m.area_path}.`),
    );
    const fromMenu = covering.length > 0 && rng() < 0.6 ? pick(covering) : null;
    const need = pick(NEEDS);
    const category = fromMenu?.service_category ?? need.category;
    // finished orders are older; overdue ones sit past their deadline
    const ageDays = item.overdue
      ? 3 + rng() * 4
      : item.status === 'closed' || item.status === 'rejected'
        ? 10 + rng() * 80
        : rng() * 2;
    const phone = mobilePhone(rng);
    const contactName = personName(rng);
    const channel = rng() < 0.55 ? 'online' : rng() < 0.6 ? 'phone' : 'visit';
    const address = `${station.name}${1 + Math.floor(rng() * 30)}号`;
    const priority = rng() < 0.15 ? 'urgent' : 'normal';
    const volunteers = await tx
      .selectFrom('volunteers')
      .select('id')
      .where('org_id', '=', station.id)
      .where('status', '=', 'active')
      .orderBy(sql`service_categories @> ARRAY[${category}]::text[]`, 'desc')
      .orderBy('id')
      .limit(3)
      .execute();
    const volunteer = volunteers[Math.floor(rng() * volunteers.length)]!;

    // The whole path is drawn first, then placed in time: each step a little after the one before,
    // and a path longer than the order's age is moved back so that its last step falls just before
    // now. (Clamping each step to now instead squeezed the last steps into one instant: a seeded
    // service began and ended at the same minute and its record carried 0 hours.)
    const steps = (
      item.status === 'rejected' || item.status === 'cancelled'
        ? [item.status]
        : PATH.slice(1, PATH.indexOf(item.status) + 1)
    ).map((next) => {
      const gap =
        next === 'rejected' || next === 'cancelled'
          ? 2 + rng() * 20
          : 1 + rng() * (next === 'served' ? 3 : 14);
      const step: Step = { next, gap: gap * HOUR };
      if (next === 'rejected') step.reason = pick(REJECTIONS);
      if (next === 'cancelled') step.reason = '问题已自行解决';
      if (next === 'served' && rng() < 0.8) {
        step.rating = rng() < 0.75 ? 5 : 4;
        step.comment = pick(COMMENTS);
      }
      if (next === 'closed') step.evaluation = pick(EVALUATIONS);
      return step;
    });
    const pathMs = steps.reduce((sum, step) => sum + step.gap, 0);
    const latest = now.getTime() - 60_000;
    let at = new Date(Math.min(now.getTime() - ageDays * DAY, latest - pathMs));

    const order = await tx
      .insertInto('orders')
      .values({
        org_id: station.id,
        org_path: station.path,
        menu_item_id: fromMenu?.id ?? null,
        project_id: fromMenu?.project_id ?? null,
        service_category: category,
        description: fromMenu ? `${fromMenu.title}：${need.text}` : need.text,
        address,
        contact_name: contactName,
        contact_phone_enc: ctx.cipher.encrypt(phone),
        contact_phone_index: phoneIndex(ctx.cipher, phone),
        tracking_hash: crypto.createHash('sha256').update(crypto.randomBytes(24)).digest('hex'),
        channel,
        priority,
        created_at: at,
        updated_at: at,
      })
      .returning(['id', 'order_no'])
      .executeTakeFirstOrThrow();
    const event = async (
      action: string,
      from: string | null,
      to: string,
      actor: string,
      reason: string | null = null,
    ) =>
      tx
        .insertInto('order_events')
        .values({
          order_id: order.id,
          org_path: station.path,
          action,
          from_status: from,
          to_status: to,
          actor_kind: actor,
          actor_user_id: null,
          actor_name: actor === 'resident' ? null : '演示数据',
          reason,
          details: '{}',
          created_at: at,
        })
        .execute();
    await event('submit', null, 'submitted', channel === 'online' ? 'resident' : 'staff');

    let status: OrderStatus = 'submitted';
    const set: Record<string, unknown> = {};
    for (const step of steps) {
      const next = step.next;
      at = new Date(at.getTime() + step.gap);
      if (next === 'rejected' || next === 'cancelled') {
        await event(
          next === 'rejected' ? 'reject' : 'cancel',
          'submitted',
          next,
          next === 'rejected' ? 'vetter' : 'resident',
          step.reason,
        );
        status = next;
        if (next === 'rejected') set.reject_reason = step.reason;
        continue;
      }
      if (next === 'dispatched') {
        await tx
          .insertInto('order_assignees')
          .values({
            order_id: order.id,
            volunteer_id: volunteer.id,
            org_path: station.path,
            status: 'offered',
            offered_at: at,
          })
          .execute();
      }
      if (next === 'claimed') {
        await tx
          .updateTable('order_assignees')
          .set({ status: 'claimed', claimed_at: at })
          .where('order_id', '=', order.id)
          .execute();
      }
      if (next === 'in_service') set.service_started_at = at;
      if (next === 'served') {
        const started = (set.service_started_at as Date | undefined) ?? at;
        set.service_ended_at = at;
        set.service_note = '已按约定上门完成服务，群众表示满意';
        await tx
          .updateTable('order_assignees')
          .set({ status: 'served' })
          .where('order_id', '=', order.id)
          .execute();
        // the same pending record (rounded hours, 'create' event) the volunteer's 'finish' leaves
        await recordService(tx, {
          source: 'order',
          sourceId: order.id,
          orgPath: station.path,
          by: { userId: null, name: null },
          now: at,
          served: [
            {
              volunteerId: volunteer.id,
              startedAt: started,
              endedAt: at,
              reason: `完成服务：${order.order_no}`,
            },
          ],
        });
        if (step.rating !== undefined) {
          set.rating = step.rating;
          set.rating_comment = step.comment;
          set.rated_at = at;
        }
      }
      if (next === 'closed') {
        set.evaluation = step.evaluation;
        set.closed_at = at;
      }
      const actor =
        next === 'accepted'
          ? 'vetter'
          : next === 'dispatched'
            ? 'dispatcher'
            : next === 'closed'
              ? 'evaluator'
              : 'volunteer';
      await event(ACTION_INTO[next]!, status, next, actor);
      status = next;
    }
    let due = stageDueAt(status, at, { agreed_at: null, preferred_at: null });
    if (item.overdue) {
      // past the deadline and already escalated to the parent org
      due = new Date(now.getTime() - (2 + rng() * 30) * HOUR);
      const stage = ORDER_STAGE_OF[status]!;
      const parentPath = station.path.split('.').slice(0, -1).join('.');
      const parent = institutes.find((o) => o.path === parentPath) ?? institutes[0]!;
      set.escalation_level = 1;
      set.escalated_at = new Date(due.getTime() + HOUR);
      await tx
        .insertInto('order_events')
        .values({
          order_id: order.id,
          org_path: station.path,
          action: 'escalate',
          from_status: status,
          to_status: status,
          actor_kind: 'system',
          actor_user_id: null,
          actor_name: '系统',
          reason: `${ORDER_STAGE_LABELS[stage]}超时，已提请上级督办`,
          details: JSON.stringify({ stage, escalatedTo: parent.id }),
          created_at: set.escalated_at as Date,
        })
        .execute();
      await tx
        .insertInto('notifications')
        .values({
          org_id: parent.id,
          org_path: parent.path,
          kind: 'order.escalated',
          title: `需求 ${order.order_no} ${ORDER_STAGE_LABELS[stage]}超时`,
          body: `${station.name}：${need.text.slice(0, 40)}`,
          link: `/orders/${order.id}`,
          created_at: set.escalated_at as Date,
        })
        .execute();
    }
    await tx
      .updateTable('orders')
      .set({
        ...set,
        status,
        stage_due_at: ['closed', 'rejected', 'cancelled'].includes(status) ? null : due,
        updated_at: at,
      })
      .where('id', '=', order.id)
      .execute();
    count += 1;
  }
  return { orders: count };
}
