// The per-org volunteer head counts (org_volunteer_counts, migration 0031) that the big screen, the
// home pages and the assessment read instead of counting volunteers: the demo county's counts equal
// a fresh count; a random mix of statements (registrations in bulk, suspensions, reactivations,
// withdrawals, moves between stations, deletions — several rows per statement) keeps them equal; an
// org's move carries them along; the registered count at a past day's end equals a direct count; and
// the rebuild command reports a tampered count and repairs it.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inScope } from '../../src/platform/db/database.ts';
import {
  countActiveVolunteers,
  registeredVolunteersByOrg,
  volunteerCountDifferences,
} from '../../src/modules/volunteers/index.ts';
import { as, createTestContext, login, type TestContext } from '../support/context.ts';
import { runCli } from '../support/cli.ts';
import { orgOfUser, type OrgRef } from '../support/org-factories.ts';

let t: TestContext;
let instituteOrg: OrgRef;
let stations: Array<{ id: number; path: string }>;

beforeAll(async () => {
  t = await createTestContext();
  instituteOrg = await orgOfUser(t.ctx.db.system, 'demo-institute');
  stations = (
    await t.ctx.db.system
      .selectFrom('orgs')
      .select(['id', 'path'])
      .where(sql<boolean>`path <@ ${instituteOrg.path}::ltree`)
      .where('kind', '=', 'station')
      .orderBy('id')
      .limit(4)
      .execute()
  ).map((s) => ({ id: Number(s.id), path: s.path }));
}, 120_000);
afterAll(async () => t?.close());

const differences = () => volunteerCountDifferences(t.ctx.db.system);

