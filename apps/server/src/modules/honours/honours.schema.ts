import { z } from 'zod';
import { HONOUR_TOP, STAR_THRESHOLDS } from '@civic/contracts';
import { pagingQuery, queryId } from '../../platform/http/schemas.ts';

export const rankingQuery = z.object({
  year: z.coerce
    .number({ error: '年度格式不正确' })
    .int('年度格式不正确')
    .min(2000, '年度须在 2000 年之后')
    .max(2100, '年度格式不正确'),
  orgId: queryId,
  top: z.coerce
    .number({ error: '名单人数须为 1–100 的整数' })
    .int('名单人数须为 1–100 的整数')
    .min(1, '名单人数至少 1 人')
    .max(100, '名单人数不超过 100 人')
    .default(HONOUR_TOP),
});
export type RankingQuery = z.infer<typeof rankingQuery>;

export const rankedVolunteer = z.object({
  rank: z.number(),
  volunteerId: z.number(),
  volunteerNo: z.string(),
  name: z.string(),
  orgName: z.string(),
  yearHours: z.number(),
  yearPoints: z.number(),
  records: z.number(),
  lifetimeHours: z.number(),
  starLevel: z.number(),
  phoneMasked: z.string().nullable(),
});
export type RankedVolunteer = z.infer<typeof rankedVolunteer>;

export const rankedHousehold = z.object({
  rank: z.number(),
  householdId: z.number(),
  householdNo: z.string(),
  /** the head of household, as the register has the name */
  headName: z.string(),
  orgName: z.string(),
  yearPoints: z.number(),
  postedAwards: z.number(),
});
export type RankedHousehold = z.infer<typeof rankedHousehold>;

/** 文明户榜: the org subtree's households by the points earned in the year. */
export const householdRankingView = z.object({
  minAwards: z.number(),
  /** active households of the register */
  candidates: z.number(),
  eligible: z.number(),
  excludedTooFewAwards: z.number(),
  excludedVoided: z.number(),
  byPoints: z.array(rankedHousehold),
});
export type HouseholdRankingView = z.infer<typeof householdRankingView>;

export const rankingView = z.object({
  year: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  minHours: z.number(),
  /** volunteers of the org in service */
  candidates: z.number(),
  /** of them, those who meet the sample rules */
  eligible: z.number(),
  excludedTooFewHours: z.number(),
  excludedDisputed: z.number(),
  byHours: z.array(rankedVolunteer),
  byPoints: z.array(rankedVolunteer),
  partyMembers: z.object({ total: z.number(), met: z.number() }),
  starCounts: z.array(z.object({ level: z.number(), count: z.number() })),
  households: householdRankingView,
});
export type RankingView = z.infer<typeof rankingView>;

export const privilegeInput = z.object({
  orgId: z.coerce
    .number({ error: '单位编号格式不正确' })
    .int()
    .positive()
    .max(2 ** 31)
    .optional(),
  name: z
    .string({ error: '请填写礼遇名称' })
    .trim()
    .min(1, '请填写礼遇名称')
    .max(40, '礼遇名称不超过 40 个字'),
  description: z.string().trim().max(300, '说明不超过 300 个字').default(''),
  minStar: z
    .number({ error: '星级须为 1–5 的整数' })
    .int('星级须为 1–5 的整数')
    .min(1, '星级须为 1–5 的整数')
    .max(5, '星级须为 1–5 的整数'),
});
export type PrivilegeInput = z.infer<typeof privilegeInput>;

export const privilegePatch = z
  .object({
    name: privilegeInput.shape.name.optional(),
    description: z.string().trim().max(300, '说明不超过 300 个字').optional(),
    minStar: privilegeInput.shape.minStar.optional(),
    active: z.boolean({ error: '启用状态须为是或否' }).optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: '没有要修改的内容' });
export type PrivilegePatch = z.infer<typeof privilegePatch>;

export const privilegeView = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  name: z.string(),
  description: z.string(),
  minStar: z.number(),
  active: z.boolean(),
  updatedAt: z.string(),
});
export type PrivilegeView = z.infer<typeof privilegeView>;

export const privilegeListQuery = z.object({ orgId: queryId });

/** 时长里程碑: a star level's hours reached, and when. */
export const ownMilestone = z.object({
  hours: z.number(),
  starLevel: z.number(),
  reachedAt: z.string(),
});

export const milestoneListQuery = z.object({
  year: rankingQuery.shape.year,
  orgId: queryId,
  hours: z.coerce
    .number({ error: '里程碑须为星级时长之一' })
    .refine((h) => (STAR_THRESHOLDS as readonly number[]).includes(h), {
      error: `里程碑须为 ${STAR_THRESHOLDS.join('、')} 小时之一`,
    })
    .optional(),
  ...pagingQuery,
});
export type MilestoneListQuery = z.infer<typeof milestoneListQuery>;

export const milestonePage = z.object({
  total: z.number(),
  items: z.array(
    z.object({
      volunteerId: z.number(),
      volunteerNo: z.string(),
      name: z.string(),
      orgName: z.string(),
      hours: z.number(),
      starLevel: z.number(),
      reachedAt: z.string(),
    }),
  ),
});
export type MilestonePage = z.infer<typeof milestonePage>;

export const myPrivilegesView = z.object({
  starLevel: z.number(),
  lifetimeHours: z.number(),
  /** the milestones reached, lowest first */
  milestones: z.array(ownMilestone),
  /** the privileges of the volunteer's org and the orgs above, whether already earned or not */
  privileges: z.array(privilegeView.extend({ earned: z.boolean() })),
});

/** What the volunteer card shows of the privileges: only those the star level already earns. */
export const cardPrivilegesView = z.object({
  starLevel: z.number(),
  privileges: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      description: z.string(),
      minStar: z.number(),
      orgName: z.string(),
    }),
  ),
});
export type CardPrivilegesView = z.infer<typeof cardPrivilegesView>;
