import { z } from 'zod';
import {
  PLATFORMS,
  SERVICE_CATEGORIES,
  TEAM_KINDS,
  TEAM_MEMBER_ROLES,
  TEAM_MEMBER_STATUSES,
  TEAM_STATUSES,
  TEAM_TIERS,
} from '@civic/contracts';
import { bodyId, optionalText, pagingQuery, queryId } from '../../platform/http/schemas.ts';

const editable = {
  parentId: bodyId.nullable().optional(),
  name: z
    .string({ error: '请输入队伍名称' })
    .trim()
    .min(2, '队伍名称至少 2 个字')
    .max(60, '队伍名称不超过 60 个字'),
  tier: z.enum(TEAM_TIERS, { error: '请选择队伍层级' }),
  kind: z.enum(TEAM_KINDS, { error: '请选择队伍类型' }),
  platform: z.enum(PLATFORMS).nullable().optional(),
  responsibleUnit: optionalText(60),
  yearlyServiceTarget: z.number().int('年度服务目标须为整数').min(0).max(100000).nullable().optional(),
  serviceCategories: z.array(z.enum(SERVICE_CATEGORIES)).max(SERVICE_CATEGORIES.length).optional(),
  description: optionalText(1000),
  foundedOn: z.iso.date('日期格式应为 YYYY-MM-DD').nullable().optional(),
  acceptingApplications: z.boolean().optional(),
};

export const teamInput = z.object({ orgId: bodyId, ...editable });
export type TeamInput = z.infer<typeof teamInput>;
export const updateTeamInput = z.object({
  ...editable,
  name: editable.name.optional(),
  tier: editable.tier.optional(),
  kind: editable.kind.optional(),
});
export type UpdateTeamInput = z.infer<typeof updateTeamInput>;

export const teamListQuery = z.object({
  keyword: z.string().trim().max(50).optional(),
  orgId: queryId,
  tier: z.enum(TEAM_TIERS).optional(),
  kind: z.enum(TEAM_KINDS).optional(),
  status: z.enum(TEAM_STATUSES).optional(),
  ...pagingQuery,
});
export type TeamListQuery = z.infer<typeof teamListQuery>;

export const teamTreeQuery = z.object({ orgId: queryId });

export const teamListItem = z.object({
  id: z.number(),
  name: z.string(),
  tier: z.enum(TEAM_TIERS),
  kind: z.enum(TEAM_KINDS),
  orgId: z.number(),
  orgName: z.string(),
  parentId: z.number().nullable(),
  parentName: z.string().nullable(),
  platform: z.enum(PLATFORMS).nullable(),
  responsibleUnit: z.string().nullable(),
  yearlyServiceTarget: z.number().nullable(),
  serviceCategories: z.array(z.string()),
  leaderName: z.string().nullable(),
  memberCount: z.number(),
  pendingCount: z.number(),
  acceptingApplications: z.boolean(),
  status: z.enum(TEAM_STATUSES),
});
export type TeamListItem = z.infer<typeof teamListItem>;

export const teamDetail = teamListItem.extend({
  description: z.string().nullable(),
  foundedOn: z.string().nullable(),
  deputies: z.array(z.object({ volunteerId: z.number(), name: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TeamDetail = z.infer<typeof teamDetail>;

export interface TeamTreeNode {
  id: number;
  name: string;
  tier: (typeof TEAM_TIERS)[number];
  kind: (typeof TEAM_KINDS)[number];
  orgName: string;
  memberCount: number;
  status: (typeof TEAM_STATUSES)[number];
  children: TeamTreeNode[];
}
// recursive: registered by id so the OpenAPI document refers to it as a component (#/components/schemas/…)
export const teamTreeNode: z.ZodType<TeamTreeNode> = z
  .lazy(() =>
    z.object({
      id: z.number(),
      name: z.string(),
      tier: z.enum(TEAM_TIERS),
      kind: z.enum(TEAM_KINDS),
      orgName: z.string(),
      memberCount: z.number(),
      status: z.enum(TEAM_STATUSES),
      children: z.array(teamTreeNode),
    }),
  )
  .meta({ id: 'TeamTreeNode' });

export const teamMember = z.object({
  id: z.number(),
  teamId: z.number(),
  volunteerId: z.number(),
  volunteerNo: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  orgName: z.string(),
  role: z.enum(TEAM_MEMBER_ROLES),
  status: z.enum(TEAM_MEMBER_STATUSES),
  source: z.enum(['admin', 'application']),
  applicationNote: z.string().nullable(),
  decisionNote: z.string().nullable(),
  appliedAt: z.string(),
  joinedAt: z.string().nullable(),
});
export type TeamMemberView = z.infer<typeof teamMember>;

export const memberListQuery = z.object({
  status: z.enum(TEAM_MEMBER_STATUSES).optional(),
  role: z.enum(TEAM_MEMBER_ROLES).optional(),
  keyword: z.string().trim().max(50).optional(),
  ...pagingQuery,
});
export type MemberListQuery = z.infer<typeof memberListQuery>;

export const addMembersInput = z.object({
  volunteerIds: z.array(bodyId).min(1, '请选择志愿者').max(500, '一次最多添加 500 人'),
  role: z.enum(TEAM_MEMBER_ROLES).optional(),
});
export const memberRoleInput = z.object({ role: z.enum(TEAM_MEMBER_ROLES) });
export const decisionInput = z.object({ note: z.string().trim().max(200).optional() });
export const applyInput = z.object({ note: z.string().trim().max(200).optional() });

export const teamMemberParams = z.object({ id: bodyId, memberId: bodyId });
export const teamIdParams = z.object({ teamId: bodyId });
export const memberIdParams = z.object({ memberId: bodyId });

export const myTeam = z.object({
  memberId: z.number(),
  teamId: z.number(),
  teamName: z.string(),
  tier: z.enum(TEAM_TIERS),
  kind: z.enum(TEAM_KINDS),
  orgName: z.string(),
  role: z.enum(TEAM_MEMBER_ROLES),
  status: z.enum(TEAM_MEMBER_STATUSES),
  appliedAt: z.string(),
  joinedAt: z.string().nullable(),
  pendingApplications: z.number().nullable(),
});
