// No input may cause a 5xx: control characters (NUL above all — PostgreSQL refuses it in text and
// jsonb) are refused at the boundary with a Chinese 400, for every string of every route — body,
// query, path and multipart — with or without a session, and in Open311's own error format.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, nextIp, type TestContext } from '../support/context.ts';
import { orgOfUser, tableDigest, TINY_PNG } from '../support/org-factories.ts';

let t: TestContext;
let stationId: number;
let center: ReturnType<typeof as>;

beforeAll(async () => {
  t = await createTestContext();
  stationId = (await orgOfUser(t.ctx.db.system, 'demo-station')).id;
  center = as(t.app, await login(t.app, 'demo-center'));
});
afterAll(async () => t?.close());

const NUL = '\u0000';

function expectRefused(res: LightMyRequestResponse, field: string) {
  expect(res.statusCode, res.body).toBe(400);
  expect(res.json()).toEqual({ code: 'VALIDATION', message: `参数 ${field}：不能包含控制字符` });
}

const order = (over: Record<string, unknown> = {}) => ({
  stationId,
  serviceCategory: 'elderly',
  description: '楼道灯坏了',
  address: '东风社区5号楼',
  contactName: '赵大爷',
  contactPhone: '13600136000',
  ...over,
});

describe('control characters in input', () => {
  it('are refused without a session: login, public ordering, order tracking', async () => {
    const before = await tableDigest(t.ctx.db.system, 'orders');
    expectRefused(
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: `demo${NUL}`, password: 'x' },
        remoteAddress: nextIp(),
      }),
      'username',
    );
    expectRefused(
      await t.app.inject({
        method: 'POST',
        url: '/api/public/orders',
        payload: order({ description: `灯坏了${NUL}` }),
        remoteAddress: nextIp(),
      }),
      'description',
    );
    expectRefused(
      await t.app.inject({ method: 'GET', url: '/api/public/orders/abc%00def', remoteAddress: nextIp() }),
      'token',
    );
    expect(await tableDigest(t.ctx.db.system, 'orders')).toBe(before);
  });

  it('are refused in Open311 with its own error list', async () => {
    const form = new URLSearchParams({
      service_code: 'cat.elderly',
      description: `楼道灯坏了${NUL}`,
      address_id: String(stationId),
      phone: '13600136000',
    });
    const posted = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form.toString(),
      remoteAddress: nextIp(),
    });
    expect(posted.statusCode, posted.body).toBe(400);
    expect(posted.json()).toEqual([{ code: 400, description: '参数 description：不能包含控制字符' }]);
    for (const url of [
      '/open311/v2/requests.json?service_request_id=XQ1%00',
      '/open311/v2/requests/XQ%00.json',
    ]) {
      const res = await t.app.inject({ method: 'GET', url, remoteAddress: nextIp() });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      expect(res.json()).toEqual([{ code: 400, description: expect.stringContaining('不能包含控制字符') }]);
    }
  });

  it('are refused for staff in bodies, queries and nested arrays', async () => {
    expectRefused(await center.get('/api/orders?keyword=%00'), 'keyword');
    expectRefused(await center.get('/api/volunteers?keyword=a%01b'), 'keyword');
    expectRefused(
      await center.post('/api/orders', { ...order(), channel: 'phone', address: `x${NUL}` }),
      'address',
    );
    expectRefused(
      await center.post('/api/orgs', {
        parentId: stationId,
        kind: 'point',
        code: 'P1',
        name: `点\u001b[31m`,
      }),
      'name',
    );
  });

  it('are refused in an uploaded file name', async () => {
    const boundary = '----civicfuzz';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a\u0000.png"\r\n` +
          'Content-Type: image/png\r\n\r\n',
      ),
      TINY_PNG,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const session = await login(t.app, 'demo-center');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/uploads',
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload,
    });
    expectRefused(res, 'filename');
  });

  it('DEL, C1 controls and unpaired surrogates are refused too; tabs and line breaks in bodies are text', async () => {
    expectRefused(await center.get('/api/orders?keyword=a%7Fb'), 'keyword');
    expectRefused(await center.get('/api/orders?keyword=a%C2%85b'), 'keyword');
    const lone = await center.post('/api/orders', { ...order(), channel: 'phone', description: 'a\ud800b' });
    expect(lone.statusCode, lone.body).toBe(400);
    expect(lone.json()).toEqual({ code: 'VALIDATION', message: '参数 description：含有无效字符' });
    // a query value is one line: a line break there is a control character
    expectRefused(await center.get('/api/orders?keyword=a%0Ab'), 'keyword');
    const multiline = await center.post('/api/orders', {
      ...order(),
      channel: 'phone',
      description: '第一行\r\n第二行\t（附注）',
    });
    expect(multiline.statusCode, multiline.body).toBe(200);
    // a surrogate pair (an emoji) is one well-formed character
    const emoji = await center.post('/api/orders', { ...order(), channel: 'phone', description: '谢谢😀' });
    expect(emoji.statusCode, emoji.body).toBe(200);
  });

  it('a session cookie with a NUL byte is simply not a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: 'sid=%00' } });
    expect(res.statusCode, res.body).toBe(401);
  });
});
