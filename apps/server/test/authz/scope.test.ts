// Row-level security at the database level: what the application role (civic_app) can see and
// change with and without a data scope, and guards that keep future migrations honest.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROLE, inScope, type Executor } from '../../src/platform/db/database.ts';
import { createTestContext, type TestContext } from '../support/context.ts';
import { countOf, orgOfUser, TINY_PNG, type OrgRef } from '../support/org-factories.ts';

let t: TestContext;
let stationOrg: OrgRef;
let otherStationOrg: OrgRef;

/** Every table carrying org data, with the column holding the owning org's path. */
const SCOPED_TABLES: Array<[table: string, column: string]> = [
  ['orgs', 'path'],
  ['users', 'org_path'],
  ['inspections', 'org_path'],
  ['inspection_results', 'org_path'],
  ['audit_log', 'org_path'],
  ['platforms', 'org_path'],
  ['site_standards', 'org_path'],
  ['site_standard_items', 'org_path'],
  ['uploads', 'org_path'],
];

const count = (db: Executor, table: string) =>
  countOf(db, sql`SELECT count(*)::int AS n FROM ${sql.table(table)}`);

beforeAll(async () => {
  t = await createTestContext();
  stationOrg = await orgOfUser(t.ctx.db.system, 'demo-station');
  otherStationOrg = await orgOfUser(t.ctx.db.system, 'demo-station2');
  // the seed stores no uploads: add one per station so that table is not trivially empty
  for (const org of [stationOrg, otherStationOrg]) {
    await t.ctx.db.system
      .insertInto('uploads')
      .values({
        org_path: org.path,
        uploaded_by: 1,
        file_name: 'a.png',
        mime_type: 'image/png',
        byte_size: TINY_PNG.length,
        sha256: 'x',
        content: TINY_PNG,
      })
      .execute();
  }
});
afterAll(async () => {
  await t?.close();
});

