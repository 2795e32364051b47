// What the plan service and routes share: the plan and item rows, their views (items grouped by
// month, with the activity each became where the caller can see it), and finding a plan or item
// the caller manages (404 when row-level security hides it, 403 for a plan of an org above).
import { sql, type Selectable } from 'kysely';
import type { ActivityStatus } from '@civic/contracts';
import { inActorScope, type Actor } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { ActivityPlansTable, PlanItemsTable } from '../../platform/db/schema.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/errors.ts';
import { isoTimestamp } from '../../platform/time.ts';
import type { PlanItemView, PlanStatus, PlanView } from './plans.schema.ts';

export type PlanRow = Selectable<ActivityPlansTable>;
export type ItemRow = Selectable<PlanItemsTable>;

export const PLAN_NOT_FOUND = '活动计划不存在或不在您的数据范围内';
export const ITEM_NOT_FOUND = '计划安排不存在或不在您的数据范围内';
/** The calendar year in Beijing time. */
export const beijingYear = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();

/** planned_on must fall inside the plan's year and the item's month. */
export function checkPlannedOn(year: number, month: number, plannedOn: string | null | undefined): void {
  if (!plannedOn) return;
  const [y, m] = plannedOn.split('-').map(Number);
  if (y !== year || m !== month)
    throw new Invalid(
      `计划日期须在 ${year} 年 ${month} 月内（当前为 ${plannedOn}）`,
      'PLANNED_ON_OUTSIDE_MONTH',
    );
}

/** The twelve months, each with its focus and weekly items (in week, date, id order). */
export function byMonth<T extends { month: number; week: number | null }>(items: T[]) {
  return Array.from({ length: 12 }, (_, i) => {
    const month = i + 1;
    const own = items.filter((item) => item.month === month);
    return {
      month,
      focus: own.find((item) => item.week === null) ?? null,
      weeks: own.filter((item) => item.week !== null),
    };
  });
}

export const ITEM_ORDER = sql`i.month, i.week NULLS FIRST, i.planned_on NULLS LAST, i.id`;

export function selectPlans(tx: Tx) {
  return tx
    .selectFrom('activity_plans as p')
    .selectAll('p')
    .select([
      sql<string>`org_name(p.org_id)`.as('org_name'),
      sql<number>`(SELECT count(*) FROM plan_items i WHERE i.plan_id = p.id)::int`.as('item_count'),
      sql<number>`(SELECT count(*) FROM plan_items i WHERE i.plan_id = p.id AND i.activity_id IS NOT NULL)::int`.as(
        'converted_count',
      ),
    ]);
}
export type PlanViewRow = PlanRow & { org_name: string; item_count: number; converted_count: number };

export function planViewOf(row: PlanViewRow, actor: Actor, relation: PlanView['relation']): PlanView {
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    year: row.year,
    title: row.title,
    summary: row.summary,
    quarterThemes: row.quarter_themes,
    status: row.status as PlanStatus,
    publishedAt: isoTimestamp(row.published_at),
    itemCount: row.item_count,
    convertedCount: row.converted_count,
    relation,
    editable: actor.permissions.has('plan.write') && inActorScope(actor, row.org_path),
    createdAt: isoTimestamp(row.created_at),
    updatedAt: isoTimestamp(row.updated_at),
  };
}

/** Items with the activity each became, where the caller can see that activity. */
export async function itemViews(
  tx: Tx,
  where: { planId?: number; itemId?: number },
): Promise<PlanItemView[]> {
  let q = tx
    .selectFrom('plan_items as i')
    .leftJoin('activities as a', 'a.id', 'i.activity_id')
    .selectAll('i')
    .select([
      'a.id as a_id',
      'a.activity_no as a_no',
      'a.title as a_title',
      'a.status as a_status',
      'a.starts_at as a_starts_at',
    ]);
  if (where.planId) q = q.where('i.plan_id', '=', where.planId);
  if (where.itemId) q = q.where('i.id', '=', where.itemId);
  const rows = await q.orderBy(ITEM_ORDER).execute();
  return rows.map((r) => ({
    id: r.id,
    planId: r.plan_id,
    month: r.month,
    week: r.week,
    title: r.title,
    description: r.description,
    form: r.form,
    festival: r.festival,
    plannedOn: r.planned_on,
    activityId: r.activity_id,
    activity:
      r.a_id !== null && r.a_no !== null && r.a_title !== null && r.a_starts_at !== null
        ? {
            id: r.a_id,
            activityNo: r.a_no,
            title: r.a_title,
            status: r.a_status as ActivityStatus,
            startsAt: isoTimestamp(r.a_starts_at),
          }
        : null,
  }));
}

export async function itemView(tx: Tx, id: number): Promise<PlanItemView> {
  const [view] = await itemViews(tx, { itemId: id });
  if (!view) throw new NotFound(ITEM_NOT_FOUND);
  return view;
}

/** The plan under its row lock, when the caller manages it: 404 unseen, 403 an org above's plan. */
export async function managedPlan(tx: Tx, actor: Actor, id: number): Promise<PlanRow> {
  const plan = await tx
    .selectFrom('activity_plans')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!plan) throw new NotFound(PLAN_NOT_FOUND);
  if (!inActorScope(actor, plan.org_path))
    throw new Forbidden('上级单位的活动计划只能查看，不能修改', 'PLAN_READ_ONLY');
  return plan;
}

/** An item and its plan, both locked (plan first, as every write here locks them). */
export async function managedItem(
  tx: Tx,
  actor: Actor,
  id: number,
): Promise<{ plan: PlanRow; item: ItemRow }> {
  const seen = await tx.selectFrom('plan_items').select('plan_id').where('id', '=', id).executeTakeFirst();
  if (!seen) throw new NotFound(ITEM_NOT_FOUND);
  const plan = await managedPlan(tx, actor, seen.plan_id);
  const item = await tx
    .selectFrom('plan_items')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!item) throw new NotFound(ITEM_NOT_FOUND);
  return { plan, item };
}

export const focusTaken = (month: number) => `${month} 月已有工作重点，请修改原有的重点或改为周安排`;

export async function checkFocusFree(
  tx: Tx,
  planId: number,
  month: number,
  exceptId?: number,
): Promise<void> {
  let q = tx
    .selectFrom('plan_items')
    .select('id')
    .where('plan_id', '=', planId)
    .where('month', '=', month)
    .where('week', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) throw new Conflict(focusTaken(month), 'MONTH_FOCUS_EXISTS');
}
