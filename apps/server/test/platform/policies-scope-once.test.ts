// Row-level security reads the request's scope once per statement on the tables dispatch matching
// scans (migration 0016): a policy that calls app_scope(), app_volunteer() or app_team() directly
// runs the call for every row it looks at, which on thousands of volunteers costs a third of the
// candidates query. The scope tests (test/authz) check what the policies let through.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/context.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: false });
});
afterAll(() => t?.close());

it('the policies of volunteers, orgs, orders and their assignees call the scope functions only in sub-selects', async () => {
  const { rows } = await sql<{
    relname: string;
    polname: string;
    qual: string | null;
    checked: string | null;
  }>`
    SELECT c.relname, pol.polname, pg_get_expr(pol.polqual, pol.polrelid) AS qual,
      pg_get_expr(pol.polwithcheck, pol.polrelid) AS checked
    FROM pg_policy pol JOIN pg_class c ON c.oid = pol.polrelid
    WHERE c.relname IN ('volunteers', 'orgs', 'orders', 'order_assignees')`.execute(t.ctx.db.system);
  expect(rows.length).toBeGreaterThan(8);
  const calls = /\bapp_(scope|volunteer|team)\(\)/g;
  for (const p of rows) {
    for (const expression of [p.qual, p.checked]) {
      if (!expression) continue;
      // what is left once every "SELECT app_x() AS app_x" sub-select is taken out
      const bare = expression.replace(/SELECT app_(scope|volunteer|team)\(\) AS app_\1/g, '');
      expect(bare.match(calls), `${p.relname}.${p.polname}: ${expression}`).toBeNull();
    }
  }
  // and they do use them: the test above is not vacuous
  expect(rows.some((p) => p.qual?.includes('SELECT app_scope() AS app_scope'))).toBe(true);
});
