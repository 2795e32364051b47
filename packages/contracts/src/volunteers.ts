// Volunteers and teams: dictionaries with their Chinese labels, star levels and the party
// members' yearly hours. Codes follow ../../shared/GLOSSARY.md; the lists come from the seeds
// (000 §三(三), 003 五(一), 004 §9).

const labelled = <T extends string>(labels: Record<T, string>) => Object.keys(labels) as T[];

export const VOLUNTEER_CATEGORY_LABELS = {
  cadre: '在职党员干部',
  veteran: '退役军人',
  five_elders: '"五老"人员',
  moral_model: '道德模范',
  good_person: '身边好人',
  sage: '乡贤',
  arts: '文艺志愿者',
  college_student: '大学生',
  returnee: '返乡创业人员',
  other: '其他',
} as const;
export type VolunteerCategory = keyof typeof VOLUNTEER_CATEGORY_LABELS;
export const VOLUNTEER_CATEGORIES = labelled<VolunteerCategory>(VOLUNTEER_CATEGORY_LABELS);

export const POLITICAL_STATUS_LABELS = {
  party_member: '中共党员',
  probationary_member: '中共预备党员',
  league_member: '共青团员',
  democratic_party: '民主党派',
  masses: '群众',
} as const;
export type PoliticalStatus = keyof typeof POLITICAL_STATUS_LABELS;
export const POLITICAL_STATUSES = labelled<PoliticalStatus>(POLITICAL_STATUS_LABELS);
/** Party members (full and probationary) owe 20 service hours a year (seed 003 五(一)5). */
export const PARTY_STATUSES: readonly PoliticalStatus[] = ['party_member', 'probationary_member'];

export const SKILL_LABELS = {
  theory_lecture: '理论宣讲',
  law: '法律咨询',
  medical: '医疗护理',
  psychology: '心理疏导',
  tutoring: '教育辅导',
  performance: '文艺表演',
  calligraphy: '书法绘画',
  photography: '摄影摄像',
  sports: '体育健身',
  agriculture: '农业技术',
  tea: '茶叶种植加工',
  computer: '电脑网络',
  driving: '驾驶',
  repair: '家电维修',
  haircut: '理发',
  cooking: '烹饪',
  first_aid: '应急救护',
  sign_language: '手语',
  elderly_care: '养老护理',
  writing: '文字宣传',
} as const;
export type Skill = keyof typeof SKILL_LABELS;
export const SKILLS = labelled<Skill>(SKILL_LABELS);

export const SERVICE_CATEGORY_LABELS = {
  theory: '理论宣讲',
  culture: '文化文艺',
  science: '科学普及',
  law: '法律服务',
  health: '医疗健康',
  elderly: '关爱老人',
  children: '关爱儿童',
  disability: '助残服务',
  environment: '生态环保',
  traffic: '文明交通',
  emergency: '应急救援',
  education: '教育助学',
  community: '社区治理',
  poverty: '帮扶救困',
} as const;
export type ServiceCategory = keyof typeof SERVICE_CATEGORY_LABELS;
export const SERVICE_CATEGORIES = labelled<ServiceCategory>(SERVICE_CATEGORY_LABELS);

export const AVAILABILITY_LABELS = { weekdays: '工作日', weekends: '周末', evenings: '晚间' } as const;
export type Availability = keyof typeof AVAILABILITY_LABELS;
export const AVAILABILITIES = labelled<Availability>(AVAILABILITY_LABELS);

export const GENDER_LABELS = { male: '男', female: '女' } as const;
export type Gender = keyof typeof GENDER_LABELS;

export const VOLUNTEER_STATUS_LABELS = { active: '正常', suspended: '已暂停', withdrawn: '已注销' } as const;
export type VolunteerStatus = keyof typeof VOLUNTEER_STATUS_LABELS;
export const VOLUNTEER_STATUSES = labelled<VolunteerStatus>(VOLUNTEER_STATUS_LABELS);

export const VOLUNTEER_SOURCE_LABELS = { self: '本人注册', import: '批量导入', admin: '管理员录入' } as const;
export type VolunteerSource = keyof typeof VOLUNTEER_SOURCE_LABELS;

/** The privacy notice the registrant agrees to; bump it when the text changes. */
export const PRIVACY_POLICY_VERSION = '2026-11';
/** Under this age a guardian's name, phone and consent are required (PIPL art. 31). */
export const GUARDIAN_REQUIRED_UNDER = 14;
export const ADULT_AGE = 18;

/**
 * Age ranges: what a view shows instead of the birth date to whoever may not see full ID numbers
 * (the birth date is 8 of the ID number's 18 digits). The bounds at 14 and 18 keep the guardian
 * and minor rules readable from the range.
 */
