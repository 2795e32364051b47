import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/plugin.ts';
import type { AppContext } from '../../platform/context.ts';
import { sendXlsx } from '../../platform/excel.ts';
import { idParams } from '../../platform/http/schemas.ts';
import { createCardPrivilegesService } from './card-privileges.ts';
import { createMilestonesService } from './milestones.ts';
import {
  cardPrivilegesView,
  milestoneListQuery,
  milestonePage,
  myPrivilegesView,
  privilegeInput,
  privilegeListQuery,
  privilegePatch,
  privilegeView,
  rankingQuery,
  rankingView,
} from './honours.schema.ts';
import { createHonoursService } from './honours.service.ts';

export function honoursRoutes(app: FastifyInstance, ctx: AppContext): void {
  const honours = createHonoursService(ctx);
  const cardPrivileges = createCardPrivilegesService(ctx);
  const milestones = createMilestonesService(ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { permission: 'honours.read' as const };
  const manage = { permission: 'honours.manage' as const };
  const tags = ['honours'];

  r.get(
    '/api/honours/rankings',
    {
      schema: {
        tags,
        summary: '礼遇褒奖：年度时长榜与积分榜（本单位或所选下级单位）',
        querystring: rankingQuery,
        response: { 200: rankingView },
      },
      config: read,
    },
    (req) => honours.rankings(actorOf(req), req.query),
  );
  r.get(
    '/api/honours/export',
    {
      schema: {
        tags,
        summary: '导出礼遇褒奖名单与党员积分参考 (Excel，脱敏)',
        querystring: rankingQuery,
      },
      config: read,
    },
    async (req, reply) => {
      const file = await honours.exportXlsx(actorOf(req), req.query);
      return sendXlsx(reply, `礼遇褒奖-${file.orgName}-${req.query.year}.xlsx`, file.buffer);
    },
  );
  r.get(
    '/api/honours/milestones',
    {
      schema: {
        tags,
        summary:
          '时长里程碑：本单位或所选下级单位的志愿者在年度内累计服务时长首次达到星级时长（100/300/600/1000/1500 小时）',
        querystring: milestoneListQuery,
        response: { 200: milestonePage },
      },
      config: read,
    },
    (req) => milestones.list(actorOf(req), req.query),
  );
  r.get(
    '/api/honours/privileges',
    {
      schema: {
        tags,
        summary: '星级志愿者礼遇（本单位及下级）',
        querystring: privilegeListQuery,
        response: { 200: z.object({ items: z.array(privilegeView) }) },
      },
      config: manage,
    },
    (req) => honours.listPrivileges(actorOf(req), req.query.orgId),
  );
  r.post(
    '/api/honours/privileges',
    {
      schema: { tags, summary: '新增星级志愿者礼遇', body: privilegeInput, response: { 200: privilegeView } },
      config: manage,
    },
    (req) => honours.createPrivilege(actorOf(req), req.body),
  );
  r.patch(
    '/api/honours/privileges/:id',
    {
      schema: {
        tags,
        summary: '修改星级志愿者礼遇（名称、说明、星级、启用）',
        params: idParams,
        body: privilegePatch,
        response: { 200: privilegeView },
      },
      config: manage,
    },
    (req) => honours.updatePrivilege(actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/honours/my-privileges',
    {
      schema: { tags, summary: '我的星级与可享礼遇', response: { 200: myPrivilegesView } },
      config: { permission: 'volunteer.self' as const },
    },
    (req) => honours.myPrivileges(actorOf(req)),
  );
  r.get(
    '/api/me/volunteer-card/privileges',
    {
      schema: {
        tags,
        summary: '我的志愿者电子证上的礼遇（本人星级已可享受的本站及上级单位礼遇）',
        response: { 200: cardPrivilegesView },
      },
      config: { permission: 'volunteer.self' as const },
    },
    (req) => cardPrivileges.mine(actorOf(req)),
  );
  r.get(
    '/api/volunteers/:id/card/privileges',
    {
      schema: {
        tags,
        summary: '打印的志愿者证上的礼遇（志愿者所在单位及上级单位的管理员）',
        params: idParams,
        response: { 200: cardPrivilegesView },
      },
      config: { permission: 'volunteer.read' as const },
    },
    (req) => cardPrivileges.forCard(actorOf(req), req.params.id),
  );
}
