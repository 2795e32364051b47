import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/plugin.ts';
import { Invalid } from '../../platform/errors.ts';
import type { AppContext } from '../../platform/context.ts';
import { readUploadedFile } from '../../platform/http/multipart.ts';
import { idParams, queryId } from '../../platform/http/schemas.ts';
import {
  awardInput,
  awardListQuery,
  awardPage,
  awardView,
  boardParams,
  boardView,
  householdInput,
  householdLedgerView,
  householdListQuery,
  householdPage,
  householdPatch,
  householdView,
  myHouseholdView,
  reasonInput,
  revealView,
  ruleInput,
  ruleListQuery,
  rulePatch,
  ruleView,
  settingsPatch,
  settingsView,
} from './households.schema.ts';
import { createHouseholdsService, PHOTO_REQUIRED } from './households.service.ts';

export function householdsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const households = createHouseholdsService(ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { permission: 'household.read' as const };
  const manage = { permission: 'household.manage' as const };
  const award = { permission: 'household.award' as const };
  // what changes a village's public board (names, numbers, points, its settings): the cached board
  // is dropped before the write's answer leaves, so the board is never staler than the cache policy
  const BOARD = ['households'] as const;
  const tags = ['households'];
  const orgQuery = z.object({ orgId: queryId });

  // ---------------------------------------------------------------- the register
  r.get(
    '/api/households',
    {
      schema: {
        tags,
        summary: '户籍登记（本单位及下级实践站的户，电话脱敏）',
        querystring: householdListQuery,
        response: { 200: householdPage },
      },
      config: read,
    },
    (req) => households.list(actorOf(req), req.query),
  );
  r.post(
    '/api/households',
    {
      schema: {
        tags,
        summary: '登记一户（户号在本站唯一）',
        body: householdInput,
        response: { 200: householdView },
      },
      config: { ...manage, invalidates: BOARD },
    },
    (req) => households.create(actorOf(req), req.body),
  );
  r.get(
    '/api/households/:id',
    {
      schema: {
        tags,
        summary: '一户的登记、积分流水与积分记录',
        params: idParams,
        response: { 200: householdLedgerView },
      },
      config: read,
    },
    (req) => households.ledger(actorOf(req), req.params.id),
  );
  r.patch(
    '/api/households/:id',
    {
      schema: {
        tags,
        summary: '修改户的登记（户号、户主、成员、电话、注销）',
        params: idParams,
        body: householdPatch,
        response: { 200: householdView },
      },
      config: { ...manage, invalidates: BOARD },
    },
    (req) => households.update(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/households/:id/reveal',
    {
      schema: {
        tags,
        summary: '查看户的完整联系电话（记审计）',
        params: idParams,
        response: { 200: revealView },
      },
      config: manage,
    },
    (req) => households.reveal(actorOf(req), req.params.id),
  );

  // ---------------------------------------------------------------- rules and settings
  r.get(
    '/api/households/rules',
    {
      schema: {
        tags,
        summary: '村规积分项（本单位的与上级单位的县级默认项）',
        querystring: ruleListQuery,
        response: { 200: z.object({ items: z.array(ruleView) }) },
      },
      config: read,
    },
    (req) => households.rules(actorOf(req), req.query.orgId),
  );
  r.post(
    '/api/households/rules',
    {
      schema: {
        tags,
        summary: '新增村规积分项（中心所定为全县默认项）',
        body: ruleInput,
        response: { 200: ruleView },
      },
      config: manage,
    },
    (req) => households.createRule(actorOf(req), req.body),
  );
  r.patch(
    '/api/households/rules/:id',
    {
      schema: {
        tags,
        summary: '修改或停用村规积分项（不改动已记的积分）',
        params: idParams,
        body: rulePatch,
        response: { 200: ruleView },
      },
      config: manage,
    },
    (req) => households.updateRule(actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/households/settings',
    {
      schema: {
        tags,
        summary: '实践站的积分榜显示方式与第二人确认分值',
        querystring: orgQuery,
        response: { 200: settingsView },
      },
      config: read,
    },
    (req) => households.settings(actorOf(req), req.query.orgId),
  );
  r.patch(
    '/api/households/settings',
    {
      schema: {
        tags,
        summary: '修改积分榜显示方式与第二人确认分值',
        querystring: orgQuery,
        body: settingsPatch,
        response: { 200: settingsView },
      },
      config: { ...manage, invalidates: BOARD },
    },
    (req) => households.updateSettings(actorOf(req), req.query.orgId, req.body),
  );

  // ---------------------------------------------------------------- awards
  r.post(
    '/api/households/:id/awards',
    {
      schema: {
        tags,
        summary:
          '给户记文明积分，须附积分凭证照片（表单：先 ruleId、note，后照片 file；超过确认分值的待另一人确认后记入）',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 200: awardView },
      },
      config: { ...award, invalidates: BOARD },
    },
    async (req) => {
      const { fields, ...photo } = await readUploadedFile(req, { missing: PHOTO_REQUIRED });
      // the form's fields are read up to the photo: a rule sent after it (or none) is not there
      if (fields.ruleId === undefined) throw new Invalid('请选择积分项（表单中 ruleId 须在照片之前）');
      const input = awardInput.safeParse(fields);
      if (!input.success) throw new Invalid(input.error.issues[0]?.message ?? '记分内容格式不正确');
      return households.award(actorOf(req), req.params.id, input.data, photo);
    },
  );
  r.get(
    '/api/households/awards',
    {
      schema: {
        tags,
        summary: '户的积分记录（可按状态筛选，如待确认）',
        querystring: awardListQuery,
        response: { 200: awardPage },
      },
      config: read,
    },
    (req) => households.awards(actorOf(req), req.query),
  );
  r.post(
    '/api/households/awards/:id/photo',
    {
      schema: {
        tags,
        summary: '上传积分凭证照片（JPG、PNG、WEBP，表单字段 file）',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 200: awardView },
      },
      config: award,
    },
    async (req) => households.setAwardPhoto(actorOf(req), req.params.id, await readUploadedFile(req)),
  );
  r.get(
    '/api/households/awards/:id/photo',
    {
      schema: {
        tags,
        summary: '积分凭证照片',
        params: idParams,
        produces: ['image/jpeg', 'image/png', 'image/webp'],
        response: { 200: z.unknown().describe('图片内容（二进制）') },
      },
      config: read,
    },
    async (req, reply) => {
      const file = await households.awardPhoto(actorOf(req), req.params.id);
      return reply
        .header('content-type', file.mimeType)
        .header('cache-control', 'private, max-age=86400')
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  );
  r.post(
    '/api/households/awards/:id/confirm',
    {
      schema: {
        tags,
        summary: '确认待确认的积分（须另一位工作人员），积分随即记入',
        params: idParams,
        response: { 200: awardView },
      },
      config: { ...award, invalidates: BOARD },
    },
    (req) => households.confirm(actorOf(req), req.params.id),
  );
  r.post(
    '/api/households/awards/:id/reject',
    {
      schema: {
        tags,
        summary: '驳回待确认的积分（须填原因，积分不记入）',
        params: idParams,
        body: reasonInput,
        response: { 200: awardView },
      },
      config: award,
    },
    (req) => households.reject(actorOf(req), req.params.id, req.body.reason),
  );
  r.post(
    '/api/households/awards/:id/void',
    {
      schema: {
        tags,
        summary: '作废已记入的积分（须填原因，以一笔冲正流水扣回）',
        params: idParams,
        body: reasonInput,
        response: { 200: awardView },
      },
      config: { ...award, invalidates: BOARD },
    },
    (req) => households.void(actorOf(req), req.params.id, req.body.reason),
  );

  // ---------------------------------------------------------------- public board and H5
  r.get(
    '/api/public/household-board/:orgId',
    {
      schema: {
        tags,
        summary: '村（社区）文明积分榜（无需登录；姓名按实践站的设置显示）',
        params: boardParams,
        response: { 200: boardView },
      },
      config: {
        public: true,
        cache: ['households', 'orgs'],
        rateLimit: { max: 300, timeWindow: '1 minute' },
      },
    },
    (req) => households.board(req.params.orgId),
  );
  r.get(
    '/api/me/household',
    {
      schema: { tags, summary: '本户的文明积分（与本账号关联的户）', response: { 200: myHouseholdView } },
      config: { permission: 'household.own' as const },
    },
    (req) => households.mine(actorOf(req)),
  );
}
