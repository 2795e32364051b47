/**
 * The yearly plans (年有计划、季有主题、月有重点、周有安排) of the centre and every institute for
 * this year, published in January: four quarterly themes, each month's focus (naming the month's
 * festivals, which move with the lunar calendar), a weekly item for each of the org's activities of
 * the year (linked to it, as "turn into an activity" leaves it) and two for each month still ahead.
 */
import { FESTIVAL_LABELS } from '@civic/contracts';
import {
  festivalDate,
  MONTH_FOCUS,
  PLANNED_AHEAD,
  QUARTER_THEMES,
  SEED_FESTIVALS,
  type SeedFestival,
} from './activities-data.ts';
import {
  type ActivityOrg,
  beijingAt,
  beijingDate,
  DAY,
  HOUR,
  monthOf,
  pick,
  type SeedActivity,
  type SeedPlan,
  type SeedPlanItem,
  yearOf,
  ymd,
} from './activities-model.ts';
import { mulberry32 } from './county-data.ts';

export function buildPlans(
  now: Date,
  planners: readonly ActivityOrg[],
  activities: readonly SeedActivity[],
  admins: ReadonlyMap<number, number>,
): SeedPlan[] {
  const today = beijingDate(now);
  const year = yearOf(today);
  const planRng = mulberry32(20260105);
  const jan5 = beijingAt(ymd(year, 1, 5), 9);
  const publishedAt = jan5.getTime() < now.getTime() ? jan5 : new Date(now.getTime() - HOUR);
  const festivalMonths = new Map<number, SeedFestival[]>();
  for (const festival of SEED_FESTIVALS) {
    const month = monthOf(festivalDate(festival, year));
    festivalMonths.set(month, [...(festivalMonths.get(month) ?? []), festival]);
  }
  return planners.map((org) => {
    const own = activities
      .filter((a) => a.org.id === org.id && yearOf(beijingDate(a.startsAt)) === year)
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    const items: SeedPlanItem[] = MONTH_FOCUS.map(([title, form, text], i) => {
      const festive = festivalMonths.get(i + 1) ?? [];
      const labels = festive.map((f) => FESTIVAL_LABELS[f]).join('、');
      return {
        month: i + 1,
        week: null,
        title: festive.length ? `${title}（我们的节日·${labels}）` : title,
        description: festive.length ? `${text}围绕${labels}开展“我们的节日”主题活动。` : text,
        form: festive.length ? 'qing' : form,
        festival: festive[0] ?? null,
        plannedOn: null,
        activityKey: null,
      };
    });
    for (const a of own) {
      const date = beijingDate(a.startsAt);
      items.push({
        month: monthOf(date),
        week: Math.min(5, Math.ceil(Number(date.slice(8, 10)) / 7)),
        title: a.title.length > 60 ? a.title.slice(0, 60) : a.title,
        description: null,
        form: a.form,
        festival: a.festival,
        plannedOn: date,
        activityKey: a.key,
      });
    }
    // 周有安排 for the months still ahead (not yet turned into activities)
    const currentMonth = yearOf(today) === year ? monthOf(today) : 0;
    for (let month = currentMonth + 1; month <= 12; month += 1) {
      for (const week of [2, 4]) {
        const [title, form] = pick(planRng, PLANNED_AHEAD);
        items.push({
          month,
          week,
          title,
          description: null,
          form,
          festival: null,
          plannedOn: ymd(year, month, week === 2 ? 10 : 24),
          activityKey: null,
        });
      }
    }
    const themes = QUARTER_THEMES.map((options) => pick(planRng, options));
    return {
      org,
      year,
      title: `${org.shortName}${year}年新时代文明实践活动计划`,
      summary: `以“强身、健脑、富民”为内涵，围绕理论宣讲、移风易俗、文明新风和“我们的节日”，年有计划、季有主题、月有重点、周有安排。全年开展文明实践活动不少于15场，其中结合“我们的节日”不少于5场；每月至少开展1次集中活动。`,
      quarterThemes: themes,
      createdBy: admins.get(org.id) ?? null,
      createdAt: new Date(publishedAt.getTime() - 3 * DAY),
      publishedAt,
      items,
    };
  });
}
