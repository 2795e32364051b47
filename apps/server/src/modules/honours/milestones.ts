// 时长里程碑 (milestone awards): when confirmed hours take a volunteer's lifetime total to a star
// level's hours (100, 300, 600, 1,000, 1,500 — STAR_THRESHOLDS) for the first time, the milestone is
// recorded in the transaction that confirmed them (or corrected them upwards) and the volunteer is
// told on H5 我的消息. A milestone once reached stays (migration 0037). The console lists the
// milestones reached in a unit's subtree over a year; the volunteer sees theirs on 我的积分.
import { sql } from 'kysely';
import { STAR_THRESHOLDS, starLevel } from '@civic/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { inActorScope } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Tx } from '../../platform/db/database.ts';
import { pageOf } from '../../platform/db/paging.ts';
import type { EventHandlers } from '../../platform/events.ts';
import { NotFound } from '../../platform/errors.ts';
import { isoTimestamp } from '../../platform/time.ts';
import { notifyVolunteers } from '../notifications/index.ts';
import { volunteerLabels } from '../volunteers/index.ts';
import type { MilestoneListQuery, MilestonePage } from './honours.schema.ts';

const THRESHOLDS: number[] = [...STAR_THRESHOLDS];

/** What the volunteer is told when their hours reach a milestone (the highest one reached at once). */
export function milestoneMessage(hours: number): { title: string; body: string } {
  return {
    title: `恭喜您累计志愿服务满 ${hours} 小时`,
    body: `您已成为${starLevel(hours)}星志愿者。感谢您的坚持与奉献！可在“我的积分”查看星级与可享礼遇。`,
  };
}

/**
 * Grants the milestones the volunteers' lifetime hours reached (already updated by the hours
 * module's trigger in this transaction) and tells each volunteer of the highest one newly reached,
 * the notification held at the org of the confirmed record (in the confirming admin's scope).
 */
async function grantReached(tx: Tx, volunteerIds: number[], recordOrgPath: string, at: Date): Promise<void> {
  const ids = [...new Set(volunteerIds)];
  if (ids.length === 0) return;
  const { rows } = await sql<{ volunteer_id: string | number; hours: number }>`
    SELECT volunteer_id, hours FROM grant_hour_milestones(${ids}::bigint[], ${THRESHOLDS}::integer[], ${at})`.execute(
    tx,
  );
  if (rows.length === 0) return;
  const org = await tx
    .selectFrom('orgs')
    .select(['id', sql<string>`path::text`.as('path')])
    .where(sql<boolean>`path = ${recordOrgPath}::ltree`)
    .executeTakeFirst();
  if (!org) return;
  const highest = new Map<number, number>();
  for (const r of rows) {
    const id = Number(r.volunteer_id);
    highest.set(id, Math.max(highest.get(id) ?? 0, r.hours));
  }
  const byHours = new Map<number, number[]>();
  for (const [id, hours] of highest) byHours.set(hours, [...(byHours.get(hours) ?? []), id]);
  for (const [hours, volunteers] of byHours)
    await notifyVolunteers(
      tx,
      volunteers,
      { orgId: Number(org.id), orgPath: org.path },
      { kind: 'honours.milestone', ...milestoneMessage(hours), link: '/my-points' },
      at,
    );
}

/** What the honours module does when the hours module confirms or corrects service records. */
export const honoursEventHandlers: EventHandlers = {
  'serviceRecord.confirmed': async (tx, event) => {
    const byOrg = new Map<string, number[]>();
    for (const r of event.records) byOrg.set(r.orgPath, [...(byOrg.get(r.orgPath) ?? []), r.volunteerId]);
    for (const [orgPath, volunteers] of byOrg) await grantReached(tx, volunteers, orgPath, event.at);
  },
  'serviceRecord.corrected': async (tx, event) => {
    if (event.record.hours > event.fromHours)
      await grantReached(tx, [event.record.volunteerId], event.record.orgPath, event.at);
  },
};

