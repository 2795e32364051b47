import type { FastifyInstance } from 'fastify';
import { sendXlsx } from '../../platform/excel.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorFromSession, actorOf, sessionPolicy } from '../../platform/auth/plugin.ts';
import { findSession, setSessionCookies, SESSION_COOKIE, CSRF_COOKIE } from '../../platform/auth/sessions.ts';
import type { AppContext } from '../../platform/context.ts';
import { Unauthenticated } from '../../platform/errors.ts';
import { readUploadedFile } from '../../platform/http/multipart.ts';
import { meOf } from '../accounts/index.ts';
import { buildTemplate } from './import-sheet.ts';
import { createImportService } from './import.service.ts';
import { createSelfService } from './self-service.ts';
import {
  commitImportInput,
  importJob,
  registerInput,
  residenceOrg,
  revealInput,
  selfUpdateInput,
  suspendInput,
  updateVolunteerInput,
  volunteerDetail,
  volunteerExportQuery,
  volunteerInput,
  volunteerListItem,
  volunteerListQuery,
  withdrawInput,
} from './volunteers.schema.ts';
import { createVolunteersService } from './volunteers.service.ts';
import { idParams } from '../../platform/http/schemas.ts';
import { meSchema } from '../accounts/index.ts';

const today = () => new Date().toISOString().slice(0, 10);

