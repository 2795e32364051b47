import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/plugin.ts';
import type { AppContext } from '../../platform/context.ts';
import { createTeamMembersService } from './team-members.service.ts';
import {
  addMembersInput,
  applyInput,
  decisionInput,
  memberIdParams,
  memberListQuery,
  memberRoleInput,
  myTeam,
  teamDetail,
  teamIdParams,
  teamInput,
  teamListItem,
  teamListQuery,
  teamMember,
  teamMemberParams,
  teamTreeNode,
  teamTreeQuery,
  updateTeamInput,
} from './teams.schema.ts';
import { createTeamsService } from './teams.service.ts';
import { idParams } from '../../platform/http/schemas.ts';

const ok = z.object({ ok: z.literal(true) });

export function teamsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const teams = createTeamsService(ctx);
  const members = createTeamMembersService(ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['teams'];
  const read = { permission: 'team.read' as const };
  const write = { permission: 'team.write' as const };

  r.get(
    '/api/teams/tree',
    {
      schema: {
        tags,
        summary: '队伍树',
        querystring: teamTreeQuery,
        response: { 200: z.array(teamTreeNode) },
      },
      config: read,
    },
    (req) => teams.tree(actorOf(req), req.query.orgId),
  );
  r.get(
    '/api/teams',
    {
      schema: {
        tags,
        summary: '队伍列表（本单位及下级）',
        querystring: teamListQuery,
        response: { 200: z.object({ items: z.array(teamListItem), total: z.number() }) },
      },
      config: read,
    },
    (req) => teams.list(actorOf(req), req.query),
  );
  r.get(
    '/api/teams/:id',
    { schema: { tags, summary: '队伍详情', params: idParams, response: { 200: teamDetail } }, config: read },
    (req) => teams.get(actorOf(req), req.params.id),
  );
  r.post(
    '/api/teams',
    { schema: { tags, summary: '新建队伍', body: teamInput, response: { 200: teamDetail } }, config: write },
    (req) => teams.create(actorOf(req), req.body),
  );
  r.patch(
    '/api/teams/:id',
    {
      schema: {
        tags,
        summary: '编辑队伍',
        params: idParams,
        body: updateTeamInput,
        response: { 200: teamDetail },
      },
      config: write,
    },
    (req) => teams.update(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/teams/:id/dissolve',
    { schema: { tags, summary: '解散队伍', params: idParams, response: { 200: teamDetail } }, config: write },
    (req) => teams.dissolve(actorOf(req), req.params.id),
  );

  r.get(
    '/api/teams/:id/members',
    {
      schema: {
        tags,
        summary: '队员列表',
        params: idParams,
        querystring: memberListQuery,
        response: { 200: z.object({ items: z.array(teamMember), total: z.number() }) },
      },
      config: read,
    },
    (req) => members.list(actorOf(req), req.params.id, req.query),
  );
  r.post(
    '/api/teams/:id/members',
    {
      schema: {
        tags,
        summary: '添加队员（管理员指派）',
        params: idParams,
        body: addMembersInput,
        response: { 200: z.object({ added: z.number(), skipped: z.number() }) },
      },
      config: write,
    },
    (req) => members.add(actorOf(req), req.params.id, req.body.volunteerIds, req.body.role),
  );
  r.patch(
    '/api/teams/:id/members/:memberId',
    {
      schema: {
        tags,
        summary: '设置队员职务（新队长会使原队长改为队员）',
        params: teamMemberParams,
        body: memberRoleInput,
        response: { 200: teamMember },
      },
      config: write,
    },
    (req) => members.setRole(actorOf(req), req.params.id, req.params.memberId, req.body.role),
  );
  for (const decision of ['approve', 'reject'] as const) {
    r.post(
      `/api/teams/:id/members/:memberId/${decision}`,
      {
        schema: {
          tags,
          summary: decision === 'approve' ? '通过入队申请' : '拒绝入队申请',
          params: teamMemberParams,
          body: decisionInput,
          response: { 200: teamMember },
        },
        config: write,
      },
      (req) => members.decide(actorOf(req), req.params.id, req.params.memberId, decision, req.body.note),
    );
  }
  r.delete(
    '/api/teams/:id/members/:memberId',
    { schema: { tags, summary: '移出队伍', params: teamMemberParams, response: { 200: ok } }, config: write },
    async (req) => {
      await members.remove(actorOf(req), req.params.id, req.params.memberId);
      return { ok: true as const };
    },
  );

  // ---------------------------------------------------------------- the volunteer on H5
  const self = { permission: 'volunteer.self' as const };
  r.get(
    '/api/me/teams',
    { schema: { tags, summary: '我的队伍', response: { 200: z.array(myTeam) } }, config: self },
    (req) => members.mine(actorOf(req)),
  );
  r.get(
    '/api/me/teams/available',
    { schema: { tags, summary: '可申请加入的队伍', response: { 200: z.array(teamListItem) } }, config: self },
    (req) => members.available(actorOf(req)),
  );
  r.post(
    '/api/me/teams/:teamId/apply',
    {
      schema: {
        tags,
        summary: '申请加入队伍',
        params: teamIdParams,
        body: applyInput,
        response: { 200: z.object({ memberId: z.number(), status: z.literal('pending') }) },
      },
      config: self,
    },
    (req) => members.apply(actorOf(req), req.params.teamId, req.body.note),
  );
  r.post(
    '/api/me/teams/:teamId/leave',
    {
      schema: { tags, summary: '撤回申请或退出队伍', params: teamIdParams, response: { 200: ok } },
      config: self,
    },
    async (req) => {
      await members.leave(actorOf(req), req.params.teamId);
      return { ok: true as const };
    },
  );
  r.get(
    '/api/me/teams/:teamId/applications',
    {
      schema: {
        tags,
        summary: '待审核的入队申请（队长、副队长）',
        params: teamIdParams,
        response: { 200: z.array(teamMember) },
      },
      config: self,
    },
    (req) => members.applications(actorOf(req), req.params.teamId),
  );
  for (const decision of ['approve', 'reject'] as const) {
    r.post(
      `/api/me/team-applications/:memberId/${decision}`,
      {
        schema: {
          tags,
          summary: decision === 'approve' ? '队长通过入队申请' : '队长拒绝入队申请',
          params: memberIdParams,
          body: decisionInput,
          response: { 200: teamMember },
        },
        config: self,
      },
      (req) => members.decideAsLeader(actorOf(req), req.params.memberId, decision, req.body.note),
    );
  }
}
