// Open311 GeoReport v2 over the menu and orders: a standard client lists services, posts a request
// (form-encoded, as GeoReport clients do), and reads it back; public views carry no personal data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, nextIp, type TestContext } from '../support/context.ts';
import { orgOfUser, type OrgRef } from '../support/org-factories.ts';

let t: TestContext;
let station: OrgRef;

beforeAll(async () => {
  t = await createTestContext();
  station = await orgOfUser(t.ctx.db.system, 'demo-station');
});
afterAll(async () => t?.close());

describe('Open311 GeoReport v2', () => {
  it('lists services, creates a request from a form post, and reads it back without personal data', async () => {
    const services = await t.app.inject({ method: 'GET', url: '/open311/v2/services.json' });
    expect(services.statusCode, services.body).toBe(200);
    const list = services.json() as Array<{ service_code: string; service_name: string; type: string }>;
    expect(list).toContainEqual(
      expect.objectContaining({ service_code: 'cat.elderly', service_name: '关爱老人', type: 'realtime' }),
    );

    const form = new URLSearchParams({
      service_code: 'cat.elderly',
      description: '楼道灯坏了，老人晚上出门不便',
      address_id: String(station.id),
      address_string: '东风社区5号楼',
      first_name: '大爷',
      last_name: '赵',
      phone: '13600136000',
    });
    const created = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form.toString(),
      remoteAddress: nextIp(),
    });
    expect(created.statusCode, created.body).toBe(200);
    const [receipt] = created.json() as Array<{ service_request_id: string }>;
    expect(receipt!.service_request_id).toMatch(/^XQ\d{10}$/);
    const row = await t.ctx.db.system
      .selectFrom('orders')
      .select(['channel', 'contact_name', 'status'])
      .where('order_no', '=', receipt!.service_request_id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ channel: 'open311', contact_name: '赵大爷', status: 'submitted' });

    const one = await t.app.inject({
      method: 'GET',
      url: `/open311/v2/requests/${receipt!.service_request_id}.json`,
    });
    expect(one.statusCode, one.body).toBe(200);
    const [request] = one.json() as Array<Record<string, unknown>>;
    expect(request).toMatchObject({
      service_request_id: receipt!.service_request_id,
      status: 'open',
      service_code: 'cat.elderly',
      status_notes: '待制单',
    });
    expect(JSON.stringify(request)).not.toMatch(/13600136000|赵大爷|5号楼|楼道灯/);

    const open = await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json?status=open' });
    expect((open.json() as Array<{ service_request_id: string }>).map((r) => r.service_request_id)).toContain(
      receipt!.service_request_id,
    );
    const closed = await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json?status=closed' });
    expect(
      (closed.json() as Array<{ service_request_id: string }>).map((r) => r.service_request_id),
    ).not.toContain(receipt!.service_request_id);
  });

  it('answers bad requests in the GeoReport error format and writes nothing', async () => {
    const before = await t.ctx.db.system
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const bad: Array<Record<string, string>> = [
      {
        service_code: 'cat.unknown',
        description: '帮忙',
        address_id: String(station.id),
        phone: '13600136000',
      },
      { service_code: 'cat.law', description: '帮忙', phone: '13600136000' },
      { service_code: 'cat.law', description: '帮忙', address_id: String(station.id), phone: '123' },
      {
        service_code: 'item.999999',
        description: '帮忙',
        address_id: String(station.id),
        phone: '13600136000',
      },
    ];
    for (const payload of bad) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(payload).toString(),
        remoteAddress: nextIp(),
      });
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      const body = res.json() as Array<{ code: number; description: string }>;
      expect(body[0]!.code).toBe(res.statusCode);
      expect(body[0]!.description.length).toBeGreaterThan(0);
    }
    expect(
      (await t.app.inject({ method: 'GET', url: '/open311/v2/requests/XQ9999999999.json' })).statusCode,
    ).toBe(404);
    const after = await t.ctx.db.system
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('finds the nearest village from coordinates', async () => {
    const village = await t.ctx.db.system
      .selectFrom('orgs')
      .select(['id', 'latitude', 'longitude'])
      .where('id', '=', station.id)
      .executeTakeFirstOrThrow();
    // the demo county has coordinates for every village
    expect(village.latitude).not.toBeNull();
    const res = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: {
        service_code: 'cat.law',
        description: '邻里纠纷调解',
        lat: village.latitude! + 0.0001,
        long: village.longitude!,
        phone: '13600136001',
      },
      remoteAddress: nextIp(),
    });
    expect(res.statusCode, res.body).toBe(200);
    const orderNo = (res.json() as Array<{ service_request_id: string }>)[0]!.service_request_id;
    const row = await t.ctx.db.system
      .selectFrom('orders')
      .select('org_id')
      .where('order_no', '=', orderNo)
      .executeTakeFirstOrThrow();
    expect(row.org_id).toBe(station.id);
  });

  it('never shows a staff reject reason to the public', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        service_code: 'cat.law',
        description: '帮忙看看合同',
        address_id: String(station.id),
        phone: '13600136002',
      }).toString(),
      remoteAddress: nextIp(),
    });
    const orderNo = (created.json() as Array<{ service_request_id: string }>)[0]!.service_request_id;
    const { id } = await t.ctx.db.system
      .selectFrom('orders')
      .select('id')
      .where('order_no', '=', orderNo)
      .executeTakeFirstOrThrow();
    const institute = as(t.app, await login(t.app, 'demo-institute'));
    const reason = '来电者曾多次恶意报单，内部备注：勿再受理';
    const rejected = await institute.post(`/api/orders/${id}/reject`, { reason });
    expect(rejected.statusCode, rejected.body).toBe(200);

    for (const url of [
      `/open311/v2/requests/${orderNo}.json`,
      `/open311/v2/requests.json?service_request_id=${orderNo}`,
      `/open311/v2/requests.json?status=closed`,
    ]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, res.body).toBe(200);
      const mine = (res.json() as Array<Record<string, unknown>>).find(
        (r) => r.service_request_id === orderNo,
      );
      expect(mine, url).toMatchObject({ status: 'closed', status_notes: '已驳回' });
      expect(res.body, url).not.toContain('恶意');
      expect(res.body, url).not.toContain('内部备注');
    }
  });
});
