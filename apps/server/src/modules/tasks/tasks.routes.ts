import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/plugin.ts';
import type { AppContext } from '../../platform/context.ts';
import { readUploadedFile } from '../../platform/http/multipart.ts';
import { idParams } from '../../platform/http/schemas.ts';
import { createTaskReportsService } from './reports.ts';
import {
  approveInput,
  assignmentDetail,
  assignmentListQuery,
  assignmentPage,
  cancelInput,
  extendInput,
  photoParams,
  reportInput,
  returnInput,
  taskInput,
  taskListQuery,
  taskPage,
  taskView,
  todoCounts,
  todoQuery,
} from './tasks.schema.ts';
import { createTasksService } from './tasks.service.ts';

const PHOTO_MAX_BYTES = 10 * 1024 * 1024;

export function tasksRoutes(app: FastifyInstance, ctx: AppContext): void {
  const tasks = createTasksService(ctx);
  const reports = createTaskReportsService(ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tasks'];
  const read = { permission: 'task.read' as const };
  const issue = { permission: 'task.issue' as const };
  const report = { permission: 'task.report' as const };

  // ---------------------------------------------------------------- tasks
  r.get(
    '/api/tasks',
    {
      schema: {
        tags,
        summary: '工作任务：本单位及下级下达的，和下达给本单位及下级单位的（进度只计可见的单位）',
        querystring: taskListQuery,
        response: { 200: taskPage },
      },
      config: read,
    },
    (req) => tasks.list(actorOf(req), req.query),
  );
  r.post(
    '/api/tasks',
    {
      schema: {
        tags,
        summary: '下达工作任务（所选单位，和/或所选单位下的全部实践站）',
        body: taskInput,
        response: { 200: taskView },
      },
      config: issue,
    },
    (req) => tasks.issue(actorOf(req), req.body),
  );
  r.get(
    '/api/tasks/todo',
    {
      schema: {
        tags,
        summary: '本单位的任务待办（待上报、已退回、已逾期、待审核；或已办结）',
        querystring: todoQuery,
        response: { 200: assignmentPage },
      },
      config: report,
    },
    (req) => tasks.inbox(actorOf(req), req.query),
  );
  r.get(
    '/api/tasks/todo/counts',
    {
      schema: {
        tags,
        summary: '任务待办数（角标）：本单位待上报、已逾期、即将到期，及待本单位审核的上报',
        response: { 200: todoCounts },
      },
      config: read,
    },
    (req) => tasks.todoCounts(actorOf(req)),
  );
  r.get(
    '/api/tasks/:id',
    {
      schema: { tags, summary: '一项工作任务及其进度', params: idParams, response: { 200: taskView } },
      config: read,
    },
    (req) => tasks.get(actorOf(req), req.params.id),
  );
  r.get(
    '/api/tasks/:id/assignments',
    {
      schema: {
        tags,
        summary: '各单位进度（状态、上报时间、得分），可按状态和单位名称筛选',
        params: idParams,
        querystring: assignmentListQuery,
        response: { 200: assignmentPage },
      },
      config: read,
    },
    (req) => tasks.assignments(actorOf(req), req.params.id, req.query),
  );
  r.post(
    '/api/tasks/:id/cancel',
    {
      schema: {
        tags,
        summary: '撤回工作任务（填写原因，记审计）',
        params: idParams,
        body: cancelInput,
        response: { 200: taskView },
      },
      config: issue,
    },
    (req) => tasks.cancel(actorOf(req), req.params.id, req.body.reason),
  );

  // ---------------------------------------------------------------- one unit's assignment
  r.get(
    '/api/tasks/assignments/:id',
    {
      schema: {
        tags,
        summary: '一个单位的任务：要求、截止时间、上报记录与审核结果',
        params: idParams,
        response: { 200: assignmentDetail },
      },
      config: read,
    },
    (req) => reports.detail(actorOf(req), req.params.id),
  );
  r.post(
    '/api/tasks/assignments/:id/photos',
    {
      schema: {
        tags,
        summary: '为上报添加照片（JPG、PNG、WEBP，≤ 10 MB，表单字段 file）',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 200: z.object({ id: z.string(), url: z.string() }) },
      },
      config: report,
    },
    async (req) => {
      const file = await readUploadedFile(req, {
        maxBytes: PHOTO_MAX_BYTES,
        tooLarge: '照片不能超过 10 MB',
        missing: '请选择要上传的照片',
      });
      return reports.addPhoto(actorOf(req), req.params.id, file);
    },
  );
  r.delete(
    '/api/tasks/assignments/:id/photos/:photoId',
    {
      schema: {
        tags,
        summary: '移除一张尚未上报的照片',
        params: photoParams,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
      config: report,
    },
    (req) => reports.removePhoto(actorOf(req), req.params.id, req.params.photoId),
  );
  r.get(
    '/api/tasks/assignments/:id/photos/:photoId',
    {
      schema: {
        tags,
        summary: '查看上报的照片',
        params: photoParams,
        produces: ['image/jpeg', 'image/png', 'image/webp'],
        response: { 200: z.unknown().describe('图片内容（二进制）') },
      },
      config: read,
    },
    async (req, reply) => {
      const file = await reports.photo(actorOf(req), req.params.id, req.params.photoId);
      return reply
        .header('content-type', file.mimeType)
        .header('cache-control', 'private, max-age=86400')
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  );
  r.post(
    '/api/tasks/assignments/:id/reports',
    {
      schema: {
        tags,
        summary: '上报完成情况（说明、已上传的照片、链接；截止时间后须先由下达单位延期）',
        params: idParams,
        body: reportInput,
        response: { 200: assignmentDetail },
      },
      config: report,
    },
    (req) => reports.report(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/tasks/assignments/:id/approve',
    {
      schema: {
        tags,
        summary: '审核通过并评分（任务设有满分时须评分）',
        params: idParams,
        body: approveInput,
        response: { 200: assignmentDetail },
      },
      config: issue,
    },
    (req) => reports.approve(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/tasks/assignments/:id/return',
    {
      schema: {
        tags,
        summary: '退回上报（填写原因，可同时给出新的截止时间），单位重新上报',
        params: idParams,
        body: returnInput,
        response: { 200: assignmentDetail },
      },
      config: issue,
    },
    (req) => reports.returnReport(actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/tasks/assignments/:id/extend',
    {
      schema: {
        tags,
        summary: '为一个单位延期（新的截止时间和原因，记审计）',
        params: idParams,
        body: extendInput,
        response: { 200: assignmentDetail },
      },
      config: issue,
    },
    (req) => reports.extend(actorOf(req), req.params.id, req.body),
  );
}
