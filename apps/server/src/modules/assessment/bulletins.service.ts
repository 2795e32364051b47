// 月通报、季调度、年总结 (seed 000 §四(三)): the indicators and their targets (the centre's), the live
// report of any subtree and period, bulletins published as immutable snapshots (by an admin, or by
// the scheduled job at each period's end), their Excel and PDF exports, and the reward funds
// (奖补资金) allocated from a bulletin's scores.
import { sql } from 'kysely';
import { auditAction, inActorScope, type Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Executor, type Tx } from '../../platform/db/database.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/errors.ts';
import { chinaDate, isoTimestamp } from '../../platform/time.ts';
import {
  allocateByScore,
  INDICATORS,
  INDICATORS_BY_KIND,
  type AssessedKind,
  type IndicatorCode,
  type IndicatorSetting,
} from './indicators.ts';
import { PERIOD_KIND_LABELS, parsePeriod, type Period, type PeriodKind } from './periods.ts';
import { buildReport } from './report.ts';
import type {
  AllocationCreate,
  AllocationView,
  BulletinCreate,
  BulletinListQuery,
  BulletinView,
  IndicatorsUpdate,
  PeriodQuery,
  ReportView,
} from './bulletins.schema.ts';

export async function readSettings(db: Executor): Promise<IndicatorSetting[]> {
  const rows = await db
    .selectFrom('assessment_indicators')
    .select(['org_kind', 'code', 'seq', 'target', 'weight', 'enabled'])
    .orderBy('org_kind')
    .orderBy('seq')
    .execute();
  return rows
    .filter((r) => Object.hasOwn(INDICATORS, r.code))
    .map((r) => ({
      orgKind: r.org_kind as AssessedKind,
      code: r.code as IndicatorCode,
      seq: r.seq,
      target: Number(r.target),
      weight: r.weight,
      enabled: r.enabled,
    }));
}

/** The period named by the query; a clear 4xx when it is malformed or has not begun. */
export function periodFrom(kind: PeriodKind, key: string, today: string): Period {
  const period = parsePeriod(kind, key);
  if (!period)
    throw new Invalid(
      kind === 'month'
        ? '月份格式应为 YYYY-MM，如 2026-11'
        : kind === 'quarter'
          ? '季度格式应为 YYYY-Qn，如 2026-Q3'
          : '年度格式应为 YYYY，如 2026',
      'PERIOD_INVALID',
    );
  if (period.start > today) throw new Invalid('所选期间尚未开始', 'PERIOD_IN_FUTURE');
  return period;
}

interface BulletinRow {
  id: string;
  org_id: string;
  org_path: string;
  org_name: string;
  period_kind: PeriodKind;
  period: string;
  title: string;
  content: ReportView;
  published_by_name: string | null;
  published_at: Date;
  allocation_id: string | null;
}

const bulletinSelect = (db: Executor) =>
  db
    .selectFrom('assessment_bulletins as b')
    .innerJoin('orgs as o', 'o.id', 'b.org_id')
    .leftJoin('users as u', 'u.id', 'b.published_by')
    .leftJoin('assessment_fund_allocations as a', 'a.bulletin_id', 'b.id')
    .select([
      sql<string>`b.id::text`.as('id'),
      sql<string>`b.org_id::text`.as('org_id'),
      sql<string>`b.org_path::text`.as('org_path'),
      'o.name as org_name',
      sql<PeriodKind>`b.period_kind`.as('period_kind'),
      'b.period',
      'b.title',
      sql<ReportView>`b.content`.as('content'),
      'u.display_name as published_by_name',
      'b.published_at',
      sql<string | null>`a.id::text`.as('allocation_id'),
    ]);

function summaryOf(b: BulletinRow) {
  return {
    id: Number(b.id),
    orgId: Number(b.org_id),
    orgName: b.org_name,
    periodKind: b.period_kind,
    period: b.period,
    title: b.title,
    units: b.content.rows.filter((r) => !r.archived && r.kind !== 'center').length,
    behind: b.content.rows.filter((r) => r.behind).length,
    publishedByName: b.published_by_name,
    publishedAt: isoTimestamp(b.published_at),
    hasAllocation: b.allocation_id !== null,
  };
}