/**
 * Every milestone the confirmed records reached that is not recorded yet, dated when the
 * confirmation that crossed it was made (as migration 0037 backfilled them): for a bulk load that
 * writes records without the events (the demo seed), in the owner's transaction.
 */
export async function backfillMilestones(tx: Tx): Promise<number> {
  const result = await sql`
    INSERT INTO hour_milestones (volunteer_id, hours, org_path, reached_at)
    SELECT DISTINCT ON (c.volunteer_id, t.hours) c.volunteer_id, t.hours, v.org_path, c.at
      FROM (SELECT r.volunteer_id, coalesce(r.reviewed_at, r.created_at) AS at,
                   sum(r.hours) OVER (PARTITION BY r.volunteer_id
                                      ORDER BY coalesce(r.reviewed_at, r.created_at), r.id) AS total
              FROM service_records r
             WHERE r.status = 'confirmed') c
      JOIN volunteers v ON v.id = c.volunteer_id
      CROSS JOIN unnest(${THRESHOLDS}::integer[]) AS t(hours)
     WHERE c.total >= t.hours AND v.lifetime_hours >= t.hours
     ORDER BY c.volunteer_id, t.hours, c.at
    ON CONFLICT DO NOTHING`.execute(tx);
  return Number(result.numAffectedRows ?? 0);
}

/** The volunteer's own milestones, oldest first (their rows are theirs to read). */
export async function ownMilestones(tx: Tx, volunteerId: number) {
  const rows = await tx
    .selectFrom('hour_milestones')
    .select(['hours', 'reached_at'])
    .where('volunteer_id', '=', volunteerId)
    .orderBy('hours')
    .execute();
  return rows.map((r) => ({
    hours: r.hours,
    starLevel: starLevel(r.hours),
    reachedAt: isoTimestamp(r.reached_at),
  }));
}

export function createMilestonesService(ctx: AppContext) {
  return {
    /** The milestones reached in the year (China dates) by volunteers of a unit's subtree, newest first. */
    list: (actor: Actor, q: MilestoneListQuery): Promise<MilestonePage> =>
      inScope(ctx.db.app, actor, async (tx) => {
        let path = actor.orgPath;
        if (q.orgId) {
          const org = await tx
            .selectFrom('orgs')
            .select(sql<string>`path::text`.as('path'))
            .where('id', '=', q.orgId)
            .executeTakeFirst();
          if (!org || !inActorScope(actor, org.path)) throw new NotFound('单位不存在或不在您的数据范围内');
          path = org.path;
        }
        let query = tx
          .selectFrom('hour_milestones as m')
          .select(['m.volunteer_id', 'm.hours', 'm.reached_at'])
          .where(sql<boolean>`m.org_path <@ ${path}::ltree`)
          .where(sql<boolean>`m.reached_at >= (${`${q.year}-01-01`}::date AT TIME ZONE 'Asia/Shanghai')`)
          .where(sql<boolean>`m.reached_at < (${`${q.year + 1}-01-01`}::date AT TIME ZONE 'Asia/Shanghai')`);
        if (q.hours) query = query.where('m.hours', '=', q.hours);
        const { rows, total } = await pageOf(
          query.orderBy('m.reached_at', 'desc').orderBy('m.volunteer_id').orderBy('m.hours', 'desc'),
          q,
        );
        const labels = await volunteerLabels(
          tx,
          rows.map((r) => Number(r.volunteer_id)),
        );
        return {
          total,
          items: rows.map((r) => {
            const who = labels.get(Number(r.volunteer_id));
            return {
              volunteerId: Number(r.volunteer_id),
              volunteerNo: who?.volunteerNo ?? '',
              name: who?.name ?? '',
              orgName: who?.orgName ?? '',
              hours: r.hours,
              starLevel: starLevel(r.hours),
              reachedAt: isoTimestamp(r.reached_at),
            };
          }),
        };
      }),
  };
}
