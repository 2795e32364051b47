// The request log keeps no secret a URL carries: a resident's tracking token (the only key to their
// order) and a check-in QR code are cut from every logged line, while the rest of the URL stays.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { redactUrl } from '../../src/platform/http/log-redaction.ts';
import { createTestContext, nextIp, type TestContext } from '../support/context.ts';
import { orgOfUser } from '../support/org-factories.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t?.close());

describe('redactUrl', () => {
  it('cuts tracking tokens from paths and secret parameters from queries', () => {
    expect(redactUrl('/api/public/orders/AbC123xyz/rate?x=1')).toBe('/api/public/orders/[已隐去]/rate?x=1');
    expect(redactUrl('/h5/track/AbC123xyz')).toBe('/h5/track/[已隐去]');
    expect(redactUrl('/h5/checkin?t=SIGNED.CODE&from=qr')).toBe('/h5/checkin?t=[已隐去]&from=qr');
    expect(redactUrl('/api/public/orders')).toBe('/api/public/orders');
    expect(redactUrl('/api/volunteers?page=2&keyword=%E5%BC%A0')).toBe(
      '/api/volunteers?page=2&keyword=%E5%BC%A0',
    );
  });
});

describe('the request log', () => {
  it('never holds an order’s tracking token', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = await buildApp(t.ctx, { logger: { level: 'info', stream }, webDist: '/nonexistent' });
    await app.ready();
    try {
      const station = await orgOfUser(t.ctx.db.system, 'demo-station');
      const placed = await app.inject({
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
      const token = placed.json().trackingToken as string;
      expect(token.length).toBeGreaterThan(10);
      const tracked = await app.inject({
        method: 'GET',
        url: `/api/public/orders/${token}`,
        remoteAddress: nextIp(),
      });
      expect(tracked.statusCode).toBe(200);
      await app.inject({ method: 'GET', url: `/h5/track/${token}?t=${token}`, remoteAddress: nextIp() });
      const log = lines.join('');
      // the requests were logged, without the token
      expect(log).toContain('/api/public/orders/[已隐去]');
      expect(log).toContain('/h5/track/[已隐去]');
      expect(log).not.toContain(token);
    } finally {
      await app.close();
    }
  });
});
