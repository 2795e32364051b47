// Owns the organisation network: centre → institutes → stations → points, plus posts and bases,
// kept as an ltree so a unit's subtree (its data scope) is one indexed `<@` away. All work runs on
// the application connection inside the caller's scope, so row-level security and these checks
// both keep a unit inside its own subtree.
import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import {
  checkCreditCode,
  ORG_CHILD_KINDS,
  ORG_KIND_LABELS,
  ORG_KIND_SHORT_LABELS,
  type OrgKind,
} from '@civic/contracts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Tx } from '../../platform/db/database.ts';
import type { OrgsTable } from '../../platform/db/schema.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/errors.ts';
import { maskedPhone, sealPhone } from '../../platform/personal-data.ts';
import { isoTimestamp } from '../../platform/time.ts';
import type { Selectable } from 'kysely';
import type { CreateOrgInput, OrgListQuery, OrgTreeNode, OrgView, UpdateOrgInput } from './orgs.schema.ts';
import { containsPattern } from '../../platform/http/schemas.ts';

type OrgRow = Selectable<OrgsTable> & { child_count: number };

/**
 * Depth-first tree order. ltree compares labels as text ("1.10" before "1.2"), so the path's ids
 * are compared as numbers: parents before children, siblings in the order they were created.
 */
const treeOrder = (alias: string) =>
  sql<number[]>`string_to_array(${sql.ref(`${alias}.path`)}::text, '.')::bigint[]`;

