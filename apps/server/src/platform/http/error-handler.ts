import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors.ts';

const FIELD_LABEL_HINT = '参数';

interface PgError {
  code?: string;
  constraint?: string;
}

/** What a client is told about a failed request. */
export interface ErrorAnswer {
  status: number;
  code: string;
  message: string;
  /** seconds; sent as Retry-After (the database is restarting) */
  retryAfter?: number;
}

/** The database is out of reach for a moment (restarting, failing over): say so, and when to retry. */
export const DB_UNAVAILABLE: ErrorAnswer = {
  status: 503,
  code: 'DB_UNAVAILABLE',
  message: '服务暂时不可用，请稍后重试',
  retryAfter: 5,
};
// SQLSTATE 08 (connection exception), 57P01–57P03 (shut down by an admin or a crash, cannot connect
// now), 53300 (too many connections); socket errors; and pg's own words for a connection that died
const UNAVAILABLE_STATES = /^(08[0-9A-Z]{3}|57P0[1-3]|53300)$/;
const SOCKET_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
const LOST_CONNECTION =
  /Connection terminated|terminating connection|connection error|not queryable|timeout exceeded when trying to connect|the database system is (starting up|shutting down|in recovery mode)/i;

/** Whether `error` means the database cannot be reached right now (not that a query was wrong). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error === null || typeof error !== 'object') return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_STATES.test(code) || SOCKET_ERRORS.has(code))) return true;
  return typeof message === 'string' && LOST_CONNECTION.test(message);
}

/** Sends an answer's Retry-After, when it has one. */
export function withRetryAfter(reply: FastifyReply, answer: ErrorAnswer): FastifyReply {
  return answer.retryAfter ? reply.header('retry-after', String(answer.retryAfter)) : reply;
}

/**
 * The answer for any error a request can raise — our AppErrors, validation, the framework's and
 * PostgreSQL's errors — with a Chinese message and the right 4xx status; null when it is a fault
 * of the server (a 500 that must leak nothing). Shared by the platform's handler and by handlers
 * that answer in another format (Open311), so both refuse the same inputs in the same way.
 */
export function answerFor(error: unknown): ErrorAnswer | null {
  if (error instanceof AppError) return { status: error.status, code: error.code, message: error.message };
  if (error === null || typeof error !== 'object') return null;
  if (isDatabaseUnavailable(error)) return DB_UNAVAILABLE;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issue = error.validation[0];
    const where = issue?.instancePath ? issue.instancePath.replace(/^\//, '').replace(/\//g, '.') : '';
    const message = issue?.message ?? '参数格式不正确';
    return {
      status: 400,
      code: 'VALIDATION',
      message: where ? `${FIELD_LABEL_HINT} ${where}：${message}` : message,
    };
  }
  const { code, statusCode, validation } = error as FastifyError & PgError;
  if (validation) return { status: 400, code: 'VALIDATION', message: '请求参数格式不正确' };
  switch (code) {
    case '23505':
      return { status: 409, code: 'CONFLICT', message: '记录已存在（唯一性冲突）' };
    case '23503':
      return { status: 409, code: 'CONFLICT', message: '存在关联数据，无法执行此操作' };
    case '23514':
      return { status: 400, code: 'VALIDATION', message: '数据格式或取值范围不正确' };
    case '42501':
      return { status: 403, code: 'FORBIDDEN', message: '超出您的数据范围' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的请求内容类型' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return { status: 413, code: 'TOO_LARGE', message: '上传内容过大' };
    case 'FST_ERR_BAD_URL':
      return { status: 400, code: 'VALIDATION', message: '请求地址格式不正确' };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { status: 414, code: 'URI_TOO_LONG', message: '请求地址过长' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, code: 'VALIDATION', message: '请求体不是有效的 JSON' };
    default:
      break;
  }
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
    // SQLSTATE class 22 (data exception: invalid text, out-of-range numbers and dates, a string too
    // long, a bad pattern …) and class 54 (program limit exceeded: a value too big for an index …)
    // are what a client's value did, not the server: a 400, never a 500
    if (code.startsWith('22'))
      return { status: 400, code: 'VALIDATION', message: '数据格式或取值范围不正确' };
    if (code.startsWith('54')) return { status: 400, code: 'VALIDATION', message: '数据过长或数量超出限制' };
  }
  if (statusCode === 429) return { status: 429, code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' };
  if (statusCode && statusCode >= 400 && statusCode < 500) {
    return { status: statusCode, code: 'BAD_REQUEST', message: '请求无效' };
  }
  return null;
}

/**
 * Errors the router raises before a route is chosen (a malformed percent-encoding, a path segment
 * too long): a Fastify constructor option, since no error handler sees them. Same `{ code, message }`.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const answer = answerFor(error) ?? { status: 400, code: 'BAD_REQUEST', message: '请求无效' };
  void withRetryAfter(reply, answer)
    .status(answer.status)
    .send({ code: answer.code, message: answer.message });
}

/**
 * One error handler: errors become `{ code, message }` (see answerFor). Anything unexpected is
 * logged with the request id and answered with a generic 500 that leaks nothing.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const answer = answerFor(error);
    if (answer) {
      // a database data exception is usually bad input, but may be a fault on stored data: keep a trace
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && /^(22|54)/.test(code))
        request.log.warn({ sqlState: code, route: request.routeOptions.url }, 'database refused a value');
      if (answer === DB_UNAVAILABLE) request.log.warn({ err: error }, 'database unavailable');
      return withRetryAfter(reply, answer)
        .status(answer.status)
        .send({ code: answer.code, message: answer.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ code: 'INTERNAL', message: '服务器内部错误，请稍后重试' });
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.status(404).send({ code: 'NOT_FOUND', message: '请求的接口不存在' }),
  );
}
