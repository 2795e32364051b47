// What each indicator counts, and how a unit is scored against its targets. Pure functions over the
// facts of unit-facts.ts, so fixtures with known answers test them without a database.
//
// - A counted indicator ('flow': activities, hours) has a yearly target, prorated to the period by
//   its months, and to the part of the period the unit existed (a station created on the 16th of a
//   30-day month owes half a month's activities).
// - A rate ('rate': on-time %, average rating, volunteers' share of residents) and a level
//   ('stock': 百千万 counts at the period's end) are compared with the target as they are.
// - Completion = actual / target, capped at 100% for the score. An indicator with no data (no
//   orders closed, too few ratings, no population recorded) shows 无数据 and is left out of the score, whose weights are then
//   rescaled over the indicators that have data: a unit is not punished for what nobody recorded.
// - Publicity (宣传稿件, seed 004 §13) is a flow capped per level: Σ min(pieces of the level, the
//   level's yearly quota), so a year reaches its target of 6 exactly when every level's quota is met
//   (no piece recorded is 0, not 无数据: the pieces are the units' own to record).
// - Score = Σ weight × min(completion, 1) / Σ weights (with data) × 100, one decimal.
// - Per indicator: 达标 (green) at ≥ 100%, 预警 (amber) at ≥ 80%, 滞后 (red) below. A unit below a
//   score of 60 is flagged 建设推进不力 (seed 002 §六(三)).
import { publicityCredited, type PublicityQuotaLevel } from '@civic/contracts';

export const ORG_KINDS_ASSESSED = ['center', 'institute', 'station'] as const;
export type AssessedKind = (typeof ORG_KINDS_ASSESSED)[number];

export type Basis = 'flow' | 'rate' | 'stock';

export interface IndicatorDef {
  name: string;
  unit: string;
  basis: Basis;
  /** what the figure is, for the settings page */
  description: string;
  /** false: the platform does not record its source yet (shown 无数据, never 0) */
  recorded: boolean;
}

