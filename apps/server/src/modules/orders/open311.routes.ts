// Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) at /open311/v2, so standard civic-
// request clients and aggregators work without special cases: every method in both formats (.json
// and .xml), errors as the specification's list of { code, description } in the format asked for,
// and a 404 in that form for anything under /open311/ that does not exist; service discovery at
// /open311/discovery.{json,xml}. What a service and a public request are is open311.service.ts's.
import type { FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { NotFound } from '../../platform/errors.ts';
import { answerFor, withRetryAfter } from '../../platform/http/error-handler.ts';
import { answer, formatOf, sendErrors, xml } from './open311-format.ts';
import {
  BASE_PATH,
  discoveryOut,
  FORMATS,
  jurisdictionQuery,
  postRequestBody,
  receiptOut,
  requestIdParams,
  requestOut,
  requestsQuery,
  serviceCodeParams,
  serviceDefinitionOut,
  serviceOut,
  type Format,
} from './open311.schema.ts';
import { open311Service } from './open311.service.ts';

const BASE = BASE_PATH;

/** The 200 answer: the zod schema for JSON (it picks the fields that may leave), a string for XML. */
const ok = (format: Format, schema: z.ZodType) =>
  format === 'json'
    ? { 200: schema }
    : { 200: { description: 'GeoReport v2 XML', content: { 'text/xml': { schema: z.string() } } } };

export function open311Routes(app: FastifyInstance, ctx: AppContext): void {
  const service = open311Service(ctx);
  void app.register(async (scope) => {
    await scope.register(formbody);
    // what is refused, and how, is the platform's (answerFor); only the form is Open311's: a list
    // of { code, description } in the format the path asked for
    scope.setErrorHandler((error, request, reply) => {
      const format = formatOf(request.url);
      const refused = answerFor(error);
      if (refused) return sendErrors(withRetryAfter(reply, refused), format, refused.status, refused.message);
      request.log.error({ err: error }, 'open311 error');
      return sendErrors(reply, format, 500, '服务器内部错误');
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['open311'];
    const limited = (max: number) => ({ public: true, rateLimit: { max, timeWindow: '1 minute' } });
    // the services are the menu's: cached, and dropped when the menu changes (public-cache.ts)
    const fromMenu = (max: number) => ({ ...limited(max), cache: ['menu'] as const });

    for (const format of FORMATS) {
      r.get(
        `/open311/discovery.${format}`,
        {
          schema: {
            tags,
            summary: `Open311 service discovery (${format})`,
            response: ok(format, discoveryOut),
          },
          config: fromMenu(120),
        },
        async (_req, reply) => answer(reply, format, await service.discovery(), xml.discovery),
      );

      r.get(
        `${BASE}/services.${format}`,
        {
          schema: {
            tags,
            summary: `GeoReport v2: services (${format})`,
            querystring: jurisdictionQuery,
            response: ok(format, z.array(serviceOut)),
          },
          config: fromMenu(120),
        },
        async (_req, reply) => answer(reply, format, await service.listServices(), xml.services),
      );

      r.get(
        `${BASE}/services/:service_code.${format}`,
        {
          schema: {
            tags,
            summary: `GeoReport v2: a service definition (${format})`,
            params: serviceCodeParams,
            querystring: jurisdictionQuery,
            response: ok(format, serviceDefinitionOut),
          },
          config: fromMenu(120),
        },
        async (req, reply) =>
          answer(
            reply,
            format,
            await service.serviceDefinition(req.params.service_code),
            xml.serviceDefinition,
          ),
      );

      r.post(
        `${BASE}/requests.${format}`,
        {
          schema: {
            tags,
            summary: `GeoReport v2: create a request (点单) (${format})`,
            body: postRequestBody,
            response: ok(format, z.array(receiptOut)),
          },
          config: limited(10),
        },
        async (req, reply) => answer(reply, format, [await service.createRequest(req.body)], xml.requests),
      );

      r.get(
        `${BASE}/requests.${format}`,
        {
          schema: {
            tags,
            summary: `GeoReport v2: requests, without personal data (${format})`,
            querystring: requestsQuery,
            response: ok(format, z.array(requestOut)),
          },
          config: limited(120),
        },
        async (req, reply) => answer(reply, format, await service.listRequests(req.query), xml.requests),
      );

      r.get(
        `${BASE}/requests/:service_request_id.${format}`,
        {
          schema: {
            tags,
            summary: `GeoReport v2: one request, without personal data (${format})`,
            params: requestIdParams,
            querystring: jurisdictionQuery,
            response: ok(format, z.array(requestOut)),
          },
          config: limited(120),
        },
        async (req, reply) =>
          answer(reply, format, [await service.request(req.params.service_request_id)], xml.requests),
      );
    }

    // anything else under /open311/ (an unknown path, a missing format suffix, another method):
    // the specification's 404, not the console's page
    scope.route({
      method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      url: '/open311/*',
      schema: { hide: true },
      config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
      handler: async () => {
        throw new NotFound('没有这个接口：GeoReport v2 的地址形如 /open311/v2/services.json 或 .xml');
      },
    });
  });
}