/** A direct count of the subtree's active volunteers, for comparison. */
async function countedActive(path: string) {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM volunteers WHERE org_path <@ ${path}::ltree AND status = 'active'`.execute(
    t.ctx.db.system,
  );
  return rows[0]!.n;
}

/** Copies `n` existing volunteers' profiles into new rows of `station` (one INSERT statement). */
async function registerInBulk(n: number, station: { id: number; path: string }, createdAt: Date) {
  await sql`
    INSERT INTO volunteers (org_id, org_path, name, gender, birth_date, id_number_enc, id_number_index,
      phone_enc, phone_tail, political_status, categories, skills, skills_note, service_categories,
      availability, consent_version, consent_at, consent_channel, status, source, created_at, updated_at)
    SELECT ${station.id}, ${station.path}::ltree, v.name, v.gender, v.birth_date, v.id_number_enc,
      'count-test-' || ${crypto.randomUUID()} || '-' || v.id, v.phone_enc, v.phone_tail, v.political_status,
      v.categories, v.skills, v.skills_note, v.service_categories, v.availability, v.consent_version,
      v.consent_at, v.consent_channel, (ARRAY['active', 'active', 'suspended', 'withdrawn'])[1 + (v.id % 4)::int],
      'import', ${createdAt}, ${createdAt}
      FROM (SELECT * FROM volunteers ORDER BY id LIMIT ${n}) v`.execute(t.ctx.db.system);
}

describe('per-org volunteer counts', () => {
  it('equal a fresh count in the demo county, and the screen figure reads them', async () => {
    expect(await differences()).toEqual([]);
    const center = await orgOfUser(t.ctx.db.system, 'demo-center');
    const total = await t.ctx.db.system
      .selectFrom('org_volunteer_counts')
      .select(sql<number>`sum(registered)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(total.n).toBeGreaterThan(1000);
    const read = await inScope(t.ctx.db.app, instituteOrg.path, (tx) =>
      countActiveVolunteers(tx, instituteOrg.path),
    );
    expect(read).toBe(await countedActive(instituteOrg.path));
    expect(read).toBeGreaterThan(0);
    // the institute's scope cannot see the county's other towns
    const county = await inScope(t.ctx.db.app, instituteOrg.path, (tx) =>
      countActiveVolunteers(tx, center.path),
    );
    expect(county).toBe(read);
  });

  it('stay equal to a fresh count after a random mix of multi-row statements', async () => {
    let seed = 20261207;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const db = t.ctx.db.system;
    for (let round = 0; round < 24; round += 1) {
      const station = pick(stations);
      const op = pick(['register', 'status', 'move', 'mixed', 'delete'] as const);
      if (op === 'register') await registerInBulk(1 + Math.floor(random() * 30), station, new Date());
      else if (op === 'status')
        await sql`UPDATE volunteers SET status = ${pick(['active', 'suspended', 'withdrawn'])}
                   WHERE id IN (SELECT id FROM volunteers WHERE org_id = ${station.id}
                                ORDER BY md5(id::text || ${round}) LIMIT ${1 + Math.floor(random() * 10)})`.execute(
          db,
        );
      else if (op === 'move') {
        const to = pick(stations);
        await sql`UPDATE volunteers SET org_id = ${to.id}, org_path = ${to.path}::ltree
                   WHERE id IN (SELECT id FROM volunteers WHERE org_id = ${station.id}
                                ORDER BY md5(id::text || ${round}) LIMIT ${1 + Math.floor(random() * 10)})`.execute(
          db,
        );
      } else if (op === 'mixed') {
        // one statement: some rows change station, some status, some both, some neither
        const to = pick(stations);
        await sql`UPDATE volunteers SET
                     org_id = CASE WHEN id % 3 = 0 THEN ${to.id} ELSE org_id END,
                     org_path = CASE WHEN id % 3 = 0 THEN ${to.path}::ltree ELSE org_path END,
                     status = CASE WHEN id % 2 = 0 THEN 'suspended' WHEN id % 5 = 0 THEN 'active' ELSE status END
                   WHERE org_id = ${station.id} AND id % 7 < 3`.execute(db);
      } else {
        // only rows no other table refers to (the bulk registrations above)
        await sql`DELETE FROM volunteers
                   WHERE id IN (SELECT id FROM volunteers WHERE id_number_index LIKE 'count-test-%'
                                ORDER BY md5(id::text || ${round}) LIMIT ${1 + Math.floor(random() * 5)})`.execute(
          db,
        );
      }
      expect(await differences(), `after round ${round} (${op})`).toEqual([]);
    }
  });

  it('move with their org, and give the registered count at a past day’s end', async () => {
    await registerInBulk(12, stations[0]!, new Date());
    const before = new Date(Date.now() - 3_600_000);
    const byOrg = await inScope(t.ctx.db.app, instituteOrg.path, (tx) =>
      registeredVolunteersByOrg(tx, instituteOrg.path, before),
    );
    const { rows: direct } = await sql<{ path: string; n: number }>`
      SELECT org_path::text AS path, count(*)::int AS n FROM volunteers
       WHERE org_path <@ ${instituteOrg.path}::ltree AND status <> 'withdrawn' AND created_at < ${before}
       GROUP BY org_path`.execute(t.ctx.db.system);
    const sorted = (xs: Array<{ path: string; n: number }>) =>
      [...xs].sort((a, b) => a.path.localeCompare(b.path));
    expect(sorted(byOrg)).toEqual(sorted(direct));

    // the station moves to another institute: its counts' path moves with it
    const center = as(t.app, await login(t.app, 'demo-center'));
    const other = await t.ctx.db.system
      .selectFrom('orgs')
      .select(['id', 'path'])
      .where('kind', '=', 'institute')
      .where('id', '<>', instituteOrg.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const moved = await center.post(`/api/orgs/${stations[1]!.id}/move`, { parentId: Number(other.id) });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await differences()).toEqual([]);
    const path = (JSON.parse(moved.body) as { path: string }).path;
    expect(path.startsWith(`${other.path}.`)).toBe(true);
    expect(await countedActive(path)).toBeGreaterThan(0);
  });

  it('are checked and repaired by npm run assessment:rebuild', async () => {
    await sql`UPDATE org_volunteer_counts SET registered = registered + 3 WHERE org_id = ${stations[0]!.id}`.execute(
      t.ctx.db.system,
    );
    expect((await differences()).map((d) => d.orgId)).toEqual([stations[0]!.id]);
    const cli = (args: string[]) => runCli(t, 'assessment-rebuild.ts', args);
    const checked = await cli([]);
    expect(checked.code, checked.out + checked.err).toBe(1);
    expect(checked.err).toContain('志愿者人数不一致');
    const fixed = await cli(['--fix']);
    expect(fixed.out).toContain('已按名册重新统计各单位志愿者人数');
    expect(fixed.code, fixed.out + fixed.err).toBe(0);
    expect(await differences()).toEqual([]);
  });
});
