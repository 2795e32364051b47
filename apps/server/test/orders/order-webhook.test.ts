// The outbound webhook for an SMS/WeChat gateway: every order status change is queued in the same
// transaction, delivered signed, retried with backoff after a failure, and carries the resident's
// phone in clear only on the wire.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, nextIp, type TestContext } from '../support/context.ts';
import { orgOfUser } from '../support/org-factories.ts';
import { runJobOnce } from '../../src/platform/jobs/scheduler.ts';
import { signWebhook, webhookJob } from '../../src/modules/notifications/index.ts';

const SECRET = 'test-webhook-secret-0123456789';
let t: TestContext;
let server: http.Server;
const received: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
let failNext = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (failNext > 0) {
        failNext -= 1;
        res.writeHead(503).end();
        return;
      }
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  t = await createTestContext({
    env: { WEBHOOK_URL: `http://127.0.0.1:${port}/hook`, WEBHOOK_SECRET: SECRET },
  });
});
afterAll(async () => {
  await t?.close();
  await new Promise((resolve) => server.close(resolve));
});

describe('order webhook', () => {
  it('delivers a signed status change, retrying with backoff after the gateway fails', async () => {
    const station = await orgOfUser(t.ctx.db.system, 'demo-station');
    const placed = await t.app.inject({
      method: 'POST',
      url: '/api/public/orders',
      remoteAddress: nextIp(),
      payload: {
        stationId: station.id,
        serviceCategory: 'law',
        description: '咨询赡养纠纷',
        address: '东风社区居委会',
        contactName: '刘先生',
        contactPhone: '13700137000',
      },
    });
    expect(placed.statusCode, placed.body).toBe(200);
    const orderNo = placed.json().orderNo as string;
    const order = await t.ctx.db.system
      .selectFrom('orders')
      .select('id')
      .where('order_no', '=', orderNo)
      .executeTakeFirstOrThrow();
    const institute = as(t.app, await login(t.app, 'demo-institute'));
    await institute.post(`/api/orders/${order.id}/reject`, { reason: '请到司法所现场咨询' });
    const queued = await t.ctx.db.system
      .selectFrom('webhook_outbox')
      .selectAll()
      .where('order_id', '=', order.id)
      .execute();
    expect(queued).toHaveLength(1);
    expect(JSON.stringify(queued[0]!.payload)).not.toContain('13700137000');

    failNext = 1;
    const first = await runJobOnce(t.ctx, webhookJob);
    expect(first).toMatchObject({ delivered: 0, failed: 1 });
    const afterFailure = await t.ctx.db.system
      .selectFrom('webhook_outbox')
      .selectAll()
      .where('order_id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(afterFailure).toMatchObject({ status: 'pending', attempts: 1, last_error: 'HTTP 503' });
    // not due again yet
    expect(await runJobOnce(t.ctx, webhookJob)).toMatchObject({ delivered: 0, failed: 0 });
    t.setNow(new Date(Date.now() + 2 * 60_000));
    expect(await runJobOnce(t.ctx, webhookJob)).toMatchObject({ delivered: 1 });
    t.setNow(null);

    expect(received).toHaveLength(1);
    const { headers, body } = received[0]!;
    expect(headers['x-civic-signature']).toBe(
      signWebhook(SECRET, String(headers['x-civic-timestamp']), body),
    );
    expect(JSON.parse(body)).toMatchObject({
      event: 'order.status_changed',
      orderNo,
      status: 'rejected',
      statusLabel: '已驳回',
      reason: '请到司法所现场咨询',
      contact: { name: '刘先生', phone: '13700137000' },
    });
    const done = await t.ctx.db.system
      .selectFrom('webhook_outbox')
      .select(['status', 'attempts'])
      .where('order_id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(done).toEqual({ status: 'delivered', attempts: 2 });
  });
});