export const AGE_RANGE_LABELS = {
  under_14: '未满14岁',
  age_14_17: '14–17岁',
  age_18_29: '18–29岁',
  age_30_39: '30–39岁',
  age_40_49: '40–49岁',
  age_50_59: '50–59岁',
  age_60_69: '60–69岁',
  age_70_plus: '70岁及以上',
} as const;
export type AgeRange = keyof typeof AGE_RANGE_LABELS;
export const AGE_RANGES = labelled<AgeRange>(AGE_RANGE_LABELS);
/** The youngest age in each range; a range ends where the next begins. */
export const AGE_RANGE_FROM: Readonly<Record<AgeRange, number>> = {
  under_14: 0,
  age_14_17: GUARDIAN_REQUIRED_UNDER,
  age_18_29: ADULT_AGE,
  age_30_39: 30,
  age_40_49: 40,
  age_50_59: 50,
  age_60_69: 60,
  age_70_plus: 70,
};

export function ageRangeOf(age: number): AgeRange {
  let range: AgeRange = 'under_14';
  for (const candidate of AGE_RANGES) if (age >= AGE_RANGE_FROM[candidate]) range = candidate;
  return range;
}

// ---------------------------------------------------------------- teams

export const TEAM_TIER_LABELS = {
  corps: '总队',
  brigade: '大队',
  squadron: '中队',
  squad: '小队',
  detachment: '小分队',
} as const;
export type TeamTier = keyof typeof TEAM_TIER_LABELS;
/** From the top of the tree down; a child team sits on a lower tier than its parent. */
export const TEAM_TIERS = labelled<TeamTier>(TEAM_TIER_LABELS);

export const TEAM_KIND_LABELS = {
  regular: '志愿服务队',
  professional: '专业志愿服务队',
  feature: '特色志愿服务队',
} as const;
export type TeamKind = keyof typeof TEAM_KIND_LABELS;
export const TEAM_KINDS = labelled<TeamKind>(TEAM_KIND_LABELS);

export const TEAM_STATUS_LABELS = { active: '正常', dissolved: '已解散' } as const;
export type TeamStatus = keyof typeof TEAM_STATUS_LABELS;
export const TEAM_STATUSES = labelled<TeamStatus>(TEAM_STATUS_LABELS);

export const TEAM_MEMBER_ROLE_LABELS = { leader: '队长', deputy: '副队长', member: '队员' } as const;
export type TeamMemberRole = keyof typeof TEAM_MEMBER_ROLE_LABELS;
export const TEAM_MEMBER_ROLES = labelled<TeamMemberRole>(TEAM_MEMBER_ROLE_LABELS);

export const TEAM_MEMBER_STATUS_LABELS = {
  pending: '待审核',
  active: '在队',
  rejected: '未通过',
  left: '已离队',
} as const;
export type TeamMemberStatus = keyof typeof TEAM_MEMBER_STATUS_LABELS;
export const TEAM_MEMBER_STATUSES = labelled<TeamMemberStatus>(TEAM_MEMBER_STATUS_LABELS);

// ---------------------------------------------------------------- star level and party hours

/** Lifetime hours for stars 1–5 (星级志愿者). */
export const STAR_THRESHOLDS = [100, 300, 600, 1000, 1500] as const;

export function starLevel(lifetimeHours: number): number {
  let level = 0;
  for (const threshold of STAR_THRESHOLDS) if (lifetimeHours >= threshold) level += 1;
  return level;
}

export interface StarProgress {
  level: number;
  /** Hours of the next star, or null at five stars. */
  nextThreshold: number | null;
  hoursToNext: number | null;
}

export function starProgress(lifetimeHours: number): StarProgress {
  const level = starLevel(lifetimeHours);
  const next = STAR_THRESHOLDS[level] ?? null;
  return {
    level,
    nextThreshold: next,
    hoursToNext: next === null ? null : Math.round((next - lifetimeHours) * 10) / 10,
  };
}

export const PARTY_YEARLY_HOURS = 20;

export interface PartyRequirement {
  required: number;
  done: number;
  remaining: number;
  met: boolean;
}

/** The yearly 20-hour requirement for party members; null for everyone else. */
export function partyRequirement(status: PoliticalStatus, yearHours: number): PartyRequirement | null {
  if (!PARTY_STATUSES.includes(status)) return null;
  const remaining = Math.max(0, Math.round((PARTY_YEARLY_HOURS - yearHours) * 10) / 10);
  return { required: PARTY_YEARLY_HOURS, done: yearHours, remaining, met: remaining === 0 };
}
