import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACTIVITY_STATUSES } from '@civic/contracts';
import { actorOf } from '../../platform/auth/plugin.ts';
import type { AppContext } from '../../platform/context.ts';
import { bodyId, pagingQuery, idParams } from '../../platform/http/schemas.ts';
import {
  activityInput,
  activityListQuery,
  activityPage,
  activityView,
  addSignupsInput,
  archiveQuery,
  activityArchive,
  mySignupView,
  reasonInput,
  seriesInput,
  signupView,
  updateActivityInput,
} from './activities.schema.ts';
import { createActivitiesService } from './activities.service.ts';
import { archiveSummary } from './activity-archive.ts';
import { calendarOf, publicActivity as publicActivityOf, upcomingNear } from './public-activities.ts';
import { createSignupsService } from './signups.service.ts';

const ok = z.object({ ok: z.literal(true) });
const videoLink = z
  .string()
  .trim()
  .url('视频链接须为完整网址（http:// 或 https:// 开头）')
  .max(500, '视频链接过长')
  .refine((v) => /^https?:\/\//i.test(v), '视频链接须为 http:// 或 https:// 开头的网址');
const archiveInput = z.object({
  summary: z.string().trim().max(10000, '活动总结不超过 10000 字').nullable().optional(),
  videoLinks: z.array(videoLink).max(20, '视频链接最多 20 个').optional(),
});
const photoInput = z.object({
  uploadId: z.uuid({ error: '照片编号格式不正确' }),
  caption: z.string().trim().max(100, '照片说明不超过 100 字').nullable().optional(),
});
const photoView = z.object({
  id: z.number(),
  uploadId: z.string(),
  caption: z.string().nullable(),
  createdAt: z.string(),
});
const orgParams = z.object({ orgId: bodyId });

export function activitiesRoutes(app: FastifyInstance, ctx: AppContext): void {
  const activities = createActivitiesService(ctx);
  const signups = createSignupsService(ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['activities'];
  const read = { permission: 'activity.read' as const };
  // writes (publish, cancel, sign-ups that move the counts) drop the cached public activities
  const write = { permission: 'activity.write' as const, invalidates: ['activities'] as const };
  const self = { permission: 'volunteer.self' as const, invalidates: ['activities'] as const };
  // cached (platform/http/public-cache.ts): limits count first reads of a key, not hits or refills
  const publicRead = (max: number) => ({
    public: true,
    cache: ['activities', 'orgs'] as const,
    rateLimit: { max, timeWindow: '1 minute' },
  });

  // ---------------------------------------------------------------- staff: activities
  r.get(
    '/api/activities',
    {
      schema: {
        tags,
        summary: '活动列表（本单位及下级）',
        querystring: activityListQuery,
        response: { 200: activityPage },
      },
      config: read,
    },
    (req) => activities.list(actorOf(req), req.query),
  );
  r.get(
    '/api/activities/archive',
    {
      schema: {
        tags,
        summary: '活动档案：一年中每月的活动场次、节日活动与资料齐全场次（按数据库统计）',
        querystring: archiveQuery,
        response: { 200: activityArchive },
      },
      config: read,
    },
    (req) => archiveSummary(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/activities/:id',
    {
      schema: { tags, summary: '活动详情', params: idParams, response: { 200: activityView } },
      config: read,
    },
    (req) => activities.detail(actorOf(req), req.params.id),
  );
  r.post(
    '/api/activities',
    {
      schema: { tags, summary: '新建活动（草稿）', body: activityInput, response: { 200: activityView } },
      config: write,
    },
    (req) => activities.create(actorOf(req), req.body),
  );
  r.post(
    '/api/activity-series',
    {
      schema: {
        tags,
        summary: '新建重复活动（每周/每月，逐次生成草稿）',
        body: seriesInput,
        response: { 200: z.object({ seriesId: z.number(), activityIds: z.array(z.number()) }) },
      },
      config: write,
    },
    (req) => activities.createSeries(actorOf(req), req.body),
  );
  r.put(
    '/api/activities/:id',
    {
      schema: {
        tags,
        summary: '修改活动',
        params: idParams,
        body: updateActivityInput,
        response: { 200: activityView },
      },
      config: write,
    },
    (req) => activities.update(actorOf(req), req.params.id, req.body),
  );
  for (const action of ['publish', 'start', 'finish', 'archive'] as const) {
    const summaries = {
      publish: '发布活动',
      start: '开始活动',
      finish: '结束活动（签退、生成服务时长、记录未到场）',
      archive: '归档',
    };
    r.post(
      `/api/activities/:id/${action}`,
      {
        schema: { tags, summary: summaries[action], params: idParams, response: { 200: activityView } },
        config: write,
      },
      (req) => activities.act(actorOf(req), req.params.id, action),
    );
  }
  r.post(
    '/api/activities/:id/cancel',
    {
      schema: {
        tags,
        summary: '取消活动（通知已报名志愿者）',
        params: idParams,
        body: reasonInput,
        response: { 200: activityView },
      },
      config: write,
    },
    (req) => activities.cancel(actorOf(req), req.params.id, req.body.reason),
  );
  r.put(
    '/api/activities/:id/archive',
    {
      schema: {
        tags,
        summary: '活动档案：总结与视频链接',
        params: idParams,
        body: archiveInput,
        response: { 200: activityView },
      },
      config: write,
    },
    (req) => activities.updateArchive(actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/activities/:id/photos',
    {
      schema: { tags, summary: '活动照片', params: idParams, response: { 200: z.array(photoView) } },
      config: read,
    },
    (req) => activities.photos(actorOf(req), req.params.id),
  );
  r.post(
    '/api/activities/:id/photos',
    {
      schema: { tags, summary: '添加活动照片', params: idParams, body: photoInput, response: { 200: ok } },
      config: write,
    },
    (req) => activities.addPhoto(actorOf(req), req.params.id, req.body.uploadId, req.body.caption),
  );
  r.delete(
    '/api/activities/:id/photos/:photoId',
    {
      schema: {
        tags,
        summary: '删除活动照片',
        params: z.object({ id: bodyId, photoId: bodyId }),
        response: { 200: ok },
      },
      config: write,
    },
    (req) => activities.removePhoto(actorOf(req), req.params.id, req.params.photoId),
  );

  // ---------------------------------------------------------------- staff: sign-ups
  r.get(
    '/api/activities/:id/signups',
    {
      schema: {
        tags,
        summary: '报名名单（含候补顺序）',
        params: idParams,
        response: { 200: z.array(signupView) },
      },
      config: read,
    },
    (req) => signups.list(actorOf(req), req.params.id),
  );
  r.post(
    '/api/activities/:id/signups',
    {
      schema: {
        tags,
        summary: '直接添加志愿者（名额满时进入候补）',
        params: idParams,
        body: addSignupsInput,
        response: { 200: z.object({ confirmed: z.number(), waitlisted: z.number(), skipped: z.number() }) },
      },
      config: write,
    },
    (req) => signups.add(actorOf(req), req.params.id, req.body.volunteerIds),
  );
  r.delete(
    '/api/activities/:id/signups/:volunteerId',
    {
      schema: {
        tags,
        summary: '移出报名（候补依次递补）',
        params: z.object({ id: bodyId, volunteerId: bodyId }),
        response: { 200: z.object({ ok: z.literal(true), promotedVolunteerId: z.number().nullable() }) },
      },
      config: write,
    },
    (req) => signups.remove(actorOf(req), req.params.id, req.params.volunteerId),
  );

  // ---------------------------------------------------------------- the volunteer on H5
  const myActivity = activityView.extend({ myStatus: z.string().nullable() });
  r.get(
    '/api/me/activities',
    {
      schema: {
        tags,
        summary: '可报名的活动 / 我报名的活动（mine=true）',
        querystring: z.object({ mine: z.enum(['true', 'false']).optional(), ...pagingQuery }),
        response: { 200: z.object({ items: z.array(myActivity), total: z.number() }) },
      },
      config: self,
    },
    (req) => signups.available(actorOf(req), { ...req.query, mine: req.query.mine === 'true' }),
  );
  r.get(
    '/api/me/activities/:id',
    {
      schema: { tags, summary: '活动详情与我的报名', params: idParams, response: { 200: mySignupView } },
      config: self,
    },
    (req) => signups.mine(actorOf(req), req.params.id),
  );
  r.post(
    '/api/me/activities/:id/signup',
    {
      schema: { tags, summary: '报名（满员进入候补）', params: idParams, response: { 200: mySignupView } },
      config: self,
    },
    (req) => signups.signUp(actorOf(req), req.params.id),
  );
  r.post(
    '/api/me/activities/:id/cancel-signup',
    {
      schema: { tags, summary: '取消报名', params: idParams, response: { 200: mySignupView } },
      config: self,
    },
    (req) => signups.cancel(actorOf(req), req.params.id),
  );

  // ---------------------------------------------------------------- public
  const publicActivity = z.object({
    id: z.number(),
    title: z.string(),
    orgName: z.string(),
    form: z.string(),
    festival: z.string().nullable(),
    description: z.string().nullable(),
    place: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    audience: z.string(),
    capacity: z.number(),
    confirmedCount: z.number(),
    status: z.enum(ACTIVITY_STATUSES),
  });
  r.get(
    '/api/public/activities',
    {
      schema: {
        tags,
        summary: '身边的活动（按所在村（社区）及上级单位）',
        querystring: z.object({ orgId: bodyId }),
        response: { 200: z.array(publicActivity) },
      },
      config: publicRead(600),
    },
    async (req) => (await upcomingNear(ctx, req.query.orgId)) as Array<z.infer<typeof publicActivity>>,
  );
  r.get(
    '/api/public/activities/:id',
    {
      schema: { tags, summary: '活动公开信息', params: idParams, response: { 200: publicActivity } },
      config: publicRead(300),
    },
    async (req) => (await publicActivityOf(ctx, req.params.id)) as z.infer<typeof publicActivity>,
  );
  r.get(
    '/api/public/orgs/:orgId/activities.ics',
    {
      schema: { tags, summary: '单位活动日历（iCalendar 订阅）', params: orgParams },
      config: publicRead(60),
    },
    async (req, reply) => {
      const body = await calendarOf(ctx, req.params.orgId);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `inline; filename="activities-${req.params.orgId}.ics"`)
        .send(body);
    },
  );
}
