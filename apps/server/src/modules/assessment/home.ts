// The assessment part of the console home (工作台): the caller's unit this month to date against its
// targets (an institute: with its stations side by side; the centre: with its institutes), and the
// unit's place in the county's latest published monthly bulletin — its own row only: a station
// learns its rank among the county's stations without seeing the others' rows.
import { sql } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope } from '../../platform/db/database.ts';
import { chinaDate } from '../../platform/time.ts';
import { readSettings } from './bulletins.service.ts';
import { reportIndicator, reportRow, type ReportView } from './bulletins.schema.ts';
import { periodOf } from './periods.ts';
import { buildReport } from './report.ts';

export const homeView = z.object({
  /** the period shown: this month to date */
  period: z.object({ key: z.string(), label: z.string(), start: z.string(), end: z.string() }),
  /** the caller's unit and, for the centre its institutes, for an institute its stations */
  rows: z.array(reportRow),
  indicators: z.array(reportIndicator),
  /** the unit's row in the county's latest published monthly bulletin; null when none includes it */
  standing: z
    .object({
      bulletinId: z.number().nullable(),
      title: z.string(),
      period: z.string(),
      rank: z.number().nullable(),
      /** units of the same kind ranked in that bulletin */
      of: z.number(),
      score: z.number().nullable(),
      behind: z.boolean(),
      change: z.number().nullable(),
    })
    .nullable(),
});
export type HomeView = z.infer<typeof homeView>;

export function createHomeService(ctx: AppContext) {
  return {
    home: (actor: Actor) =>
      inScope(ctx.db.app, actor, async (tx): Promise<HomeView> => {
        const today = chinaDate(ctx.now());
        const period = periodOf('month', today);
        const org = await tx
          .selectFrom('orgs')
          .select([sql<string>`path::text`.as('path'), 'name', 'kind'])
          .where('id', '=', actor.orgId)
          .executeTakeFirstOrThrow();
        let report: ReportView | null = null;
        if (['center', 'institute', 'station'].includes(org.kind)) {
          report = await buildReport(tx, {
            root: { id: actor.orgId, path: org.path, name: org.name },
            period: { ...period, end: today },
            settings: await readSettings(tx),
            minRatings: ctx.config.assessmentMinRatings,
            generatedAt: ctx.now(),
          });
        }
        // the centre compares its institutes; an institute its stations; a station itself
        const shownKinds = org.kind === 'center' ? ['center', 'institute'] : ['institute', 'station'];
        const rows = report?.rows.filter((r) => shownKinds.includes(r.kind)) ?? [];
        // the standing: read by the system, only the caller's own row and the size of its kind
        const latest = await ctx.db.system
          .selectFrom('assessment_bulletins as b')
          .innerJoin('orgs as o', 'o.id', 'b.org_id')
          .select([
            sql<string>`b.id::text`.as('id'),
            'b.title',
            'b.period',
            sql<{
              rank: number | null;
              score: number | null;
              behind: boolean;
              change: number | null;
              kind: string;
            } | null>`(SELECT r FROM jsonb_array_elements(b.content -> 'rows') r
                  WHERE (r ->> 'orgId')::bigint = ${actor.orgId} LIMIT 1)`.as('mine'),
            sql<string>`(SELECT count(*) FROM jsonb_array_elements(b.content -> 'rows') r
                  WHERE r ->> 'kind' = ${org.kind} AND r ->> 'rank' IS NOT NULL)`.as('of'),
          ])
          .where('o.parent_id', 'is', null)
          .where('b.period_kind', '=', 'month')
          .orderBy('b.period_start', 'desc')
          .limit(1)
          .executeTakeFirst();
        const mine = latest?.mine ?? null;
        // the bulletin is the county's: link to it only for those whose scope holds it
        const standing =
          latest && mine
            ? {
                bulletinId: actor.orgPath.includes('.') ? null : Number(latest.id),
                title: latest.title,
                period: latest.period,
                rank: mine.rank,
                of: Number(latest.of),
                score: mine.score,
                behind: mine.behind,
                change: mine.change,
              }
            : null;
        return {
          period: { key: period.key, label: period.label, start: period.start, end: today },
          rows,
          indicators: report?.indicators.filter((i) => shownKinds.includes(i.orgKind)) ?? [],
          standing,
        };
      }),
  };
}
