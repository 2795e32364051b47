// Owns the yearly activity plans (年有计划、季有主题、月有重点、周有安排, seed 003 附件2): one plan per
// org and year with four quarterly themes, each month's focus and its weekly items, published for
// residents, and an item turned into a draft activity with one click (through the activities
// service). Orgs below read the plans above them for reference (row-level security allows it) but
// only the plan's own subtree edits it.
import { sql } from 'kysely';
import type { ActivityStatus } from '@civic/contracts';
import { auditAction, inActorScope, type Actor, type AuditTarget } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Tx } from '../../platform/db/database.ts';
import { pageOf } from '../../platform/db/paging.ts';
import { Conflict, Invalid, NotFound } from '../../platform/errors.ts';
import { isoTimestamp } from '../../platform/time.ts';
import { findOwnerOrg } from '../projects/index.ts';
import { activityView, createActivitiesService } from './activities.service.ts';
import {
  beijingYear,
  byMonth,
  checkFocusFree,
  checkPlannedOn,
  focusTaken,
  ITEM_ORDER,
  itemView,
  itemViews,
  managedItem,
  managedPlan,
  PLAN_NOT_FOUND,
  planViewOf,
  selectPlans,
  type PlanRow,
  type PlanViewRow,
} from './plan-store.ts';
import type {
  PlanDetail,
  PlanInput,
  PlanItemInput,
  PlanListQuery,
  PublicPlanItem,
  PublicPlanView,
  ToActivityInput,
  UpdatePlanInput,
  UpdatePlanItemInput,
} from './plans.schema.ts';

/** A plan has at most this many items (12 months × focus and a few weekly items, with room). */
export const MAX_PLAN_ITEMS = 300;
const PUBLIC_ACTIVITY_STATUSES: ActivityStatus[] = ['published', 'in_progress', 'finished', 'archived'];

const planTarget = (plan: PlanRow): AuditTarget => ({
  id: plan.id,
  org_id: plan.org_id,
  org_path: plan.org_path,
});

async function unique<T>(message: string, code: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw new Conflict(message, code);
    throw error;
  }
}