export const INDICATORS = {
  activities: {
    name: '开展活动',
    unit: '场',
    basis: 'flow',
    description: '本单位及下级组织的已结束活动场次（按活动开始日计）',
    recorded: true,
  },
  festival_activities: {
    name: '“我们的节日”活动',
    unit: '场',
    basis: 'flow',
    description: '结合“我们的节日”开展的已结束活动场次',
    recorded: true,
  },
  service_hours: {
    name: '志愿服务时长',
    unit: '小时',
    basis: 'flow',
    description: '已确认的服务记录时长（不含平台启用前历史时长）',
    recorded: true,
  },
  volunteer_share: {
    name: '注册志愿者占常住人口',
    unit: '%',
    basis: 'rate',
    description: '期末在册志愿者人数 ÷ 常住人口（未填常住人口的单位为无数据）',
    recorded: true,
  },
  active_volunteers: {
    name: '活跃志愿者',
    unit: '人',
    basis: 'stock',
    description: '期间内（按整月）在本单位及下级组织有已确认服务记录的志愿者人数，一人只计一次',
    recorded: true,
  },
  on_time_rate: {
    name: '点单按时办结率',
    unit: '%',
    basis: 'rate',
    description: '期间办结的点单中未超时督办的比例（无办结点单为无数据）',
    recorded: true,
  },
  average_rating: {
    name: '群众评价',
    unit: '分',
    basis: 'rate',
    description: '群众评单平均分（评价数不足最小样本为无数据）',
    recorded: true,
  },
  site_standard: {
    name: '阵地建设达标（八有）',
    unit: '%',
    basis: 'rate',
    description: '期末最近一次阵地检查是否达标（实践所：所辖实践站达标比例）；未检查计为未达标',
    recorded: true,
  },
  stations_on_target: {
    name: '所辖实践站活动达标率',
    unit: '%',
    basis: 'rate',
    description: '所辖实践站中开展活动达到目标的比例',
    recorded: true,
  },
  micro_lecture_stations: {
    name: '“茶乡微讲堂”覆盖村（社区）',
    unit: '%',
    basis: 'rate',
    description:
      '所辖实践站（村、社区）中期间内举办过至少一场已结束的“茶乡微讲堂”（活动形式为“微”）的比例；实践站下的实践点举办的计入所在实践站',
    recorded: true,
  },
  professional_teams_on_target: {
    name: '专业志愿服务队完成服务目标',
    unit: '%',
    basis: 'rate',
    description:
      '在册的专业志愿服务队中，期间服务次数达到其年度服务目标按月折算值（年度目标 × 月数 ÷ 12，期间中组建的按组建后天数折算）的比例；服务次数 = 该队组织并已结束的活动场次 + 派给该队并已办结的点单数',
    recorded: true,
  },
  projects_done: {
    name: '志愿服务项目完成',
    unit: '个',
    basis: 'flow',
    description:
      '本年度项目库中期间内完成实施、首次进入“评估效果”阶段的项目数（项目周期 确立→招募→实施→评估→优化，进入评估即实施完成；每个项目只计一次）',
    recorded: true,
  },
  task_completion: {
    name: '工作任务完成率',
    unit: '%',
    basis: 'rate',
    description: '截止日在期间内的上级下达任务中已通过审核的比例（没有任务为无数据）',
    recorded: true,
  },
  trainings: {
    name: '集中培训',
    unit: '次',
    basis: 'flow',
    description:
      '期间内（按开始日期）已举办的集中培训次数：所站工作人员、文明实践骨干、新招募志愿者和微讲堂负责人培训，含下级单位举办的（每年不少于 2 次）',
    recorded: true,
  },
  publicity: {
    name: '宣传报道稿件',
    unit: '篇',
    basis: 'flow',
    description:
      '期间内发表、登记在本单位及下级单位的各级媒体宣传报道稿件，每级最多计到年度定额：省级（含中央级）1 篇、市级 2 篇、县级 3 篇，合计最多 6 篇；全年三级定额都完成即达到目标 6 篇，月度、季度按月数折算目标',
    recorded: true,
  },
  posts: {
    name: '文明实践驿站',
    unit: '个',
    basis: 'stock',
    description: '期末在用的文明实践驿站（岗）数（“百千万”之“百”）',
    recorded: true,
  },
  teams: {
    name: '志愿服务队伍',
    unit: '支',
    basis: 'stock',
    description: '期末在册的志愿服务队伍数（“百千万”之“千”）',
    recorded: true,
  },
  volunteers: {
    name: '注册志愿者',
    unit: '人',
    basis: 'stock',
    description: '期末在册的志愿者人数（“百千万”之“万”）',
    recorded: true,
  },
} as const satisfies Record<string, IndicatorDef>;

export type IndicatorCode = keyof typeof INDICATORS;
export const INDICATOR_CODES = Object.keys(INDICATORS) as IndicatorCode[];

/** Which indicators a kind of unit may be assessed on. */
export const INDICATORS_BY_KIND: Record<AssessedKind, readonly IndicatorCode[]> = {
  station: [
    'activities',
    'festival_activities',
    'service_hours',
    'volunteer_share',
    'active_volunteers',
    'on_time_rate',
    'average_rating',
    'site_standard',
    'task_completion',
  ],
  institute: [
    'activities',
    'festival_activities',
    'service_hours',
    'volunteer_share',
    'active_volunteers',
    'on_time_rate',
    'average_rating',
    'site_standard',
    'stations_on_target',
    'task_completion',
    'trainings',
    'publicity',
    'micro_lecture_stations',
  ],
  center: [
    'posts',
    'teams',
    'volunteers',
    'activities',
    'festival_activities',
    'service_hours',
    'volunteer_share',
    'active_volunteers',
    'on_time_rate',
    'average_rating',
    'site_standard',
    'trainings',
    'publicity',
    'professional_teams_on_target',
    'projects_done',
  ],
};

export interface IndicatorSetting {
  orgKind: AssessedKind;
  code: IndicatorCode;
  seq: number;
  target: number;
  weight: number;
  enabled: boolean;
}

