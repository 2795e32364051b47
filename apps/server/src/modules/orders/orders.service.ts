// Owns residents' orders on the staff side: the inbox per stage, 代点单, 制单 (accept, reject,
// merge), 派单 (to a station, a team or named volunteers, helped by ranked candidates) and 评单.
// An order belongs to the resident's village station; that station, its institute and the centre
// see it. Every change goes through order-flow's transition, in one transaction with its audit.
import { sql } from 'kysely';
import { rankCandidates, type OrderStatus } from '@civic/contracts';
import { auditAction, inActorScope, type Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Tx } from '../../platform/db/database.ts';
import { pageOf } from '../../platform/db/paging.ts';
import { Conflict, Invalid, NotFound } from '../../platform/errors.ts';
import {
  actingAs,
  auditOrder,
  deadlinesFor,
  lockOrder,
  transition,
  type Deadlines,
  type OrderRow,
} from './order-flow.ts';
import { candidateRows } from './candidates.ts';
import { dispatchTarget, notifyDispatch } from './dispatch-notices.ts';
import { insertOrder } from './order-intake.ts';
import { orderDetailOf, orderViewOf, selectOrders } from './order-view.ts';
import type { DispatchInput, OrderFilters, OrderListQuery, StaffOrderInput } from './orders.schema.ts';
import { filterOrders } from './order-filters.ts';
import type { z } from 'zod';
import type { acceptInput } from './orders.schema.ts';

const CANDIDATE_LIMIT = 20;

