// Owns the service menu (服务清单): items published by the centre, an institute or a station, each
// tied to a project of its org or one above, with a service area — the subtree whose residents may
// order it (the owner org or below). Staff manage the items of their own subtree and see those of
// the orgs above; residents read the published items that cover their village, without a session.
import { sql, type Selectable } from 'kysely';
import { SERVICE_CATEGORIES, type ServiceCategory } from '@civic/contracts';
import { auditAction, inActorScope, type Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Tx } from '../../platform/db/database.ts';
import { pageOf } from '../../platform/db/paging.ts';
import type { MenuItemsTable } from '../../platform/db/schema.ts';
import { Conflict, Invalid, NotFound } from '../../platform/errors.ts';
import { isoTimestamp } from '../../platform/time.ts';
import type {
  MenuItemInput,
  MenuItemView,
  MenuListQuery,
  PublicMenu,
  UpdateMenuItemInput,
} from './projects.schema.ts';
import { findOwnerOrg, findProject, ownedTarget, type OwnedRow } from './projects.service.ts';
import { containsPattern } from '../../platform/http/schemas.ts';

type MenuItemRow = Selectable<MenuItemsTable> & {
  owner_org_name: string;
  area_org_name: string;
  project_name: string | null;
};

const NOT_FOUND = '服务项目不存在或不在您的数据范围内';
/** Residents order for a village; a service area is a whole centre, institute or station subtree. */
const AREA_KINDS = ['center', 'institute', 'station'];
const within = (path: string, root: string) => path === root || path.startsWith(`${root}.`);
const categoryOrder = sql`array_position(${sql.val(SERVICE_CATEGORIES)}::text[], m.service_category)`;

function selectMenuItems(tx: Tx) {
  return (
    tx
      .selectFrom('menu_items as m')
      .leftJoin('projects as p', 'p.id', 'm.project_id')
      .selectAll('m')
      // owner and area may be above the caller's scope (the centre's county-wide items)
      .select([
        sql<string>`org_name(m.owner_org_id)`.as('owner_org_name'),
        sql<string>`org_name(m.area_org_id)`.as('area_org_name'),
        'p.name as project_name',
      ])
  );
}

function viewOf(actor: Actor, row: MenuItemRow): MenuItemView {
  return {
    id: row.id,
    title: row.title,
    serviceCategory: row.service_category as ServiceCategory,
    skills: row.skills,
    description: row.description,
    projectId: row.project_id,
    projectName: row.project_name,
    ownerOrgId: row.owner_org_id,
    ownerOrgName: row.owner_org_name,
    areaOrgId: row.area_org_id,
    areaOrgName: row.area_org_name,
    typicalMinutes: row.typical_minutes,
    volunteersNeeded: row.volunteers_needed,
    status: row.status as MenuItemView['status'],
    editable: inActorScope(actor, row.org_path),
    createdAt: isoTimestamp(row.created_at),
    updatedAt: isoTimestamp(row.updated_at),
  };
}

async function findItem(tx: Tx, id: number): Promise<MenuItemRow> {
  const row = (await selectMenuItems(tx).where('m.id', '=', id).executeTakeFirst()) as
    MenuItemRow | undefined;
  if (!row) throw new NotFound(NOT_FOUND);
  return row;
}

async function findManagedItem(tx: Tx, actor: Actor, id: number): Promise<MenuItemRow> {
  const row = await findItem(tx, id);
  if (!inActorScope(actor, row.org_path)) throw new NotFound(NOT_FOUND);
  return row;
}

