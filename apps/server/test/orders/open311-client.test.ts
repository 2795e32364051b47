// A real Open311 client library (npm `open311`, see support/open311-client.ts) against the app
// listening on a real port: it lists services, reads a definition, submits a request with an
// attribute, and reads requests back by id, by a list of ids and by query — with no special cases.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/context.ts';
import { open311Client, Open311ClientError } from '../support/open311-client.ts';
import { orgOfUser, type OrgRef } from '../support/org-factories.ts';

let t: TestContext;
let station: OrgRef;
let client: ReturnType<typeof open311Client>;
let origin: string;

beforeAll(async () => {
  t = await createTestContext({ env: { PUBLIC_URL: 'https://wmsj.example.gov.cn' } });
  station = await orgOfUser(t.ctx.db.system, 'demo-station');
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = t.app.server.address() as AddressInfo;
  // a client configured as for any city: endpoint, jurisdiction and an api key
  origin = `http://127.0.0.1:${port}`;
  client = open311Client(`${origin}/open311/v2/`, {
    jurisdiction: 'civic.example',
    apiKey: 'any-key',
  });
});
afterAll(async () => t?.close());

describe('Open311 with the npm open311 client library', () => {
  it('finds the GeoReport v2 endpoint by service discovery', async () => {
    const discovery = await open311Client(`${origin}/open311/v2/`, {
      discovery: `${origin}/open311/discovery.json`,
    }).serviceDiscovery();
    expect(discovery.endpoints).toEqual([
      expect.objectContaining({
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: 'https://wmsj.example.gov.cn/open311/v2',
        type: 'production',
        formats: expect.arrayContaining(['application/json', 'text/xml']),
      }),
    ]);
  });

  it('lists services and reads the definition of each kind', async () => {
    const services = await client.serviceList();
    const elderly = services.find((s) => s.service_code === 'cat.elderly');
    expect(elderly).toMatchObject({ service_name: '关爱老人', type: 'realtime', metadata: true });
    const item = services.find((s) => String(s.service_code).startsWith('item.'));
    expect(item).toBeDefined();
    for (const code of ['cat.elderly', String(item!.service_code)]) {
      const definition = await client.serviceDefinition(code);
      expect(definition.service_code).toBe(code);
      expect(definition.attributes).toContainEqual(
        expect.objectContaining({ code: 'preferred_at', datatype: 'datetime', variable: true }),
      );
    }
    await expect(client.serviceDefinition('cat.nothing')).rejects.toThrow(/404/);
  });

  it('submits a request with an attribute and follows it by id, by a list of ids and by query', async () => {
    const submit = (description: string) =>
      client.submitRequest({
        service_code: 'cat.elderly',
        address_id: station.id,
        description,
        first_name: '大妈',
        last_name: '钱',
        phone: '13600136200',
        attributes: { preferred_at: '2030-06-01T09:30:00+08:00' },
      });
    const [receipt] = await submit('帮老人读报');
    expect(receipt).toMatchObject({
      service_request_id: expect.stringMatching(/^XQ\d{10}$/),
      account_id: null,
    });
    expect(receipt).not.toHaveProperty('token');
    const id = String(receipt!.service_request_id);
    const row = await t.ctx.db.system
      .selectFrom('orders')
      .select(['contact_name', 'preferred_at', 'channel'])
      .where('order_no', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      contact_name: '钱大妈',
      preferred_at: new Date('2030-06-01T01:30:00Z'),
      channel: 'open311',
    });

    const [one] = await client.serviceRequests(id);
    expect(one).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: 'cat.elderly',
      description: null,
      address_id: station.id,
    });
    // the client turns the W3C date-times into dates
    expect(one!.requested_datetime).toBeInstanceOf(Date);
    expect(Number.isNaN((one!.requested_datetime as Date).getTime())).toBe(false);
    expect(JSON.stringify(one)).not.toMatch(/13600136200|钱大妈|读报/);

    const [second] = await submit('帮老人取药');
    const secondId = String(second!.service_request_id);
    const both = await client.serviceRequests([id, secondId]);
    expect(both.map((r) => r.service_request_id).sort()).toEqual([id, secondId].sort());

    const open = await client.serviceRequests({ status: 'open', service_code: 'cat.elderly' });
    expect(open.map((r) => r.service_request_id)).toEqual(expect.arrayContaining([id, secondId]));
    const closed = await client.serviceRequests({ status: 'closed', service_code: 'cat.elderly' });
    expect(closed.map((r) => r.service_request_id)).not.toContain(id);
  });

  it('reports a refused request as the client expects an error', async () => {
    const refused = client.submitRequest({
      service_code: 'cat.elderly',
      description: '帮忙',
      phone: '13600136200',
    });
    await expect(refused).rejects.toBeInstanceOf(Open311ClientError);
    await expect(refused).rejects.toThrow(/400.*lat 与 long、address_string 或 address_id/);
  });
});
