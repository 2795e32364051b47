// Refusals leave a trace, and a flood of them does not flood the audit log: a record outside the
// caller's scope (404), a failed CSRF check and a missing permission are each audited; within a
// minute, repeats of the same refusal are counted into the next entry instead of written one by one.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyAuditChain } from '../../src/platform/audit/audit.ts';
import { as, createTestContext, login, type Session, type TestContext } from '../support/context.ts';
import { orgOfUser } from '../support/org-factories.ts';

let t: TestContext;
let station: Session;
let otherVolunteerId: number;

beforeAll(async () => {
  t = await createTestContext();
  station = await login(t.app, 'demo-station');
  // a volunteer of another town: outside demo-station's scope
  const other = await orgOfUser(t.ctx.db.system, 'demo-station2');
  otherVolunteerId = Number(
    (
      await t.ctx.db.system
        .selectFrom('volunteers')
        .select('id')
        .where('org_id', '=', other.id)
        .limit(1)
        .executeTakeFirstOrThrow()
    ).id,
  );
});
afterAll(async () => t?.close());

const entries = (action: string) =>
  t.ctx.db.system
    .selectFrom('audit_log')
    .select(['actor_username', 'resource_id', 'outcome', 'summary', 'ip'])
    .where('action', '=', action)
    .orderBy('seq')
    .execute();

describe('refusals in the audit log', () => {
  it('records a look at a record outside the caller’s scope', async () => {
    const res = await as(t.app, station).get(`/api/volunteers/${otherVolunteerId}`);
    expect(res.statusCode).toBe(404);
    // written as the answer goes out (an onResponse hook): inject() may resolve a moment before it
    // commits, more so on a busy machine
    const found = await vi.waitFor(
      async () => {
        const written = await entries('access.out_of_scope');
        expect(written).toHaveLength(1);
        return written;
      },
      { timeout: 15_000, interval: 50 },
    );
    expect(found[0]).toMatchObject({
      actor_username: 'demo-station',
      resource_id: 'GET /api/volunteers/:id',
      outcome: 'denied',
    });
    expect(found[0]!.summary).toMatchObject({ url: `/api/volunteers/${otherVolunteerId}` });
  });

  it('records a failed CSRF check', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/service-records/confirm',
      headers: { cookie: station.cookie, 'x-csrf-token': 'forged' },
      payload: { ids: [1] },
    });
    expect(res.statusCode).toBe(403);
    expect(await entries('access.csrf_failed')).toMatchObject([
      { actor_username: 'demo-station', resource_id: 'POST /api/service-records/confirm', outcome: 'denied' },
    ]);
  });

  it('counts a flood of refusals into one entry a minute', async () => {
    const leader = await login(t.app, 'demo-leader');
    const before = (await entries('access.denied')).length;
    // minutes of the injected clock, kept close to the session's last use so it stays signed in
    const start = Date.now() + 1_000;
    t.setNow(new Date(start));
    try {
      for (let i = 0; i < 40; i += 1) {
        const res = await as(t.app, leader).get('/api/audit-logs');
        expect(res.statusCode).toBe(403);
      }
      const during = await entries('access.denied');
      expect(during.length - before).toBe(1);
      // the next minute's first refusal carries the count of those held back
      t.setNow(new Date(start + 61_000));
      await as(t.app, leader).get('/api/audit-logs');
      const after = await entries('access.denied');
      expect(after.length - before).toBe(2);
      expect(after.at(-1)!.summary).toMatchObject({ suppressedSinceLast: 39 });
    } finally {
      t.setNow(null);
    }
    expect((await verifyAuditChain(t.ctx.db.system)).ok).toBe(true);
  });
});
