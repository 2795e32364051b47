import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerAuth } from './platform/auth/plugin.ts';
import type { AppContext } from './platform/context.ts';
import { refuseControlCharacters } from './platform/http/control-characters.ts';
import { frameworkErrors, registerErrorHandler } from './platform/http/error-handler.ts';
import { openApiTransformObject } from './platform/http/openapi.ts';
import { MODULES } from './modules/index.ts';
import { registerModules } from './platform/http/modules.ts';
import { serializeRequest } from './platform/http/log-redaction.ts';
import { registerPublicCache } from './platform/http/public-cache.ts';
import { registerSecurityHeaders } from './platform/http/security-headers.ts';

z.config(z.locales.zhCN());

export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface BuildOptions {
  logger?: boolean | object;
  /** Folder of the built web app; served with an SPA fallback when it exists. */
  webDist?: string;
}

/** Builds the Fastify instance from the platform plugins and every module's routes. */
export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    // tracking tokens and QR codes in URLs never reach the log
    logger: options.logger
      ? { ...(options.logger === true ? {} : options.logger), serializers: { req: serializeRequest } }
      : false,
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    frameworkErrors,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  // on the root, before any module registers: every route of every module inherits it
  refuseControlCharacters(app);

  await app.register(cookie);
  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  // before the rate limiter: a cached read is answered before its limit counts (public-cache.ts)
  registerPublicCache(app, ctx);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 5 } });
  await app.register(swagger, {
    openapi: {
      info: { title: '文明实践云平台 API', version: '0.1.0', description: '新时代文明实践中心云平台接口' },
      tags: MODULES.map(({ name, description }) => ({ name, description })),
    },
    transform: jsonSchemaTransform,
    // schemas registered with an id (the recursive trees) become components the routes refer to
    transformObject: openApiTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  registerAuth(app, ctx);
  registerModules(app, ctx, MODULES);

  const webDist = options.webDist ?? WEB_DIST;
  if (fs.existsSync(path.join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
    const indexHtml = fs.readFileSync(path.join(webDist, 'index.html'));
    // the mobile face (H5) is its own page; every path under /h5/ is its client-side route
    const h5File = path.join(webDist, 'h5.html');
    const h5Html = fs.existsSync(h5File) ? fs.readFileSync(h5File) : null;
    app.get('/*', { schema: { hide: true }, config: { public: true } }, async (request, reply) => {
      const url = request.url.split('?')[0] ?? '/';
      if (url.startsWith('/api/')) {
        return reply.status(404).send({ code: 'NOT_FOUND', message: '请求的接口不存在' });
      }
      const file = path.join(webDist, path.normalize(decodeURIComponent(url)).replace(/^([/\\])+/, ''));
      if (file.startsWith(webDist) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        return reply.sendFile(path.relative(webDist, file));
      }
      const page = h5Html && (url === '/h5' || url.startsWith('/h5/')) ? h5Html : indexHtml;
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page);
    });
  }
  return app;
}