/**
 * Publishes the bulletin of `root` for `period` in `tx` (the caller's scope, or the job's): the
 * report as it stands now, frozen. Null when one is already published (the unique key decides, so
 * two publishers at once cannot both write one).
 */
export async function publishBulletin(
  tx: Tx,
  root: { id: number; path: string; name: string },
  period: Period,
  by: number | null,
  now: Date,
  minRatings: number,
): Promise<number | null> {
  const settings = await readSettings(tx);
  const report = await buildReport(tx, { root, period, settings, minRatings, generatedAt: now });
  const title = `${root.name}${period.label}新时代文明实践工作${PERIOD_KIND_LABELS[period.kind]}`;
  const row = await tx
    .insertInto('assessment_bulletins')
    .values({
      org_id: root.id,
      org_path: root.path,
      period_kind: period.kind,
      period: period.key,
      period_start: period.start,
      period_end: period.end,
      title,
      content: JSON.stringify(report),
      published_by: by,
      published_at: now,
    })
    .onConflict((oc) => oc.columns(['org_id', 'period_kind', 'period']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? Number(row.id) : null;
}

/**
 * Splits a pool among the bulletin's units of one kind scoring at least `minScore`, in proportion
 * to their scores, to the fen, and keeps the table with the bulletin (once: the unique key decides).
 */
export type BulletinForAllocation = Pick<BulletinView, 'id' | 'report'>;

export async function allocateFromBulletin(
  tx: Tx,
  b: BulletinForAllocation,
  input: Pick<AllocationCreate, 'poolYuan' | 'unitKind' | 'minScore' | 'note'>,
  by: number,
  now: Date,
): Promise<{ id: number; orgPath: string; poolFen: number; units: number }> {
  const poolFen = Math.round(input.poolYuan * 100);
  const eligible = b.report.rows
    .filter((r) => r.kind === input.unitKind && !r.archived && r.score !== null && r.score >= input.minScore)
    .map((r) => ({ orgId: r.orgId, name: r.name, score: r.score! }));
  if (eligible.length === 0 || eligible.every((u) => u.score === 0))
    throw new Invalid(
      `没有得分达到 ${input.minScore} 分的${input.unitKind === 'station' ? '实践站' : '实践所'}`,
      'NO_ELIGIBLE_UNITS',
    );
  const amounts = allocateByScore(poolFen, eligible);
  const rows = eligible
    .map((u) => ({ ...u, amountFen: amounts.get(u.orgId) ?? 0 }))
    .sort((x, y) => y.score - x.score || x.orgId - y.orgId);
  const bulletin = await tx
    .selectFrom('assessment_bulletins')
    .select(sql<string>`org_path::text`.as('org_path'))
    .where('id', '=', b.id)
    .executeTakeFirstOrThrow();
  const row = await tx
    .insertInto('assessment_fund_allocations')
    .values({
      bulletin_id: b.id,
      org_path: bulletin.org_path,
      pool_fen: poolFen,
      unit_kind: input.unitKind,
      min_score: input.minScore,
      note: input.note ?? null,
      rows: JSON.stringify(rows),
      created_by: by,
      created_at: now,
    })
    .onConflict((oc) => oc.column('bulletin_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) throw new Conflict('该通报已分配过奖补资金，分配结果不可更改');
  return { id: Number(row.id), orgPath: bulletin.org_path, poolFen, units: rows.length };
}

export function createBulletinsService(ctx: AppContext) {
  const run = <T>(actor: Actor, work: (tx: Tx) => Promise<T>) => inScope(ctx.db.app, actor, work);
  const today = () => chinaDate(ctx.now());

  async function orgInScope(tx: Tx, actor: Actor, orgId: number | undefined) {
    const org = await tx
      .selectFrom('orgs')
      .select([sql<string>`id::text`.as('id'), sql<string>`path::text`.as('path'), 'name', 'kind'])
      .where('id', '=', orgId ?? actor.orgId)
      .executeTakeFirst();
    if (!org || !inActorScope(actor, org.path)) throw new NotFound('单位不存在或不在您的数据范围内');
    return { id: Number(org.id), path: org.path, name: org.name, kind: org.kind };
  }

  async function readBulletin(tx: Tx, actor: Actor, id: number): Promise<BulletinView> {
    const b = (await bulletinSelect(tx).where('b.id', '=', id).executeTakeFirst()) as BulletinRow | undefined;
    if (!b || !inActorScope(actor, b.org_path)) throw new NotFound('通报不存在或不在您的数据范围内');
    return { ...summaryOf(b), report: b.content, allocation: await readAllocation(tx, id) };
  }

  async function readAllocation(tx: Tx, bulletinId: number): Promise<AllocationView | null> {
    const a = await tx
      .selectFrom('assessment_fund_allocations as a')
      .leftJoin('users as u', 'u.id', 'a.created_by')
      .select([
        sql<string>`a.id::text`.as('id'),
        sql<string>`a.pool_fen::text`.as('pool_fen'),
        'a.unit_kind',
        'a.min_score',
        'a.note',
        sql<AllocationView['rows']>`a.rows`.as('rows'),
        'u.display_name as created_by_name',
        'a.created_at',
      ])
      .where('a.bulletin_id', '=', bulletinId)
      .executeTakeFirst();
    if (!a) return null;
    return {
      id: Number(a.id),
      bulletinId,
      poolFen: Number(a.pool_fen),
      unitKind: a.unit_kind as 'institute' | 'station',
      minScore: Number(a.min_score),
      note: a.note,
      rows: a.rows,
      createdByName: a.created_by_name,
      createdAt: isoTimestamp(a.created_at),
    };
  }

  return {
    indicators: (actor: Actor) =>
      run(actor, async (tx) => ({
        items: (await readSettings(tx)).map((s) => ({ ...s, ...INDICATORS[s.code] })),
      })),

    /** The centre replaces a kind's targets, weights and switches; the assessed weights sum to 100. */
    updateIndicators: (actor: Actor, kind: AssessedKind, input: IndicatorsUpdate) =>
      run(actor, async (tx) => {
        if (actor.orgPath.includes('.')) throw new Forbidden('考核指标由县中心统一设置');
        const allowed = INDICATORS_BY_KIND[kind];
        const seen = new Set<string>();
        for (const item of input.items) {
          if (!allowed.includes(item.code))
            throw new Invalid(
              `指标“${INDICATORS[item.code].name}”不适用于该类单位`,
              'INDICATOR_NOT_FOR_KIND',
            );
          if (seen.has(item.code))
            throw new Invalid(`指标“${INDICATORS[item.code].name}”重复`, 'INDICATOR_DUPLICATE');
          seen.add(item.code);
        }
        const before = (await readSettings(tx)).filter((s) => s.orgKind === kind);
        const after = before.map((s) => {
          const change = input.items.find((i) => i.code === s.code);
          return change ? { ...s, ...change } : s;
        });
        const sum = after.filter((s) => s.enabled).reduce((n, s) => n + s.weight, 0);
        if (sum !== 100)
          throw new Invalid(`参与考核的指标权重合计应为 100，当前为 ${sum}`, 'WEIGHTS_NOT_100');
        const changed = after.filter((s) => {
          const b = before.find((x) => x.code === s.code)!;
          return b.target !== s.target || b.weight !== s.weight || b.enabled !== s.enabled;
        });
        const now = ctx.now();
        for (const s of changed)
          await tx
            .updateTable('assessment_indicators')
            .set({
              target: s.target,
              weight: s.weight,
              enabled: s.enabled,
              updated_by: actor.userId,
              updated_at: now,
            })
            .where('org_kind', '=', kind)
            .where('code', '=', s.code)
            .execute();
        if (changed.length > 0)
          await auditAction(
            tx,
            actor,
            'assessment.indicators.update',
            'assessment_indicator',
            { id: kind, org_id: null, org_path: null },
            {
              kind,
              changes: changed.map((s) => {
                const b = before.find((x) => x.code === s.code)!;
                return {
                  code: s.code,
                  from: [b.target, b.weight, b.enabled],
                  to: [s.target, s.weight, s.enabled],
                };
              }),
            },
            now,
          );
        return { items: (await readSettings(tx)).map((s) => ({ ...s, ...INDICATORS[s.code] })) };
      }),

    /** The live report of a subtree and period (the current period: to date). */
    report: (actor: Actor, q: PeriodQuery) =>
      run(actor, async (tx) => {
        const period = periodFrom(q.periodKind, q.period, today());
        const root = await orgInScope(tx, actor, q.orgId);
        return buildReport(tx, {
          root,
          period,
          settings: await readSettings(tx),
          minRatings: ctx.config.assessmentMinRatings,
          generatedAt: ctx.now(),
        });
      }),

    publish: (actor: Actor, input: BulletinCreate) =>
      run(actor, async (tx) => {
        const period = periodFrom(input.periodKind, input.period, today());
        if (period.end >= today())
          throw new Invalid('期间结束后才能发布通报（当期情况请查看实时报表）', 'PERIOD_NOT_ENDED');
        const root = await orgInScope(tx, actor, input.orgId);
        if (!['center', 'institute'].includes(root.kind))
          throw new Invalid('通报按县中心或实践所发布', 'BULLETIN_ORG_KIND');
        const now = ctx.now();
        const id = await publishBulletin(
          tx,
          root,
          period,
          actor.userId,
          now,
          ctx.config.assessmentMinRatings,
        );
        if (id === null)
          throw new Conflict(
            `${root.name}${period.label}的${PERIOD_KIND_LABELS[period.kind]}已发布，不能重复发布`,
          );
        await auditAction(
          tx,
          actor,
          'assessment.bulletin.publish',
          'assessment_bulletin',
          { id, org_id: root.id, org_path: root.path },
          { periodKind: period.kind, period: period.key },
          now,
        );
        return readBulletin(tx, actor, id);
      }),

    list: (actor: Actor, q: BulletinListQuery) =>
      run(actor, async (tx) => {
        const root = await orgInScope(tx, actor, q.orgId);
        let query = bulletinSelect(tx).where(sql<boolean>`b.org_path <@ ${root.path}::ltree`);
        if (q.periodKind) query = query.where('b.period_kind', '=', q.periodKind);
        const { n } = await tx
          .selectFrom('assessment_bulletins as b')
          .select(sql<string>`count(*)`.as('n'))
          .where(sql<boolean>`b.org_path <@ ${root.path}::ltree`)
          .$if(q.periodKind !== undefined, (qb) => qb.where('b.period_kind', '=', q.periodKind!))
          .executeTakeFirstOrThrow();
        const rows = (await query
          .orderBy('b.period_start', 'desc')
          .orderBy('b.period_end', 'desc')
          // the county's before its institutes'
          .orderBy(sql`nlevel(b.org_path)`)
          .orderBy('b.id', 'desc')
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize)
          .execute()) as BulletinRow[];
        return { items: rows.map(summaryOf), total: Number(n), page: q.page, pageSize: q.pageSize };
      }),

    get: (actor: Actor, id: number) => run(actor, (tx) => readBulletin(tx, actor, id)),

    /** Reads a bulletin for an export, and audits the export. */
    forExport: (actor: Actor, id: number, format: 'xlsx' | 'pdf') =>
      run(actor, async (tx) => {
        const b = await readBulletin(tx, actor, id);
        await auditAction(
          tx,
          actor,
          'assessment.bulletin.export',
          'assessment_bulletin',
          { id, org_id: b.orgId, org_path: null },
          { format, period: b.period },
          ctx.now(),
        );
        return b;
      }),

    /** 奖补资金: splits a pool among the bulletin's units of one kind scoring at least minScore. */
    allocate: (actor: Actor, bulletinId: number, input: AllocationCreate) =>
      run(actor, async (tx) => {
        if (actor.orgPath.includes('.')) throw new Forbidden('奖补资金由县中心分配');
        const b = await readBulletin(tx, actor, bulletinId);
        if (b.allocation) throw new Conflict('该通报已分配过奖补资金，分配结果不可更改');
        const max = ctx.config.assessmentFundPoolMaxYuan;
        if (input.poolYuan > max)
          throw new Invalid(`资金总额不能超过 ${max.toLocaleString('zh-CN')} 元`, 'POOL_TOO_LARGE');
        const allocation = await allocateFromBulletin(tx, b, input, actor.userId, ctx.now());
        await auditAction(
          tx,
          actor,
          'assessment.allocation.create',
          'assessment_fund_allocation',
          { id: allocation.id, org_id: b.orgId, org_path: allocation.orgPath },
          {
            bulletinId,
            poolFen: allocation.poolFen,
            unitKind: input.unitKind,
            minScore: input.minScore,
            units: allocation.units,
          },
          ctx.now(),
        );
        return readBulletin(tx, actor, bulletinId);
      }),
  };
}