export function createOrdersService(ctx: AppContext) {
  const run = <T>(actor: Actor, work: (tx: Tx) => Promise<T>) => inScope(ctx.db.app, actor, work);
  const by = actingAs;
  const audit = (
    tx: Tx,
    actor: Actor,
    action: string,
    order: OrderRow,
    summary: Record<string, unknown> = {},
  ) => auditOrder(tx, actor, action, order, summary, ctx.now());
  const detail = (tx: Tx, id: number) => orderDetailOf(tx, ctx.cipher, id, ctx.now());

  /** Locks an order of the caller's subtree, then applies one step. */
  async function step<T>(actor: Actor, id: number, work: (tx: Tx, order: OrderRow) => Promise<T>) {
    return run(actor, async (tx) => {
      const order = await lockOrder(tx, id);
      await work(tx, order);
      return detail(tx, id);
    });
  }

  return {
    async list(actor: Actor, q: OrderListQuery) {
      return run(actor, async (tx) => {
        const now = ctx.now();
        const base = await filterOrders(tx, selectOrders(tx), q, now);
        if (!base) return { items: [], total: 0 };
        const { rows, total } = await pageOf(
          base.orderBy('o.priority', 'desc').orderBy('o.stage_due_at').orderBy('o.id'),
          q,
        );
        return { items: rows.map((r) => orderViewOf(ctx.cipher, r, now)), total };
      });
    },

    /**
     * The inbox badges: orders per status, and how many of them are overdue — under the same
     * filters as the list, so a search shows which tabs hold what it found.
     */
    async counts(actor: Actor, q: OrderFilters = {}) {
      return run(actor, async (tx) => {
        const now = ctx.now();
        const base = await filterOrders(tx, tx.selectFrom('orders as o'), q, now);
        if (!base) return [];
        const rows = await base
          .select([
            'o.status',
            sql<number>`count(*)::int`.as('n'),
            sql<number>`count(*) FILTER (WHERE o.stage_due_at < ${now})::int`.as('overdue'),
          ])
          .groupBy('o.status')
          .execute();
        return rows.map((r) => ({ status: r.status as OrderStatus, count: r.n, overdue: r.overdue }));
      });
    },

    get: (actor: Actor, id: number) =>
      run(actor, async (tx) => {
        const found = await tx.selectFrom('orders').select('id').where('id', '=', id).executeTakeFirst();
        if (!found) throw new NotFound('需求不存在或不在您的数据范围内');
        return detail(tx, id);
      }),

    /** 代点单: staff record a resident's need that came in by phone or on a home visit. */
    async placeForResident(actor: Actor, input: StaffOrderInput) {
      return run(actor, async (tx) => {
        const placed = await insertOrder(ctx, tx, input, {
          channel: input.channel,
          createdBy: actor.userId,
          residentUserId: null,
          actorName: actor.displayName,
        });
        const order = await lockOrder(tx, placed.id);
        await audit(tx, actor, 'order.submit', order, { channel: input.channel });
        return { trackingToken: placed.trackingToken, order: await detail(tx, placed.id) };
      });
    },

    accept: (actor: Actor, id: number, input: z.infer<typeof acceptInput>) =>
      step(actor, id, async (tx, order) => {
        if (input.projectId) {
          const project = await tx
            .selectFrom('projects')
            .select('id')
            .where('id', '=', input.projectId)
            .executeTakeFirst();
          if (!project) throw new NotFound('关联项目不存在');
        }
        await transition(tx, order, 'accept', by(actor, 'vetter'), ctx.now(), {
          set: {
            service_category: input.serviceCategory,
            skills: input.skills,
            priority: input.priority,
            project_id: input.projectId,
            volunteers_needed: input.volunteersNeeded,
            agreed_at: input.agreedAt ? new Date(input.agreedAt) : undefined,
          },
        });
        await audit(tx, actor, 'order.accept', order);
      }),

    reject: (actor: Actor, id: number, reason: string) =>
      step(actor, id, async (tx, order) => {
        await transition(tx, order, 'reject', by(actor, 'vetter'), ctx.now(), {
          reason,
          set: { reject_reason: reason },
        });
        await audit(tx, actor, 'order.reject', order, { reason });
      }),

    merge: (actor: Actor, id: number, intoId: number) =>
      step(actor, id, async (tx, order) => {
        if (intoId === id) throw new Invalid('不能合并到自身', 'MERGE_SELF');
        const into = await tx
          .selectFrom('orders')
          .select(['id', 'status'])
          .where('id', '=', intoId)
          .executeTakeFirst();
        if (!into) throw new NotFound('要合并到的需求不存在或不在您的数据范围内');
        if (['rejected', 'merged', 'cancelled'].includes(into.status))
          throw new Conflict('目标需求已结束，不能合并', 'MERGE_TARGET_FINAL');
        await transition(tx, order, 'merge', by(actor, 'vetter'), ctx.now(), {
          set: { merged_into_id: intoId },
          details: { intoId },
        });
        await audit(tx, actor, 'order.merge', order, { intoId });
      }),

    cancel: (actor: Actor, id: number, reason: string) =>
      step(actor, id, async (tx, order) => {
        await transition(tx, order, 'cancel', by(actor, 'vetter'), ctx.now(), { reason });
        await audit(tx, actor, 'order.cancel', order, { reason });
      }),

    dispatch: (actor: Actor, id: number, input: DispatchInput) =>
      step(actor, id, async (tx, order) => {
        const now = ctx.now();
        const action = order.status === 'dispatched' ? 'redispatch' : 'dispatch';
        let volunteerIds: number[] = input.volunteerIds ?? [];
        let set: Record<string, unknown> = { dispatched_org_id: null, dispatched_team_id: null };
        if (input.stationId) {
          const station = await tx
            .selectFrom('orgs')
            .select(['id', 'path', 'kind'])
            .where('id', '=', input.stationId)
            .executeTakeFirst();
          if (!station || station.kind !== 'station') throw new NotFound('实践站不存在或不在您的数据范围内');
          if (!order.org_path.startsWith(station.path) && !station.path.startsWith(actor.orgPath)) {
            throw new Invalid('只能派给本辖区的实践站', 'STATION_OUT_OF_SCOPE');
          }
          set = { ...set, dispatched_org_id: station.id };
        }
        if (input.teamId) {
          const team = await tx
            .selectFrom('teams')
            .select(['id', 'status', 'org_path'])
            .where('id', '=', input.teamId)
            .executeTakeFirst();
          if (!team || team.status !== 'active') throw new NotFound('队伍不存在或已解散');
          // the team's leader and deputies get the order and claim it for the team
          const leads = await tx
            .selectFrom('team_members')
            .select('volunteer_id')
            .where('team_id', '=', team.id)
            .where('status', '=', 'active')
            .where('role', 'in', ['leader', 'deputy'])
            .execute();
          if (leads.length === 0) throw new Conflict('该队伍还没有队长，无法派单', 'TEAM_WITHOUT_LEADER');
          volunteerIds = leads.map((l) => l.volunteer_id);
          set = { ...set, dispatched_team_id: team.id };
        }
        if (input.volunteerIds?.length) {
          const found = await tx
            .selectFrom('volunteers')
            .select(['id', 'status'])
            .where('id', 'in', volunteerIds)
            .execute();
          if (found.length !== new Set(volunteerIds).size || found.some((v) => v.status !== 'active')) {
            throw new Invalid('部分志愿者不存在、不在您的数据范围内或已暂停', 'VOLUNTEER_UNAVAILABLE');
          }
        }
        // a re-dispatch withdraws the earlier offers that were not taken up
        await tx
          .updateTable('order_assignees')
          .set({ status: 'withdrawn' })
          .where('order_id', '=', id)
          .where('status', '=', 'offered')
          .execute();
        for (const volunteerId of new Set(volunteerIds)) {
          await tx
            .insertInto('order_assignees')
            .values({
              order_id: id,
              volunteer_id: volunteerId,
              org_path: order.org_path,
              status: 'offered',
              offered_at: now,
            })
            .onConflict((oc) =>
              oc
                .columns(['order_id', 'volunteer_id'])
                .doUpdateSet({ status: 'offered', offered_at: now, decline_reason: null }),
            )
            .execute();
        }
        const to = await dispatchTarget(tx, set, input.teamId ? [] : volunteerIds);
        await transition(tx, order, action, by(actor, 'dispatcher'), now, { set, details: { ...input, to } });
        await notifyDispatch(tx, order, set, volunteerIds, now);
        await audit(tx, actor, `order.${action}`, order, { ...input });
      }),

    /** Ranked volunteers for an order: the caller's subtree, active, with the reasons. */
    async candidates(actor: Actor, id: number) {
      return run(actor, async (tx) => {
        const order = await selectOrders(tx).where('o.id', '=', id).executeTakeFirst();
        if (!order) throw new NotFound('需求不存在或不在您的数据范围内');
        const village = await tx
          .selectFrom('orgs')
          .select(['latitude', 'longitude'])
          .where('id', '=', order.org_id)
          .executeTakeFirst();
        // volunteers of the institute around the village (or the caller's subtree when narrower)
        const area = order.org_path.split('.').slice(0, 2).join('.');
        const scopePath = inActorScope(actor, area) ? area : actor.orgPath;
        const rows = await candidateRows(tx, {
          scopePath,
          serviceCategory: order.service_category,
          skills: order.skills,
          latitude: village?.latitude ?? null,
          longitude: village?.longitude ?? null,
          preferredAt: order.agreed_at ?? order.preferred_at,
        });
        const ranked = rankCandidates(
          {
            serviceCategory: order.service_category,
            skills: order.skills,
            latitude: village?.latitude ?? null,
            longitude: village?.longitude ?? null,
            preferredAt: order.agreed_at ?? order.preferred_at,
          },
          rows.map((r) => ({
            id: r.id,
            name: r.name,
            skills: r.skills,
            serviceCategories: r.service_categories,
            availability: r.availability,
            latitude: r.latitude,
            longitude: r.longitude,
            openLoad: r.open_load,
            averageRating: r.avg_rating,
            ratingCount: r.ratings,
          })),
        );
        return ranked.slice(0, CANDIDATE_LIMIT);
      });
    },

    /** The stage deadlines the caller's org works to: its own, or inherited from above. */
    async deadlines(actor: Actor) {
      return run(actor, async (tx) => {
        const own = await tx
          .selectFrom('order_deadline_settings')
          .select('org_id')
          .where('org_id', '=', actor.orgId)
          .executeTakeFirst();
        return { own: own !== undefined, ...(await deadlinesFor(tx, actor.orgPath)) };
      });
    },

    async setDeadlines(actor: Actor, input: Deadlines) {
      return run(actor, async (tx) => {
        const row = {
          org_path: actor.orgPath,
          vet_working_days: input.vetWorkingDays,
          dispatch_hours: input.dispatchHours,
          claim_hours: input.claimHours,
          review_days: input.reviewDays,
          updated_by: actor.userId,
          updated_at: ctx.now(),
        };
        await tx
          .insertInto('order_deadline_settings')
          .values({ org_id: actor.orgId, ...row })
          .onConflict((oc) => oc.column('org_id').doUpdateSet(row))
          .execute();
        await auditAction(
          tx,
          actor,
          'order.deadlines',
          'org',
          { id: actor.orgId, org_id: actor.orgId, org_path: actor.orgPath },
          { ...input },
          ctx.now(),
        );
        return { own: true, ...(await deadlinesFor(tx, actor.orgPath)) };
      });
    },

    evaluate: (actor: Actor, id: number, evaluation: string) =>
      step(actor, id, async (tx, order) => {
        await transition(tx, order, 'evaluate', by(actor, 'evaluator'), ctx.now(), { set: { evaluation } });
        await audit(tx, actor, 'order.evaluate', order);
        // the modules above (assessment: 办结数, 按时办结) react in this transaction
        await ctx.events.emit(tx, {
          type: 'order.closed',
          orderId: order.id,
          orgPath: order.org_path,
          at: ctx.now(),
        });
      }),
  };
}
