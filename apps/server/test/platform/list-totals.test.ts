// No list truncates silently (issue 13): where a console list shows at most so many rows, its total
// still counts every row — the page says that more exist — and the figures beside a list (the
// service records' tab badges) are counted in the database under the list's own filters.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestContext, login, type TestContext } from '../support/context.ts';
import { orgOfUser } from '../support/org-factories.ts';

let t: TestContext;
let center: ReturnType<typeof as>;
let stationAdmin: ReturnType<typeof as>;

beforeAll(async () => {
  t = await createTestContext();
  center = as(t.app, await login(t.app, 'demo-center'));
  stationAdmin = as(t.app, await login(t.app, 'demo-station'));
});
afterAll(async () => t?.close());

describe('lists that show the oldest rows first', () => {
  it('重新加入申请: 201 waiting, the oldest 200 listed, the total says 201', async () => {
    // pending requests of withdrawn volunteers across the county (straight into the table: the
    // H5 path files one at a time)
    await sql`
      INSERT INTO volunteer_rejoin_requests (volunteer_id, org_id, org_path, phone_enc, phone_index,
        phone_tail, political_status, consent_version, password_hash, requested_at)
      SELECT v.id, v.org_id, v.org_path, coalesce(v.phone_enc, 'x'), 'bulk-' || v.id, '0000', 'masses',
        'v1', 'not-a-hash', now() - (row_number() OVER (ORDER BY v.id)) * interval '1 minute'
      FROM volunteers v ORDER BY v.id LIMIT 201`.execute(t.ctx.db.system);
    const res = await center.get('/api/volunteers/rejoin-requests');
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { items: Array<{ requestedAt: string }>; total: number };
    expect(page.items).toHaveLength(200);
    expect(page.total).toBe(201);
    // the oldest first: the one left out is the newest
    const times = page.items.map((r) => r.requestedAt);
    expect(times).toEqual([...times].sort());
  });

  it('待激活账号: 501 waiting, the oldest 500 listed, the total says 501', async () => {
    const institute = await orgOfUser(t.ctx.db.system, 'demo-institute');
    const security = await t.ctx.db.system
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'demo-security')
      .executeTakeFirstOrThrow();
    await sql`
      INSERT INTO users (username, password_hash, role, org_id, org_path, display_name, status,
        activation_reason, activation_requested_at, activation_requested_by)
      SELECT 'bulk-pending-' || g, 'not-a-hash', 'institute_admin', ${institute.id}, ${institute.path}::ltree,
        '待激活' || g, 'pending', 'create', now() - g * interval '1 minute', ${security.id}
      FROM generate_series(1, 501) g`.execute(t.ctx.db.system);
    const res = await center.get('/api/users/pending-activation');
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { items: unknown[]; total: number };
    expect(page.items).toHaveLength(500);
    expect(page.total).toBe(501);
  });
});

describe('服务时长 badges', () => {
  it('count each status in the database under the list’s filters', async () => {
    const station = await orgOfUser(t.ctx.db.system, 'demo-station');
    for (const [client, filters] of [
      [center, ''],
      [center, `orgId=${station.id}&source=activity`],
      [stationAdmin, 'kind=credit'],
    ] as const) {
      const res = await client.get(`/api/service-records/counts?${filters}`);
      expect(res.statusCode, res.body).toBe(200);
      const counts = res.json() as Record<string, number>;
      for (const status of ['pending', 'confirmed', 'rejected']) {
        const page = (
          await client.get(`/api/service-records?${filters}&status=${status}&pageSize=1`)
        ).json() as {
          total: number;
        };
        expect(counts[status], `${filters} ${status}`).toBe(page.total);
      }
    }
    // and the county's are every record of the county
    const all = (await center.get('/api/service-records/counts')).json() as Record<string, number>;
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM service_records`.execute(
      t.ctx.db.system,
    );
    expect(all.pending! + all.confirmed! + all.rejected!).toBe(rows[0]!.n);
  });
});