/** The service area: the owner org itself or an org below it, where residents live. */
async function checkArea(tx: Tx, areaOrgId: number, ownerPath: string) {
  const area = await tx
    .selectFrom('orgs')
    .select(['id', 'path', 'kind', 'status'])
    .where('id', '=', areaOrgId)
    .executeTakeFirst();
  if (!area) throw new NotFound('服务范围单位不存在或不在您的数据范围内');
  if (!within(area.path, ownerPath))
    throw new Invalid('服务范围应为发布单位本身或其下级单位', 'AREA_OUTSIDE_OWNER');
  if (!AREA_KINDS.includes(area.kind))
    throw new Invalid('服务范围应为中心、实践所或村（社区）实践站', 'AREA_KIND');
  if (area.status !== 'active') throw new Invalid('服务范围单位已归档', 'ORG_ARCHIVED');
  return area;
}

/** The project must be the owner org's or one of an org above it. */
async function checkProject(tx: Tx, projectId: number, ownerPath: string) {
  const project = await findProject(tx, projectId);
  if (!within(ownerPath, project.org_path))
    throw new Invalid('关联项目应属于发布单位或其上级单位', 'PROJECT_OUT_OF_LINE');
}

export function createMenuService(ctx: AppContext) {
  const run = <T>(actor: Actor, work: (tx: Tx) => Promise<T>) => inScope(ctx.db.app, actor, work);

  const audit = (tx: Tx, actor: Actor, action: string, item: OwnedRow, summary = {}) =>
    auditAction(tx, actor, action, 'menu_item', ownedTarget(item), summary, ctx.now());

  const view = async (tx: Tx, actor: Actor, id: number) => viewOf(actor, await findItem(tx, id));

  async function setStatus(actor: Actor, id: number, to: 'published' | 'withdrawn') {
    const now = ctx.now();
    return run(actor, async (tx) => {
      const item = await findManagedItem(tx, actor, id);
      const changed = await tx
        .updateTable('menu_items')
        .set({ status: to, updated_at: now })
        .where('id', '=', id)
        .where('status', '<>', to)
        .executeTakeFirst();
      if (Number(changed.numUpdatedRows) !== 1) {
        throw to === 'withdrawn'
          ? new Conflict('该服务项目已下架', 'ALREADY_WITHDRAWN')
          : new Conflict('该服务项目已在清单中', 'ALREADY_PUBLISHED');
      }
      await audit(tx, actor, to === 'withdrawn' ? 'menu_item.withdraw' : 'menu_item.publish', item, {
        title: item.title,
      });
      return view(tx, actor, id);
    });
  }

  return {
    async list(actor: Actor, q: MenuListQuery) {
      return run(actor, async (tx) => {
        let base = selectMenuItems(tx).where(
          sql<boolean>`(m.org_path <@ ${actor.orgPath}::ltree OR ${actor.orgPath}::ltree <@ m.org_path)`,
        );
        if (q.keyword) {
          const like = containsPattern(q.keyword);
          base = base.where((eb) =>
            eb.or([eb('m.title', 'ilike', like), eb('m.description', 'ilike', like)]),
          );
        }
        if (q.serviceCategory) base = base.where('m.service_category', '=', q.serviceCategory);
        if (q.status) base = base.where('m.status', '=', q.status);
        if (q.projectId) base = base.where('m.project_id', '=', q.projectId);
        if (q.orgId) {
          base = base.where(
            sql<boolean>`(m.owner_org_id = ${q.orgId} OR m.org_path <@ (SELECT path FROM orgs WHERE id = ${q.orgId}))`,
          );
        }
        const ordered = base
          .orderBy(categoryOrder)
          .orderBy(sql`nlevel(m.org_path)`)
          .orderBy('m.id');
        const { rows, total } = await pageOf(ordered, q);
        return { items: rows.map((r) => viewOf(actor, r as MenuItemRow)), total };
      });
    },

    get: (actor: Actor, id: number) => run(actor, (tx) => view(tx, actor, id)),

    async create(actor: Actor, input: MenuItemInput) {
      const now = ctx.now();
      return run(actor, async (tx) => {
        const owner = await findOwnerOrg(tx, actor, input.ownerOrgId ?? actor.orgId);
        const area = await checkArea(tx, input.areaOrgId, owner.path);
        if (input.projectId) await checkProject(tx, input.projectId, owner.path);
        const row = await tx
          .insertInto('menu_items')
          .values({
            owner_org_id: owner.id,
            org_path: owner.path,
            project_id: input.projectId ?? null,
            title: input.title,
            service_category: input.serviceCategory,
            skills: input.skills,
            description: input.description ?? null,
            area_org_id: area.id,
            area_path: area.path,
            typical_minutes: input.typicalMinutes,
            volunteers_needed: input.volunteersNeeded,
            status: 'published',
            created_at: now,
            updated_at: now,
          })
          .returning(['id', 'owner_org_id', 'org_path'])
          .executeTakeFirstOrThrow();
        await audit(tx, actor, 'menu_item.create', row, { title: input.title, areaOrgId: area.id });
        return view(tx, actor, row.id);
      });
    },

    async update(actor: Actor, id: number, input: UpdateMenuItemInput) {
      const now = ctx.now();
      return run(actor, async (tx) => {
        const item = await findManagedItem(tx, actor, id);
        const area =
          input.areaOrgId === undefined ? undefined : await checkArea(tx, input.areaOrgId, item.org_path);
        if (input.projectId && input.projectId !== item.project_id)
          await checkProject(tx, input.projectId, item.org_path);
        await tx
          .updateTable('menu_items')
          .set({
            project_id: input.projectId,
            title: input.title,
            service_category: input.serviceCategory,
            skills: input.skills,
            description: input.description,
            area_org_id: area?.id,
            area_path: area?.path,
            typical_minutes: input.typicalMinutes,
            volunteers_needed: input.volunteersNeeded,
            updated_at: now,
          })
          .where('id', '=', id)
          .execute();
        await audit(tx, actor, 'menu_item.update', item, { fields: Object.keys(input) });
        return view(tx, actor, id);
      });
    },

    withdraw: (actor: Actor, id: number) => setStatus(actor, id, 'withdrawn'),
    publish: (actor: Actor, id: number) => setStatus(actor, id, 'published'),

    /**
     * The menu a resident of one village may order from: the published items whose area covers the
     * village, by service category, the most local first. There is no session and so no scope: it
     * runs on the system connection and returns only the public fields.
     */
    async publicMenu(orgId: number): Promise<PublicMenu> {
      const db = ctx.db.system;
      const station = await db
        .selectFrom('orgs')
        .select(['id', 'name', 'path', 'kind', 'status'])
        .where('id', '=', orgId)
        .executeTakeFirst();
      if (!station || station.status !== 'active') throw new NotFound('未找到该村（社区）实践站');
      if (station.kind !== 'station')
        throw new Invalid('请选择所在村（社区）的新时代文明实践站', 'NOT_A_STATION');
      const items = await db
        .selectFrom('menu_items as m')
        .innerJoin('orgs as o', 'o.id', 'm.owner_org_id')
        .leftJoin('projects as p', 'p.id', 'm.project_id')
        .select([
          'm.id',
          'm.title',
          'm.description',
          'm.service_category',
          'm.typical_minutes',
          'm.volunteers_needed',
          'o.name as owner_org_name',
          'p.name as project_name',
        ])
        .where('m.status', '=', 'published')
        .where(sql<boolean>`m.area_path @> ${station.path}::ltree`)
        .orderBy(categoryOrder)
        .orderBy(sql`nlevel(m.area_path)`, 'desc')
        .orderBy('m.id')
        .execute();
      return {
        orgId: station.id,
        orgName: station.name,
        items: items.map((m) => ({
          id: m.id,
          title: m.title,
          description: m.description,
          serviceCategory: m.service_category as ServiceCategory,
          typicalMinutes: m.typical_minutes,
          volunteersNeeded: m.volunteers_needed,
          ownerOrgName: m.owner_org_name,
          projectName: m.project_name,
        })),
      };
    },
  };
}
