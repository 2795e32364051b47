// Team membership: admins assign volunteers and set leaders; volunteers apply on H5 and the
// team's leader or deputies approve. A volunteer may be in several teams; a team has one leader.
// A leader acting on H5 is checked against their own active leadership, then works in the team's
// org scope for that one decision.
import { sql } from 'kysely';
import type { TeamKind, TeamTier } from '@civic/contracts';
import { auditAction, inActorScope, type Actor, type AuditTarget } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Tx } from '../../platform/db/database.ts';
import { pageOf } from '../../platform/db/paging.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/errors.ts';
import { maskedPhone } from '../../platform/personal-data.ts';
import { isoTimestamp } from '../../platform/time.ts';
import { inOwnVolunteerScope } from '../../platform/auth/volunteer-scope.ts';
import { findManagedTeam, findTeam, selectTeams, teamListItemOf } from './teams.service.ts';
import type { MemberListQuery, TeamMemberView } from './teams.schema.ts';
import { containsPattern } from '../../platform/http/schemas.ts';

type Decision = 'approve' | 'reject';

export function createTeamMembersService(ctx: AppContext) {
  const run = <T>(actor: Actor, work: (tx: Tx) => Promise<T>) => inScope(ctx.db.app, actor, work);

  const selectMembers = (tx: Tx) =>
    tx
      .selectFrom('team_members as m')
      .innerJoin('volunteers as v', 'v.id', 'm.volunteer_id')
      .select(sql<string>`org_name(v.org_id)`.as('org_name'))
      .select([
        'm.id',
        'm.team_id',
        'm.volunteer_id',
        'v.volunteer_no',
        'v.name',
        'v.phone_enc',
        'm.role',
        'm.status',
        'm.source',
        'm.application_note',
        'm.decision_note',
        'm.applied_at',
        'm.joined_at',
      ]);
  type MemberRow = Awaited<ReturnType<ReturnType<typeof selectMembers>['executeTakeFirstOrThrow']>>;

  const view = (r: MemberRow): TeamMemberView => ({
    id: r.id,
    teamId: r.team_id,
    volunteerId: r.volunteer_id,
    volunteerNo: r.volunteer_no,
    name: r.name,
    phone: maskedPhone(ctx.cipher, r.phone_enc),
    orgName: r.org_name,
    role: r.role as TeamMemberView['role'],
    status: r.status as TeamMemberView['status'],
    source: r.source as TeamMemberView['source'],
    applicationNote: r.application_note,
    decisionNote: r.decision_note,
    appliedAt: isoTimestamp(r.applied_at),
    joinedAt: isoTimestamp(r.joined_at),
  });

  async function member(tx: Tx, teamId: number, memberId: number): Promise<MemberRow> {
    const row = await selectMembers(tx)
      .where('m.id', '=', memberId)
      .where('m.team_id', '=', teamId)
      .executeTakeFirst();
    if (!row) throw new NotFound('队员记录不存在');
    return row;
  }

  const audit = (tx: Tx, actor: Actor, action: string, team: AuditTarget, summary: Record<string, unknown>) =>
    auditAction(tx, actor, action, 'team', team, summary, ctx.now());

  async function decide(
    tx: Tx,
    actor: Actor,
    team: { id: number; org_id: number; org_path: string; status: string },
    memberId: number,
    decision: Decision,
    note?: string,
  ) {
    const row = await member(tx, team.id, memberId);
    if (row.status !== 'pending') throw new Conflict('该申请已处理', 'APPLICATION_DECIDED');
    if (decision === 'approve' && team.status !== 'active')
      throw new Conflict('队伍已解散', 'TEAM_DISSOLVED');
    const now = ctx.now();
    await tx
      .updateTable('team_members')
      .set({
        status: decision === 'approve' ? 'active' : 'rejected',
        decision_note: note ?? null,
        decided_by: actor.userId,
        decided_at: now,
        joined_at: decision === 'approve' ? now : null,
      })
      .where('id', '=', memberId)
      .execute();
    await audit(tx, actor, `team.member.${decision}`, team, { memberId, volunteerId: row.volunteer_id });
    return view(await member(tx, team.id, memberId));
  }

  /** The teams the volunteer leads or co-leads, with their org paths (for the delegated scope). */
  async function ledTeams(actor: Actor) {
    return inOwnVolunteerScope(ctx, actor, (tx, me) =>
      tx
        .selectFrom('team_members as m')
        .innerJoin('teams as t', 't.id', 'm.team_id')
        .select(['t.id', 't.org_id', 't.org_path', 't.status'])
        .where('m.volunteer_id', '=', me.id)
        .where('m.status', '=', 'active')
        .where('m.role', 'in', ['leader', 'deputy'])
        .execute(),
    );
  }

  async function asLeaderOf(actor: Actor, teamId: number) {
    const team = (await ledTeams(actor)).find((t) => t.id === teamId);
    if (!team) throw new Forbidden('只有队长或副队长可以审核入队申请', 'NOT_TEAM_LEADER');
    return team;
  }

  return {
    // ---------------------------------------------------------------- admin
    async list(actor: Actor, teamId: number, q: MemberListQuery) {
      return run(actor, async (tx) => {
        await findManagedTeam(tx, actor, teamId);
        let base = selectMembers(tx).where('m.team_id', '=', teamId);
        if (q.status) base = base.where('m.status', '=', q.status);
        if (q.role) base = base.where('m.role', '=', q.role);
        if (q.keyword) {
          const like = containsPattern(q.keyword);
          base = base.where((eb) =>
            eb.or([eb('v.name', 'ilike', like), eb('v.volunteer_no', '=', q.keyword!.toUpperCase())]),
          );
        }
        const ordered = base
          .orderBy(sql`array_position(ARRAY['leader','deputy','member'], m.role)`)
          .orderBy('m.id');
        const { rows, total } = await pageOf(ordered, q);
        return { items: rows.map(view), total };
      });
    },

    async add(
      actor: Actor,
      teamId: number,
      volunteerIds: number[],
      role: 'leader' | 'deputy' | 'member' = 'member',
    ) {
      const ids = [...new Set(volunteerIds)];
      if (role === 'leader' && ids.length > 1) throw new Invalid('一支队伍只能有一名队长', 'ONE_LEADER');
      const now = ctx.now();
      return run(actor, async (tx) => {
        const team = await findManagedTeam(tx, actor, teamId);
        if (team.status !== 'active') throw new Conflict('队伍已解散，不能添加队员', 'TEAM_DISSOLVED');
        const volunteers = await tx
          .selectFrom('volunteers')
          .select(['id', 'org_path', 'status'])
          .where('id', 'in', ids)
          .execute();
        const usable = volunteers.filter((v) => v.status === 'active' && inActorScope(actor, v.org_path));
        if (usable.length !== ids.length) {
          throw new Invalid('部分志愿者不存在、不在您的数据范围内或已暂停/注销', 'VOLUNTEER_UNAVAILABLE');
        }
        const current = await tx
          .selectFrom('team_members')
          .select(['id', 'volunteer_id', 'status'])
          .where('team_id', '=', teamId)
          .where('volunteer_id', 'in', ids)
          .where('status', 'in', ['pending', 'active'])
          .execute();
        const byVolunteer = new Map(current.map((c) => [c.volunteer_id, c]));
        if (role === 'leader') {
          await tx
            .updateTable('team_members')
            .set({ role: 'member' })
            .where('team_id', '=', teamId)
            .where('role', '=', 'leader')
            .where('status', '=', 'active')
            .execute();
        }
        let added = 0;
        let skipped = 0;
        for (const id of ids) {
          const existing = byVolunteer.get(id);
          if (existing?.status === 'active') {
            skipped += 1;
            if (role !== 'member')
              await tx.updateTable('team_members').set({ role }).where('id', '=', existing.id).execute();
            continue;
          }
          if (existing) {
            // adding someone who applied approves the application
            await tx
              .updateTable('team_members')
              .set({ status: 'active', role, decided_by: actor.userId, decided_at: now, joined_at: now })
              .where('id', '=', existing.id)
              .execute();
          } else {
            await tx
              .insertInto('team_members')
              .values({
                team_id: teamId,
                volunteer_id: id,
                org_path: team.org_path,
                role,
                status: 'active',
                source: 'admin',
                applied_at: now,
                joined_at: now,
                decided_by: actor.userId,
                decided_at: now,
              })
              .execute();
          }
          added += 1;
        }
        await audit(tx, actor, 'team.member.add', team, { added, skipped, role });
        return { added, skipped };
      });
    },

    async setRole(actor: Actor, teamId: number, memberId: number, role: 'leader' | 'deputy' | 'member') {
      return run(actor, async (tx) => {
        const team = await findManagedTeam(tx, actor, teamId);
        const row = await member(tx, teamId, memberId);
        if (row.status !== 'active') throw new Conflict('只能为在队队员设置职务', 'MEMBER_NOT_ACTIVE');
        if (role === 'leader' && row.role !== 'leader') {
          // one leader per team: the previous leader becomes a member in the same transaction
          await tx
            .updateTable('team_members')
            .set({ role: 'member' })
            .where('team_id', '=', teamId)
            .where('role', '=', 'leader')
            .where('status', '=', 'active')
            .execute();
        }
        await tx.updateTable('team_members').set({ role }).where('id', '=', memberId).execute();
        await audit(tx, actor, 'team.member.role', team, { memberId, volunteerId: row.volunteer_id, role });
        return view(await member(tx, teamId, memberId));
      });
    },

    decide: (actor: Actor, teamId: number, memberId: number, decision: Decision, note?: string) =>
      run(actor, async (tx) =>
        decide(tx, actor, await findManagedTeam(tx, actor, teamId), memberId, decision, note),
      ),

    async remove(actor: Actor, teamId: number, memberId: number) {
      return run(actor, async (tx) => {
        const team = await findManagedTeam(tx, actor, teamId);
        const row = await member(tx, teamId, memberId);
        if (row.status !== 'active' && row.status !== 'pending')
          throw new Conflict('该队员已不在队中', 'MEMBER_NOT_ACTIVE');
        await tx
          .updateTable('team_members')
          .set({ status: 'left', left_at: ctx.now() })
          .where('id', '=', memberId)
          .execute();
        await audit(tx, actor, 'team.member.remove', team, { memberId, volunteerId: row.volunteer_id });
      });
    },

    // ---------------------------------------------------------------- the volunteer on H5
    async mine(actor: Actor) {
      const rows = await inOwnVolunteerScope(ctx, actor, (tx, me) =>
        tx
          .selectFrom('team_members as m')
          .innerJoin('teams as t', 't.id', 'm.team_id')
          .select(sql<string>`org_name(t.org_id)`.as('org_name'))
          .select([
            'm.id',
            'm.team_id',
            't.name',
            't.tier',
            't.kind',
            't.org_path',
            'm.role',
            'm.status',
            'm.applied_at',
            'm.joined_at',
          ])
          .where('m.volunteer_id', '=', me.id)
          .where('m.status', 'in', ['pending', 'active'])
          .orderBy('m.id')
          .execute(),
      );
      return Promise.all(
        rows.map(async (r) => {
          const leads = r.status === 'active' && (r.role === 'leader' || r.role === 'deputy');
          const pending = leads
            ? await inScope(ctx.db.app, r.org_path, async (tx) =>
                Number(
                  (
                    await tx
                      .selectFrom('team_members')
                      .select((eb) => eb.fn.countAll<number>().as('n'))
                      .where('team_id', '=', r.team_id)
                      .where('status', '=', 'pending')
                      .executeTakeFirstOrThrow()
                  ).n,
                ),
              )
            : null;
          return {
            memberId: r.id,
            teamId: r.team_id,
            teamName: r.name,
            tier: r.tier as TeamTier,
            kind: r.kind as TeamKind,
            orgName: r.org_name,
            role: r.role as TeamMemberView['role'],
            status: r.status as TeamMemberView['status'],
            appliedAt: isoTimestamp(r.applied_at),
            joinedAt: isoTimestamp(r.joined_at),
            pendingApplications: pending,
          };
        }),
      );
    },

    /** Teams of the volunteer's own org and the orgs above it that take applications. */
    async available(actor: Actor) {
      return inOwnVolunteerScope(ctx, actor, async (tx, me) => {
        const rows = await selectTeams(tx)
          .where(sql<boolean>`${me.orgPath}::ltree <@ t.org_path`)
          .where('t.status', '=', 'active')
          .where('t.accepting_applications', '=', true)
          .where(
            sql<boolean>`NOT EXISTS (SELECT 1 FROM team_members x WHERE x.team_id = t.id AND x.volunteer_id = ${me.id}
              AND x.status IN ('pending', 'active'))`,
          )
          .orderBy(sql`nlevel(t.org_path)`, 'desc')
          .orderBy('t.id')
          .limit(200)
          .execute();
        return rows.map((r) => teamListItemOf(r as Parameters<typeof teamListItemOf>[0]));
      });
    },

    async apply(actor: Actor, teamId: number, note?: string) {
      const now = ctx.now();
      return inOwnVolunteerScope(ctx, actor, async (tx, me) => {
        const team = await findTeam(tx, teamId);
        if (!(me.orgPath === team.org_path || me.orgPath.startsWith(`${team.org_path}.`))) {
          throw new Forbidden('只能申请加入本村（社区）及上级单位的队伍', 'TEAM_OUT_OF_REACH');
        }
        if (team.status !== 'active' || !team.accepting_applications)
          throw new Conflict('该队伍暂不接受入队申请', 'TEAM_CLOSED');
        const existing = await tx
          .selectFrom('team_members')
          .select(['status'])
          .where('team_id', '=', teamId)
          .where('volunteer_id', '=', me.id)
          .where('status', 'in', ['pending', 'active'])
          .executeTakeFirst();
        if (existing)
          throw new Conflict(
            existing.status === 'active' ? '您已是该队队员' : '您已提交申请，请等待队长审核',
            'ALREADY_APPLIED',
          );
        const row = await tx
          .insertInto('team_members')
          .values({
            team_id: teamId,
            volunteer_id: me.id,
            org_path: team.org_path,
            role: 'member',
            status: 'pending',
            source: 'application',
            application_note: note ?? null,
            applied_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await audit(tx, actor, 'team.apply', team, { memberId: row.id, volunteerId: me.id });
        return { memberId: row.id, status: 'pending' as const };
      });
    },

    async leave(actor: Actor, teamId: number) {
      return inOwnVolunteerScope(ctx, actor, async (tx, me) => {
        const row = await tx
          .updateTable('team_members')
          .set({ status: 'left', left_at: ctx.now() })
          .where('team_id', '=', teamId)
          .where('volunteer_id', '=', me.id)
          .where('status', 'in', ['pending', 'active'])
          .returning(['id', 'org_path'])
          .executeTakeFirst();
        if (!row) throw new NotFound('您不在该队伍中');
        await audit(
          tx,
          actor,
          'team.leave',
          { id: teamId, org_id: null, org_path: row.org_path },
          { memberId: row.id },
        );
      });
    },

    async applications(actor: Actor, teamId: number) {
      const team = await asLeaderOf(actor, teamId);
      return inScope(ctx.db.app, team.org_path, async (tx) =>
        (
          await selectMembers(tx)
            .where('m.team_id', '=', teamId)
            .where('m.status', '=', 'pending')
            .orderBy('m.id')
            .execute()
        ).map(view),
      );
    },

    async decideAsLeader(actor: Actor, memberId: number, decision: Decision, note?: string) {
      const led = await ledTeams(actor);
      for (const team of led) {
        const result = await inScope(ctx.db.app, team.org_path, async (tx) => {
          const target = await tx
            .selectFrom('team_members')
            .select('id')
            .where('id', '=', memberId)
            .where('team_id', '=', team.id)
            .executeTakeFirst();
          return target ? decide(tx, actor, team, memberId, decision, note) : null;
        });
        if (result) return result;
      }
      throw new Forbidden('只有该队的队长或副队长可以审核此申请', 'NOT_TEAM_LEADER');
    },
  };
}
