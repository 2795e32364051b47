import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/plugin.ts';
import type { AppContext } from '../../platform/context.ts';
import { sendXlsx } from '../../platform/excel.ts';
import {
  publicTeamBoard,
  publicTeamQuery,
  publicUnitBoard,
  publicUnitQuery,
  publicVolunteerBoard,
  publicVolunteerQuery,
  rankingExportQuery,
  teamRankingQuery,
  teamRankingView,
  unitRankingQuery,
  unitRankingView,
  volunteerRankingQuery,
  volunteerRankingView,
} from './rankings.schema.ts';
import { createRankingsService } from './rankings.service.ts';

export function rankingRoutes(app: FastifyInstance, ctx: AppContext): void {
  const rankings = createRankingsService(ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['assessment'];
  const read = { permission: 'assessment.read' as const };

  r.get(
    '/api/assessment/rankings/volunteers',
    {
      schema: {
        tags,
        summary: '实践排行：志愿者（按服务时长、服务点单数、平均评分或获得积分；整月期间）',
        querystring: volunteerRankingQuery,
        response: { 200: volunteerRankingView },
      },
      config: read,
    },
    (req) => rankings.volunteers(actorOf(req), req.query),
  );
  r.get(
    '/api/assessment/rankings/teams',
    {
      schema: {
        tags,
        summary: '实践排行：志愿服务队（按服务时长或开展活动数；整月期间）',
        querystring: teamRankingQuery,
        response: { 200: teamRankingView },
      },
      config: read,
    },
    (req) => rankings.teams(actorOf(req), req.query),
  );
  r.get(
    '/api/assessment/rankings/units',
    {
      schema: {
        tags,
        summary: '实践排行：实践站或实践所（按活动、时长、办结点单、按时办结率或平均评分）',
        querystring: unitRankingQuery,
        response: { 200: unitRankingView },
      },
      config: read,
    },
    (req) => rankings.units(actorOf(req), req.query),
  );
  r.get(
    '/api/assessment/rankings/export',
    {
      schema: { tags, summary: '导出实践排行 (Excel)', querystring: rankingExportQuery },
      config: read,
    },
    async (req, reply) => {
      const file = await rankings.exportXlsx(actorOf(req), req.query);
      return sendXlsx(reply, `实践排行-${file.orgName}-${req.query.from}至${req.query.to}.xlsx`, file.buffer);
    },
  );

  // ---------------------------------------------------------------- public top lists (portal)
  const publicRead = {
    public: true,
    // the figures age out with the cache's TTL; a unit's rename or archiving drops them at once
    cache: ['orgs'] as const,
    rateLimit: { max: 300, timeWindow: '1 minute' },
  };
  r.get(
    '/api/public/rankings/volunteers',
    {
      schema: {
        tags,
        summary: '公开的志愿者排行（无需登录；姓名脱敏，只列前 N 名）',
        querystring: publicVolunteerQuery,
        response: { 200: publicVolunteerBoard },
      },
      config: publicRead,
    },
    (req) => rankings.publicVolunteers(req.query),
  );
  r.get(
    '/api/public/rankings/teams',
    {
      schema: {
        tags,
        summary: '公开的志愿服务队排行（无需登录，只列前 N 名）',
        querystring: publicTeamQuery,
        response: { 200: publicTeamBoard },
      },
      config: publicRead,
    },
    (req) => rankings.publicTeams(req.query),
  );
  r.get(
    '/api/public/rankings/units',
    {
      schema: {
        tags,
        summary: '公开的实践站、实践所排行（无需登录，只列前 N 名）',
        querystring: publicUnitQuery,
        response: { 200: publicUnitBoard },
      },
      config: publicRead,
    },
    (req) => rankings.publicUnits(req.query),
  );
}
