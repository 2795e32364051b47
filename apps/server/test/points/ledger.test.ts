// The points ledger core: spend, refund and balance as the store calls them inside its own
// transactions — a spend the balance cannot cover is refused with nothing changed, the same source
// spends and refunds once, concurrent spends never overspend, and the ledger is append-only in the
// database itself (the app role cannot write it; no one can edit an entry).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inScope, type Tx } from '../../src/platform/db/database.ts';
import { pointBalance, refundPoints, spendPoints } from '../../src/modules/points/index.ts';
import { postEntry } from '../../src/modules/points/ledger.ts';
import { createTestContext, type TestContext } from '../support/context.ts';

let t: TestContext;
const ORG = 'c1.i1.s1';
let nextHolder = 1000;

beforeAll(async () => {
  t = await createTestContext({ seed: false });
});
afterAll(async () => t?.close());

const system = <T>(work: (tx: Tx) => Promise<T>) => t.ctx.db.system.transaction().execute(work);

async function award(holderId: number, points: number, key: string) {
  return system((tx) =>
    postEntry(tx, {
      holderType: 'household',
      holderId,
      holderOrgPath: ORG,
      orgPath: ORG,
      kind: 'award',
      ruleKind: 'hour',
      delta: points,
      sourceType: 'test',
      sourceId: null,
      idemKey: key,
      reason: '测试奖励',
      occurredAt: new Date(),
    }),
  );
}

const spend = (holderId: number, points: number, sourceId: number) =>
  system((tx) =>
    spendPoints(tx, {
      holderType: 'household',
      holderId,
      holderOrgPath: ORG,
      orgPath: ORG,
      points,
      sourceType: 'redemption',
      sourceId,
      reason: '兑换测试商品',
      occurredAt: new Date(),
    }),
  );

const balanceOf = (holderId: number) => system((tx) => pointBalance(tx, 'household', holderId));

describe('points ledger', () => {
  it('keeps the resulting balance and lifetime on each entry; a key posts once', async () => {
    const h = nextHolder++;
    const first = await award(h, 30, 'a1');
    expect(first).toMatchObject({ delta: 30, balanceAfter: 30, lifetimeAfter: 30, kind: 'award' });
    const again = await award(h, 30, 'a1');
    expect(again.id).toBe(first.id);
    const second = await award(h, 12, 'a2');
    expect(second).toMatchObject({ balanceAfter: 42, lifetimeAfter: 42 });
    expect(await balanceOf(h)).toEqual({ balance: 42, lifetime: 42 });
  });

  it('spends within the balance, refuses beyond it with nothing changed, and spends a source once', async () => {
    const h = nextHolder++;
    await award(h, 50, 'a');
    const s = await spend(h, 20, 1);
    expect(s).toMatchObject({ kind: 'spend', delta: -20, balanceAfter: 30, lifetimeAfter: 50 });
    expect((await spend(h, 20, 1)).id).toBe(s.id); // a retried redemption
    await expect(spend(h, 31, 2)).rejects.toMatchObject({ status: 409, code: 'INSUFFICIENT_POINTS' });
    await expect(spend(h, 0, 3)).rejects.toMatchObject({ status: 400 });
    await expect(spend(h, 2.5, 3)).rejects.toMatchObject({ status: 400 });
    expect(await balanceOf(h)).toEqual({ balance: 30, lifetime: 50 });
  });

  it('refunds a spend once and never touches the lifetime points', async () => {
    const h = nextHolder++;
    await award(h, 40, 'a');
    const s = await spend(h, 25, 9);
    const refund = () =>
      system((tx) =>
        refundPoints(tx, {
          holderType: 'household',
          holderId: h,
          holderOrgPath: ORG,
          orgPath: ORG,
          sourceType: 'redemption',
          sourceId: 9,
          reason: '取消兑换',
          occurredAt: new Date(),
        }),
      );
    const r = await refund();
    expect(r).toMatchObject({
      kind: 'refund',
      delta: 25,
      reversesId: s.id,
      balanceAfter: 40,
      lifetimeAfter: 40,
    });
    expect((await refund()).id).toBe(r.id);
    expect(await balanceOf(h)).toEqual({ balance: 40, lifetime: 40 });
    await expect(
      system((tx) =>
        refundPoints(tx, {
          holderType: 'household',
          holderId: h,
          holderOrgPath: ORG,
          orgPath: ORG,
          sourceType: 'redemption',
          sourceId: 10,
          reason: '取消兑换',
          occurredAt: new Date(),
        }),
      ),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('lets 20 concurrent spends of 10 from a balance of 55 take exactly 50', async () => {
    const h = nextHolder++;
    await award(h, 55, 'a');
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => spend(h, 10, 100 + i)));
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(ok).toHaveLength(5);
    for (const r of refused)
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'INSUFFICIENT_POINTS' });
    expect(await balanceOf(h)).toEqual({ balance: 5, lifetime: 55 });
    const sum = await t.ctx.db.system
      .selectFrom('point_entries')
      .select(sql<number>`sum(delta)::int`.as('s'))
      .where('holder_id', '=', h)
      .where('holder_type', '=', 'household')
      .executeTakeFirstOrThrow();
    expect(sum.s).toBe(5);
  });

  it('is append-only: no one edits or deletes an entry, and the app role cannot write the ledger', async () => {
    const h = nextHolder++;
    const e = await award(h, 5, 'a');
    await expect(
      sql`UPDATE point_entries SET delta = 500 WHERE id = ${e.id}`.execute(t.ctx.db.system),
    ).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM point_entries WHERE id = ${e.id}`.execute(t.ctx.db.system)).rejects.toThrow(
      /append-only/,
    );
    await expect(
      inScope(t.ctx.db.app, ORG, (tx) =>
        sql`UPDATE point_balances SET balance = 999 WHERE holder_id = ${h}`.execute(tx),
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      inScope(t.ctx.db.app, ORG, (tx) =>
        sql`INSERT INTO point_entries (holder_type, holder_id, holder_org_path, org_path, kind, rule_kind,
          delta, lifetime_delta, balance_after, lifetime_after, source_type, idem_key, reason, occurred_at)
          VALUES ('household', ${h}, 'c1', 'c1', 'adjust', 'manual', 1, 1, 1, 1, 'x', 'x', 'x', now())`.execute(
          tx,
        ),
      ),
    ).rejects.toThrow(/permission denied/);
    expect(await balanceOf(h)).toEqual({ balance: 5, lifetime: 5 });
  });

  it('posts through the app role only within its scope', async () => {
    const h = nextHolder++;
    const post = (scope: string) =>
      inScope(t.ctx.db.app, scope, (tx) =>
        postEntry(tx, {
          holderType: 'household',
          holderId: h,
          holderOrgPath: ORG,
          orgPath: ORG,
          kind: 'adjust',
          ruleKind: 'manual',
          delta: 7,
          sourceType: 'test',
          sourceId: null,
          idemKey: `scope:${scope}`,
          reason: '范围测试',
          occurredAt: new Date(),
        }),
      );
    await expect(post('c1.i2')).rejects.toMatchObject({ status: 403 });
    expect(await post('c1.i1')).toMatchObject({ balanceAfter: 7 });
  });
});
