// Site standards (阵地建设标准) and on-site inspections against them. A standard is a weighted
// checklist owned by one org: readable from anywhere below its owner, writable only within the
// owner's own scope (row-level security enforces both). An inspection scores one unit against one
// standard and keeps a snapshot of every item, so later edits to the standard never rewrite
// history. Coverage answers "how many of my units meet the standard", one row per direct child.
import { sql, type Selectable } from 'kysely';
import { ORG_KIND_SHORT_LABELS, type OrgKind } from '@civic/contracts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { auditActor, inActorScope, type Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Tx } from '../../platform/db/database.ts';
import type { SiteStandardsTable } from '../../platform/db/schema.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/errors.ts';
import { chinaDate, isoTimestamp } from '../../platform/time.ts';
import { attachUploads, uploadUrl } from '../uploads/index.ts';
import type {
  CoverageView,
  CreateInspectionInput,
  CreateSiteStandardInput,
  InspectionDetail,
  InspectionListItem,
  InspectionListQuery,
  SiteStandardView,
  UpdateSiteStandardInput,
} from './site-standards.schema.ts';

type StandardRow = Selectable<SiteStandardsTable>;

// ---------------------------------------------------------------- pure rules

/** score = round(100 × passed weight / total weight); passed when score ≥ passScore. */
export function scoreInspection(
  results: ReadonlyArray<{ weight: number; passed: boolean }>,
  passScore: number,
): { score: number; passed: boolean } {
  const total = results.reduce((sum, r) => sum + r.weight, 0);
  const gained = results.reduce((sum, r) => sum + (r.passed ? r.weight : 0), 0);
  const score = total > 0 ? Math.round((100 * gained) / total) : 0;
  return { score, passed: score >= passScore };
}

export interface ItemCoverage {
  /** items of the standard with no result */
  missing: number[];
  /** results naming an item the standard does not have */
  unknown: number[];
  /** items given more than one result */
  duplicated: number[];
}

/** Checks that the results cover every item of the standard exactly once. */
export function checkItemCoverage(
  itemIds: readonly number[],
  resultItemIds: readonly number[],
): ItemCoverage {
  const items = new Set(itemIds);
  const seen = new Set<number>();
  const unknown = new Set<number>();
  const duplicated = new Set<number>();
  for (const id of resultItemIds) {
    if (!items.has(id)) unknown.add(id);
    else if (seen.has(id)) duplicated.add(id);
    seen.add(id);
  }
  return {
    missing: itemIds.filter((id) => !seen.has(id)),
    unknown: [...unknown],
    duplicated: [...duplicated],
  };
}

export const EARLIEST_INSPECTION_DATE = '2000-01-01';

// ---------------------------------------------------------------- service

