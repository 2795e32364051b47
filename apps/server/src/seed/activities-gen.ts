/**
 * A year of the demo county's activities, as plain data (activities-seed.ts writes them): every
 * institute's and the centre's published plan for this year (季有主题、月有重点、周有安排, weekly
 * items linked to their activities); over the past twelve months each institute's festival
 * activities on the real dates of 我们的节日 and a monthly one, the centre's county-wide project
 * activities, each village station's one or two a month (fewer at the laggards, so assessment has
 * something to find), the monthly 茶乡微讲堂 series of the demo institute and the villages' own
 * 茶乡微讲堂 (a share of each town's villages that differs from town to town); sign-ups, QR check-ins and service records
 * as closing and reviewing would have left them; and the weeks ahead: open activities (some full,
 * with a waitlist), one in progress at the demo station right now so its QR screen works.
 *
 * Deterministic for a given input and `now`: every draw comes from mulberry32.
 */
import {
  BUSY_MONTHS,
  CENTRE_TITLES,
  DATED_TITLES,
  FESTIVAL_TITLES,
  FORM_PROJECT,
  FORM_TITLES,
  FORM_WEIGHTS,
  TEAHOUSE_TOPICS,
  TITLE_MONTHS,
  type TitleSpec,
} from './activities-data.ts';
import { createActivityFactory } from './activities-attendance.ts';
import { stageDemoStation } from './activities-demo.ts';
import {
  type ActivitiesSeed,
  type ActivitiesSeedInput,
  type ActivitySlot,
  addDays,
  beijingAt,
  beijingDate,
  between,
  DAY,
  daysInMonth,
  lastFestivalDates,
  monthOf,
  pick,
  type SeedSeries,
  TEAHOUSE_SERIES_TITLE,
  weighted,
  yearOf,
  ymd,
} from './activities-model.ts';
import { buildPlans } from './activities-plans.ts';
import { mulberry32, PERSON_SURNAMES } from './county-data.ts';

export * from './activities-model.ts';

