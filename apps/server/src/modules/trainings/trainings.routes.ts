import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TRAINING_MATERIAL_MAX_BYTES } from '@civic/contracts';
import { actorOf } from '../../platform/auth/plugin.ts';
import type { AppContext } from '../../platform/context.ts';
import { readUploadedFile } from '../../platform/http/multipart.ts';
import { idParams } from '../../platform/http/schemas.ts';
import { createAttendanceService } from './attendance.ts';
import { createTrainingFiguresService } from './figures.ts';
import {
  addAttendeesInput,
  attendeeList,
  attendeeParams,
  cancelInput,
  materialParams,
  materialView,
  otherAttendeesInput,
  summaryQuery,
  trainingInput,
  trainingListQuery,
  trainingPage,
  trainingSummary,
  trainingUpdateInput,
  trainingView,
} from './trainings.schema.ts';
import { createTrainingsService } from './trainings.service.ts';

const ok = z.object({ ok: z.literal(true) });

export function trainingsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const trainings = createTrainingsService(ctx);
  const attendance = createAttendanceService(ctx);
  const figures = createTrainingFiguresService(ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['trainings'];
  const read = { permission: 'training.read' as const };
  const write = { permission: 'training.write' as const };

  // ---------------------------------------------------------------- sessions
  r.get(
    '/api/trainings',
    {
      schema: {
        tags,
        summary:
          '培训：本单位及下级单位的培训（可按单位、对象、状态、年度或日期、主题/授课人筛选），新的在前',
        querystring: trainingListQuery,
        response: { 200: trainingPage },
      },
      config: read,
    },
    (req) => trainings.list(actorOf(req), req.query),
  );
  r.post(
    '/api/trainings',
    {
      schema: {
        tags,
        summary: '新建培训（默认本单位，或本单位子树中的单位）',
        body: trainingInput,
        response: { 200: trainingView },
      },
      config: write,
    },
    (req) => trainings.create(actorOf(req), req.body),
  );
  r.get(
    '/api/trainings/summary',
    {
      schema: {
        tags,
        summary:
          '年度培训统计：本级、各直属下级单位（含其下级）与合计的已举办次数（按对象）、参加人次，实践所是否达到每年 2 次',
        querystring: summaryQuery,
        response: { 200: trainingSummary },
      },
      config: read,
    },
    (req) => figures.summary(actorOf(req), req.query),
  );
  r.get(
    '/api/trainings/:id',
    {
      schema: { tags, summary: '一次培训', params: idParams, response: { 200: trainingView } },
      config: read,
    },
    (req) => trainings.get(actorOf(req), req.params.id),
  );
  r.put(
    '/api/trainings/:id',
    {
      schema: {
        tags,
        summary: '修改计划中的培训',
        params: idParams,
        body: trainingUpdateInput,
        response: { 200: trainingView },
      },
      config: write,
    },
    (req) => trainings.update(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/trainings/:id/held',
    {
      schema: {
        tags,
        summary: '标记为已举办（开始之后；已举办的培训计入考核）',
        params: idParams,
        response: { 200: trainingView },
      },
      config: write,
    },
    (req) => trainings.markHeld(actorOf(req), req.params.id),
  );
  r.post(
    '/api/trainings/:id/cancel',
    {
      schema: {
        tags,
        summary: '取消计划中的培训（填写原因）',
        params: idParams,
        body: cancelInput,
        response: { 200: trainingView },
      },
      config: write,
    },
    (req) => trainings.cancel(actorOf(req), req.params.id, req.body.reason),
  );
  r.put(
    '/api/trainings/:id/other-attendees',
    {
      schema: {
        tags,
        summary: '其他参加人数（非注册志愿者的工作人员；计划中或已举办的培训）',
        params: idParams,
        body: otherAttendeesInput,
        response: { 200: trainingView },
      },
      config: write,
    },
    (req) => attendance.setOtherAttendees(actorOf(req), req.params.id, req.body.otherAttendees),
  );

  // ---------------------------------------------------------------- attendance
  r.get(
    '/api/trainings/:id/attendees',
    {
      schema: {
        tags,
        summary: '签到名单（志愿者编号、姓名、单位、脱敏手机号）',
        params: idParams,
        response: { 200: attendeeList },
      },
      config: read,
    },
    (req) => attendance.attendees(actorOf(req), req.params.id),
  );
  r.post(
    '/api/trainings/:id/attendees',
    {
      schema: {
        tags,
        summary: '从志愿者名册添加参加人员（本单位数据范围内、状态正常的志愿者；已在名单中的跳过）',
        params: idParams,
        body: addAttendeesInput,
        response: { 200: z.object({ added: z.number(), skipped: z.number() }) },
      },
      config: write,
    },
    (req) => attendance.addAttendees(actorOf(req), req.params.id, req.body.volunteerIds),
  );
  r.delete(
    '/api/trainings/:id/attendees/:volunteerId',
    {
      schema: { tags, summary: '从签到名单移除一人', params: attendeeParams, response: { 200: ok } },
      config: write,
    },
    (req) => attendance.removeAttendee(actorOf(req), req.params.id, req.params.volunteerId),
  );

  // ---------------------------------------------------------------- materials
  r.get(
    '/api/trainings/:id/materials',
    {
      schema: { tags, summary: '培训材料', params: idParams, response: { 200: z.array(materialView) } },
      config: read,
    },
    (req) => attendance.materials(actorOf(req), req.params.id),
  );
  r.post(
    '/api/trainings/:id/materials',
    {
      schema: {
        tags,
        summary: '上传培训材料（JPG、PNG、WEBP 图片或 PDF，≤ 20 MB，表单字段 file）',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 200: materialView },
      },
      config: write,
    },
    async (req) => {
      const file = await readUploadedFile(req, {
        maxBytes: TRAINING_MATERIAL_MAX_BYTES,
        tooLarge: '培训材料不能超过 20 MB',
        missing: '请选择要上传的培训材料',
      });
      return attendance.addMaterial(actorOf(req), req.params.id, file);
    },
  );
  r.get(
    '/api/trainings/:id/materials/:materialId',
    {
      schema: {
        tags,
        summary: '下载培训材料',
        params: materialParams,
        produces: ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'],
        response: { 200: z.unknown().describe('文件内容（二进制）') },
      },
      config: read,
    },
    async (req, reply) => {
      const file = await attendance.material(actorOf(req), req.params.id, req.params.materialId);
      return reply
        .header('content-type', file.mimeType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  );
  r.delete(
    '/api/trainings/:id/materials/:materialId',
    {
      schema: { tags, summary: '删除培训材料', params: materialParams, response: { 200: ok } },
      config: write,
    },
    (req) => attendance.removeMaterial(actorOf(req), req.params.id, req.params.materialId),
  );
}