export function createSiteStandardsService(ctx: AppContext) {
  const run = <T>(actor: Actor, work: (tx: Tx) => Promise<T>) => inScope(ctx.db.app, actor, work);

  async function views(tx: Tx, rows: StandardRow[], actor: Actor): Promise<SiteStandardView[]> {
    if (!rows.length) return [];
    const items = await tx
      .selectFrom('site_standard_items')
      .select(['id', 'standard_id', 'seq', 'title', 'description', 'weight'])
      .where(
        'standard_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('standard_id')
      .orderBy('seq')
      .execute();
    // row-level security keeps the count to the caller's scope
    const used = await tx
      .selectFrom('inspections')
      .select((eb) => ['standard_id', eb.fn.countAll<string>().as('n')])
      .where(
        'standard_id',
        'in',
        rows.map((r) => r.id),
      )
      .groupBy('standard_id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      description: r.description,
      appliesTo: r.applies_to as OrgKind[],
      passScore: r.pass_score,
      isPreset: r.is_preset,
      status: r.status as SiteStandardView['status'],
      editable: actor.permissions.has('site.write') && inActorScope(actor, r.org_path),
      inspections: Number(used.find((u) => u.standard_id === r.id)?.n ?? 0),
      items: items
        .filter((i) => i.standard_id === r.id)
        .map((i) => ({ id: i.id, seq: i.seq, title: i.title, description: i.description, weight: i.weight })),
    }));
  }

  async function findStandard(tx: Tx, id: number): Promise<StandardRow> {
    const row = await tx.selectFrom('site_standards').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFound('标准不存在或不在您的数据范围内');
    return row;
  }

  async function checkCodeFree(tx: Tx, ownerOrgId: number, code: string, exceptId?: number) {
    let query = tx
      .selectFrom('site_standards')
      .select('id')
      .where('owner_org_id', '=', ownerOrgId)
      .where('code', '=', code);
    if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
    if (await query.executeTakeFirst())
      throw new Conflict(`标准编码 ${code} 已被本单位使用`, 'DUPLICATE_CODE');
  }

  async function insertItems(
    tx: Tx,
    standard: { id: number; org_path: string },
    items: CreateSiteStandardInput['items'],
  ) {
    await tx
      .insertInto('site_standard_items')
      .values(
        items.map((item, index) => ({
          standard_id: standard.id,
          org_path: standard.org_path,
          seq: index + 1,
          title: item.title,
          description: item.description ?? null,
          weight: item.weight,
        })),
      )
      .execute();
  }

  async function auditStandard(
    tx: Tx,
    actor: Actor,
    action: string,
    row: StandardRow,
    summary: Record<string, unknown>,
  ) {
    await appendAudit(
      tx,
      {
        actor: auditActor(actor),
        action,
        resourceType: 'site_standard',
        resourceId: row.id,
        orgId: row.owner_org_id,
        orgPath: row.org_path,
        ip: actor.ip,
        summary,
      },
      ctx.now(),
    );
  }

  const selectInspections = (tx: Tx) =>
    tx
      .selectFrom('inspections as i')
      .leftJoin('orgs as o', 'o.id', 'i.org_id')
      .select([
        'i.id',
        'i.org_id',
        'i.standard_id',
        'i.standard_name',
        'i.score',
        'i.passed',
        'i.inspector',
        'i.inspected_on',
        'i.note',
        'i.created_at',
        'o.name as org_name',
      ]);
  type InspectionRow = Awaited<ReturnType<ReturnType<typeof selectInspections>['executeTakeFirstOrThrow']>>;

  const listItem = (row: InspectionRow): InspectionListItem => ({
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name ?? '',
    standardId: row.standard_id,
    standardName: row.standard_name,
    score: row.score,
    passed: row.passed,
    inspector: row.inspector,
    inspectedOn: row.inspected_on,
    createdAt: isoTimestamp(row.created_at),
  });

  async function inspectionDetail(tx: Tx, id: number): Promise<InspectionDetail> {
    const row = await selectInspections(tx).where('i.id', '=', id).executeTakeFirst();
    if (!row) throw new NotFound('检查记录不存在或不在您的数据范围内');
    const results = await tx
      .selectFrom('inspection_results')
      .select(['item_id', 'title', 'weight', 'passed', 'note', 'photo_ids'])
      .where('inspection_id', '=', id)
      .orderBy('seq')
      .orderBy('id')
      .execute();
    return {
      ...listItem(row),
      note: row.note,
      results: results.map((r) => ({
        itemId: r.item_id,
        title: r.title,
        weight: r.weight,
        passed: r.passed,
        note: r.note,
        photos: (r.photo_ids ?? []).map((photoId) => ({ id: photoId, url: uploadUrl(photoId) })),
      })),
    };
  }

  return {
    // ------------------------------------------------------------ standards
    async list(actor: Actor): Promise<SiteStandardView[]> {
      return run(actor, async (tx) => {
        const rows = await tx
          .selectFrom('site_standards')
          .selectAll()
          .orderBy('is_preset', 'desc')
          .orderBy('id')
          .execute();
        return views(tx, rows, actor);
      });
    },

    async create(actor: Actor, input: CreateSiteStandardInput): Promise<SiteStandardView> {
      return run(actor, async (tx) => {
        await checkCodeFree(tx, actor.orgId, input.code);
        const now = ctx.now();
        const row = await tx
          .insertInto('site_standards')
          .values({
            owner_org_id: actor.orgId,
            org_path: actor.orgPath,
            code: input.code,
            name: input.name,
            description: input.description ?? null,
            applies_to: input.appliesTo,
            pass_score: input.passScore,
            is_preset: false,
            created_at: now,
            updated_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await insertItems(tx, row, input.items);
        await auditStandard(tx, actor, 'site_standard.create', row, {
          code: row.code,
          name: row.name,
          items: input.items.length,
        });
        return (await views(tx, [row], actor))[0]!;
      });
    },

    async update(actor: Actor, id: number, input: UpdateSiteStandardInput): Promise<SiteStandardView> {
      return run(actor, async (tx) => {
        const before = await findStandard(tx, id);
        if (!inActorScope(actor, before.org_path))
          throw new Forbidden('该标准由上级单位制定，您只能查看和使用，不能修改');
        const set = Object.fromEntries(
          Object.entries({
            code: input.code,
            name: input.name,
            description: input.description,
            applies_to: input.appliesTo,
            pass_score: input.passScore,
            status: input.status,
          }).filter(([, v]) => v !== undefined),
        );
        if (!Object.keys(set).length && !input.items) throw new Invalid('没有需要修改的内容');
        if (input.code !== undefined && input.code !== before.code)
          await checkCodeFree(tx, before.owner_org_id, input.code, id);
        // RLS lets a unit read its ancestors' standards but not change them: 0 rows updated
        const result = await tx
          .updateTable('site_standards')
          .set({ ...set, updated_at: ctx.now() })
          .where('id', '=', id)
          .executeTakeFirst();
        if (!result.numUpdatedRows) throw new NotFound('标准不存在或您无权修改');
        if (input.items) {
          // inspections keep their own snapshot of each item, so the list can simply be replaced
          await tx.deleteFrom('site_standard_items').where('standard_id', '=', id).execute();
          await insertItems(tx, before, input.items);
        }
        const after = await findStandard(tx, id);
        await auditStandard(tx, actor, 'site_standard.update', after, {
          fields: Object.keys(input),
          code: after.code,
        });
        return (await views(tx, [after], actor))[0]!;
      });
    },

    async coverage(actor: Actor, standardId: number): Promise<CoverageView> {
      return run(actor, async (tx) => {
        const standard = await findStandard(tx, standardId);
        // units: active orgs of an applicable kind in the caller's subtree (and in the standard
        // owner's subtree, when the standard belongs to a unit below the caller)
        const { rows } = await sql<{
          org_id: number | null;
          org_name: string | null;
          total: number;
          inspected: number;
          meeting: number;
        }>`
          WITH units AS (
            SELECT o.id, o.path FROM orgs o
            WHERE o.status = 'active'
              AND o.kind = ANY(${standard.applies_to}::text[])
              AND o.path <@ ${actor.orgPath}::ltree
              AND o.path <@ ${standard.org_path}::ltree
          ),
          latest AS (
            SELECT DISTINCT ON (i.org_id) i.org_id, i.passed
            FROM inspections i JOIN units u ON u.id = i.org_id
            WHERE i.standard_id = ${standard.id}
            ORDER BY i.org_id, i.inspected_on DESC, i.id DESC
          ),
          stats AS (
            SELECT u.path, l.org_id IS NOT NULL AS inspected, COALESCE(l.passed, false) AS meeting
            FROM units u LEFT JOIN latest l ON l.org_id = u.id
          ),
          children AS (
            SELECT c.id, c.name, c.path FROM orgs c WHERE c.parent_id = ${actor.orgId} AND c.status = 'active'
          ),
          groups AS (
            SELECT id, name, path FROM children
            UNION ALL
            SELECT r.id, r.name, r.path FROM orgs r WHERE r.id = ${actor.orgId} AND NOT EXISTS (SELECT 1 FROM children)
          )
          SELECT NULL::bigint AS org_id, NULL::text AS org_name, NULL::ltree AS path,
                 count(*)::int AS total,
                 (count(*) FILTER (WHERE inspected))::int AS inspected,
                 (count(*) FILTER (WHERE meeting))::int AS meeting
          FROM stats
          UNION ALL
          SELECT g.id, g.name, g.path,
                 count(s.path)::int,
                 (count(s.path) FILTER (WHERE s.inspected))::int,
                 (count(s.path) FILTER (WHERE s.meeting))::int
          FROM groups g LEFT JOIN stats s ON s.path <@ g.path
          GROUP BY g.id, g.name, g.path
          ORDER BY path NULLS FIRST`.execute(tx);
        const [totals, ...groups] = rows;
        return {
          standardId: standard.id,
          totalUnits: totals?.total ?? 0,
          inspectedUnits: totals?.inspected ?? 0,
          meetingUnits: totals?.meeting ?? 0,
          rows: groups.map((g) => ({
            orgId: g.org_id!,
            orgName: g.org_name ?? '',
            totalUnits: g.total,
            inspectedUnits: g.inspected,
            meetingUnits: g.meeting,
          })),
        };
      });
    },

    // ------------------------------------------------------------ inspections
    async listInspections(
      actor: Actor,
      q: InspectionListQuery,
    ): Promise<{ items: InspectionListItem[]; total: number }> {
      return run(actor, async (tx) => {
        let base = tx.selectFrom('inspections as i');
        if (q.orgId)
          base = base.where(sql<boolean>`i.org_path <@ (SELECT p.path FROM orgs p WHERE p.id = ${q.orgId})`);
        if (q.standardId) base = base.where('i.standard_id', '=', q.standardId);
        if (q.passed) base = base.where('i.passed', '=', q.passed === 'true');
        const { total } = await base
          .select((eb) => eb.fn.countAll<number>().as('total'))
          .executeTakeFirstOrThrow();
        const ids = await base
          .select('i.id')
          .orderBy('i.inspected_on', 'desc')
          .orderBy('i.id', 'desc')
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize)
          .execute();
        if (!ids.length) return { items: [], total };
        const rows = await selectInspections(tx)
          .where(
            'i.id',
            'in',
            ids.map((r) => r.id),
          )
          .orderBy('i.inspected_on', 'desc')
          .orderBy('i.id', 'desc')
          .execute();
        return { items: rows.map(listItem), total };
      });
    },

    async getInspection(actor: Actor, id: number): Promise<InspectionDetail> {
      return run(actor, (tx) => inspectionDetail(tx, id));
    },

    async createInspection(actor: Actor, input: CreateInspectionInput): Promise<InspectionDetail> {
      return run(actor, async (tx) => {
        const org = await tx
          .selectFrom('orgs')
          .select(['id', 'path', 'kind', 'status', 'name'])
          .where('id', '=', input.orgId)
          .executeTakeFirst();
        if (!org) throw new NotFound('被检查单位不存在或不在您的数据范围内');
        if (org.status !== 'active') throw new Conflict('该单位已归档，不能登记检查');
        const standard = await findStandard(tx, input.standardId);
        if (standard.status !== 'active') throw new Conflict('该标准已停用，不能用于新的检查');
        if (!standard.applies_to.includes(org.kind)) {
          throw new Conflict(
            `该标准不适用于此类单位（${ORG_KIND_SHORT_LABELS[org.kind as OrgKind] ?? org.kind}）`,
            'NOT_APPLICABLE',
          );
        }
        // a unit's own standard applies within its own subtree only
        if (!(org.path === standard.org_path || org.path.startsWith(`${standard.org_path}.`))) {
          throw new Conflict('该标准不适用于此单位（不在标准制定单位的范围内）', 'NOT_APPLICABLE');
        }

        const today = chinaDate(ctx.now());
        if (input.inspectedOn > today) throw new Invalid('检查日期不能晚于今天');
        if (input.inspectedOn < EARLIEST_INSPECTION_DATE) throw new Invalid('检查日期不能早于 2000 年');

        const items = await tx
          .selectFrom('site_standard_items')
          .select(['id', 'seq', 'title', 'weight'])
          .where('standard_id', '=', standard.id)
          .orderBy('seq')
          .execute();
        const coverage = checkItemCoverage(
          items.map((i) => i.id),
          input.results.map((r) => r.itemId),
        );
        const problems: string[] = [];
        const titleOf = (id: number) => items.find((i) => i.id === id)?.title ?? `#${id}`;
        if (coverage.missing.length)
          problems.push(`未填写结果的检查项：${coverage.missing.map(titleOf).join('、')}`);
        if (coverage.unknown.length)
          problems.push(`不属于该标准的检查项：${coverage.unknown.map((id) => `#${id}`).join('、')}`);
        if (coverage.duplicated.length)
          problems.push(`重复填写的检查项：${coverage.duplicated.map(titleOf).join('、')}`);
        if (problems.length)
          throw new Invalid(
            `检查结果须覆盖该标准的每个检查项且各填一次。${problems.join('；')}`,
            'VALIDATION',
          );

        const photoIds = [...new Set(input.results.flatMap((r) => r.photoIds ?? []))];
        if (photoIds.length) {
          // photos uploaded higher up move down to the inspected unit (see attachUploads)
          if ((await attachUploads(tx, photoIds, org.path)) !== photoIds.length)
            throw new Invalid('部分照片不存在或不在您的数据范围内，请重新上传');
        }

        const byId = new Map(input.results.map((r) => [r.itemId, r]));
        const graded = items.map((item) => ({ item, result: byId.get(item.id)! }));
        const { score, passed } = scoreInspection(
          graded.map(({ item, result }) => ({ weight: item.weight, passed: result.passed })),
          standard.pass_score,
        );
        const inspection = await tx
          .insertInto('inspections')
          .values({
            org_id: org.id,
            org_path: org.path,
            standard_id: standard.id,
            standard_name: standard.name,
            score,
            passed,
            inspector: input.inspector,
            inspected_on: input.inspectedOn,
            note: input.note ?? null,
            created_by: actor.userId,
            created_at: ctx.now(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await tx
          .insertInto('inspection_results')
          .values(
            graded.map(({ item, result }) => ({
              inspection_id: inspection.id,
              org_path: org.path,
              item_id: item.id,
              seq: item.seq,
              title: item.title,
              weight: item.weight,
              passed: result.passed,
              note: result.note ?? null,
              photo_ids: [...new Set(result.photoIds ?? [])],
            })),
          )
          .execute();
        await appendAudit(
          tx,
          {
            actor: auditActor(actor),
            action: 'inspection.create',
            resourceType: 'inspection',
            resourceId: inspection.id,
            orgId: org.id,
            orgPath: org.path,
            ip: actor.ip,
            summary: {
              orgName: org.name,
              standardId: standard.id,
              standardName: standard.name,
              score,
              passed,
              inspectedOn: input.inspectedOn,
            },
          },
          ctx.now(),
        );
        return inspectionDetail(tx, inspection.id);
      });
    },
  };
}
export type SiteStandardsService = ReturnType<typeof createSiteStandardsService>;
