// 需求工作台 for the centre and the institutes: filters by unit (a town or a village), service
// category, source and the day an order was placed; an order number found whatever its stage, with
// the tab badges counting under the same filters; and the export — the list's rows under the same
// filters and tab as an Excel file, residents' phones masked, audited.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, nextIp, type TestContext } from '../support/context.ts';
import { orgOfUser, type OrgRef } from '../support/org-factories.ts';
import { freshPhone } from '../support/volunteer-factories.ts';

let t: TestContext;
let station: OrgRef; // 东风社区 (demo-station), under 城北街道 (demo-institute)
let otherStation: OrgRef; // a village of another town (demo-station2)
let institute: ReturnType<typeof as>;
let stationAdmin: ReturnType<typeof as>;
let center: ReturnType<typeof as>;

const CHINESE = /[\u4e00-\u9fa5]/;
const DAY = 86_400_000;

interface OrderPage {
  items: Array<{ id: number; orderNo: string; status: string; contactPhone: string | null }>;
  total: number;
}
type Counts = Array<{ status: string; count: number; overdue: number }>;

beforeAll(async () => {
  t = await createTestContext();
  station = await orgOfUser(t.ctx.db.system, 'demo-station');
  otherStation = await orgOfUser(t.ctx.db.system, 'demo-station2');
  institute = as(t.app, await login(t.app, 'demo-institute'));
  stationAdmin = as(t.app, await login(t.app, 'demo-station'));
  center = as(t.app, await login(t.app, 'demo-center'));
});
afterAll(async () => t?.close());

