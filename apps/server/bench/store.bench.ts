// Workload: 爱心超市 — volunteers redeem one hot item at the same time (issue 14: "npm run bench
// reports redemption throughput beside a bare conditional UPDATE in the same run").
//
// Measured on the product's path: POST /api/me/store/redemptions through app.inject with volunteer
// sessions (session, CSRF, zod, the volunteer's RLS scope, the holder's advisory lock, the item's
// conditional stock UPDATE, the ledger's spend under its balance-row lock, the redemption with a
// pick-up code unique among the store's open ones), IN_FLIGHT at a time, every volunteer once, all
// on the same item — the contended case. The item has stock for all but the last STOCK_SHORT, so
// the run ends with refusals too. Checked in SQL afterwards: redemptions = stock taken, stock never
// below 0, and every balance equal to the sum of its ledger entries.
// Baseline, in the same run, pool and concurrency: as many bare `UPDATE … SET stock = stock - 1
// WHERE id = $1 AND stock >= 1` on one row of a plain table (no RLS, no ledger, no HTTP).
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { sessionIdOf } from '../src/platform/auth/sessions.ts';
import { timed, type Bench, type Figure } from './harness.ts';

const VOLUNTEERS = Number(process.env.BENCH_STORE_VOLUNTEERS ?? 2_000);
const IN_FLIGHT = Number(process.env.BENCH_STORE_IN_FLIGHT ?? 32);
const STOCK_SHORT = 50;
const PRICE = 10;

interface Holder {
  volunteerId: number;
  token: string;
  csrf: string;
}

/** Seeded volunteers given accounts, sessions and 100 points each; a centre item everyone can see. */
async function prepare(
  bench: Bench,
  count: number,
): Promise<{ holders: Holder[]; itemId: number; stock: number }> {
  const db = bench.ctx.db.system;
  return db.transaction().execute(async (tx) => {
    const { rows } = await sql<{ id: number; org_id: number; org_path: string }>`
      SELECT id, org_id, org_path::text AS org_path FROM volunteers
      WHERE status = 'active' AND user_id IS NULL ORDER BY id LIMIT ${count}`.execute(tx);
    const holders: Holder[] = [];
    for (const v of rows) {
      const user = await sql<{ id: number }>`
        INSERT INTO users (username, display_name, password_hash, password_changed_at, must_change_password,
          role, org_id, org_path)
        SELECT 'bench-store-' || ${v.id}, '压测志愿者', password_hash, now(), false, 'volunteer', ${v.org_id},
          ${v.org_path}::ltree
        FROM users WHERE username = 'demo-volunteer' RETURNING id`.execute(tx);
      await sql`UPDATE volunteers SET user_id = ${user.rows[0]!.id} WHERE id = ${v.id}`.execute(tx);
      const token = crypto.randomBytes(32).toString('base64url');
      const csrf = crypto.randomBytes(24).toString('base64url');
      await sql`INSERT INTO sessions (id, user_id, csrf_token, created_at, last_seen_at, expires_at)
        VALUES (${sessionIdOf(token)}, ${user.rows[0]!.id}, ${csrf}, now(), now(), now() + interval '1 day')`.execute(
        tx,
      );
      holders.push({ volunteerId: Number(v.id), token, csrf });
    }
    const center = await sql<{ id: number; path: string; user_id: number }>`
      SELECT o.id, o.path::text AS path, u.id AS user_id FROM orgs o, users u
      WHERE o.kind = 'center' AND u.username = 'demo-center'`.execute(tx);
    const c = center.rows[0]!;
    await sql`SELECT post_points('volunteer', v.id, v.org_path, ${c.path}::ltree, 'adjust', 'manual', 100, NULL,
        NULL, 'bench', NULL, NULL, 'bench-store-grant:' || v.id, '压测积分', now(), NULL)
      FROM volunteers v WHERE v.id = ANY (${holders.map((h) => h.volunteerId)}::bigint[])`.execute(tx);
    const stock = holders.length - STOCK_SHORT;
    const item = await sql<{ id: number }>`
      INSERT INTO store_items (org_id, org_path, kind, name, price, stock, on_shelf, created_by, created_at, updated_at)
      VALUES (${c.id}, ${c.path}::ltree, 'goods', '压测爱心礼包', ${PRICE}, ${stock}, true, ${c.user_id}, now(), now())
      RETURNING id`.execute(tx);
    return { holders, itemId: Number(item.rows[0]!.id), stock };
  });
}

