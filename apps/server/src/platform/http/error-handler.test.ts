// PostgreSQL's data exceptions are what a client's value did: they answer 400, never 500, and the
// answer names no database detail. Anything else unexpected stays a 500 that leaks nothing.
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { answerFor, frameworkErrors, registerErrorHandler } from './error-handler.ts';

/** An error shaped as node-postgres raises it for a statement PostgreSQL refused. */
function pgError(code: string, message: string) {
  return Object.assign(new Error(message), { code, severity: 'ERROR' });
}

async function answerOf(error: Error) {
  const app = Fastify();
  registerErrorHandler(app);
  app.get('/boom', async () => {
    throw error;
  });
  const res = await app.inject({ method: 'GET', url: '/boom' });
  await app.close();
  return { status: res.statusCode, body: res.json() as { code: string; message: string } };
}

describe('error handler', () => {
  it.each([
    ['22021', 'invalid byte sequence for encoding "UTF8": 0x00'],
    ['22P05', 'unsupported Unicode escape sequence'],
    ['22001', 'value too long for type character varying(20)'],
    ['2201B', 'invalid regular expression: parentheses () not balanced'],
    ['22025', 'invalid escape string'],
    ['54000', 'index row size 3000 exceeds btree version 4 maximum 2704'],
  ])('answers PostgreSQL %s with a 400 that names no database detail', async (code, message) => {
    const { status, body } = await answerOf(pgError(code, message));
    expect(status).toBe(400);
    expect(body.code).toBe('VALIDATION');
    expect(body.message).not.toContain(message);
    expect(body.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('keeps other database errors and plain faults a 500', async () => {
    for (const error of [pgError('42P01', 'relation "x" does not exist'), new TypeError('x is undefined')]) {
      const { status, body } = await answerOf(error);
      expect(status).toBe(500);
      expect(body).toEqual({ code: 'INTERNAL', message: '服务器内部错误，请稍后重试' });
    }
    expect(answerFor(pgError('XX000', 'internal error'))).toBeNull();
  });

  it('answers a malformed or overlong path in Chinese, without echoing it', async () => {
    const app = Fastify({ frameworkErrors });
    registerErrorHandler(app);
    app.get('/things/:id', async () => ({ ok: true }));
    const bad = await app.inject({ method: 'GET', url: '/things/%E0%A4%A' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ code: 'VALIDATION', message: '请求地址格式不正确' });
    const long = await app.inject({ method: 'GET', url: `/things/${'x'.repeat(500)}` });
    expect(long.statusCode).toBe(414);
    expect(long.json()).toEqual({ code: 'URI_TOO_LONG', message: '请求地址过长' });
    await app.close();
  });
});