export function createPlansService(ctx: AppContext) {
  const activities = createActivitiesService(ctx);
  const run = <T>(actor: Actor, work: (tx: Tx) => Promise<T>) => inScope(ctx.db.app, actor, work);
  const audit = (tx: Tx, actor: Actor, action: string, plan: PlanRow, summary: Record<string, unknown>) =>
    auditAction(tx, actor, action, 'activity_plan', planTarget(plan), summary, ctx.now());
  const touch = (tx: Tx, plan: PlanRow) =>
    tx.updateTable('activity_plans').set({ updated_at: ctx.now() }).where('id', '=', plan.id).execute();

  async function detail(tx: Tx, actor: Actor, id: number): Promise<PlanDetail> {
    const row = (await selectPlans(tx).where('p.id', '=', id).executeTakeFirst()) as PlanViewRow | undefined;
    if (!row) throw new NotFound(PLAN_NOT_FOUND);
    const relation = inActorScope(actor, row.org_path)
      ? row.org_path === actor.orgPath
        ? 'own'
        : 'below'
      : 'above';
    return { ...planViewOf(row, actor, relation), months: byMonth(await itemViews(tx, { planId: id })) };
  }

  return {
    /** The plans of an org (default: the caller's) and of the orgs above it; optionally those below. */
    async list(actor: Actor, query: PlanListQuery) {
      return run(actor, async (tx) => {
        const org = await tx
          .selectFrom('orgs')
          .select(['id', 'path'])
          .where('id', '=', query.orgId ?? actor.orgId)
          .executeTakeFirst();
        if (!org || !inActorScope(actor, org.path)) return { items: [], total: 0 };
        const below = query.includeBelow === 'true';
        let q = selectPlans(tx).where((eb) =>
          below
            ? eb.or([
                sql<boolean>`p.org_path @> ${org.path}::ltree`,
                sql<boolean>`p.org_path <@ ${org.path}::ltree`,
              ])
            : sql<boolean>`p.org_path @> ${org.path}::ltree`,
        );
        if (query.year) q = q.where('p.year', '=', query.year);
        const ordered = q
          .orderBy(sql`nlevel(p.org_path)`)
          .orderBy('p.org_path')
          .orderBy('p.year', 'desc');
        const { rows, total } = await pageOf(ordered, query);
        return {
          items: rows.map((r) => {
            const row = r as PlanViewRow;
            const relation =
              row.org_path === org.path ? 'own' : org.path.startsWith(`${row.org_path}.`) ? 'above' : 'below';
            return planViewOf(row, actor, relation);
          }),
          total,
        };
      });
    },

    get: (actor: Actor, id: number) => run(actor, (tx) => detail(tx, actor, id)),

    async create(actor: Actor, input: PlanInput) {
      return run(actor, async (tx) => {
        const org = await findOwnerOrg(tx, actor, input.orgId ?? actor.orgId);
        const taken = `该单位 ${input.year} 年已有活动计划，请直接修改`;
        const existing = await tx
          .selectFrom('activity_plans')
          .select('id')
          .where('org_id', '=', org.id)
          .where('year', '=', input.year)
          .executeTakeFirst();
        if (existing) throw new Conflict(taken, 'PLAN_EXISTS');
        const now = ctx.now();
        const plan = await unique(taken, 'PLAN_EXISTS', () =>
          tx
            .insertInto('activity_plans')
            .values({
              org_id: org.id,
              org_path: org.path,
              year: input.year,
              title: input.title,
              summary: input.summary ?? null,
              quarter_themes: input.quarterThemes,
              created_by: actor.userId,
              created_at: now,
              updated_at: now,
            })
            .returningAll()
            .executeTakeFirstOrThrow(),
        );
        await audit(tx, actor, 'plan.create', plan, { year: plan.year, title: plan.title });
        return detail(tx, actor, plan.id);
      });
    },

    async update(actor: Actor, id: number, input: UpdatePlanInput) {
      return run(actor, async (tx) => {
        const plan = await managedPlan(tx, actor, id);
        if (plan.status === 'published' && input.quarterThemes?.some((theme) => !theme.trim()))
          throw new Invalid('已发布的计划须保留四个季度的主题', 'QUARTER_THEMES_REQUIRED');
        const changes = Object.fromEntries(
          Object.entries({
            title: input.title,
            summary: input.summary,
            quarter_themes: input.quarterThemes,
          }).filter(([, v]) => v !== undefined),
        );
        if (Object.keys(changes).length === 0) return detail(tx, actor, id);
        await tx
          .updateTable('activity_plans')
          .set({ ...changes, updated_at: ctx.now() })
          .where('id', '=', id)
          .execute();
        await audit(tx, actor, 'plan.update', plan, { fields: Object.keys(changes) });
        return detail(tx, actor, id);
      });
    },

    /** Publishes the plan for residents: it needs its four quarterly themes and at least one item. */
    async publish(actor: Actor, id: number) {
      return run(actor, async (tx) => {
        const plan = await managedPlan(tx, actor, id);
        if (plan.status === 'published') throw new Conflict('计划已发布', 'PLAN_ALREADY_PUBLISHED');
        const missing = plan.quarter_themes.flatMap((theme, i) => (theme.trim() ? [] : [`第${i + 1}季度`]));
        if (missing.length)
          throw new Invalid(`请先填写季度主题（${missing.join('、')}）再发布`, 'QUARTER_THEMES_REQUIRED');
        const items = await tx
          .selectFrom('plan_items')
          .select(sql<number>`count(*)::int`.as('n'))
          .where('plan_id', '=', id)
          .executeTakeFirstOrThrow();
        if (items.n === 0) throw new Invalid('计划还没有任何月度重点或周安排，不能发布', 'PLAN_EMPTY');
        const now = ctx.now();
        await tx
          .updateTable('activity_plans')
          .set({ status: 'published', published_at: now, updated_at: now })
          .where('id', '=', id)
          .execute();
        await audit(tx, actor, 'plan.publish', plan, { items: items.n });
        return detail(tx, actor, id);
      });
    },

    async addItem(actor: Actor, planId: number, input: PlanItemInput) {
      return run(actor, async (tx) => {
        const plan = await managedPlan(tx, actor, planId);
        const week = input.week ?? null;
        checkPlannedOn(plan.year, input.month, input.plannedOn);
        const count = await tx
          .selectFrom('plan_items')
          .select(sql<number>`count(*)::int`.as('n'))
          .where('plan_id', '=', planId)
          .executeTakeFirstOrThrow();
        if (count.n >= MAX_PLAN_ITEMS)
          throw new Invalid(`一份计划最多 ${MAX_PLAN_ITEMS} 项安排`, 'TOO_MANY_PLAN_ITEMS');
        if (week === null) await checkFocusFree(tx, planId, input.month);
        const item = await unique(focusTaken(input.month), 'MONTH_FOCUS_EXISTS', () =>
          tx
            .insertInto('plan_items')
            .values({
              plan_id: planId,
              org_path: plan.org_path,
              month: input.month,
              week,
              title: input.title,
              description: input.description ?? null,
              form: input.form ?? null,
              festival: input.festival ?? null,
              planned_on: input.plannedOn ?? null,
              created_at: ctx.now(),
            })
            .returning('id')
            .executeTakeFirstOrThrow(),
        );
        await touch(tx, plan);
        await audit(tx, actor, 'plan.item.create', plan, { itemId: item.id, month: input.month, week });
        return itemView(tx, item.id);
      });
    },

    async updateItem(actor: Actor, id: number, input: UpdatePlanItemInput) {
      return run(actor, async (tx) => {
        const { plan, item } = await managedItem(tx, actor, id);
        const month = input.month ?? item.month;
        const week = input.week === undefined ? item.week : input.week;
        const plannedOn = input.plannedOn === undefined ? item.planned_on : input.plannedOn;
        checkPlannedOn(plan.year, month, plannedOn);
        if (week === null && (item.week !== null || month !== item.month))
          await checkFocusFree(tx, plan.id, month, id);
        const changes = Object.fromEntries(
          Object.entries({
            month: input.month,
            week: input.week,
            title: input.title,
            description: input.description,
            form: input.form,
            festival: input.festival,
            planned_on: input.plannedOn,
          }).filter(([, v]) => v !== undefined),
        );
        if (Object.keys(changes).length === 0) return itemView(tx, id);
        await unique(focusTaken(month), 'MONTH_FOCUS_EXISTS', () =>
          tx.updateTable('plan_items').set(changes).where('id', '=', id).execute(),
        );
        await touch(tx, plan);
        await audit(tx, actor, 'plan.item.update', plan, { itemId: id, fields: Object.keys(changes) });
        return itemView(tx, id);
      });
    },

    async removeItem(actor: Actor, id: number) {
      return run(actor, async (tx) => {
        const { plan, item } = await managedItem(tx, actor, id);
        if (item.activity_id !== null)
          throw new Conflict('该安排已转为活动，不能删除（可在活动管理中取消活动）', 'PLAN_ITEM_CONVERTED');
        await tx.deleteFrom('plan_items').where('id', '=', id).execute();
        await touch(tx, plan);
        await audit(tx, actor, 'plan.item.delete', plan, {
          itemId: id,
          month: item.month,
          title: item.title,
        });
        return { ok: true as const };
      });
    },

    /**
     * Turns an item into a draft activity of the plan's org. Title, form, festival and description
     * default from the item. The activity is created by the activities service (its own
     * transaction), then linked both ways here; if another request linked the item in between, the
     * extra draft is cancelled and the caller told so.
     */
    /** Turns a plan item into a draft activity, linked both ways, in one transaction. */
    async toActivity(actor: Actor, id: number, input: ToActivityInput) {
      return run(actor, async (tx) => {
        const { plan, item } = await managedItem(tx, actor, id);
        if (item.activity_id !== null) throw new Conflict('该安排已转为活动', 'PLAN_ITEM_CONVERTED');
        const form = input.form ?? item.form;
        if (!form)
          throw new Invalid(
            '该安排未设活动形式，请选择活动形式（讲、评、帮、乐、庆、树、行）',
            'FORM_REQUIRED',
          );
        const created = await activities.createIn(
          tx,
          actor,
          {
            ...input,
            orgId: plan.org_id,
            title: input.title ?? item.title,
            form: form as NonNullable<ToActivityInput['form']>,
            festival:
              input.festival !== undefined ? input.festival : (item.festival as ToActivityInput['festival']),
            description: input.description !== undefined ? input.description : item.description,
          },
          { planItemId: id },
        );
        await tx.updateTable('plan_items').set({ activity_id: created.id }).where('id', '=', id).execute();
        await touch(tx, plan);
        await audit(tx, actor, 'plan.item.to_activity', plan, {
          itemId: id,
          activityId: created.id,
          activityNo: created.activityNo,
        });
        return { item: await itemView(tx, id), activity: await activityView(tx, created.id, actor) };
      });
    },

    /** What residents see: the published plan of the org, or of the nearest org above it that has one. */
    async publicPlan(orgId: number, year?: number): Promise<PublicPlanView> {
      const db = ctx.db.system;
      const org = await db
        .selectFrom('orgs')
        .select(['id', 'name', 'path', 'status'])
        .where('id', '=', orgId)
        .executeTakeFirst();
      if (!org || org.status !== 'active') throw new NotFound('未找到该单位');
      const wanted = year ?? beijingYear(ctx.now());
      const plan = await db
        .selectFrom('activity_plans as p')
        .selectAll('p')
        .select(sql<string>`org_name(p.org_id)`.as('org_name'))
        .where('p.status', '=', 'published')
        .where('p.year', '=', wanted)
        .where(sql<boolean>`p.org_path @> ${org.path}::ltree`)
        .orderBy(sql`nlevel(p.org_path)`, 'desc')
        .limit(1)
        .executeTakeFirst();
      const answer = { orgId: org.id, orgName: org.name, year: wanted };
      if (!plan) return { ...answer, plan: null };
      const rows = await db
        .selectFrom('plan_items as i')
        .leftJoin('activities as a', (join) =>
          join.onRef('a.id', '=', 'i.activity_id').on('a.status', 'in', PUBLIC_ACTIVITY_STATUSES),
        )
        .select([
          'i.id',
          'i.month',
          'i.week',
          'i.title',
          'i.description',
          'i.form',
          'i.festival',
          'i.planned_on',
          'a.id as a_id',
          'a.starts_at as a_starts_at',
          'a.place as a_place',
          'a.status as a_status',
        ])
        .where('i.plan_id', '=', plan.id)
        .orderBy(ITEM_ORDER)
        .execute();
      const items: PublicPlanItem[] = rows.map((r) => ({
        id: r.id,
        month: r.month,
        week: r.week,
        title: r.title,
        description: r.description,
        form: r.form,
        festival: r.festival,
        plannedOn: r.planned_on,
        activity:
          r.a_id !== null && r.a_starts_at !== null && r.a_place !== null && r.a_status !== null
            ? { id: r.a_id, startsAt: isoTimestamp(r.a_starts_at), place: r.a_place, status: r.a_status }
            : null,
      }));
      return {
        ...answer,
        plan: {
          id: plan.id,
          orgId: plan.org_id,
          orgName: plan.org_name,
          year: plan.year,
          title: plan.title,
          summary: plan.summary,
          quarterThemes: plan.quarter_themes,
          publishedAt: isoTimestamp(plan.published_at),
          inherited: plan.org_id !== org.id,
          months: byMonth(items),
        },
      };
    },
  };
}
