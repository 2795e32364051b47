// The yearly summary of publicity pieces against seed 004 §13's quota (省级 ≥ 1 — 中央级 included —,
// 市级 ≥ 2, 县级 ≥ 3): per direct unit of an org (each over its subtree), the org's own pieces (本级)
// and the total; and the per-unit per-level counts the assessment reads (publicityFigures).
import { sql } from 'kysely';
import {
  PUBLICITY_QUOTA,
  PUBLICITY_QUOTA_LEVELS,
  type PublicityLevel,
  type PublicityQuotaLevel,
} from '@civic/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Tx } from '../../platform/db/database.ts';
import { chinaDate } from '../../platform/time.ts';
import { orgInScope } from './publicity.service.ts';
import type { SummaryQuery, SummaryRow, SummaryView } from './publicity.schema.ts';

export interface PublicityFigures {
  orgPath: string;
  province: number;
  city: number;
  county: number;
}

/**
 * Pieces per org path under `rootPath` published in [from, to] (China dates), per quota level
 * (中央级 counted with 省级). Runs in the caller's scope (row-level security).
 */
export async function publicityFigures(
  tx: Tx,
  rootPath: string,
  from: string,
  to: string,
): Promise<PublicityFigures[]> {
  const { rows } = await sql<{ org_path: string; province: number; city: number; county: number }>`
    SELECT org_path::text AS org_path,
           count(*) FILTER (WHERE level IN ('national', 'province'))::int AS province,
           count(*) FILTER (WHERE level = 'city')::int AS city,
           count(*) FILTER (WHERE level = 'county')::int AS county
      FROM publicity_pieces
     WHERE org_path <@ ${rootPath}::ltree AND published_on BETWEEN ${from}::date AND ${to}::date
     GROUP BY org_path
     ORDER BY org_path`.execute(tx);
  return rows.map((r) => ({ orgPath: r.org_path, province: r.province, city: r.city, county: r.county }));
}

type LevelCounts = Record<PublicityLevel, number>;
const zero = (): LevelCounts => ({ national: 0, province: 0, city: 0, county: 0 });

/** One summary row from the pieces per level. */
export function summaryRowOf(
  head: Pick<SummaryRow, 'kind' | 'orgId' | 'orgName' | 'archived'>,
  c: LevelCounts,
): SummaryRow {
  const counted = { province: c.national + c.province, city: c.city, county: c.county };
  const shortfall = Object.fromEntries(
    PUBLICITY_QUOTA_LEVELS.map((l) => [l, Math.max(0, PUBLICITY_QUOTA[l] - counted[l])]),
  ) as Record<PublicityQuotaLevel, number>;
  return {
    ...head,
    ...c,
    total: c.national + c.province + c.city + c.county,
    counted,
    shortfall,
    meets: PUBLICITY_QUOTA_LEVELS.every((l) => shortfall[l] === 0),
  };
}

export function createPublicitySummary(ctx: AppContext) {
  return {
    summary: (actor: Actor, q: SummaryQuery) =>
      inScope(ctx.db.app, actor, async (tx): Promise<SummaryView> => {
        const org = await orgInScope(tx, actor, q.orgId ?? actor.orgId);
        const year = q.year ?? Number(chinaDate(ctx.now()).slice(0, 4));
        const children = await tx
          .selectFrom('orgs')
          .select(['id', 'name', 'path', 'status'])
          .where('parent_id', '=', org.id)
          .orderBy('code')
          .orderBy('id')
          .execute();
        const { rows } = await sql<{ org_path: string; level: PublicityLevel; n: number }>`
          SELECT org_path::text AS org_path, level, count(*)::int AS n
            FROM publicity_pieces
           WHERE org_path <@ ${org.path}::ltree
             AND published_on BETWEEN ${`${year}-01-01`}::date AND ${`${year}-12-31`}::date
           GROUP BY org_path, level`.execute(tx);
        const own = zero();
        const total = zero();
        const byChild = new Map(children.map((c) => [c.path, zero()]));
        for (const r of rows) {
          total[r.level] += r.n;
          if (r.org_path === org.path) {
            own[r.level] += r.n;
            continue;
          }
          // the direct unit the piece's org lies in: the org's path plus one label
          const child = r.org_path
            .split('.')
            .slice(0, org.path.split('.').length + 1)
            .join('.');
          const acc = byChild.get(child);
          if (acc) acc[r.level] += r.n;
        }
        const childRows = children
          // an archived unit is listed only when it has pieces in the year
          .filter((c) => c.status === 'active' || Object.values(byChild.get(c.path)!).some((n) => n > 0))
          .map((c) =>
            summaryRowOf(
              { kind: 'child', orgId: Number(c.id), orgName: c.name, archived: c.status === 'archived' },
              byChild.get(c.path)!,
            ),
          );
        return {
          orgId: org.id,
          orgName: org.name,
          year,
          quota: { ...PUBLICITY_QUOTA },
          rows: [
            ...childRows,
            summaryRowOf(
              { kind: 'own', orgId: org.id, orgName: `${org.name}（本级）`, archived: false },
              own,
            ),
            summaryRowOf({ kind: 'total', orgId: org.id, orgName: '合计', archived: false }, total),
          ],
        };
      }),
  };
}