export function buildActivitiesSeed(input: ActivitiesSeedInput): ActivitiesSeed {
  const { now, orgs, admins } = input;
  const rng = mulberry32(20261106);
  const today = beijingDate(now);
  const year = yearOf(today);
  const earliest = beijingDate(new Date(now.getTime() - 364 * DAY));
  const center = orgs.find((o) => o.kind === 'center')!;
  const institutes = orgs.filter((o) => o.kind === 'institute');
  const stations = orgs.filter((o) => o.kind === 'station');
  const demoStation = stations.find((s) => s.id === input.demoStationId)!;
  const demoInstitute = institutes.find((i) => i.id === demoStation.parentId) ?? institutes[0]!;
  const factory = createActivityFactory(input, rng);
  const { activities, build } = factory;

  // the past twelve calendar months, each as the range of its days before today
  const months: Array<{ year: number; month: number; first: string; last: string }> = [];
  for (let k = 12; k >= 0; k -= 1) {
    const total = yearOf(today) * 12 + monthOf(today) - 1 - k;
    const y = Math.floor(total / 12);
    const m = (total % 12) + 1;
    const first = ymd(y, m, 1) < earliest ? earliest : ymd(y, m, 1);
    const last = ymd(y, m, daysInMonth(y, m)) < today ? ymd(y, m, daysInMonth(y, m)) : addDays(today, -1);
    if (first <= last) months.push({ year: y, month: m, first, last });
  }
  const dayIn = (range: { first: string; last: string }) => {
    const span = Math.round((Date.parse(range.last) - Date.parse(range.first)) / DAY);
    return addDays(range.first, between(rng, 0, span));
  };
  const festivals = lastFestivalDates(today).filter(([, date]) => date >= earliest);

  const series: SeedSeries[] = [];

  /** An everyday activity on a day of `range`: now and then the day's own (七一, 国庆 …). */
  const everyday = (range: { first: string; last: string }): ActivitySlot => {
    const dated = DATED_TITLES.filter(([m, d]) => {
      const date = ymd(yearOf(range.first), m, d);
      return date >= range.first && date <= range.last;
    });
    if (dated.length > 0 && rng() < 0.35) {
      const [m, d, title, form] = pick(rng, dated);
      return {
        date: ymd(yearOf(range.first), m, d),
        title,
        form,
        festival: null,
        reach: between(rng, 5, 12),
      };
    }
    const date = dayIn(range);
    const form = weighted(rng, FORM_WEIGHTS);
    const titles = FORM_TITLES[form].filter((t) => TITLE_MONTHS[t]?.includes(monthOf(date)) ?? true);
    return { date, title: pick(rng, titles), form, festival: null, reach: between(rng, 3, 10) };
  };
  /** an everyday activity in the next four weeks */
  const soon = () => everyday({ first: addDays(today, 2), last: addDays(today, 27) });

  // ------------------------------------------------------------- the centre
  {
    const projectMonths = [...months].reverse();
    CENTRE_TITLES.forEach(([projectName, title, form], k) => {
      const range = projectMonths[k % projectMonths.length]!;
      build(center, {
        date: dayIn(range),
        title,
        form,
        festival: null,
        reach: 10,
        projectName,
        teamId: input.professionalTeams.get(projectName) ?? null,
      });
    });
    for (const [festival, date] of festivals) {
      if (festival !== 'spring' && festival !== 'double_ninth' && festival !== 'mid_autumn') continue;
      const spec = FESTIVAL_TITLES[festival].town[0]!;
      build(center, { date, ...spec, title: `全县${spec.title}`, festival, projectName: '文化惠民' });
    }
    const leiFeng =
      ymd(yearOf(today), 3, 5) < today ? ymd(yearOf(today), 3, 5) : ymd(yearOf(today) - 1, 3, 5);
    if (leiFeng >= earliest)
      build(center, {
        date: leiFeng,
        title: '学雷锋纪念日志愿服务集中行动',
        form: 'xing',
        festival: 'lei_feng',
        reach: 8,
      });
    for (const [projectName, title, form] of [CENTRE_TITLES[1]!, CENTRE_TITLES[9]!])
      build(
        center,
        {
          date: addDays(today, between(rng, 5, 25)),
          title,
          form,
          festival: null,
          reach: 10,
          projectName,
          teamId: input.professionalTeams.get(projectName) ?? null,
        },
        { upcoming: true, full: projectName === '爱心医疗' },
      );
  }

  // ------------------------------------------------------------- the institutes
  for (const institute of institutes) {
    const skipped = new Set<number>();
    // every town marks at least five of the seven festivals a year (seed 003)
    const spare = Math.min(2, festivals.length - 5);
    while (skipped.size < spare && rng() < 0.35) skipped.add(between(rng, 0, festivals.length - 1));
    festivals.forEach(([festival, date], k) => {
      if (skipped.has(k)) return;
      const spec: TitleSpec = pick(rng, FESTIVAL_TITLES[festival].town);
      const evening = festival === 'lantern' || festival === 'mid_autumn';
      build(institute, {
        date,
        ...spec,
        festival,
        ...(evening ? { hour: 19, minute: 0, length: 120 } : {}),
        projectName: rng() < 0.4 ? '文化惠民' : null,
      });
    });
    for (const range of months) {
      const count = institute.id === demoInstitute.id ? (rng() < 0.3 ? 1 : 0) : 1 + (rng() < 0.35 ? 1 : 0);
      for (let i = 0; i < count; i += 1) {
        const slot = everyday(range);
        build(institute, {
          ...slot,
          projectName: rng() < 0.4 ? pick(rng, FORM_PROJECT[slot.form]) : null,
        });
      }
    }
    const open = institute.id === demoInstitute.id ? 3 : between(rng, 1, 2);
    for (let i = 0; i < open; i += 1) build(institute, soon(), { upcoming: true, full: rng() < 0.3 });
  }

  // ------------------------------------------------------------- 茶乡微讲堂 at the demo institute
  {
    const hosts = stations.filter((s) => s.parentId === demoInstitute.id);
    const key = series.length;
    const dates: string[] = [];
    for (let k = 11; k >= -1; k -= 1) {
      const total = yearOf(today) * 12 + monthOf(today) - 1 - k;
      const date = ymd(Math.floor(total / 12), (total % 12) + 1, 15);
      if (date !== today && date >= earliest) dates.push(date);
    }
    dates.forEach((date, k) => {
      const host = hosts[k % Math.max(1, hosts.length)] ?? demoInstitute;
      const month = monthOf(date);
      const busy = BUSY_MONTHS.has(month);
      const topic = TEAHOUSE_TOPICS[month - 1]!;
      build(
        demoInstitute,
        {
          date,
          title: `${TEAHOUSE_SERIES_TITLE}·${topic}`,
          form: 'jiang',
          microLecture: true,
          festival: null,
          reach: 6,
          // 闲时白天讲、忙时晚上讲
          hour: busy ? 19 : 14,
          minute: 30,
          length: 90,
          projectName: '理论宣讲',
          place: `${host.shortName}“茶乡微讲堂”（${PERSON_SURNAMES[k % PERSON_SURNAMES.length]}家院坝）`,
          coords: { latitude: host.latitude, longitude: host.longitude },
          seriesKey: key,
          capacity: 25,
        },
        { upcoming: date > today },
      );
    });
    series.push({
      key,
      org: demoInstitute,
      title: TEAHOUSE_SERIES_TITLE,
      frequency: 'monthly',
      occurrences: dates.length,
      createdBy: admins.get(demoInstitute.id) ?? null,
      createdAt: new Date(beijingAt(dates[0]!, 9).getTime() - 20 * DAY),
    });
  }

  // ------------------------------------------------------------- the stations
  for (const station of stations) {
    if (factory.poolOf(station).length === 0) continue;
    const isDemo = station.id === input.demoStationId;
    const r = rng();
    const vigour = isDemo || r < 0.72 ? 'active' : r < 0.9 ? 'moderate' : 'laggard';
    const counts = months.map(() =>
      vigour === 'active'
        ? 1 + (rng() < (isDemo ? 0.6 : 0.4) ? 1 : 0)
        : rng() < (vigour === 'moderate' ? 0.7 : 0.25)
          ? 1
          : 0,
    );
    // even a laggard did something this year
    while (counts.reduce((sum, n) => sum + n, 0) < 2) counts[between(rng, 0, counts.length - 1)] = 1;
    for (const [m, range] of months.entries()) {
      const count = counts[m]!;
      const festival = festivals.find(([, date]) => date >= range.first && date <= range.last);
      for (let i = 0; i < count; i += 1) {
        if (i === 0 && festival && rng() < 0.55) {
          const [name, date] = festival;
          const spec = pick(rng, FESTIVAL_TITLES[name].village);
          const day =
            name === 'spring' ? addDays(date, -between(rng, 0, 4)) : addDays(date, -between(rng, 0, 1));
          build(
            station,
            { date: day >= range.first ? day : date, ...spec, festival: name },
            { laggard: vigour === 'laggard' },
          );
        } else {
          build(station, everyday(range), { laggard: vigour === 'laggard' });
        }
      }
    }
    if (!isDemo && rng() < 0.12) build(station, soon(), { upcoming: true });
  }

  stageDemoStation(factory, input, rng, demoStation);

  // ------------------------------------------------------------- 茶乡微讲堂 in the villages
  // ≥ 30% of a town's villages and communities hold one (seed 004 §6, mid-month, in a household's
  // courtyard). Each town has taken it up to its own degree — villages first — and a host skips a
  // month now and then, so the assessment finds towns above the 30% and towns below. Drawn last,
  // from their own generator, so the rest of the year stays as it was.
  {
    const lectureRng = mulberry32(20261115);
    const UPTAKE = [0.6, 0.5, 0.4, 0.3, 0.2, 0.1] as const;
    for (const institute of institutes) {
      const own = stations.filter((s) => s.parentId === institute.id && factory.poolOf(s).length > 0);
      const villagesFirst = [
        ...own.filter((s) => s.shortName.endsWith('村')),
        ...own.filter((s) => !s.shortName.endsWith('村')),
      ];
      const hosts = villagesFirst.slice(0, Math.round(pick(lectureRng, UPTAKE) * own.length));
      hosts.forEach((host, h) => {
        for (const range of months) {
          const date = ymd(range.year, range.month, 15);
          if (date < range.first || date > range.last || lectureRng() < 0.12) continue;
          const month = monthOf(date);
          build(host, {
            date,
            title: `${TEAHOUSE_SERIES_TITLE}·${TEAHOUSE_TOPICS[month - 1]!}`,
            form: 'jiang',
            microLecture: true,
            festival: null,
            reach: 3,
            // 闲时白天讲、忙时晚上讲
            hour: BUSY_MONTHS.has(month) ? 19 : 14,
            minute: 30,
            length: 90,
            projectName: '理论宣讲',
            place: `${host.shortName}“茶乡微讲堂”（${PERSON_SURNAMES[h % PERSON_SURNAMES.length]}家院坝）`,
            capacity: 25,
          });
        }
      });
    }

    // the county professional teams' services in the towns (全年服务不少于12次): some teams go out
    // every month, others miss months, so some meet their yearly service target and some fall behind
    const MONTHLY = [1, 0.95, 0.5, 0.85, 0.75, 0.65, 0.9, 0.45, 0.35, 1, 0.9, 0.25] as const;
    CENTRE_TITLES.forEach(([projectName, , form], k) => {
      const teamId = input.professionalTeams.get(projectName);
      if (teamId === undefined) return;
      for (const range of months) {
        if (lectureRng() >= MONTHLY[k % MONTHLY.length]!) continue;
        const town = pick(lectureRng, institutes);
        const span = Math.round((Date.parse(range.last) - Date.parse(range.first)) / DAY);
        build(center, {
          date: addDays(range.first, between(lectureRng, 0, span)),
          title: `“${projectName}”志愿服务队走进${town.shortName}`,
          form,
          festival: null,
          reach: 4,
          projectName,
          teamId,
        });
      }
    });
  }

  return {
    year,
    plans: buildPlans(now, [center, ...institutes], activities, admins),
    series,
    activities,
  };
}