/** The recorded facts of one unit (over its subtree) in a period; null = not known. */
export interface UnitFacts {
  orgId: number;
  path: string;
  name: string;
  kind: AssessedKind;
  archived: boolean;
  /** the share of the period the unit existed (created mid-period: less than 1) */
  existedShare: number;
  activitiesHeld: number;
  festivalActivitiesHeld: number;
  serviceHours: number;
  ordersClosed: number;
  ordersClosedOnTime: number;
  ratingSum: number;
  ratingCount: number;
  volunteers: number;
  population: number | null;
  activeVolunteers: number;
  /** stations inspected as passing / stations (for a station: itself) */
  sitesPassed: number;
  sites: number;
  posts: number;
  teams: number;
  /** work tasks due in the period addressed to the unit's subtree, and those approved */
  tasksAssigned: number;
  tasksApproved: number;
  /** for an institute: its stations meeting their activities target / its stations */
  stationsOnTarget: number | null;
  stations: number;
  /** of the `sites` (the stations in the period), those that held a finished 茶乡微讲堂 in it */
  microLectureStations: number;
  /** the professional teams (with a yearly service target) in the period, and those on target */
  professionalTeams: number;
  professionalTeamsOnTarget: number;
  /** projects that first reached 评估效果 in the period, in the year they belong to */
  projectsDone: number;
  /** publicity pieces published in the period, per quota level (中央级 counted with 省级) */
  publicity: Record<PublicityQuotaLevel, number>;
  /** trainings of the unit's subtree held, whose start falls in the period */
  trainingsHeld: number;
}

export type Rag = 'green' | 'amber' | 'red' | 'none';

export interface IndicatorResult {
  code: IndicatorCode;
  /** null: 无数据 */
  actual: number | null;
  /** the target for this unit and period (prorated for counted indicators) */
  target: number;
  /** actual ÷ target in percent, one decimal, uncapped; null without data */
  completion: number | null;
  rag: Rag;
}

export interface UnitScore {
  results: IndicatorResult[];
  /** 0–100, one decimal; null when no indicator has data */
  score: number | null;
  rag: Rag;
  /** 建设推进不力 */
  behind: boolean;
}

export const BEHIND_BELOW = 60;
const GREEN_AT = 1;
const AMBER_AT = 0.8;

const round = (n: number, places: number) => {
  const f = 10 ** places;
  return Math.round(n * f) / f;
};

/** The unit's actual figure of an indicator; null when there is nothing to measure. */
export function actualOf(code: IndicatorCode, f: UnitFacts, minRatings: number): number | null {
  switch (code) {
    case 'activities':
      return f.activitiesHeld;
    case 'festival_activities':
      return f.festivalActivitiesHeld;
    case 'service_hours':
      return round(f.serviceHours, 1);
    case 'volunteer_share':
      return f.population && f.population > 0 ? round((f.volunteers / f.population) * 100, 1) : null;
    case 'active_volunteers':
      return f.activeVolunteers;
    case 'on_time_rate':
      return f.ordersClosed > 0 ? round((f.ordersClosedOnTime / f.ordersClosed) * 100, 1) : null;
    case 'average_rating':
      return f.ratingCount > 0 && f.ratingCount >= minRatings ? round(f.ratingSum / f.ratingCount, 2) : null;
    case 'site_standard':
      return f.sites > 0 ? round((f.sitesPassed / f.sites) * 100, 1) : null;
    case 'stations_on_target':
      return f.stationsOnTarget !== null && f.stations > 0
        ? round((f.stationsOnTarget / f.stations) * 100, 1)
        : null;
    case 'task_completion':
      return f.tasksAssigned > 0 ? round((f.tasksApproved / f.tasksAssigned) * 100, 1) : null;
    case 'micro_lecture_stations':
      return f.sites > 0 ? round((f.microLectureStations / f.sites) * 100, 1) : null;
    case 'professional_teams_on_target':
      return f.professionalTeams > 0
        ? round((f.professionalTeamsOnTarget / f.professionalTeams) * 100, 1)
        : null;
    case 'projects_done':
      return f.projectsDone;
    case 'posts':
      return f.posts;
    case 'teams':
      return f.teams;
    case 'volunteers':
      return f.volunteers;
    case 'trainings':
      return f.trainingsHeld;
    case 'publicity':
      // each level counts up to its yearly quota: 8 county pieces do not make up for a missing province one
      return publicityCredited(f.publicity);
  }
}

