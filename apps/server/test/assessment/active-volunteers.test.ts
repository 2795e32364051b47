// 活跃志愿者 of every assessed unit: read from the rankings' stored per-unit counts for a month, a
// quarter and a year, and counted from the monthly rollup for a custom range — both equal a direct
// count of the distinct volunteers with a confirmed service record in the unit's subtree, in the
// demo county, and after more records are confirmed.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitFacts } from '../../src/modules/assessment/unit-facts.ts';
import { periodOf, previousPeriod, type Period } from '../../src/modules/assessment/periods.ts';
import { chinaDate } from '../../src/platform/time.ts';
import { createTestContext, type TestContext } from '../support/context.ts';
import { orgOfUser } from '../support/org-factories.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
}, 120_000);
afterAll(async () => t?.close());

/** Distinct volunteers with a confirmed (non-opening) record served in the period, per unit path. */
async function direct(rootPath: string, period: Period): Promise<Map<string, number>> {
  const { rows } = await sql<{ path: string; n: number }>`
    SELECT u.path::text AS path, count(DISTINCT r.volunteer_id)::int AS n
      FROM orgs u JOIN service_records r ON r.org_path <@ u.path
     WHERE u.path <@ ${rootPath}::ltree AND u.kind IN ('center', 'institute', 'station')
       AND r.status = 'confirmed' AND r.kind <> 'opening'
       AND (r.started_at AT TIME ZONE 'Asia/Shanghai')::date
           BETWEEN date_trunc('month', ${period.start}::date)::date
               AND (date_trunc('month', ${period.end}::date) + interval '1 month - 1 day')::date
     GROUP BY u.path`.execute(t.ctx.db.system);
  return new Map(rows.map((r) => [r.path, r.n]));
}

async function expectActiveEqualsDirect(rootPath: string, period: Period) {
  const facts = await t.ctx.db.system.transaction().execute((tx) => unitFacts(tx, rootPath, period));
  expect(facts.length).toBeGreaterThan(1);
  const counted = await direct(rootPath, period);
  const got = new Map(facts.map((f) => [f.path, f.activeVolunteers]));
  for (const f of facts) expect(got.get(f.path), `${f.name} ${period.key}`).toBe(counted.get(f.path) ?? 0);
  return facts;
}

describe('active volunteers per unit', () => {
  it('equal a direct count for a month, a quarter, a year and a custom range', async () => {
    const center = await orgOfUser(t.ctx.db.system, 'demo-center');
    const today = chinaDate(new Date());
    const lastMonth = previousPeriod(periodOf('month', today));
    const year = periodOf('year', today);
    const facts = await expectActiveEqualsDirect(center.path, lastMonth);
    expect(facts.some((f) => f.activeVolunteers > 0)).toBe(true);
    await expectActiveEqualsDirect(center.path, periodOf('quarter', today));
    await expectActiveEqualsDirect(center.path, { ...year, end: today });
    // two months (a custom range: no single bucket) reads the monthly rollup
    const custom: Period = { ...lastMonth, kind: 'month', start: lastMonth.start, end: today, months: 2 };
    await expectActiveEqualsDirect(center.path, custom);
    const institute = await orgOfUser(t.ctx.db.system, 'demo-institute');
    await expectActiveEqualsDirect(institute.path, lastMonth);
  });
});
