// Open311 GeoReport v2 conformance, checked against the specification (wiki.open311.org/GeoReport_v2)
// field by field: every method in both formats, the service definition, every field of a request,
// optional arguments that are empty, comma lists, the 90-day window, and errors as the spec's list
// — never the console's page — for anything that does not exist.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, nextIp, type TestContext } from '../support/context.ts';
import { orgOfUser, type OrgRef } from '../support/org-factories.ts';

// the specification's fields, in its order
const SERVICE_FIELDS = [
  'service_code',
  'service_name',
  'description',
  'metadata',
  'type',
  'keywords',
  'group',
];
const ATTRIBUTE_FIELDS = [
  'variable',
  'code',
  'datatype',
  'required',
  'datatype_description',
  'order',
  'description',
];
const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];
const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

let t: TestContext;
let station: OrgRef;
let webDist: string;
let itemCode: string;

beforeAll(async () => {
  // a built console is present, as in production: its catch-all must not answer Open311 paths
  webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'open311-web-'));
  fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>console</title>');
  t = await createTestContext({ webDist });
  station = await orgOfUser(t.ctx.db.system, 'demo-station');
  const { rows } = await sql<{ id: number }>`
    SELECT id FROM menu_items WHERE status = 'published' AND ${station.path}::ltree <@ area_path
    ORDER BY id LIMIT 1`.execute(t.ctx.db.system);
  itemCode = `item.${rows[0]!.id}`;
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(webDist, { recursive: true, force: true });
});

const get = (url: string) => t.app.inject({ method: 'GET', url });
const post = (url: string, fields: Record<string, string>) =>
  t.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    payload: new URLSearchParams(fields).toString(),
    remoteAddress: nextIp(),
  });

interface Element {
  name: string;
  children: Element[];
  text: string;
}