export function createOrgsService(ctx: AppContext) {
  const run = <T>(actor: Actor, work: (tx: Tx) => Promise<T>) => inScope(ctx.db.app, actor, work);

  const view = (row: OrgRow): OrgView => ({
    id: row.id,
    parentId: row.parent_id,
    code: row.code,
    name: row.name,
    shortName: row.short_name,
    kind: row.kind as OrgKind,
    status: row.status as OrgView['status'],
    path: row.path,
    depth: row.path.split('.').length,
    residentPopulation: row.resident_population,
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    headName: row.head_name,
    headTitle: row.head_title,
    deputyName: row.deputy_name,
    contactName: row.contact_name,
    contactPhone: maskedPhone(ctx.cipher, row.contact_phone_enc),
    foundedOn: row.founded_on,
    openingHours: row.opening_hours,
    creditCode: row.credit_code,
    creditCodeOverride: row.credit_code_override,
    childCount: row.child_count,
    createdAt: isoTimestamp(row.created_at),
    updatedAt: isoTimestamp(row.updated_at),
  });

  const selectOrgs = (tx: Tx) =>
    tx
      .selectFrom('orgs as o')
      .selectAll('o')
      .select((eb) =>
        eb
          .selectFrom('orgs as c')
          .whereRef('c.parent_id', '=', 'o.id')
          .select(eb.fn.countAll<number>().as('n'))
          .as('child_count'),
      );

  async function findVisible(tx: Tx, id: number): Promise<OrgRow> {
    const row = (await selectOrgs(tx).where('o.id', '=', id).executeTakeFirst()) as OrgRow | undefined;
    if (!row) throw new NotFound('组织不存在或不在您的数据范围内');
    return row;
  }

  function filtered(tx: Tx, q: Omit<OrgListQuery, 'page' | 'pageSize'>) {
    let query = tx.selectFrom('orgs as o');
    if (q.keyword) {
      const like = containsPattern(q.keyword);
      query = query.where((eb) =>
        eb.or([eb('o.name', 'ilike', like), eb('o.code', 'ilike', like), eb('o.short_name', 'ilike', like)]),
      );
    }
    if (q.kind) query = query.where('o.kind', '=', q.kind);
    if (q.status) query = query.where('o.status', '=', q.status);
    if (q.parentId) {
      query = query.where(sql<boolean>`o.path <@ (SELECT p.path FROM orgs p WHERE p.id = ${q.parentId})`);
    }
    return query;
  }

  async function audit(
    tx: Tx,
    actor: Actor,
    action: string,
    org: { id: number; path: string },
    summary: Record<string, unknown>,
  ) {
    await appendAudit(
      tx,
      {
        actor: auditActor(actor),
        action,
        resourceType: 'org',
        resourceId: org.id,
        orgId: org.id,
        orgPath: org.path,
        ip: actor.ip,
        summary,
      },
      ctx.now(),
    );
  }

  /** A code failing the GB 32100 checksum is saved only with the (audited) override. */
  function creditCodeColumns(input: UpdateOrgInput) {
    if (input.creditCode === undefined) return {};
    if (input.creditCode === null || input.creditCode === '') {
      return { credit_code: null, credit_code_override: false };
    }
    const check = checkCreditCode(input.creditCode);
    if (check.ok) return { credit_code: check.normalized, credit_code_override: false };
    if (check.problem === 'FORMAT' || !input.creditCodeOverride)
      throw new Invalid(check.message, 'INVALID_CREDIT_CODE');
    return { credit_code: input.creditCode.trim().toUpperCase(), credit_code_override: true };
  }

  function checkNesting(parentKind: string, kind: OrgKind) {
    if (!ORG_CHILD_KINDS[parentKind as OrgKind].includes(kind)) {
      throw new Conflict(
        `${ORG_KIND_SHORT_LABELS[parentKind as OrgKind]}下不能设立${ORG_KIND_LABELS[kind]}`,
        'ILLEGAL_NESTING',
      );
    }
  }

  function columns(input: UpdateOrgInput) {
    return {
      name: input.name,
      short_name: input.shortName,
      resident_population: input.residentPopulation,
      address: input.address,
      latitude: input.latitude,
      longitude: input.longitude,
      head_name: input.headName,
      head_title: input.headTitle,
      deputy_name: input.deputyName,
      contact_name: input.contactName,
      contact_phone_enc: sealPhone(ctx.cipher, input.contactPhone),
      founded_on: input.foundedOn,
      opening_hours: input.openingHours,
      ...creditCodeColumns(input),
    };
  }

  return {
    async tree(actor: Actor): Promise<OrgTreeNode[]> {
      const rows = await run(actor, (tx) =>
        tx
          .selectFrom('orgs')
          .select(['id', 'parent_id', 'code', 'name', 'short_name', 'kind', 'status'])
          .orderBy(treeOrder('orgs'))
          .execute(),
      );
      const nodes = new Map<number, OrgTreeNode>();
      const roots: OrgTreeNode[] = [];
      for (const r of rows) {
        nodes.set(r.id, {
          id: r.id,
          parentId: r.parent_id,
          code: r.code,
          name: r.name,
          shortName: r.short_name,
          kind: r.kind as OrgKind,
          status: r.status as OrgTreeNode['status'],
          children: [],
        });
      }
      // ordered by path, so a parent is always placed before its children
      for (const r of rows) {
        const node = nodes.get(r.id)!;
        const parent = r.parent_id === null ? undefined : nodes.get(r.parent_id);
        (parent ? parent.children : roots).push(node);
      }
      return roots;
    },

    async list(actor: Actor, q: OrgListQuery): Promise<{ items: OrgView[]; total: number }> {
      return run(actor, async (tx) => {
        const base = filtered(tx, q);
        const { total } = await base
          .select((eb) => eb.fn.countAll<number>().as('total'))
          .executeTakeFirstOrThrow();
        const ids = await base
          .select('o.id')
          .orderBy(treeOrder('o'))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize)
          .execute();
        if (!ids.length) return { items: [], total };
        const rows = (await selectOrgs(tx)
          .where(
            'o.id',
            'in',
            ids.map((r) => r.id),
          )
          .orderBy(treeOrder('o'))
          .execute()) as OrgRow[];
        return { items: rows.map(view), total };
      });
    },

    async get(actor: Actor, id: number): Promise<OrgView> {
      return run(actor, async (tx) => view(await findVisible(tx, id)));
    },

    async create(actor: Actor, input: CreateOrgInput): Promise<OrgView> {
      return run(actor, async (tx) => {
        const parent = await findVisible(tx, input.parentId);
        if (parent.status === 'archived') throw new Conflict('上级组织已归档，不能新增下级');
        checkNesting(parent.kind, input.kind);
        const taken = await tx
          .selectFrom('orgs')
          .select('id')
          .where('code', '=', input.code)
          .executeTakeFirst();
        if (taken) throw new Conflict(`组织编码 ${input.code} 已被使用`, 'DUPLICATE_CODE');
        // the code may belong to an org outside the caller's scope (invisible under RLS); the unique
        // index still refuses it and the error handler answers 409
        const { rows } = await sql<{
          id: number;
        }>`SELECT nextval(pg_get_serial_sequence('orgs', 'id'))::bigint AS id`.execute(tx);
        const id = rows[0]!.id;
        const path = `${parent.path}.${id}`;
        await tx
          .insertInto('orgs')
          .values({
            ...columns(input),
            id,
            parent_id: parent.id,
            path,
            code: input.code,
            name: input.name,
            short_name: input.shortName ?? input.name,
            kind: input.kind,
            created_at: ctx.now(),
            updated_at: ctx.now(),
          })
          .execute();
        await audit(
          tx,
          actor,
          'org.create',
          { id, path },
          { name: input.name, kind: input.kind, parentId: parent.id },
        );
        if (input.creditCodeOverride && input.creditCode) {
          await audit(tx, actor, 'org.credit_code_override', { id, path }, { creditCode: input.creditCode });
        }
        return view(await findVisible(tx, id));
      });
    },

    async update(actor: Actor, id: number, input: UpdateOrgInput): Promise<OrgView> {
      return run(actor, async (tx) => {
        const before = await findVisible(tx, id);
        const set = Object.fromEntries(Object.entries(columns(input)).filter(([, v]) => v !== undefined));
        if (Object.keys(set).length === 0) throw new Invalid('没有需要修改的内容');
        await tx
          .updateTable('orgs')
          .set({ ...set, updated_at: ctx.now() })
          .where('id', '=', id)
          .execute();
        if (set.credit_code_override === true) {
          await audit(tx, actor, 'org.credit_code_override', before, { creditCode: set.credit_code });
        }
        const changed = Object.keys(input).filter((k) => k !== 'contactPhone');
        await audit(tx, actor, 'org.update', before, {
          fields: input.contactPhone !== undefined ? [...changed, 'contactPhone'] : changed,
        });
        return view(await findVisible(tx, id));
      });
    },

    async move(actor: Actor, id: number, newParentId: number): Promise<OrgView> {
      return run(actor, async (tx) => {
        const org = await findVisible(tx, id);
        if (org.id === actor.orgId) throw new Forbidden('不能迁移您本人所属的单位');
        if (org.parent_id === null) throw new Conflict('中心不能迁移');
        const parent = await findVisible(tx, newParentId);
        if (parent.path === org.path || parent.path.startsWith(`${org.path}.`)) {
          throw new Conflict('不能将组织迁移到其自身或其下级单位之下', 'CYCLE');
        }
        if (parent.id === org.parent_id) throw new Conflict('该组织已在此上级之下');
        if (parent.status === 'archived') throw new Conflict('目标上级已归档');
        checkNesting(parent.kind, org.kind as OrgKind);
        const oldPath = org.path;
        // every org path stored elsewhere (org_path in each org-scoped table, and other ltree
        // columns such as a menu item's service area) moves with the subtree
        const columns = await sql<{ table_name: string; column_name: string }>`
          SELECT c.table_name, c.column_name FROM information_schema.columns c
          JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
          WHERE c.table_schema = 'public' AND c.udt_name = 'ltree' AND t.table_type = 'BASE TABLE'
            AND c.table_name <> 'orgs'
            -- the audit log is append-only history: it keeps the path the org had when it happened
            AND c.table_name <> 'audit_log'
          ORDER BY c.table_name, c.column_name`.execute(tx);
        const rebase = (column: string) =>
          sql`${sql.lit(parent.path)}::ltree || subpath(${sql.ref(column)}, nlevel(${sql.lit(oldPath)}::ltree) - 1)`;
        await sql`UPDATE orgs SET path = ${rebase('path')}, updated_at = ${ctx.now()} WHERE path <@ ${oldPath}::ltree`.execute(
          tx,
        );
        await tx.updateTable('orgs').set({ parent_id: parent.id }).where('id', '=', id).execute();
        for (const { table_name, column_name } of columns.rows) {
          const column = sql.ref(column_name);
          await sql`UPDATE ${sql.table(table_name)} SET ${column} = ${rebase(column_name)} WHERE ${column} <@ ${oldPath}::ltree`.execute(
            tx,
          );
        }
        const moved = await findVisible(tx, id);
        await audit(tx, actor, 'org.move', moved, {
          fromParentId: org.parent_id,
          toParentId: parent.id,
          fromPath: oldPath,
          toPath: moved.path,
        });
        return view(moved);
      });
    },

    async setArchived(actor: Actor, id: number, archived: boolean): Promise<OrgView> {
      return run(actor, async (tx) => {
        const org = await findVisible(tx, id);
        if (org.id === actor.orgId) throw new Forbidden('不能归档您本人所属的单位');
        if (archived) {
          if (org.status === 'archived') throw new Conflict('该组织已归档');
          const active = await tx
            .selectFrom('orgs')
            .select('id')
            .where('parent_id', '=', id)
            .where('status', '=', 'active')
            .executeTakeFirst();
          if (active) throw new Conflict('该组织还有未归档的下级单位，请先归档或迁移下级', 'HAS_CHILDREN');
        } else {
          if (org.status === 'active') throw new Conflict('该组织未归档');
          const parent = org.parent_id === null ? null : await findVisible(tx, org.parent_id);
          if (parent?.status === 'archived') throw new Conflict('上级组织已归档，请先恢复上级');
        }
        await tx
          .updateTable('orgs')
          .set({
            status: archived ? 'archived' : 'active',
            archived_at: archived ? ctx.now() : null,
            updated_at: ctx.now(),
          })
          .where('id', '=', id)
          .execute();
        await audit(tx, actor, archived ? 'org.archive' : 'org.restore', org, { name: org.name });
        return view(await findVisible(tx, id));
      });
    },

    async remove(actor: Actor, id: number): Promise<void> {
      await run(actor, async (tx) => {
        const org = await findVisible(tx, id);
        if (org.id === actor.orgId) throw new Forbidden('不能删除您本人所属的单位');
        // existence checks run on the system connection: a child or member outside the caller's
        // view must still block the delete
        const system = ctx.db.system;
        const child = await system
          .selectFrom('orgs')
          .select('id')
          .where('parent_id', '=', id)
          .executeTakeFirst();
        if (child) throw new Conflict('该组织还有下级单位，不能删除', 'HAS_CHILDREN');
        const member = await system
          .selectFrom('users')
          .select('id')
          .where('org_id', '=', id)
          .executeTakeFirst();
        if (member) throw new Conflict('该组织还有账号或成员，不能删除；可改为归档', 'HAS_MEMBERS');
        const records = await system
          .selectFrom('inspections')
          .select('id')
          .where('org_id', '=', id)
          .executeTakeFirst();
        if (records) throw new Conflict('该组织已有阵地检查记录，不能删除；可改为归档', 'HAS_RECORDS');
        await tx.deleteFrom('orgs').where('id', '=', id).execute();
        await audit(tx, actor, 'org.delete', org, { name: org.name, code: org.code });
      });
    },

    async exportXlsx(actor: Actor, q: Omit<OrgListQuery, 'page' | 'pageSize'>): Promise<Buffer> {
      return run(actor, async (tx) => {
        const rows = (await filtered(tx, q)
          .selectAll('o')
          .select((eb) =>
            eb
              .selectFrom('orgs as c')
              .whereRef('c.parent_id', '=', 'o.id')
              .select(eb.fn.countAll<number>().as('n'))
              .as('child_count'),
          )
          .select((eb) =>
            eb
              .selectFrom('orgs as p')
              .whereRef('p.id', '=', 'o.parent_id')
              .select('p.name')
              .as('parent_name'),
          )
          .orderBy(treeOrder('o'))
          .limit(50_000)
          .execute()) as Array<OrgRow & { parent_name: string | null }>;
        const book = new ExcelJS.Workbook();
        book.creator = '文明实践云平台';
        const sheet = book.addWorksheet('组织列表');
        sheet.columns = [
          { header: '编码', key: 'code', width: 16 },
          { header: '名称', key: 'name', width: 34 },
          { header: '类型', key: 'kind', width: 10 },
          { header: '上级单位', key: 'parent', width: 30 },
          { header: '常住人口', key: 'population', width: 10 },
          { header: '地址', key: 'address', width: 40 },
          { header: '负责人', key: 'head', width: 10 },
          { header: '职务', key: 'headTitle', width: 16 },
          { header: '联系人', key: 'contact', width: 10 },
          { header: '联系电话', key: 'phone', width: 14 },
          { header: '建成日期', key: 'founded', width: 12 },
          { header: '开放时间', key: 'hours', width: 36 },
          { header: '状态', key: 'status', width: 8 },
        ];
        sheet.getRow(1).font = { bold: true };
        for (const r of rows) {
          sheet.addRow({
            code: r.code,
            name: r.name,
            kind: ORG_KIND_SHORT_LABELS[r.kind as OrgKind],
            parent: r.parent_name ?? '',
            population: r.resident_population,
            address: r.address,
            head: r.head_name,
            headTitle: r.head_title,
            contact: r.contact_name,
            phone: maskedPhone(ctx.cipher, r.contact_phone_enc),
            founded: r.founded_on,
            hours: r.opening_hours,
            status: r.status === 'active' ? '正常' : '已归档',
          });
        }
        await appendAudit(
          tx,
          {
            actor: auditActor(actor),
            action: 'org.export',
            resourceType: 'org',
            orgId: actor.orgId,
            orgPath: actor.orgPath,
            ip: actor.ip,
            summary: { rows: rows.length, filters: q },
          },
          ctx.now(),
        );
        return Buffer.from(await book.xlsx.writeBuffer());
      });
    },
  };
}
export type OrgsService = ReturnType<typeof createOrgsService>;
