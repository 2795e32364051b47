// Owns the project library (项目库): volunteer service projects of an org for one year, with a
// responsible team or unit, a yearly target, and the lifecycle 确立 → 招募 → 实施 → 评估 → 优化
// (PROJECT_TRANSITIONS in contracts) recorded in project_status_history. A project belongs to
// its owner org; that org's subtree admins manage it. Projects of the orgs above are visible
// (a station runs the centre's "文明实践365" projects) but read-only.
import { sql, type Selectable } from 'kysely';
import { projectTransitionError, type ProjectStatus } from '@civic/contracts';
import { auditAction, inActorScope, type Actor, type AuditTarget } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Tx } from '../../platform/db/database.ts';
import { pageOf } from '../../platform/db/paging.ts';
import type { ProjectsTable } from '../../platform/db/schema.ts';
import { Conflict, Invalid, NotFound } from '../../platform/errors.ts';
import { isoTimestamp } from '../../platform/time.ts';
import { findTeam } from '../teams/index.ts';
import type {
  ProjectDetail,
  ProjectInput,
  ProjectListItem,
  ProjectListQuery,
  UpdateProjectInput,
} from './projects.schema.ts';
import { containsPattern } from '../../platform/http/schemas.ts';

export type ProjectRow = Selectable<ProjectsTable> & {
  owner_org_name: string;
  team_name: string | null;
  menu_item_count: number;
};

const NOT_FOUND = '项目不存在或不在您的数据范围内';

/** The audit target of an object owned by an org (projects and menu items name it owner_org_id). */
export type OwnedRow = { id: number; owner_org_id: number; org_path: string };
export const ownedTarget = (row: OwnedRow): AuditTarget => ({
  id: row.id,
  org_id: row.owner_org_id,
  org_path: row.org_path,
});

function selectProjects(tx: Tx) {
  return (
    tx
      .selectFrom('projects as p')
      .leftJoin('teams as t', 't.id', 'p.responsible_team_id')
      .selectAll('p')
      // the owner may be above the caller's scope (the centre's projects seen from a station)
      .select([sql<string>`org_name(p.owner_org_id)`.as('owner_org_name'), 't.name as team_name'])
      .select(
        sql<number>`(SELECT count(*) FROM menu_items m WHERE m.project_id = p.id)::int`.as('menu_item_count'),
      )
  );
}

function listItemOf(actor: Actor, row: ProjectRow): ProjectListItem {
  return {
    id: row.id,
    name: row.name,
    year: row.year,
    platform: row.platform as ProjectListItem['platform'],
    serviceCategory: row.service_category as ProjectListItem['serviceCategory'],
    ownerOrgId: row.owner_org_id,
    ownerOrgName: row.owner_org_name,
    responsibleTeamId: row.responsible_team_id,
    responsibleTeamName: row.team_name,
    responsibleUnit: row.responsible_unit,
    yearlyTarget: row.yearly_target,
    status: row.status as ProjectStatus,
    copiedFromId: row.copied_from_id,
    menuItemCount: row.menu_item_count,
    editable: inActorScope(actor, row.org_path),
  };
}

/** A project the caller can see: their subtree's and those of the orgs above. */
export async function findProject(tx: Tx, id: number): Promise<ProjectRow> {
  const row = (await selectProjects(tx).where('p.id', '=', id).executeTakeFirst()) as ProjectRow | undefined;
  if (!row) throw new NotFound(NOT_FOUND);
  return row;
}

async function findManagedProject(tx: Tx, actor: Actor, id: number): Promise<ProjectRow> {
  const row = await findProject(tx, id);
  if (!inActorScope(actor, row.org_path)) throw new NotFound(NOT_FOUND);
  return row;
}

/** An active org in the caller's subtree that may own projects or menu items. */
export async function findOwnerOrg(tx: Tx, actor: Actor, orgId: number) {
  const org = await tx
    .selectFrom('orgs')
    .select(['id', 'path', 'kind', 'status'])
    .where('id', '=', orgId)
    .executeTakeFirst();
  if (!org || !inActorScope(actor, org.path)) throw new NotFound('所属单位不存在或不在您的数据范围内');
  if (org.status !== 'active') throw new Invalid('所属单位已归档', 'ORG_ARCHIVED');
  return org;
}