/** The document's root element, children in document order; fails on XML that is not well-formed. */
function parseXml(body: string): Element {
  expect(XMLValidator.validate(body)).toBe(true);
  expect(body.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  const nodes = new XMLParser({ preserveOrder: true, parseTagValue: false, trimValues: true }).parse(
    body,
  ) as unknown[];
  const toElement = (node: Record<string, unknown>): Element => {
    const name = Object.keys(node).find((key) => key !== ':@')!;
    const content = node[name] as Array<Record<string, unknown>>;
    return {
      name,
      children: content.filter((child) => !('#text' in child)).map(toElement),
      text: content
        .filter((child) => '#text' in child)
        .map((child) => String(child['#text']))
        .join(''),
    };
  };
  const roots = (nodes as Array<Record<string, unknown>>).filter((node) => !('?xml' in node));
  expect(roots).toHaveLength(1);
  return toElement(roots[0]!);
}

const names = (element: Element) => element.children.map((child) => child.name);
const childText = (element: Element, name: string) =>
  element.children.find((child) => child.name === name)?.text;

async function createRequest(extra: Record<string, string> = {}) {
  const res = await post('/open311/v2/requests.json', {
    service_code: 'cat.elderly',
    description: '需要帮忙买菜',
    address_id: String(station.id),
    phone: '13600136100',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as Array<{ service_request_id: string }>)[0]!.service_request_id;
}

describe('GeoReport v2: services and service definitions', () => {
  it('lists services with every field, in JSON and in XML', async () => {
    const json = await get('/open311/v2/services.json');
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    const services = json.json() as Array<Record<string, unknown>>;
    expect(services.length).toBeGreaterThan(1);
    for (const s of services) {
      expect(Object.keys(s)).toEqual(SERVICE_FIELDS);
      expect(['realtime', 'batch', 'blackbox']).toContain(s.type);
      expect(typeof s.metadata).toBe('boolean');
    }
    expect(services.map((s) => s.service_code)).toContain(itemCode);

    const res = await get('/open311/v2/services.xml?jurisdiction_id=');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    const root = parseXml(res.body);
    expect(root.name).toBe('services');
    expect(root.children).toHaveLength(services.length);
    for (const service of root.children) {
      expect(service.name).toBe('service');
      expect(names(service)).toEqual(SERVICE_FIELDS);
    }
    expect(childText(root.children[0]!, 'service_code')).toBe(services[0]!.service_code);
    expect(childText(root.children[0]!, 'metadata')).toBe(String(services[0]!.metadata));
  });

  it('defines each service with attributes, in JSON and in XML', async () => {
    for (const code of ['cat.elderly', itemCode]) {
      const res = await get(`/open311/v2/services/${code}.json`);
      expect(res.statusCode, res.body).toBe(200);
      const definition = res.json() as {
        service_code: string;
        attributes: Array<Record<string, unknown>>;
      };
      expect(Object.keys(definition)).toEqual(['service_code', 'attributes']);
      expect(definition.service_code).toBe(code);
      expect(definition.attributes.length).toBeGreaterThan(0);
      const orders = definition.attributes.map((a) => a.order as number);
      expect(new Set(orders).size).toBe(orders.length);
      for (const a of definition.attributes) {
        expect(Object.keys(a).slice(0, ATTRIBUTE_FIELDS.length)).toEqual(ATTRIBUTE_FIELDS);
        expect(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']).toContain(
          a.datatype,
        );
        expect(orders.every((o) => Number.isInteger(o) && o > 0)).toBe(true);
      }
      expect(definition.attributes).toContainEqual(
        expect.objectContaining({
          variable: true,
          code: 'preferred_at',
          datatype: 'datetime',
          required: false,
        }),
      );
    }

    const res = await get('/open311/v2/services/cat.elderly.xml');
    expect(res.statusCode, res.body).toBe(200);
    const root = parseXml(res.body);
    expect(root.name).toBe('service_definition');
    expect(names(root)).toEqual(['service_code', 'attributes']);
    expect(childText(root, 'service_code')).toBe('cat.elderly');
    const attributes = root.children[1]!;
    expect(attributes.children.length).toBeGreaterThan(0);
    for (const attribute of attributes.children) {
      expect(attribute.name).toBe('attribute');
      expect(names(attribute)).toEqual(ATTRIBUTE_FIELDS);
    }
  });

  it('answers an unknown service code, path or format with a 404 error list, never the console page', async () => {
    for (const url of [
      '/open311/v2/services/cat.nothing.json',
      '/open311/v2/services/item.999999.json',
      '/open311/v2/services/nothing.json',
      '/open311/v2/services/cat.elderly',
      '/open311/v2/nothing.json',
      '/open311/v2/requests/XQ9999999999.json',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/^application\/json/);
      const errors = res.json() as Array<Record<string, unknown>>;
      expect(Array.isArray(errors), url).toBe(true);
      expect(errors[0]).toEqual({ code: 404, description: expect.stringMatching(/\S/) });
    }
    for (const url of ['/open311/v2/services/cat.nothing.xml', '/open311/v2/requests/XQ9999999999.xml']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toBe('text/xml; charset=utf-8');
      const root = parseXml(res.body);
      expect(root.name).toBe('errors');
      expect(names(root.children[0]!)).toEqual(['code', 'description']);
      expect(childText(root.children[0]!, 'code')).toBe('404');
    }
  });
});

describe('Open311 service discovery', () => {
  it('names the GeoReport v2 endpoint and its formats, in JSON and in XML', async () => {
    const json = await get('/open311/discovery.json');
    expect(json.statusCode, json.body).toBe(200);
    const discovery = json.json() as Record<string, unknown>;
    expect(Object.keys(discovery)).toEqual(['changeset', 'contact', 'key_service', 'endpoints']);
    expect(discovery.endpoints).toEqual([
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        // no PUBLIC_URL in this test: the endpoint's path, never a Host header's guess
        url: '/open311/v2',
        changeset: discovery.changeset,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ]);

    const res = await get('/open311/discovery.xml');
    expect(res.statusCode, res.body).toBe(200);
    const root = parseXml(res.body);
    expect(root.name).toBe('discovery');
    expect(names(root)).toEqual(['changeset', 'contact', 'key_service', 'endpoints']);
    const endpoint = root.children[3]!.children[0]!;
    expect(endpoint.name).toBe('endpoint');
    expect(names(endpoint)).toEqual(['specification', 'url', 'changeset', 'type', 'formats']);
    expect(endpoint.children[4]!.children.map((f) => [f.name, f.text])).toEqual([
      ['format', 'text/xml'],
      ['format', 'application/json'],
    ]);
  });
});

describe('GeoReport v2: service requests', () => {
  it('creates a request from a form post in either format, and reads it back with every field', async () => {
    const xmlPost = await post('/open311/v2/requests.xml', {
      api_key: '',
      jurisdiction_id: '',
      service_code: itemCode,
      address_id: String(station.id),
      phone: '13600136101',
      // empty optional arguments are the same as absent ones
      lat: '',
      long: '',
      email: '',
      first_name: '',
      description: '',
      'attribute[preferred_at]': '2030-05-01T09:00:00+08:00',
    });
    expect(xmlPost.statusCode, xmlPost.body).toBe(200);
    const receipt = parseXml(xmlPost.body);
    expect(receipt.name).toBe('service_requests');
    expect(names(receipt.children[0]!)).toEqual(['service_request_id', 'service_notice', 'account_id']);
    const id = childText(receipt.children[0]!, 'service_request_id')!;
    const row = await t.ctx.db.system
      .selectFrom('orders')
      .select(['menu_item_id', 'preferred_at', 'channel'])
      .where('order_no', '=', id)
      .executeTakeFirstOrThrow();
    expect(`item.${row.menu_item_id}`).toBe(itemCode);
    expect(row.preferred_at?.toISOString()).toBe('2030-05-01T01:00:00.000Z');
    expect(row.channel).toBe('open311');

    const json = await get(`/open311/v2/requests/${id}.json?jurisdiction_id=`);
    expect(json.statusCode, json.body).toBe(200);
    const [request] = json.json() as Array<Record<string, unknown>>;
    expect(Object.keys(request!)).toEqual(REQUEST_FIELDS);
    expect(request).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: itemCode,
      description: null,
      address_id: station.id,
      zipcode: null,
      media_url: null,
    });
    expect(request!.requested_datetime).toMatch(W3C);
    expect(request!.updated_datetime).toMatch(W3C);

    const xmlGet = await get(`/open311/v2/requests/${id}.xml`);
    expect(xmlGet.statusCode, xmlGet.body).toBe(200);
    const root = parseXml(xmlGet.body);
    expect(root.name).toBe('service_requests');
    expect(root.children).toHaveLength(1);
    expect(root.children[0]!.name).toBe('request');
    expect(names(root.children[0]!)).toEqual(REQUEST_FIELDS);
    expect(childText(root.children[0]!, 'service_request_id')).toBe(id);
    expect(childText(root.children[0]!, 'description')).toBe('');
  });

  it('takes the location as lat/long, address_string or address_id, and says which is missing', async () => {
    const names = await t.ctx.db.system
      .selectFrom('orgs as s')
      .innerJoin('orgs as town', 'town.id', 's.parent_id')
      .select(['s.short_name as village', 'town.short_name as town'])
      .where('s.id', '=', station.id)
      .executeTakeFirstOrThrow();
    const byAddress = await post('/open311/v2/requests.json', {
      service_code: 'cat.law',
      description: '邻里纠纷',
      address_string: `${names.town}${names.village}3号楼`,
      phone: '13600136102',
    });
    expect(byAddress.statusCode, byAddress.body).toBe(200);
    const orderNo = (byAddress.json() as Array<{ service_request_id: string }>)[0]!.service_request_id;
    const row = await t.ctx.db.system
      .selectFrom('orders')
      .select('org_id')
      .where('order_no', '=', orderNo)
      .executeTakeFirstOrThrow();
    expect(row.org_id).toBe(station.id);

    for (const [fields, message] of [
      [{ lat: '33.0' }, /lat 与 long/],
      [{ address_string: '火星基地' }, /address_string/],
      [{}, /lat 与 long、address_string 或 address_id/],
    ] as const) {
      const res = await post('/open311/v2/requests.json', {
        service_code: 'cat.law',
        description: '帮忙',
        phone: '13600136102',
        ...fields,
      });
      expect(res.statusCode, res.body).toBe(400);
      expect((res.json() as Array<{ description: string }>)[0]!.description).toMatch(message);
    }
    const unknown = await post('/open311/v2/requests.xml', {
      service_code: 'cat.nothing',
      address_id: String(station.id),
      phone: '13600136102',
    });
    expect(unknown.statusCode).toBe(404);
    expect(parseXml(unknown.body).name).toBe('errors');
  });

  it('lists requests: empty arguments ignored, comma lists, both statuses, the 90-day window', async () => {
    const a = await createRequest();
    const b = await createRequest();
    const old = await createRequest();
    // a request from half a year ago: outside the default window, still found by its id
    await t.ctx.db.system
      .updateTable('orders')
      .set({ created_at: new Date(Date.now() - 180 * 86_400_000) })
      .where('order_no', '=', old)
      .execute();
    const ids = async (url: string) => {
      const res = await get(url);
      expect(res.statusCode, res.body).toBe(200);
      const list = res.json() as Array<Record<string, unknown>>;
      for (const r of list) expect(Object.keys(r)).toEqual(REQUEST_FIELDS);
      return list.map((r) => r.service_request_id);
    };

    const all = await ids('/open311/v2/requests.json');
    expect(all).toEqual(expect.arrayContaining([a, b]));
    expect(all).not.toContain(old);
    const empty = await ids(
      '/open311/v2/requests.json?service_request_id=&service_code=&status=&start_date=&end_date=&jurisdiction_id=',
    );
    expect(empty).toEqual(all);

    expect((await ids(`/open311/v2/requests.json?service_request_id=${a},${old}`)).sort()).toEqual(
      [a, old].sort(),
    );
    // service_request_id overrides every other argument
    expect(
      await ids(`/open311/v2/requests.json?service_request_id=${b}&status=closed&service_code=cat.law`),
    ).toEqual([b]);
    expect(await ids('/open311/v2/requests.json?status=open,closed')).toEqual(all);
    expect(await ids('/open311/v2/requests.json?status=open&status=closed')).toEqual(all);
    const byCode = await ids('/open311/v2/requests.json?service_code=cat.law,cat.elderly');
    expect(byCode).toEqual(expect.arrayContaining([a, b]));
    expect(await ids('/open311/v2/requests.json?service_code=cat.law')).not.toContain(a);
    expect(await ids('/open311/v2/requests.json?service_code=cat.nothing,item.abc')).toEqual([]);

    const start = new Date(Date.now() - 200 * 86_400_000).toISOString();
    const end = new Date(Date.now() - 150 * 86_400_000).toISOString();
    expect(await ids(`/open311/v2/requests.json?start_date=${start}&end_date=${end}`)).toContain(old);
    expect(await ids(`/open311/v2/requests.json?start_date=${start}`)).toContain(old);

    const xml = await get(`/open311/v2/requests.xml?service_request_id=${a},${b}`);
    const root = parseXml(xml.body);
    expect(root.name).toBe('service_requests');
    expect(root.children.map((r) => childText(r, 'service_request_id')).sort()).toEqual([a, b].sort());
    const none = parseXml((await get('/open311/v2/requests.xml?service_request_id=XQ0')).body);
    expect(none).toEqual({ name: 'service_requests', children: [], text: '' });

    for (const [url, message] of [
      [`/open311/v2/requests.json?start_date=${start}&end_date=${new Date().toISOString()}`, /90 天/],
      ['/open311/v2/requests.json?status=pending', /open 或 closed/],
      ['/open311/v2/requests.json?start_date=yesterday', /W3C/],
    ] as const) {
      const res = await get(url);
      expect(res.statusCode, res.body).toBe(400);
      expect((res.json() as Array<{ code: number; description: string }>)[0]).toEqual({
        code: 400,
        description: expect.stringMatching(message),
      });
    }
  });
});
