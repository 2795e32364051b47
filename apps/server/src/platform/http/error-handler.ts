import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors.ts';

const FIELD_LABEL_HINT = '参数';

interface PgError {
  code?: string;
  constraint?: string;
}

/**
 * One error handler: our AppErrors and framework/database errors become `{ code, message }` with
 * a Chinese message and the right 4xx status. Anything unexpected is logged with the request id
 * and answered with a generic 500 that leaks nothing.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError & PgError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send({ code: error.code, message: error.message });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issue = error.validation[0];
      const where = issue?.instancePath ? issue.instancePath.replace(/^\//, '').replace(/\//g, '.') : '';
      const message = issue?.message ?? '参数格式不正确';
      return reply.status(400).send({
        code: 'VALIDATION',
        message: where ? `${FIELD_LABEL_HINT} ${where}：${message}` : message,
      });
    }
    if (error.validation) {
      return reply.status(400).send({ code: 'VALIDATION', message: '请求参数格式不正确' });
    }
    switch (error.code) {
      case '23505':
        return reply.status(409).send({ code: 'CONFLICT', message: '记录已存在（唯一性冲突）' });
      case '23503':
        return reply.status(409).send({ code: 'CONFLICT', message: '存在关联数据，无法执行此操作' });
      case '23514':
      case '22P02':
      case '22003':
      case '22007':
      case '22008':
        return reply.status(400).send({ code: 'VALIDATION', message: '数据格式或取值范围不正确' });
      case '42501':
        return reply.status(403).send({ code: 'FORBIDDEN', message: '超出您的数据范围' });
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply.status(415).send({ code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的请求内容类型' });
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
      case 'FST_REQ_FILE_TOO_LARGE':
        return reply.status(413).send({ code: 'TOO_LARGE', message: '上传内容过大' });
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return reply.status(400).send({ code: 'VALIDATION', message: '请求体不是有效的 JSON' });
      default:
        break;
    }
    if (error.statusCode === 429) {
      return reply.status(429).send({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ code: 'BAD_REQUEST', message: '请求无效' });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ code: 'INTERNAL', message: '服务器内部错误，请稍后重试' });
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.status(404).send({ code: 'NOT_FOUND', message: '请求的接口不存在' }),
  );
}
