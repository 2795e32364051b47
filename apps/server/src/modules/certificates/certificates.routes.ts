import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth/plugin.ts';
import type { AppContext } from '../../platform/context.ts';
import { idParams } from '../../platform/http/schemas.ts';
import {
  certificateListQuery,
  certificatePage,
  certificateView,
  issueInput,
  periodInput,
  revokeInput,
  serialParams,
  verifyView,
} from './certificates.schema.ts';
import { createCertificatesService } from './certificates.service.ts';
import { sendPdf } from '../../platform/pdf.ts';

export function certificatesRoutes(app: FastifyInstance, ctx: AppContext): void {
  const certificates = createCertificatesService(ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const issue = { permission: 'certificate.issue' as const };
  const self = { permission: 'volunteer.self' as const };
  const tags = ['certificates'];
  const perMinute = (max: number) => ({ max, timeWindow: '1 minute' });

  // ---------------------------------------------------------------- the console
  r.get(
    '/api/certificates',
    {
      schema: {
        tags,
        summary: '本单位及下属单位出具的志愿服务记录证明',
        querystring: certificateListQuery,
        response: { 200: certificatePage },
      },
      config: issue,
    },
    (req) => certificates.list(actorOf(req), req.query),
  );
  r.post(
    '/api/certificates',
    {
      schema: {
        tags,
        summary: '为志愿者出具志愿服务记录证明（本单位名义，仅含本单位及下属单位组织的已确认服务）',
        body: issueInput,
        response: { 200: certificateView },
      },
      config: { ...issue, rateLimit: perMinute(30) },
    },
    (req) => certificates.issue(actorOf(req), req.body),
  );
  r.get(
    '/api/certificates/:id',
    {
      schema: { tags, summary: '证明详情', params: idParams, response: { 200: certificateView } },
      config: issue,
    },
    (req) => certificates.get(actorOf(req), req.params.id),
  );
  r.get(
    '/api/certificates/:id/pdf',
    {
      schema: { tags, summary: '下载证明 (PDF)', params: idParams, produces: ['application/pdf'] },
      config: issue,
    },
    async (req, reply) => sendPdf(reply, await certificates.pdf(actorOf(req), req.params.id)),
  );
  r.post(
    '/api/certificates/:id/revoke',
    {
      schema: {
        tags,
        summary: '撤销证明（须填写原因；核验页将显示已撤销）',
        params: idParams,
        body: revokeInput,
        response: { 200: certificateView },
      },
      config: issue,
    },
    (req) => certificates.revoke(actorOf(req), req.params.id, req.body.reason),
  );

  // ---------------------------------------------------------------- the volunteer on H5
  r.get(
    '/api/me/certificates',
    { schema: { tags, summary: '我的志愿服务记录证明', response: { 200: certificatePage } }, config: self },
    (req) => certificates.mine(actorOf(req)),
  );
  r.post(
    '/api/me/certificates',
    {
      schema: {
        tags,
        summary: '本人申请出具志愿服务记录证明（免费，由所在站点或其上级单位出具）',
        body: periodInput,
        response: { 200: certificateView },
      },
      config: { ...self, rateLimit: perMinute(10) },
    },
    (req) => certificates.issueMine(actorOf(req), req.body),
  );
  r.get(
    '/api/me/certificates/:id/pdf',
    {
      schema: { tags, summary: '下载我的证明 (PDF)', params: idParams, produces: ['application/pdf'] },
      config: self,
    },
    async (req, reply) => sendPdf(reply, await certificates.myPdf(actorOf(req), req.params.id)),
  );

  // ---------------------------------------------------------------- anyone holding the serial
  r.get(
    '/api/public/certificates/:serial',
    {
      schema: {
        tags,
        summary: '核验志愿服务记录证明（证明编号；无需登录）',
        params: serialParams,
        response: { 200: verifyView },
      },
      // never cached: a revocation shows at once; unknown serials count against the address
      config: { public: true, rateLimit: perMinute(60) },
    },
    (req) => certificates.verify(req.params.serial),
  );
}