describe('row-level security for the application role', () => {
  it('returns no rows at all without a scope', async () => {
    for (const [table] of SCOPED_TABLES) {
      expect(await count(t.ctx.db.system, table), `${table} has data`).toBeGreaterThan(0);
      expect(await count(t.ctx.db.app, table), `${table} without scope`).toBe(0);
    }
    // an explicitly empty scope is no scope either
    const empty = await t.ctx.db.app.transaction().execute(async (tx) => {
      await sql`SELECT set_config('app.scope', '', true)`.execute(tx);
      return count(tx, 'orgs');
    });
    expect(empty).toBe(0);
  });

  it('does not leak a scope from one transaction into the next on the same pool', async () => {
    expect(await inScope(t.ctx.db.app, '1', (tx) => count(tx, 'orgs'))).toBeGreaterThan(0);
    const after = await Promise.all(Array.from({ length: 25 }, () => count(t.ctx.db.app, 'orgs')));
    expect(after.every((n) => n === 0)).toBe(true);
  });

  it('limits every scoped table to the station subtree', async () => {
    for (const [table, column] of SCOPED_TABLES) {
      if (['platforms', 'site_standards', 'site_standard_items', 'audit_log'].includes(table)) continue;
      const visible = await inScope(t.ctx.db.app, stationOrg.path, (tx) => count(tx, table));
      const expected = await countOf(
        t.ctx.db.system,
        sql`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE ${sql.ref(column)} <@ ${stationOrg.path}::ltree`,
      );
      expect(visible, table).toBe(expected);
      expect(visible, table).toBeGreaterThan(0);
      expect(visible, table).toBeLessThan(await count(t.ctx.db.system, table));
    }
    const paths = await inScope(t.ctx.db.app, stationOrg.path, (tx) =>
      tx.selectFrom('orgs').select('path').execute(),
    );
    expect(paths.every((r) => r.path === stationOrg.path || r.path.startsWith(`${stationOrg.path}.`))).toBe(
      true,
    );
  });

  it("lets a unit read its ancestors' reference data but not other units' or the audit entries above it", async () => {
    const seen = await inScope(t.ctx.db.app, stationOrg.path, async (tx) => ({
      platforms: await count(tx, 'platforms'),
      standards: await tx.selectFrom('site_standards').select('org_path').execute(),
      audit: await tx.selectFrom('audit_log').select('org_path').execute(),
    }));
    expect(seen.platforms).toBe(5);
    expect(seen.standards.length).toBeGreaterThan(0);
    for (const s of seen.standards)
      expect(
        stationOrg.path === s.org_path ||
          stationOrg.path.startsWith(`${s.org_path}.`) ||
          s.org_path.startsWith(`${stationOrg.path}.`),
      ).toBe(true);
    for (const a of seen.audit)
      expect(a.org_path === stationOrg.path || a.org_path!.startsWith(`${stationOrg.path}.`)).toBe(true);
  });

  it('refuses to insert, or move a row, outside the scope', async () => {
    const before = await count(t.ctx.db.system, 'orgs');
    const insertForeign = inScope(t.ctx.db.app, stationOrg.path, async (tx) => {
      const { rows } = await sql<{
        id: number;
      }>`SELECT nextval(pg_get_serial_sequence('orgs', 'id'))::bigint AS id`.execute(tx);
      const id = rows[0]!.id;
      await tx
        .insertInto('orgs')
        .values({
          id,
          parent_id: otherStationOrg.id,
          path: `${otherStationOrg.path}.${id}`,
          code: `RLS-${id}`,
          name: '越权点',
          short_name: '越权点',
          kind: 'point',
        })
        .execute();
    });
    await expect(insertForeign).rejects.toThrow(/row-level security/);
    await expect(
      inScope(t.ctx.db.app, stationOrg.path, (tx) =>
        tx
          .updateTable('orgs')
          .set({ path: `${otherStationOrg.path}.${stationOrg.id}` })
          .where('id', '=', stationOrg.id)
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    // rows outside the scope are simply not there to update or delete
    const { numUpdatedRows } = await inScope(t.ctx.db.app, stationOrg.path, (tx) =>
      tx
        .updateTable('orgs')
        .set({ name: '被改了' })
        .where('id', '=', otherStationOrg.id)
        .executeTakeFirstOrThrow(),
    );
    expect(numUpdatedRows).toBe(0n);
    const { numDeletedRows } = await inScope(t.ctx.db.app, stationOrg.path, (tx) =>
      tx.deleteFrom('uploads').where('org_path', '=', otherStationOrg.path).executeTakeFirstOrThrow(),
    );
    expect(numDeletedRows).toBe(0n);
    expect(await count(t.ctx.db.system, 'orgs')).toBe(before);
    const other = await t.ctx.db.system
      .selectFrom('orgs')
      .select(['name', 'path'])
      .where('id', '=', otherStationOrg.id)
      .executeTakeFirstOrThrow();
    expect(other.path).toBe(otherStationOrg.path);
    expect(other.name).not.toBe('被改了');
  });

  it('keeps the audit log append-only for the application', async () => {
    await expect(
      inScope(t.ctx.db.app, '1', (tx) => sql`UPDATE audit_log SET action = action`.execute(tx)),
    ).rejects.toThrow(/permission denied/);
    await expect(inScope(t.ctx.db.app, '1', (tx) => sql`DELETE FROM audit_log`.execute(tx))).rejects.toThrow(
      /permission denied/,
    );
  });
});

describe('database guards', () => {
  it('runs the application as a role that is not superuser, has no BYPASSRLS and owns nothing', async () => {
    const { rows: roles } = await sql<{
      rolsuper: boolean;
      rolbypassrls: boolean;
      rolcreaterole: boolean;
      rolcreatedb: boolean;
    }>`
      SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = ${APP_ROLE}`.execute(
      t.ctx.db.system,
    );
    expect(roles).toHaveLength(1);
    const role = roles[0]!;
    expect(role).toMatchObject({
      rolsuper: false,
      rolbypassrls: false,
      rolcreaterole: false,
      rolcreatedb: false,
    });
    const owned = await sql<{
      tablename: string;
    }>`SELECT tablename FROM pg_tables WHERE tableowner = ${APP_ROLE}`.execute(t.ctx.db.system);
    expect(owned.rows).toEqual([]);
    const ownedAny = await sql<{ relname: string }>`
      SELECT c.relname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = ${APP_ROLE}`.execute(
      t.ctx.db.system,
    );
    expect(ownedAny.rows).toEqual([]);
    // the connection the app uses really is that role
    const who = await sql<{ u: string }>`SELECT current_user AS u`.execute(t.ctx.db.app);
    expect(who.rows[0]!.u).toBe(APP_ROLE);
  });

  it('forces row-level security, with a policy, on every table holding org data', async () => {
    const { rows } = await sql<{ relname: string; rls: boolean; forced: boolean; policies: number }>`
      SELECT c.relname, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
             (SELECT count(*)::int FROM pg_policies p WHERE p.schemaname = 'public' AND p.tablename = c.relname) AS policies
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
        AND (c.relname = 'orgs' OR EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'org_path' AND NOT a.attisdropped))
      ORDER BY c.relname`.execute(t.ctx.db.system);
    expect(rows.map((r) => r.relname).sort()).toEqual(
      expect.arrayContaining(SCOPED_TABLES.map(([name]) => name).sort()),
    );
    for (const r of rows) {
      expect({ table: r.relname, rls: r.rls, forced: r.forced }).toEqual({
        table: r.relname,
        rls: true,
        forced: true,
      });
      expect(r.policies, r.relname).toBeGreaterThan(0);
    }
  });

  it('gives the application role no access to unprotected tables beyond a known list', async () => {
    const { rows } = await sql<{ relname: string }>`
      SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relforcerowsecurity
        AND (has_table_privilege(${APP_ROLE}, c.oid, 'SELECT') OR has_table_privilege(${APP_ROLE}, c.oid, 'INSERT')
             OR has_table_privilege(${APP_ROLE}, c.oid, 'UPDATE') OR has_table_privilege(${APP_ROLE}, c.oid, 'DELETE'))
      ORDER BY 1`.execute(t.ctx.db.system);
    // none: the audit log's sealed batches and the sealer's fence are the owner connection's alone
    expect(rows.map((r) => r.relname)).toEqual([]);
  });
});
