// Owns volunteer teams: the tree 总队 → 大队 → 中队 → 小队 → 小分队 attached to orgs, county
// professional teams with a 责任单位 and a yearly service target, and feature teams. A team belongs
// to an org; that org's subtree admins manage it. Teams of the orgs above are visible (a station
// hangs its 中队 under its institute's 大队) but not editable. A team leader's account sees only the
// team it leads and the teams below it (team-scope.ts).
import { sql, type Selectable } from 'kysely';
import { TEAM_TIERS, TEAM_TIER_LABELS, type TeamTier } from '@civic/contracts';
import { auditAction, inActorScope, type Actor, type AuditTarget } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Tx } from '../../platform/db/database.ts';
import { pageOf } from '../../platform/db/paging.ts';
import type { TeamsTable } from '../../platform/db/schema.ts';
import { Conflict, Invalid, NotFound } from '../../platform/errors.ts';
import { isoTimestamp } from '../../platform/time.ts';
import type {
  TeamDetail,
  TeamInput,
  TeamListItem,
  TeamListQuery,
  TeamTreeNode,
  UpdateTeamInput,
} from './teams.schema.ts';
import { containsPattern } from '../../platform/http/schemas.ts';
import { inTeams, ledTeamIds } from './team-scope.ts';

type TeamRow = Selectable<TeamsTable> & {
  org_name: string;
  parent_name: string | null;
  leader_name: string | null;
  member_count: number;
  pending_count: number;
};

const tierRank = (tier: string) => TEAM_TIERS.indexOf(tier as TeamTier);

export function selectTeams(tx: Tx) {
  return (
    tx
      .selectFrom('teams as t')
      .leftJoin('teams as p', 'p.id', 't.parent_id')
      .selectAll('t')
      // the org may be above the caller's scope (an institute's 大队 seen from a station)
      .select([sql<string>`org_name(t.org_id)`.as('org_name'), 'p.name as parent_name'])
      .select([
        // public team facts, also for teams above the caller's scope
        sql<string | null>`team_leader_name(t.id)`.as('leader_name'),
        sql<number>`team_member_count(t.id)`.as('member_count'),
        sql<number>`(SELECT count(*) FROM team_members m WHERE m.team_id = t.id AND m.status = 'pending')::int`.as(
          'pending_count',
        ),
      ])
  );
}

export function teamListItemOf(row: TeamRow): TeamListItem {
  return {
    id: row.id,
    name: row.name,
    tier: row.tier as TeamListItem['tier'],
    kind: row.kind as TeamListItem['kind'],
    orgId: row.org_id,
    orgName: row.org_name,
    parentId: row.parent_id,
    parentName: row.parent_name,
    platform: row.platform as TeamListItem['platform'],
    responsibleUnit: row.responsible_unit,
    yearlyServiceTarget: row.yearly_service_target,
    serviceCategories: row.service_categories,
    leaderName: row.leader_name,
    memberCount: row.member_count,
    pendingCount: row.pending_count,
    acceptingApplications: row.accepting_applications,
    status: row.status as TeamListItem['status'],
  };
}

export async function findTeam(tx: Tx, id: number): Promise<TeamRow> {
  const row = (await selectTeams(tx).where('t.id', '=', id).executeTakeFirst()) as TeamRow | undefined;
  if (!row) throw new NotFound('队伍不存在或不在您的数据范围内');
  return row;
}

/** A team the caller may read: any visible one, for a team leader only one of their teams. */
export async function findVisibleTeam(tx: Tx, actor: Actor, id: number): Promise<TeamRow> {
  const row = await findTeam(tx, id);
  const teams = await ledTeamIds(tx, actor);
  if (teams && !teams.includes(row.id)) throw new NotFound('队伍不存在或不在您的数据范围内');
  return row;
}

/**
 * A team the caller manages: in their own subtree (teams above are visible, not manageable); for a
 * team leader, one of their teams.
 */
export async function findManagedTeam(tx: Tx, actor: Actor, id: number): Promise<TeamRow> {
  const row = await findVisibleTeam(tx, actor, id);
  if (!inActorScope(actor, row.org_path)) throw new NotFound('队伍不存在或不在您的数据范围内');
  return row;
}

