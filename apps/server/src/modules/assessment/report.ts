// The assessment report of an org's subtree for a period: one row per assessed unit (the org itself
// and every institute and station below it) with every indicator's figure, target, completion and
// red/amber/green, the unit's score, its rank among units of its kind and its change against the
// previous period. A bulletin is this report, frozen when published.
import type { Tx } from '../../platform/db/database.ts';
import {
  INDICATORS,
  rankByScore,
  scoreUnit,
  targetOf,
  type IndicatorSetting,
  type UnitFacts,
} from './indicators.ts';
import type { ReportIndicator, ReportRow, ReportView } from './bulletins.schema.ts';
import { previousPeriod, type Period } from './periods.ts';
import { unitFacts } from './unit-facts.ts';

export interface ReportOptions {
  root: { id: number; path: string; name: string };
  period: Period;
  settings: readonly IndicatorSetting[];
  minRatings: number;
  generatedAt: Date;
}

/** The scored rows of one period (no comparison). */
async function scoredRows(db: Tx, o: ReportOptions, period: Period) {
  const facts = await unitFacts(db, o.root.path, period);
  // an institute's stations meeting their activities target, before the institute is scored
  const stationActivities = o.settings.find(
    (s) => s.orgKind === 'station' && s.code === 'activities' && s.enabled,
  );
  const stationMet = new Map<string, boolean>();
  for (const f of facts.filter((x) => x.kind === 'station' && !x.archived))
    stationMet.set(
      f.path,
      stationActivities !== undefined &&
        f.activitiesHeld >= targetOf(stationActivities, period.months, f.existedShare),
    );
  const withStations = facts.map((f): UnitFacts => {
    if (f.kind === 'station' || !stationActivities) return f;
    const mine = [...stationMet.entries()].filter(([p]) => p.startsWith(`${f.path}.`));
    return { ...f, stations: mine.length, stationsOnTarget: mine.filter(([, met]) => met).length };
  });
  const rows = withStations.map((f) => ({
    facts: f,
    ...scoreUnit(f, o.settings, period.months, o.minRatings),
  }));
  const ranks = new Map<(typeof rows)[number], number>();
  for (const kind of ['center', 'institute', 'station'] as const)
    for (const [row, rank] of rankByScore(rows.filter((r) => r.facts.kind === kind && !r.facts.archived)))
      ranks.set(row, rank);
  return rows.map((r) => ({ ...r, rank: ranks.get(r) ?? null }));
}

export async function buildReport(db: Tx, o: ReportOptions): Promise<ReportView> {
  const current = await scoredRows(db, o, o.period);
  const previous = await scoredRows(db, o, previousPeriod(o.period));
  const before = new Map(previous.map((r) => [r.facts.orgId, r]));
  const parentName = (path: string) => {
    const parent = current.find((r) => r.facts.kind === 'institute' && path.startsWith(`${r.facts.path}.`));
    return parent?.facts.name ?? null;
  };
  const rows = current.map((r): ReportRow => {
    const prev = before.get(r.facts.orgId);
    return {
      orgId: r.facts.orgId,
      name: r.facts.name,
      kind: r.facts.kind,
      parentName: r.facts.kind === 'station' ? parentName(r.facts.path) : null,
      archived: r.facts.archived,
      score: r.score,
      rank: r.rank,
      rag: r.rag,
      behind: r.behind,
      previousScore: prev?.score ?? null,
      previousRank: prev?.rank ?? null,
      change: r.score !== null && prev?.score != null ? Math.round((r.score - prev.score) * 10) / 10 : null,
      results: r.results,
    };
  });
  const indicators = o.settings
    .filter((s) => s.enabled)
    .sort((a, b) => (a.orgKind === b.orgKind ? a.seq - b.seq : a.orgKind.localeCompare(b.orgKind)))
    .map((s): ReportIndicator => ({
      orgKind: s.orgKind,
      code: s.code,
      name: INDICATORS[s.code].name,
      unit: INDICATORS[s.code].unit,
      basis: INDICATORS[s.code].basis,
      recorded: INDICATORS[s.code].recorded,
      target: s.target,
      weight: s.weight,
    }));
  const kinds = (['center', 'institute', 'station'] as const)
    .map((kind) => {
      const of = rows.filter((r) => r.kind === kind && !r.archived);
      const scored = of.filter((r) => r.score !== null);
      return {
        kind,
        units: of.length,
        behind: of.filter((r) => r.behind).length,
        averageScore:
          scored.length > 0
            ? Math.round((scored.reduce((s, r) => s + r.score!, 0) / scored.length) * 10) / 10
            : null,
      };
    })
    .filter((k) => k.units > 0);
  return {
    orgId: o.root.id,
    orgName: o.root.name,
    period: {
      kind: o.period.kind,
      key: o.period.key,
      label: o.period.label,
      start: o.period.start,
      end: o.period.end,
    },
    generatedAt: o.generatedAt.toISOString(),
    minRatings: o.minRatings,
    indicators,
    rows,
    summary: { kinds },
  };
}