/** 点单 on H5 at a village; `at` places it on an earlier day. */
async function place(stationId: number, extra: Record<string, unknown> = {}, at?: Date) {
  const phone = await freshPhone(t);
  if (at) t.setNow(at);
  try {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/orders',
      remoteAddress: nextIp(),
      payload: {
        stationId,
        serviceCategory: 'elderly',
        description: '独居老人需要上门帮忙打扫卫生',
        address: '三号楼二单元',
        contactName: '王阿姨',
        contactPhone: phone,
        ...extra,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const { orderNo } = res.json() as { orderNo: string };
    const row = await t.ctx.db.system
      .selectFrom('orders')
      .select('id')
      .where('order_no', '=', orderNo)
      .executeTakeFirstOrThrow();
    return { id: row.id, orderNo, phone };
  } finally {
    t.setNow(null);
  }
}

const list = async (client: ReturnType<typeof as>, query: string) => {
  const res = await client.get(`/api/orders?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as OrderPage;
};

/** Beijing's calendar day of `at`. */
const day = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

describe('the workbench’s filters', () => {
  it('narrows by village or town, category, source and the day placed — the badges alike', async () => {
    const longAgo = new Date(Date.now() - 400 * DAY);
    const mine = await place(
      station.id,
      { serviceCategory: 'law', description: '咨询赡养纠纷的法律问题' },
      longAgo,
    );
    await place(station.id, { serviceCategory: 'law' });
    await place(otherStation.id, { serviceCategory: 'law' }, longAgo);

    // that village, that category, that day
    const filters = `orgId=${station.id}&category=law&from=${day(longAgo)}&to=${day(longAgo)}`;
    const found = await list(center, filters);
    expect(found.items.map((o) => o.orderNo)).toEqual([mine.orderNo]);
    expect(found.total).toBe(1);
    const counts = (await center.get(`/api/orders/counts?${filters}`)).json() as Counts;
    expect(counts).toEqual([{ status: 'submitted', count: 1, overdue: 1 }]);

    // the whole town (the institute's unit): its villages' law orders of those days, not the other town's
    const town = await list(
      center,
      `orgId=${station.parentId}&category=law&from=${day(longAgo)}&pageSize=200`,
    );
    const { rows } = await sql<{ order_no: string }>`
      SELECT order_no FROM orders
      WHERE service_category = 'law' AND org_path <@ ${(await orgOfUser(t.ctx.db.system, 'demo-institute')).path}::ltree
        AND created_at >= ${new Date(`${day(longAgo)}T00:00:00+08:00`)}`.execute(t.ctx.db.system);
    expect(town.items.map((o) => o.orderNo).sort()).toEqual(rows.map((r) => r.order_no).sort());
    expect(town.items.map((o) => o.orderNo)).toContain(mine.orderNo);

    // by source: the staff's 代点单 by phone, and the residents' own
    const byPhone = await stationAdmin.post('/api/orders', {
      stationId: station.id,
      channel: 'phone',
      serviceCategory: 'law',
      description: '电话反映：需要法律援助',
      address: '东风社区',
      contactName: '李大爷',
      contactPhone: '0916-2345678',
    });
    expect(byPhone.statusCode, byPhone.body).toBe(200);
    const phoned = await list(institute, `channel=phone&category=law&orgId=${station.id}`);
    expect(phoned.items.map((o) => o.orderNo)).toEqual([byPhone.json().order.orderNo]);
    // the landline is masked like a mobile
    expect(phoned.items[0]!.contactPhone).toBe('0916-***5678');
    const online = await list(institute, `channel=online&category=law&orgId=${station.id}`);
    expect(online.total).toBe(2);
  });

  it('finds an order by its number in any tab, and the badges say which', async () => {
    const order = await place(station.id);
    const accepted = await institute.post(`/api/orders/${order.id}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    // the 待制单 tab has it no more; the search over every stage does, and the badges show where
    expect((await list(institute, `stage=vet&keyword=${order.orderNo}`)).total).toBe(0);
    const anywhere = await list(institute, `keyword=${order.orderNo.toLowerCase()}`);
    expect(anywhere.items.map((o) => [o.orderNo, o.status])).toEqual([[order.orderNo, 'accepted']]);
    const counts = (await institute.get(`/api/orders/counts?keyword=${order.orderNo}`)).json() as Counts;
    expect(counts.map((c) => [c.status, c.count])).toEqual([['accepted', 1]]);
  });

  it('refuses filters that are not ones, clearly', async () => {
    for (const query of ['category=nonsense', 'channel=fax', 'from=2026-13-01', 'orgId=abc']) {
      const res = await center.get(`/api/orders?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().message, query).toMatch(CHINESE);
    }
  });
});

describe('the workbench’s export', () => {
  it('downloads the filtered rows of the tab as Excel, phones masked, and audits it', async () => {
    const placed = [
      await place(station.id, { serviceCategory: 'health', description: '需要志愿者陪同老人去医院复诊' }),
      await place(station.id, { serviceCategory: 'health', description: '需要测量血压的上门服务' }),
    ];
    await place(otherStation.id, { serviceCategory: 'health' });
    const query = `stage=vet&category=health&orgId=${station.id}`;
    const shown = await list(institute, `${query}&pageSize=200`);

    const res = await institute.get(`/api/orders/export?${query}`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('联系电话');
    const phoneColumn = header.indexOf('联系电话') + 1;
    const rows = [];
    for (let r = 2; r <= sheet.rowCount; r++) rows.push(sheet.getRow(r));
    // exactly the list's rows, in its order
    expect(rows.map((row) => row.getCell(1).text)).toEqual(shown.items.map((o) => o.orderNo));
    for (const p of placed) expect(rows.map((row) => row.getCell(1).text)).toContain(p.orderNo);
    // every phone masked; none of the residents' numbers is in the file
    const phones = rows.map((row) => row.getCell(phoneColumn).text);
    for (const phone of phones) expect(phone).toMatch(/^(1\d{2}\*{4}\d{4}|0\d{2,3}-\*{3,4}\d{4})$/);
    const text = rows.map((row) => (row.values as unknown[]).join('|')).join('\n');
    for (const p of placed) expect(text).not.toContain(p.phone);

    const audit = await t.ctx.db.system
      .selectFrom('audit_log')
      .select(['summary', 'actor_username'])
      .where('action', '=', 'order.export')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.actor_username).toBe('demo-institute');
    expect(audit.summary).toMatchObject({
      rows: shown.total,
      category: 'health',
      stage: 'vet',
      orgId: station.id,
    });
  });

  it('exports nothing of a village outside the caller’s town', async () => {
    await place(otherStation.id, { serviceCategory: 'culture' });
    const res = await institute.get(`/api/orders/export?orgId=${otherStation.id}`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.rowCount).toBe(1);
  });
});