/** Runs `work` over the items, IN_FLIGHT at a time; seconds and p99 of the calls. */
async function storm<T>(items: readonly T[], work: (item: T) => Promise<unknown>) {
  const took: number[] = [];
  const results: unknown[] = new Array(items.length);
  let next = 0;
  const started = process.hrtime.bigint();
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      const t = process.hrtime.bigint();
      results[i] = await work(items[i]!);
      took.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, items.length) }, lane));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  took.sort((a, b) => a - b);
  return {
    seconds,
    rate: items.length / seconds,
    p99: took[Math.max(0, Math.ceil(0.99 * took.length) - 1)]!,
    results,
  };
}

const fmt = (s: { rate: number; seconds: number; p99: number }) =>
  `${Math.round(s.rate).toLocaleString('en')}/s (${s.seconds.toFixed(2)} s), p99 ${s.p99.toFixed(1)} ms`;

export async function storeWorkload(bench: Bench): Promise<Figure> {
  const { ctx, app } = bench;
  const db = ctx.db.system;
  const prepared = await timed(() => prepare(bench, VOLUNTEERS));
  const { holders, itemId, stock } = prepared.value;
  await sql`VACUUM (ANALYZE) users, sessions, volunteers, point_balances, point_entries, store_items`.execute(
    db,
  );
  console.log(
    `  ${holders.length} volunteers with 100 points, one item with stock ${stock}, ${IN_FLIGHT} in flight; ` +
      `prepared in ${(prepared.ms / 1000).toFixed(1)} s`,
  );

  // ---- baseline: the bare conditional UPDATE on one hot row, same pool (the app role's)
  await sql`CREATE TABLE bench_bare_stock (id bigint PRIMARY KEY, stock integer NOT NULL)`.execute(db);
  await sql`INSERT INTO bench_bare_stock VALUES (1, ${stock})`.execute(db);
  await sql`GRANT SELECT, UPDATE ON bench_bare_stock TO civic_app`.execute(db);
  const bare = await storm(holders, async () => {
    const r = await sql`UPDATE bench_bare_stock SET stock = stock - 1 WHERE id = 1 AND stock >= 1`.execute(
      ctx.db.app,
    );
    return Number(r.numAffectedRows ?? 0);
  });
  const bareTaken = bare.results.reduce<number>((n, r) => n + (r as number), 0);
  await sql`DROP TABLE bench_bare_stock`.execute(db);

  // ---- the redemptions, through the route
  const measured = await storm(holders, async (h) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/me/store/redemptions',
      headers: { cookie: `sid=${h.token}`, 'x-csrf-token': h.csrf },
      payload: { itemId },
    });
    if (res.statusCode !== 200 && res.statusCode !== 409)
      throw new Error(`POST /api/me/store/redemptions: ${res.statusCode} ${res.body}`);
    return res.statusCode;
  });
  const ok = measured.results.filter((s) => s === 200).length;

  // ---- exact: no oversell, no negative stock or balance, ledger = balances
  const { rows } = await sql<{ redemptions: number; stock: number; min_balance: number; mismatched: number }>`
    SELECT (SELECT count(*) FROM store_redemptions WHERE item_id = ${itemId})::int AS redemptions,
      (SELECT stock FROM store_items WHERE id = ${itemId}) AS stock,
      (SELECT min(balance) FROM point_balances)::int AS min_balance,
      (SELECT count(*) FROM (SELECT b.holder_type, b.holder_id FROM point_balances b
         LEFT JOIN point_entries e ON e.holder_type = b.holder_type AND e.holder_id = b.holder_id
         GROUP BY b.holder_type, b.holder_id, b.balance HAVING b.balance <> coalesce(sum(e.delta), 0)) x)::int
        AS mismatched`.execute(db);
  const check = rows[0]!;
  const correct =
    ok === stock &&
    check.redemptions === stock &&
    check.stock === 0 &&
    check.min_balance >= 0 &&
    check.mismatched === 0 &&
    bareTaken === stock;
  console.log(
    [
      `  bare conditional UPDATE: ${fmt(bare)} (${bareTaken} taken of ${holders.length})`,
      `  redemptions (POST /api/me/store/redemptions): ${fmt(measured)}; ${ok} redeemed, ${holders.length - ok} refused (sold out)`,
      `  SQL check: ${check.redemptions} redemptions, stock left ${check.stock}, lowest balance ${check.min_balance}, ` +
        `${check.mismatched} balances differing from their ledger`,
    ].join('\n'),
  );
  return {
    workload: `爱心超市: ${holders.length} volunteers redeem one item (stock ${stock}), ${IN_FLIGHT} in flight (HTTP route)`,
    measured: `${fmt(measured)}; ${correct ? 'exactly the stock redeemed, ledger consistent' : 'OVERSOLD OR LEDGER MISMATCH'}`,
    baseline: `${fmt(bare)} bare conditional UPDATE`,
    ratio: `${(measured.seconds / bare.seconds).toFixed(1)}× the time`,
    target: 'exactly the stock redeemed, no negative stock or balance, ledger consistent',
    met: correct,
  };
}