async function checkTeam(tx: Tx, teamId: number) {
  const team = await findTeam(tx, teamId);
  if (team.status !== 'active') throw new Invalid('负责队伍已解散', 'TEAM_DISSOLVED');
}

async function uniqueName<T>(message: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw new Conflict(message, 'DUPLICATE_PROJECT_NAME');
    throw error;
  }
}

const columns = (input: UpdateProjectInput) => ({
  name: input.name,
  year: input.year,
  platform: input.platform,
  service_category: input.serviceCategory,
  responsible_team_id: input.responsibleTeamId,
  responsible_unit: input.responsibleUnit,
  description: input.description,
  target_groups: input.targetGroups,
  yearly_target: input.yearlyTarget,
});

export function createProjectsService(ctx: AppContext) {
  const run = <T>(actor: Actor, work: (tx: Tx) => Promise<T>) => inScope(ctx.db.app, actor, work);

  const audit = (tx: Tx, actor: Actor, action: string, project: OwnedRow, summary = {}) =>
    auditAction(tx, actor, action, 'project', ownedTarget(project), summary, ctx.now());

  async function detail(tx: Tx, actor: Actor, id: number): Promise<ProjectDetail> {
    const row = await findProject(tx, id);
    const history = await tx
      .selectFrom('project_status_history as h')
      // names of staff outside the caller's scope stay hidden
      .leftJoin('users as u', 'u.id', 'h.changed_by')
      .select(['h.from_status', 'h.to_status', 'h.note', 'h.changed_at', 'u.display_name'])
      .where('h.project_id', '=', id)
      .orderBy('h.id')
      .execute();
    return {
      ...listItemOf(actor, row),
      description: row.description,
      targetGroups: row.target_groups,
      history: history.map((h) => ({
        fromStatus: h.from_status as ProjectStatus | null,
        toStatus: h.to_status as ProjectStatus,
        note: h.note,
        changedByName: h.display_name,
        changedAt: isoTimestamp(h.changed_at),
      })),
      createdAt: isoTimestamp(row.created_at),
      updatedAt: isoTimestamp(row.updated_at),
    };
  }

  async function recordStatus(
    tx: Tx,
    actor: Actor,
    project: { id: number; org_path: string },
    from: ProjectStatus | null,
    to: ProjectStatus,
    note: string | null,
  ) {
    await tx
      .insertInto('project_status_history')
      .values({
        project_id: project.id,
        org_path: project.org_path,
        from_status: from,
        to_status: to,
        note,
        changed_by: actor.userId,
        changed_at: ctx.now(),
      })
      .execute();
  }

  return {
    async list(actor: Actor, q: ProjectListQuery) {
      return run(actor, async (tx) => {
        let base = selectProjects(tx).where(
          sql<boolean>`(p.org_path <@ ${actor.orgPath}::ltree OR ${actor.orgPath}::ltree <@ p.org_path)`,
        );
        if (q.keyword) {
          const like = containsPattern(q.keyword);
          base = base.where((eb) =>
            eb.or([
              eb('p.name', 'ilike', like),
              eb('p.responsible_unit', 'ilike', like),
              eb('p.description', 'ilike', like),
            ]),
          );
        }
        if (q.year) base = base.where('p.year', '=', q.year);
        if (q.platform) base = base.where('p.platform', '=', q.platform);
        if (q.status) base = base.where('p.status', '=', q.status);
        if (q.orgId) {
          // the org's own projects (also an org above) or its subtree's
          base = base.where(
            sql<boolean>`(p.owner_org_id = ${q.orgId} OR p.org_path <@ (SELECT path FROM orgs WHERE id = ${q.orgId}))`,
          );
        }
        const ordered = base
          .orderBy('p.year', 'desc')
          .orderBy(sql`nlevel(p.org_path)`)
          .orderBy('p.id');
        const { rows, total } = await pageOf(ordered, q);
        return { items: rows.map((r) => listItemOf(actor, r as ProjectRow)), total };
      });
    },

    get: (actor: Actor, id: number) => run(actor, (tx) => detail(tx, actor, id)),

    async create(actor: Actor, input: ProjectInput) {
      const now = ctx.now();
      return run(actor, async (tx) => {
        const org = await findOwnerOrg(tx, actor, input.ownerOrgId ?? actor.orgId);
        if (input.responsibleTeamId) await checkTeam(tx, input.responsibleTeamId);
        const row = await uniqueName(`本单位 ${input.year} 年已有同名项目`, () =>
          tx
            .insertInto('projects')
            .values({
              ...columns(input),
              name: input.name,
              year: input.year,
              owner_org_id: org.id,
              org_path: org.path,
              status: 'established',
              created_at: now,
              updated_at: now,
            })
            .returning(['id', 'owner_org_id', 'org_path'])
            .executeTakeFirstOrThrow(),
        );
        await recordStatus(tx, actor, row, null, 'established', null);
        await audit(tx, actor, 'project.create', row, { name: input.name, year: input.year });
        return detail(tx, actor, row.id);
      });
    },

    async update(actor: Actor, id: number, input: UpdateProjectInput) {
      const now = ctx.now();
      return run(actor, async (tx) => {
        const project = await findManagedProject(tx, actor, id);
        if (input.responsibleTeamId && input.responsibleTeamId !== project.responsible_team_id)
          await checkTeam(tx, input.responsibleTeamId);
        await uniqueName(`本单位 ${input.year ?? project.year} 年已有同名项目`, () =>
          tx
            .updateTable('projects')
            .set({ ...columns(input), updated_at: now })
            .where('id', '=', id)
            .execute(),
        );
        await audit(tx, actor, 'project.update', project, { fields: Object.keys(input) });
        return detail(tx, actor, id);
      });
    },

    async changeStatus(actor: Actor, id: number, to: ProjectStatus, note?: string) {
      const now = ctx.now();
      return run(actor, async (tx) => {
        const project = await findManagedProject(tx, actor, id);
        const from = project.status as ProjectStatus;
        const illegal = projectTransitionError(from, to);
        if (illegal) throw new Conflict(illegal, 'ILLEGAL_TRANSITION');
        // only from the status just read: a concurrent change makes this one fail, not skip a stage
        const changed = await tx
          .updateTable('projects')
          .set({ status: to, updated_at: now })
          .where('id', '=', id)
          .where('status', '=', from)
          .executeTakeFirst();
        if (Number(changed.numUpdatedRows) !== 1)
          throw new Conflict('项目状态已被他人修改，请刷新后重试', 'STALE_STATUS');
        await recordStatus(tx, actor, project, from, to, note || null);
        await audit(tx, actor, 'project.status', project, { from, to });
        return detail(tx, actor, id);
      });
    },

    /** The same project for another year, starting again at 确立项目. */
    async copy(actor: Actor, id: number, year: number) {
      const now = ctx.now();
      return run(actor, async (tx) => {
        const source = await findManagedProject(tx, actor, id);
        const row = await uniqueName(`本单位 ${year} 年已有同名项目“${source.name}”`, () =>
          tx
            .insertInto('projects')
            .values({
              owner_org_id: source.owner_org_id,
              org_path: source.org_path,
              name: source.name,
              year,
              platform: source.platform,
              service_category: source.service_category,
              responsible_team_id: source.responsible_team_id,
              responsible_unit: source.responsible_unit,
              description: source.description,
              target_groups: source.target_groups,
              yearly_target: source.yearly_target,
              status: 'established',
              copied_from_id: source.id,
              created_at: now,
              updated_at: now,
            })
            .returning(['id', 'owner_org_id', 'org_path'])
            .executeTakeFirstOrThrow(),
        );
        await recordStatus(tx, actor, row, null, 'established', `由 ${source.year} 年项目复制`);
        await audit(tx, actor, 'project.copy', row, { fromId: source.id, year });
        return detail(tx, actor, row.id);
      });
    },
  };
}
