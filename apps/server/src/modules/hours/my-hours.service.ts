// The volunteer's own side of service hours on H5: their records with lifetime, this year's and
// pending hours; and, for a team leader (or deputy), the credit hours of their team's activities,
// which they confirm in the team's org scope — never their own.
import { sql } from 'kysely';
import {
  starLevel,
  type OpeningOrigin,
  type ServiceRecordKind,
  type ServiceRecordSource,
} from '@civic/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope } from '../../platform/db/database.ts';
import { pageOf } from '../../platform/db/paging.ts';
import { Forbidden } from '../../platform/errors.ts';
import { isoTimestamp } from '../../platform/time.ts';
import { inOwnVolunteerScope } from '../../platform/auth/volunteer-scope.ts';
import { yearHours } from '../volunteers/index.ts';
import { confirmIn, zeroHourCount, zeroHoursRefusal } from './hours-review.ts';
import { recordViewOf, selectRecords, sourceTitleOf, type RecordRow } from './hours-view.ts';

export function createMyHoursService(ctx: AppContext) {
  /** The teams the volunteer leads (leader or deputy, active), for the delegated scope. */
  async function ledTeams(actor: Actor) {
    const led = await inOwnVolunteerScope(ctx, actor, async (tx, me) => ({
      me: me.id,
      teams: await tx
        .selectFrom('team_members as m')
        .innerJoin('teams as t', 't.id', 'm.team_id')
        .select(['t.id', 't.org_id', 't.org_path'])
        .where('m.volunteer_id', '=', me.id)
        .where('m.status', '=', 'active')
        .where('m.role', 'in', ['leader', 'deputy'])
        .orderBy('t.id')
        .execute(),
    }));
    if (led.teams.length === 0)
      throw new Forbidden('只有队长或副队长可以确认本队活动的服务时长', 'NOT_TEAM_LEADER');
    return led;
  }

  return {
    mine: (actor: Actor, q: { status?: string | undefined; page: number; pageSize: number }) =>
      inOwnVolunteerScope(ctx, actor, async (tx, me) => {
        const volunteer = await tx
          .selectFrom('volunteers')
          .select([
            'lifetime_hours',
            sql<Record<string, number>>`volunteer_hours_by_year(id)`.as('hours_by_year'),
          ])
          .where('id', '=', me.id)
          .executeTakeFirstOrThrow();
        const sums = await tx
          .selectFrom('service_records')
          .select([
            sql<string>`coalesce(sum(hours) FILTER (WHERE status = 'pending'), 0)`.as('pending'),
            sql<string>`coalesce(sum(hours) FILTER (WHERE status = 'confirmed' AND kind = 'opening'), 0)`.as(
              'opening',
            ),
          ])
          .where('volunteer_id', '=', me.id)
          .executeTakeFirstOrThrow();
        let query = selectRecords(tx).where('r.volunteer_id', '=', me.id);
        if (q.status) query = query.where('r.status', '=', q.status);
        const { rows, total } = await pageOf(query.orderBy('r.ended_at', 'desc').orderBy('r.id', 'desc'), q);
        const lifetimeHours = Number(volunteer.lifetime_hours);
        return {
          totals: {
            lifetimeHours,
            openingHours: Number(sums.opening),
            yearHours: yearHours(volunteer, ctx.now()),
            pendingHours: Number(sums.pending),
            starLevel: starLevel(lifetimeHours),
          },
          items: rows.map((r) => ({
            id: r.id,
            source: r.source as ServiceRecordSource,
            sourceTitle: sourceTitleOf(r),
            kind: r.kind as ServiceRecordKind,
            status: r.status as 'pending' | 'confirmed' | 'rejected',
            hours: Number(r.hours),
            minutes: r.minutes,
            startedAt: isoTimestamp(r.started_at),
            endedAt: isoTimestamp(r.ended_at),
            origin: r.origin as OpeningOrigin | null,
            originName: r.origin_name,
            rejectReason: r.reject_reason,
            createdAt: isoTimestamp(r.created_at),
            reviewedAt: isoTimestamp(r.reviewed_at),
          })),
          total,
        };
      }),

    /** The credit records of the activities of the teams the volunteer leads (not their own). */
    async teamRecords(actor: Actor, status: 'pending' | 'confirmed' | 'rejected') {
      const { me, teams } = await ledTeams(actor);
      const rows: RecordRow[] = [];
      for (const team of teams) {
        rows.push(
          ...(await inScope(ctx.db.app, team.org_path, (tx) =>
            selectRecords(tx)
              .where(sql<boolean>`r.org_path <@ ${team.org_path}::ltree`)
              .where('r.source', '=', 'activity')
              .where('r.kind', '=', 'credit')
              .where('a.team_id', '=', team.id)
              .where('r.volunteer_id', '<>', me)
              .where('r.status', '=', status)
              .orderBy('r.created_at', 'desc')
              .orderBy('r.id', 'desc')
              .limit(200)
              .execute(),
          )),
        );
      }
      rows.sort((a, b) => new Date(b.created_at).getTime() - new Date(a.created_at).getTime() || b.id - a.id);
      return { items: rows.slice(0, 200).map((r) => recordViewOf(r, actor.userId)), total: rows.length };
    },

    /** A leader confirms pending credit records of their teams' activities, each in its team's scope. */
    async teamConfirm(actor: Actor, ids: number[], includeZeroHours?: boolean) {
      const { me, teams } = await ledTeams(actor);
      const limitsOf = (team: (typeof teams)[number]) => ({
        teamIds: [team.id],
        exceptVolunteerId: me,
        includeZeroHours,
        audit: { type: 'team', target: { id: team.id, org_id: team.org_id, org_path: team.org_path } },
      });
      // each team confirms in its own transaction: 0-hour records are asked about before any of them
      if (!includeZeroHours) {
        let zero = 0;
        for (const team of teams)
          zero += await inScope(ctx.db.app, team.org_path, (tx) =>
            zeroHourCount(tx, team.org_path, ids, limitsOf(team)),
          );
        if (zero > 0) throw zeroHoursRefusal(zero);
      }
      let confirmed = 0;
      for (const team of teams) {
        confirmed += await inScope(ctx.db.app, team.org_path, (tx) =>
          confirmIn(tx, actor, team.org_path, ids, limitsOf(team), ctx.now(), ctx.events),
        );
      }
      return { confirmed };
    },
  };
}