export function createTeamsService(ctx: AppContext) {
  const run = <T>(actor: Actor, work: (tx: Tx) => Promise<T>) => inScope(ctx.db.app, actor, work);

  const audit = (tx: Tx, actor: Actor, action: string, team: AuditTarget, summary = {}) =>
    auditAction(tx, actor, action, 'team', team, summary, ctx.now());

  async function detail(tx: Tx, id: number, actor?: Actor): Promise<TeamDetail> {
    const row = actor ? await findVisibleTeam(tx, actor, id) : await findTeam(tx, id);
    const deputies = await tx
      .selectFrom('team_members as m')
      .innerJoin('volunteers as v', 'v.id', 'm.volunteer_id')
      .select(['v.id as volunteerId', 'v.name'])
      .where('m.team_id', '=', id)
      .where('m.role', '=', 'deputy')
      .where('m.status', '=', 'active')
      .orderBy('m.id')
      .execute();
    return {
      ...teamListItemOf(row),
      description: row.description,
      foundedOn: row.founded_on,
      deputies,
      createdAt: isoTimestamp(row.created_at),
      updatedAt: isoTimestamp(row.updated_at),
    };
  }

  /** The parent must be an active team of the same org or one above it, on a higher tier. */
  async function checkParent(tx: Tx, parentId: number, orgPath: string, tier: string, selfId?: number) {
    const parent = await findTeam(tx, parentId);
    if (parent.status !== 'active') throw new Invalid('上级队伍已解散', 'PARENT_DISSOLVED');
    if (!(orgPath === parent.org_path || orgPath.startsWith(`${parent.org_path}.`))) {
      throw new Invalid('上级队伍应属于本单位或上级单位', 'PARENT_OUT_OF_LINE');
    }
    if (tierRank(parent.tier) >= tierRank(tier)) {
      throw new Invalid(
        `${TEAM_TIER_LABELS[tier as TeamTier]}不能隶属于${TEAM_TIER_LABELS[parent.tier as TeamTier]}（上级队伍层级应更高）`,
        'ILLEGAL_TIER',
      );
    }
    if (selfId !== undefined) {
      const { rows } = await sql<{ id: number }>`
        WITH RECURSIVE up AS (
          SELECT id, parent_id FROM teams WHERE id = ${parentId}
          UNION ALL SELECT t.id, t.parent_id FROM teams t JOIN up ON t.id = up.parent_id)
        SELECT id FROM up WHERE id = ${selfId}`.execute(tx);
      if (rows.length > 0) throw new Invalid('不能把队伍挂到自己的下级队伍下', 'TEAM_CYCLE');
    }
  }

  function checkProfessional(
    kind: string | undefined,
    unit: string | null | undefined,
    target: number | null | undefined,
  ) {
    if (kind !== 'professional') return;
    if (!unit) throw new Invalid('专业志愿服务队须填写责任单位', 'RESPONSIBLE_UNIT_REQUIRED');
    if (target === null || target === undefined)
      throw new Invalid('专业志愿服务队须填写年度服务目标', 'TARGET_REQUIRED');
  }

  const columns = (input: UpdateTeamInput) => ({
    parent_id: input.parentId,
    name: input.name,
    tier: input.tier,
    kind: input.kind,
    platform: input.platform,
    responsible_unit: input.responsibleUnit,
    yearly_service_target: input.yearlyServiceTarget,
    service_categories: input.serviceCategories,
    description: input.description,
    founded_on: input.foundedOn,
    accepting_applications: input.acceptingApplications,
  });

  async function uniqueName<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if ((error as { code?: string }).code === '23505')
        throw new Conflict('本单位已有同名队伍', 'DUPLICATE_TEAM_NAME');
      throw error;
    }
  }

  return {
    async tree(actor: Actor, orgId?: number): Promise<TeamTreeNode[]> {
      return run(actor, async (tx) => {
        let q = selectTeams(tx).where(sql<boolean>`t.org_path <@ ${actor.orgPath}::ltree`);
        const teams = await ledTeamIds(tx, actor);
        if (teams) q = q.where(inTeams('t.id', teams));
        if (orgId) q = q.where(sql<boolean>`t.org_path <@ (SELECT path FROM orgs WHERE id = ${orgId})`);
        const rows = (await q
          .orderBy(sql`string_to_array(t.org_path::text, '.')::bigint[]`)
          .orderBy('t.id')
          .execute()) as TeamRow[];
        const nodes = new Map<number, TeamTreeNode>();
        for (const r of rows) {
          nodes.set(r.id, {
            id: r.id,
            name: r.name,
            tier: r.tier as TeamTier,
            kind: r.kind as TeamTreeNode['kind'],
            orgName: r.org_name,
            memberCount: r.member_count,
            status: r.status as TeamTreeNode['status'],
            children: [],
          });
        }
        const roots: TeamTreeNode[] = [];
        for (const r of rows) {
          const parent = r.parent_id === null ? undefined : nodes.get(r.parent_id);
          (parent ? parent.children : roots).push(nodes.get(r.id)!);
        }
        return roots;
      });
    },

    async list(actor: Actor, q: TeamListQuery) {
      return run(actor, async (tx) => {
        let base = selectTeams(tx).where(sql<boolean>`t.org_path <@ ${actor.orgPath}::ltree`);
        const teams = await ledTeamIds(tx, actor);
        if (teams) base = base.where(inTeams('t.id', teams));
        if (q.keyword) {
          const like = containsPattern(q.keyword);
          base = base.where((eb) =>
            eb.or([eb('t.name', 'ilike', like), eb('t.responsible_unit', 'ilike', like)]),
          );
        }
        if (q.orgId)
          base = base.where(sql<boolean>`t.org_path <@ (SELECT path FROM orgs WHERE id = ${q.orgId})`);
        if (q.tier) base = base.where('t.tier', '=', q.tier);
        if (q.kind) base = base.where('t.kind', '=', q.kind);
        if (q.status) base = base.where('t.status', '=', q.status);
        const ordered = base
          .orderBy(sql`array_position(ARRAY['corps','brigade','squadron','squad','detachment'], t.tier)`)
          .orderBy('t.id');
        const { rows, total } = await pageOf(ordered, q);
        return { items: rows.map((r) => teamListItemOf(r as TeamRow)), total };
      });
    },

    get: (actor: Actor, id: number) => run(actor, (tx) => detail(tx, id, actor)),

    async create(actor: Actor, input: TeamInput) {
      checkProfessional(input.kind, input.responsibleUnit, input.yearlyServiceTarget);
      const now = ctx.now();
      return run(actor, async (tx) => {
        const org = await tx
          .selectFrom('orgs')
          .select(['id', 'path', 'status'])
          .where('id', '=', input.orgId)
          .executeTakeFirst();
        if (!org || !inActorScope(actor, org.path)) throw new NotFound('所属单位不存在或不在您的数据范围内');
        if (org.status !== 'active') throw new Invalid('所属单位已归档', 'ORG_ARCHIVED');
        if (input.parentId) await checkParent(tx, input.parentId, org.path, input.tier);
        const row = await uniqueName(() =>
          tx
            .insertInto('teams')
            .values({
              ...columns(input),
              name: input.name,
              tier: input.tier,
              kind: input.kind,
              org_id: org.id,
              org_path: org.path,
              created_at: now,
              updated_at: now,
            })
            .returning(['id', 'org_id', 'org_path'])
            .executeTakeFirstOrThrow(),
        );
        await audit(tx, actor, 'team.create', row, { name: input.name, tier: input.tier, kind: input.kind });
        return detail(tx, row.id);
      });
    },

    async update(actor: Actor, id: number, input: UpdateTeamInput) {
      const now = ctx.now();
      return run(actor, async (tx) => {
        const team = await findManagedTeam(tx, actor, id);
        const tier = input.tier ?? team.tier;
        const kind = input.kind ?? team.kind;
        checkProfessional(
          kind,
          input.responsibleUnit !== undefined ? input.responsibleUnit : team.responsible_unit,
          input.yearlyServiceTarget !== undefined ? input.yearlyServiceTarget : team.yearly_service_target,
        );
        const parentId = input.parentId !== undefined ? input.parentId : team.parent_id;
        if (parentId && (input.parentId !== undefined || input.tier !== undefined)) {
          await checkParent(tx, parentId, team.org_path, tier, id);
        }
        if (input.tier !== undefined) {
          const child = await tx
            .selectFrom('teams')
            .select(['tier'])
            .where('parent_id', '=', id)
            .where('status', '=', 'active')
            .execute();
          if (child.some((c) => tierRank(c.tier) <= tierRank(tier))) {
            throw new Invalid('下级队伍的层级须低于本队伍，请先调整下级队伍', 'ILLEGAL_TIER');
          }
        }
        await uniqueName(() =>
          tx
            .updateTable('teams')
            .set({ ...columns(input), updated_at: now })
            .where('id', '=', id)
            .execute(),
        );
        await audit(tx, actor, 'team.update', team, { fields: Object.keys(input) });
        return detail(tx, id);
      });
    },

    async dissolve(actor: Actor, id: number) {
      const now = ctx.now();
      return run(actor, async (tx) => {
        const team = await findManagedTeam(tx, actor, id);
        if (team.status === 'dissolved') throw new Conflict('队伍已解散', 'TEAM_DISSOLVED');
        const child = await tx
          .selectFrom('teams')
          .select('id')
          .where('parent_id', '=', id)
          .where('status', '=', 'active')
          .executeTakeFirst();
        if (child) throw new Conflict('该队伍还有下级队伍，请先解散或调整下级队伍', 'TEAM_HAS_CHILDREN');
        await tx
          .updateTable('team_members')
          .set({ status: 'left', left_at: now })
          .where('team_id', '=', id)
          .where('status', 'in', ['pending', 'active'])
          .execute();
        await tx
          .updateTable('teams')
          .set({ status: 'dissolved', accepting_applications: false, updated_at: now })
          .where('id', '=', id)
          .execute();
        await audit(tx, actor, 'team.dissolve', team, { members: team.member_count });
        return detail(tx, id);
      });
    },
  };
}