/** The target of an indicator for a unit and period: counted ones prorated by months and existence. */
export function targetOf(
  setting: Pick<IndicatorSetting, 'code' | 'target'>,
  months: number,
  existedShare: number,
) {
  if (INDICATORS[setting.code].basis !== 'flow') return setting.target;
  return round(((setting.target * months) / 12) * existedShare, 2);
}

/**
 * Whether a team's services in a period reached its yearly target prorated to the period: the
 * target × months / 12, times the share of the period the team existed (as targetOf prorates).
 */
export function teamOnTarget(services: number, yearlyTarget: number, months: number, existedShare: number) {
  return services >= round(((yearlyTarget * months) / 12) * existedShare, 2);
}

const ragOf = (completion: number | null): Rag =>
  completion === null ? 'none' : completion >= GREEN_AT ? 'green' : completion >= AMBER_AT ? 'amber' : 'red';

/** Scores one unit on the enabled indicators of its kind. */
export function scoreUnit(
  f: UnitFacts,
  settings: readonly IndicatorSetting[],
  months: number,
  minRatings: number,
): UnitScore {
  let weighted = 0;
  let weights = 0;
  const results: IndicatorResult[] = [];
  for (const s of settings.filter((x) => x.orgKind === f.kind && x.enabled).sort((a, b) => a.seq - b.seq)) {
    const actual = actualOf(s.code, f, minRatings);
    const target = targetOf(s, months, f.existedShare);
    // a zero target is met by anything (a unit created on the period's last day owes nothing)
    const ratio = actual === null ? null : target > 0 ? actual / target : 1;
    if (ratio !== null) {
      weighted += s.weight * Math.min(ratio, 1);
      weights += s.weight;
    }
    results.push({
      code: s.code,
      actual,
      target,
      completion: ratio === null ? null : round(ratio * 100, 1),
      rag: ragOf(ratio),
    });
  }
  const score = weights > 0 ? round((weighted / weights) * 100, 1) : null;
  return {
    results,
    score,
    rag: score === null ? 'none' : score >= 90 ? 'green' : score >= BEHIND_BELOW ? 'amber' : 'red',
    behind: score !== null && score < BEHIND_BELOW,
  };
}

/** Ranks by score, highest first; ties share a rank (1, 2, 2, 4); null scores are not ranked. */
export function rankByScore<T extends { score: number | null }>(items: readonly T[]): Map<T, number> {
  const ranked = items.filter((i) => i.score !== null).sort((a, b) => b.score! - a.score!);
  const ranks = new Map<T, number>();
  ranked.forEach((item, i) => {
    const prev = ranked[i - 1];
    ranks.set(item, prev && prev.score === item.score ? ranks.get(prev)! : i + 1);
  });
  return ranks;
}

/**
 * Splits `poolFen` among units in proportion to their scores, to the fen: each gets the floor of
 * its exact share, and the fen left over go one each to the largest remainders (ties: higher
 * score, then lower org id). The amounts always sum to the pool.
 */
export function allocateByScore(
  poolFen: number,
  units: readonly { orgId: number; score: number }[],
): Map<number, number> {
  const total = units.reduce((s, u) => s + u.score, 0);
  const out = new Map<number, number>();
  if (total <= 0 || units.length === 0) return out;
  // integer arithmetic: scores have one decimal, so work in tenths
  const tenths = units.map((u) => ({ ...u, t: Math.round(u.score * 10) }));
  const totalT = tenths.reduce((s, u) => s + u.t, 0);
  const pool = BigInt(poolFen);
  const shares = tenths.map((u) => {
    const exact = pool * BigInt(u.t);
    return { u, floor: exact / BigInt(totalT), rem: exact % BigInt(totalT) };
  });
  let left = pool - shares.reduce((s, x) => s + x.floor, 0n);
  const order = [...shares].sort((a, b) =>
    a.rem !== b.rem ? (b.rem > a.rem ? 1 : -1) : b.u.score - a.u.score || a.u.orgId - b.u.orgId,
  );
  for (const s of order) {
    let amount = s.floor;
    if (left > 0n) {
      amount += 1n;
      left -= 1n;
    }
    out.set(s.u.orgId, Number(amount));
  }
  return out;
}