export function volunteersRoutes(app: FastifyInstance, ctx: AppContext): void {
  const volunteers = createVolunteersService(ctx);
  const imports = createImportService(ctx);
  const self = createSelfService(ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['volunteers'];
  const read = { permission: 'volunteer.read' as const };
  const write = { permission: 'volunteer.write' as const };
  const importing = { permission: 'volunteer.import' as const };
  const paging = z.object({
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  });

  // ---------------------------------------------------------------- public (H5 registration)
  r.get(
    '/api/public/residence-orgs',
    {
      schema: {
        tags,
        summary: '镇（街道）及其村（社区），供注册时选择',
        response: { 200: z.array(residenceOrg) },
      },
      config: { public: true, cache: ['orgs'] },
    },
    () => self.residenceOrgs(),
  );
  r.post(
    '/api/volunteers/register',
    {
      schema: {
        tags,
        summary: '志愿者实名注册（H5）',
        body: registerInput,
        response: { 200: z.object({ user: meSchema, csrfToken: z.string(), volunteer: volunteerDetail }) },
      },
      config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const { token, csrfToken } = await self.register(req.body, {
        ip: req.ip,
        userAgent: req.headers['user-agent'],
      });
      const now = ctx.now();
      const session = await findSession(ctx.db.system, sessionPolicy(ctx), token, now);
      if (!session) throw new Unauthenticated();
      setSessionCookies(ctx, reply, token, csrfToken);
      const actor = actorFromSession(ctx, session, req.ip, now);
      return { user: meOf(actor), csrfToken, volunteer: await self.me(actor) };
    },
  );

  // ---------------------------------------------------------------- the volunteer's own profile
  const selfConfig = { permission: 'volunteer.self' as const };
  r.get(
    '/api/me/volunteer',
    { schema: { tags, summary: '我的志愿者信息', response: { 200: volunteerDetail } }, config: selfConfig },
    (req) => self.me(actorOf(req)),
  );
  r.patch(
    '/api/me/volunteer',
    {
      schema: {
        tags,
        summary: '修改我的志愿者信息',
        body: selfUpdateInput,
        response: { 200: volunteerDetail },
      },
      config: selfConfig,
    },
    (req) => self.updateMe(actorOf(req), req.body),
  );
  r.post(
    '/api/me/volunteer/withdraw',
    {
      schema: {
        tags,
        summary: '撤回个人信息授权（可申请删除），注销志愿者账号',
        body: withdrawInput,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
      config: selfConfig,
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await self.withdraw(actor, req.body.erase);
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  // ---------------------------------------------------------------- admin: import
  r.get(
    '/api/volunteers/import-template',
    { schema: { tags, summary: '下载志愿者导入模板 (Excel)' }, config: importing },
    async (_req, reply) => sendXlsx(reply, '志愿者导入模板.xlsx', await buildTemplate()),
  );
  r.post(
    '/api/volunteers/imports',
    {
      schema: {
        tags,
        summary: '上传志愿者导入文件（.xlsx ≤ 10 MB，表单字段 file），后台逐行校验',
        consumes: ['multipart/form-data'],
        response: { 200: importJob },
      },
      config: importing,
    },
    async (req) => {
      const actor = actorOf(req);
      const file = await readUploadedFile(req);
      return imports.upload(actor, file.fileName, file.data);
    },
  );
  r.get(
    '/api/volunteers/imports',
    {
      schema: {
        tags,
        summary: '我的导入任务',
        querystring: paging,
        response: { 200: z.object({ items: z.array(importJob), total: z.number() }) },
      },
      config: importing,
    },
    (req) => imports.list(actorOf(req), req.query.page, req.query.pageSize),
  );
  r.get(
    '/api/volunteers/imports/:id',
    {
      schema: { tags, summary: '导入任务进度与校验报告', params: idParams, response: { 200: importJob } },
      config: importing,
    },
    (req) => imports.get(actorOf(req), req.params.id),
  );
  r.post(
    '/api/volunteers/imports/:id/commit',
    {
      schema: {
        tags,
        summary: '确认导入（全部或仅有效行，一个事务）',
        params: idParams,
        body: commitImportInput,
        response: { 200: importJob },
      },
      config: importing,
    },
    (req) => imports.commit(actorOf(req), req.params.id, req.body.validOnly),
  );
  r.get(
    '/api/volunteers/imports/:id/errors',
    { schema: { tags, summary: '下载错误报告 (Excel)', params: idParams }, config: importing },
    async (req, reply) => {
      const report = await imports.errorsXlsx(actorOf(req), req.params.id);
      return sendXlsx(reply, `错误报告-${report.fileName.replace(/\.xlsx$/i, '')}.xlsx`, report.buffer);
    },
  );

  // ---------------------------------------------------------------- admin: volunteers
  r.get(
    '/api/volunteers',
    {
      schema: {
        tags,
        summary: '志愿者列表（本单位及下级）',
        querystring: volunteerListQuery,
        response: { 200: z.object({ items: z.array(volunteerListItem), total: z.number() }) },
      },
      config: read,
    },
    (req) => volunteers.list(actorOf(req), req.query),
  );
  r.get(
    '/api/volunteers/export',
    {
      schema: { tags, summary: '导出志愿者 (Excel，默认脱敏)', querystring: volunteerExportQuery },
      config: { permission: 'volunteer.export' },
    },
    async (req, reply) =>
      sendXlsx(reply, `志愿者-${today()}.xlsx`, await volunteers.exportXlsx(actorOf(req), req.query)),
  );
  r.get(
    '/api/volunteers/:id',
    {
      schema: { tags, summary: '志愿者详情', params: idParams, response: { 200: volunteerDetail } },
      config: read,
    },
    (req) => volunteers.get(actorOf(req), req.params.id),
  );
  r.post(
    '/api/volunteers',
    {
      schema: {
        tags,
        summary: '录入志愿者（线下登记）',
        body: volunteerInput,
        response: { 200: volunteerDetail },
      },
      config: write,
    },
    (req) => volunteers.create(actorOf(req), req.body),
  );
  r.patch(
    '/api/volunteers/:id',
    {
      schema: {
        tags,
        summary: '编辑志愿者',
        params: idParams,
        body: updateVolunteerInput,
        response: { 200: volunteerDetail },
      },
      config: write,
    },
    (req) => volunteers.update(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/volunteers/:id/suspend',
    {
      schema: {
        tags,
        summary: '暂停志愿者',
        params: idParams,
        body: suspendInput,
        response: { 200: volunteerDetail },
      },
      config: write,
    },
    (req) => volunteers.setSuspended(actorOf(req), req.params.id, true, req.body.reason),
  );
  r.post(
    '/api/volunteers/:id/reactivate',
    {
      schema: { tags, summary: '恢复志愿者', params: idParams, response: { 200: volunteerDetail } },
      config: write,
    },
    (req) => volunteers.setSuspended(actorOf(req), req.params.id, false),
  );
  r.post(
    '/api/volunteers/:id/reveal',
    {
      schema: {
        tags,
        summary: '查看完整身份证号或手机号（记录审计）',
        params: idParams,
        body: revealInput,
        response: { 200: z.object({ value: z.string() }) },
      },
      config: { permission: 'volunteer.unmask', rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    (req) => volunteers.reveal(actorOf(req), req.params.id, req.body.field),
  );
}
