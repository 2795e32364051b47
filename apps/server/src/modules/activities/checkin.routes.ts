import type { FastifyInstance } from 'fastify';
import { sendXlsx } from '../../platform/excel.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/plugin.ts';
import type { AppContext } from '../../platform/context.ts';
import { createCardCheckin } from './card-checkin.ts';
import {
  attendanceResult,
  cardCheckinInput,
  cardCheckinResult,
  checkinCodeQuery,
  checkinCodeView,
  manualInput,
  manualResult,
  scanInput,
  scanResult,
  signInSheet,
} from './checkin.schema.ts';
import { createCheckinService } from './checkin.service.ts';
import { idParams } from '../../platform/http/schemas.ts';

export function checkinRoutes(app: FastifyInstance, ctx: AppContext): void {
  const checkins = createCheckinService(ctx);
  const cards = createCardCheckin(ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['activities'];
  const read = { permission: 'activity.read' as const };
  const write = { permission: 'activity.write' as const };
  const self = { permission: 'volunteer.self' as const };

  // ---------------------------------------------------------------- the organiser
  r.get(
    '/api/activities/:id/checkin-code',
    {
      schema: {
        tags,
        summary: '签到/签退二维码（每 30 秒更换，前一个码再有效 30 秒）',
        params: idParams,
        querystring: checkinCodeQuery,
        response: { 200: checkinCodeView },
      },
      config: write,
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return checkins.code(actorOf(req), req.params.id, req.query.direction);
    },
  );
  r.post(
    '/api/activities/:id/checkins',
    {
      schema: {
        tags,
        summary: '组织者代签到/签退（无手机的志愿者；超出范围或时间须“核准”并填写原因）',
        params: idParams,
        body: manualInput,
        response: { 200: manualResult },
      },
      config: write,
    },
    (req) => checkins.manual(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/activities/:id/card-checkins',
    {
      schema: {
        tags,
        summary: '扫志愿者证签到/签退（或输入志愿者编号；报名与时间规则同扫码签到，不校验位置，留痕）',
        params: idParams,
        body: cardCheckinInput,
        response: { 200: cardCheckinResult },
      },
      config: write,
    },
    (req) => cards.checkin(actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/activities/:id/checkins',
    {
      schema: {
        tags,
        summary: '签到表（报名与签到的志愿者，按签到时间）',
        params: idParams,
        response: { 200: signInSheet },
      },
      config: read,
    },
    (req) => checkins.sheet(actorOf(req), req.params.id),
  );
  r.get(
    '/api/activities/:id/checkins.xlsx',
    {
      schema: { tags, summary: '导出签到表（Excel，不含手机号和身份证号）', params: idParams },
      config: read,
    },
    async (req, reply) => {
      const file = await checkins.sheetXlsx(actorOf(req), req.params.id);
      return sendXlsx(reply, file.fileName, file.buffer);
    },
  );

  // ---------------------------------------------------------------- the volunteer on H5
  r.post(
    '/api/me/checkin',
    {
      schema: {
        tags,
        summary: '扫码签到/签退（二维码、时间、报名、位置）',
        body: scanInput,
        response: { 200: scanResult },
      },
      config: self,
    },
    (req) => checkins.scan(actorOf(req), req.body),
  );
  r.post(
    '/api/me/activities/:id/attendance',
    {
      schema: {
        tags,
        summary: '确认参加（回复活动提醒）',
        params: idParams,
        response: { 200: attendanceResult },
      },
      config: self,
    },
    (req) => checkins.confirmAttendance(actorOf(req), req.params.id),
  );
}
