// Helpers for the store's tests: many volunteers signed in at once (accounts and sessions written
// directly — hashing 200 passwords through the login route would only measure argon2), points
// granted through the ledger's own function, and items made through the API.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import { sessionPolicy } from '../../src/platform/auth/plugin.ts';
import { createSession } from '../../src/platform/auth/sessions.ts';
import { as, DEMO_PASSWORD, type Session, type TestContext } from './context.ts';
import type { OrgRef } from './org-factories.ts';

export interface SignedInVolunteer {
  id: number;
  orgPath: string;
  userId: number;
  name: string;
  session: Session;
}

let passwordHash: Promise<string> | undefined;

/**
 * `count` active volunteers of `org`'s subtree (taken from the seeded ones that have no account yet), each
 * given an account and a live session.
 */
export async function signedInVolunteers(
  t: TestContext,
  org: OrgRef,
  count: number,
  /** only volunteers with at least this many lifetime hours (a star: 100) */
  minLifetimeHours = 0,
): Promise<SignedInVolunteer[]> {
  const db = t.ctx.db.system;
  passwordHash ??= hashPassword(DEMO_PASSWORD);
  const hash = await passwordHash;
  const rows = await db
    .selectFrom('volunteers')
    .select(['id', 'name', 'org_id', 'org_path'])
    .where(sql<boolean>`org_path <@ ${org.path}::ltree`)
    .where('status', '=', 'active')
    .where('user_id', 'is', null)
    .where('lifetime_hours', '>=', minLifetimeHours)
    .orderBy('org_path')
    .orderBy('id')
    .limit(count)
    .execute();
  if (rows.length < count)
    throw new Error(`only ${rows.length} volunteers without an account in ${org.path}`);
  const out: SignedInVolunteer[] = [];
  for (const v of rows) {
    const user = await db
      .insertInto('users')
      .values({
        username: `sv-${crypto.randomBytes(5).toString('hex')}`,
        display_name: v.name,
        password_hash: hash,
        must_change_password: false,
        role: 'volunteer',
        org_id: v.org_id,
        org_path: v.org_path,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.updateTable('volunteers').set({ user_id: user.id }).where('id', '=', v.id).execute();
    const { token, csrfToken } = await createSession(
      db,
      sessionPolicy(t.ctx),
      user.id,
      { ip: '127.0.0.1', userAgent: 'store-test' },
      t.ctx.now(),
    );
    out.push({
      id: v.id,
      orgPath: v.org_path,
      userId: user.id,
      name: v.name,
      session: { cookie: `sid=${token}; csrf_token=${csrfToken}`, csrf: csrfToken },
    });
  }
  return out;
}

/** Gives a volunteer `points` through the ledger's writer (a manual adjustment by the system). */
export async function grantPoints(
  t: TestContext,
  volunteerId: number,
  points: number,
  orgPath: string,
): Promise<void> {
  await sql`SELECT post_points('volunteer', ${volunteerId}, NULL::ltree, ${orgPath}::ltree, 'adjust', 'manual',
      ${points}::int, NULL::bigint, NULL::int, 'test', NULL::bigint, NULL::bigint,
      ${`test-grant:${crypto.randomUUID()}`}, '测试发放', now(), NULL::bigint)`.execute(t.ctx.db.system);
}

export async function balanceOf(t: TestContext, volunteerId: number): Promise<number> {
  const row = await t.ctx.db.system
    .selectFrom('point_balances')
    .select('balance')
    .where('holder_type', '=', 'volunteer')
    .where('holder_id', '=', volunteerId)
    .executeTakeFirst();
  return row?.balance ?? 0;
}

/** Every holder whose balance differs from the sum of their entries (empty: the ledger is consistent). */
export async function ledgerMismatches(t: TestContext): Promise<unknown[]> {
  const { rows } = await sql`
    SELECT b.holder_type, b.holder_id, b.balance, coalesce(sum(e.delta), 0)::int AS entries
    FROM point_balances b LEFT JOIN point_entries e ON e.holder_type = b.holder_type AND e.holder_id = b.holder_id
    GROUP BY b.holder_type, b.holder_id, b.balance
    HAVING b.balance <> coalesce(sum(e.delta), 0)`.execute(t.ctx.db.system);
  return rows;
}

export interface ItemFields {
  kind?: 'goods' | 'service';
  name?: string;
  price?: number;
  stock?: number | null;
  limitCount?: number | null;
  limitPeriod?: string | null;
  onShelf?: boolean;
  pickupDays?: number;
  orgId?: number;
}

/** An item made by the store's admin through the API (on shelf by default). */
export async function makeItem(
  t: TestContext,
  admin: Session,
  fields: ItemFields = {},
): Promise<{ id: number; price: number; stock: number | null }> {
  const res = await as(t.app, admin).post('/api/store/items', {
    kind: 'goods',
    name: `测试物品${crypto.randomBytes(2).toString('hex')}`,
    price: 10,
    stock: 5,
    onShelf: true,
    ...fields,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

export async function stockOf(t: TestContext, itemId: number): Promise<number | null> {
  const row = await t.ctx.db.system
    .selectFrom('store_items')
    .select('stock')
    .where('id', '=', itemId)
    .executeTakeFirstOrThrow();
  return row.stock;
}
