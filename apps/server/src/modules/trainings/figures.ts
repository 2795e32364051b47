// The training figures: what the assessment reads (集中培训: held trainings of a subtree whose start,
// a China date, falls in a period) and the yearly summary per unit (seed 004 §11: 每年不少于2次).
import { sql } from 'kysely';
import { TRAININGS_PER_YEAR, type TrainingKind } from '@civic/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { inScope, type Tx } from '../../platform/db/database.ts';
import { chinaDate } from '../../platform/time.ts';
import type { SummaryRow, TrainingSummary } from './trainings.schema.ts';
import { chinaMidnight, nextDay, scopedOrg } from './trainings.service.ts';

export interface TrainingFigures {
  orgPath: string;
  held: number;
}

/** Held trainings per org under `orgPath` whose start (China date) lies in [from, to]. */
export async function trainingFigures(
  tx: Tx,
  orgPath: string,
  from: string,
  to: string,
): Promise<TrainingFigures[]> {
  const { rows } = await sql<{ org_path: string; held: number }>`
    SELECT org_path::text AS org_path, count(*)::int AS held
      FROM trainings
     WHERE status = 'held' AND org_path <@ ${orgPath}::ltree
       AND starts_at >= ${chinaMidnight(from)} AND starts_at < ${chinaMidnight(nextDay(to))}
     GROUP BY org_path
     ORDER BY org_path`.execute(tx);
  return rows.map((r) => ({ orgPath: r.org_path, held: r.held }));
}

type Counts = Omit<SummaryRow, 'orgId' | 'orgName' | 'orgKind' | 'scope' | 'meets'>;
const emptyCounts = (): Counts => ({
  held: 0,
  byKind: { staff: 0, backbone: 0, new_volunteers: 0, lecture_leads: 0 },
  attendees: 0,
  planned: 0,
});

export function createTrainingFiguresService(ctx: AppContext) {
  return {
    /** 年度统计: the unit's own row, each direct child over its subtree, and the total. */
    summary: (actor: Actor, q: { orgId?: number | undefined; year?: number | undefined }) =>
      inScope(ctx.db.app, actor, async (tx): Promise<TrainingSummary> => {
        const year = q.year ?? Number(chinaDate(ctx.now()).slice(0, 4));
        const root = await scopedOrg(tx, actor, q.orgId ?? actor.orgId);
        const children = await tx
          .selectFrom('orgs')
          .select(['id', 'path', 'name', 'kind', 'status'])
          .where('parent_id', '=', root.id)
          .where('kind', 'in', ['institute', 'station', 'center'])
          .orderBy('code')
          .execute();
        const { rows } = await sql<{
          org_path: string;
          kind: TrainingKind;
          status: string;
          n: number;
          people: number;
        }>`
          SELECT t.org_path::text AS org_path, t.kind, t.status, count(*)::int AS n,
                 coalesce(sum(t.other_attendees + (SELECT count(*) FROM training_attendees a
                                                    WHERE a.training_id = t.id)), 0)::int AS people
            FROM trainings t
           WHERE t.org_path <@ ${root.path}::ltree AND t.status IN ('held', 'planned')
             AND t.starts_at >= ${chinaMidnight(`${year}-01-01`)}
             AND t.starts_at < ${chinaMidnight(`${year + 1}-01-01`)}
           GROUP BY t.org_path, t.kind, t.status`.execute(tx);
        const add = (acc: Counts, r: (typeof rows)[number]) => {
          if (r.status === 'planned') acc.planned += r.n;
          else {
            acc.held += r.n;
            acc.byKind[r.kind] += r.n;
            acc.attendees += r.people;
          }
        };
        const within = (path: string, root: string) => path === root || path.startsWith(`${root}.`);
        const own = emptyCounts();
        const total = emptyCounts();
        const perChild = new Map(children.map((c) => [c.path, emptyCounts()]));
        for (const r of rows) {
          add(total, r);
          if (r.org_path === root.path) add(own, r);
          for (const c of children) if (within(r.org_path, c.path)) add(perChild.get(c.path)!, r);
        }
        const meets = (kind: string, c: Counts) =>
          kind === 'institute' ? c.held >= TRAININGS_PER_YEAR : null;
        const result: SummaryRow[] = [
          {
            orgId: Number(root.id),
            orgName: root.name,
            orgKind: root.kind,
            scope: 'own',
            ...own,
            meets: null,
          },
          ...children
            // an archived unit without trainings that year is left out
            .filter(
              (c) => c.status === 'active' || perChild.get(c.path)!.held + perChild.get(c.path)!.planned > 0,
            )
            .map((c) => {
              const counts = perChild.get(c.path)!;
              return {
                orgId: Number(c.id),
                orgName: c.name,
                orgKind: c.kind,
                scope: 'subtree' as const,
                ...counts,
                meets: meets(c.kind, counts),
              };
            }),
          {
            orgId: Number(root.id),
            orgName: root.name,
            orgKind: root.kind,
            scope: 'total',
            ...total,
            meets: meets(root.kind, total),
          },
        ];
        return { year, required: TRAININGS_PER_YEAR, rows: result };
      }),
  };
}
