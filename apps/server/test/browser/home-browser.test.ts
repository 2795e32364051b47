// 工作台 per role in a real browser: the county, town and village admins land on their to-dos (counts
// equal to the server's), their unit's indicators this month against target and their place in the
// county's latest monthly bulletin — the town with its stations side by side; a team leader lands on
// the reviews waiting for them without any assessment figure. Each page passes axe with no console
// errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { as, login, type TestContext } from '../support/context.ts';
import { createUser, orgOfUser } from '../support/org-factories.ts';
import {
  BROWSER_WAIT,
  canRunBrowser,
  consoleSignedIn,
  launchChromium,
  serveWebApp,
} from '../support/browser-harness.ts';
import { axeViolations } from '../support/axe.ts';

const poll = <T>(read: () => Promise<T> | T, timeout = BROWSER_WAIT) => expect.poll(read, { timeout });

describe.runIf(canRunBrowser)('the console home per role', () => {
  let tc: TestContext;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    ({ tc, baseUrl } = await serveWebApp());
    const station = await orgOfUser(tc.ctx.db.system, 'demo-station');
    await createUser(tc.ctx.db.system, 'home-browser-leader', 'team_leader', station.id);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await tc?.close();
  });

  const homeAs = (username: string) => consoleSignedIn(browser, baseUrl, username);

  const countIn = async (page: Page, key: string) =>
    Number((await page.getByTestId(`todo-${key}`).locator('.todo-count').textContent())?.trim());

  for (const [username, orgLabel] of [
    ['demo-center', 'county'],
    ['demo-institute', 'town'],
    ['demo-station', 'village'],
  ] as const)
    it(`the ${orgLabel} admin sees its to-dos, its figures this month and its place`, async () => {
      const api = as(tc.app, await login(tc.app, username));
      const { page, errors } = await homeAs(username);
      await page.getByTestId('home-todos').waitFor();
      // the to-dos: the server's counts
      const counts = (await api.get('/api/orders/counts')).json() as {
        status: string;
        count: number;
        overdue: number;
      }[];
      await poll(() => countIn(page, 'dispatch')).toBe(
        counts.find((c) => c.status === 'accepted')?.count ?? 0,
      );
      expect(await countIn(page, 'overdue')).toBe(counts.reduce((n, c) => n + c.overdue, 0));
      const records = (await api.get('/api/service-records/counts')).json() as { pending: number };
      expect(await countIn(page, 'hours')).toBe(records.pending);
      if (username !== 'demo-station')
        expect(await countIn(page, 'vet')).toBe(counts.find((c) => c.status === 'submitted')?.count ?? 0);
      const tasks = (await api.get('/api/tasks/todo/counts')).json() as {
        toReport: number;
        overdue: number;
        toReview: number;
      };
      expect(await countIn(page, 'tasks')).toBe(tasks.toReport + tasks.overdue);
      if (username !== 'demo-station') expect(await countIn(page, 'task-review')).toBe(tasks.toReview);
      // the figures and the standing
      const home = (await api.get('/api/assessment/home')).json();
      const figures = page.getByTestId('home-figures');
      const own = home.rows.find((r: { orgId: number }) => r.orgId === home.rows[0].orgId);
      await poll(async () => (await figures.textContent()) ?? '').toContain(`得分 ${own.score ?? '无数据'}`);
      expect(home.standing).not.toBeNull();
      const standing = (await page.getByTestId('home-standing').textContent()) ?? '';
      expect(standing).toContain(home.standing.title);
      if (home.standing.rank !== null)
        expect(standing).toContain(`第 ${home.standing.rank} 名（共 ${home.standing.of} 个）`);
      // the town's stations side by side; the county's institutes
      if (username === 'demo-institute')
        await poll(() => page.getByTestId('report-station').locator('tbody tr').count()).toBe(
          home.rows.filter((r: { kind: string }) => r.kind === 'station').length,
        );
      if (username === 'demo-center')
        await poll(() => page.getByTestId('report-institute').locator('tbody tr').count()).toBeGreaterThan(5);
      if (username === 'demo-station') expect(await page.getByTestId('report-station').count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    });

  it('a team leader lands on the reviews waiting for them, without assessment figures', async () => {
    const { page, errors } = await homeAs('home-browser-leader');
    await page.getByTestId('home-todos').waitFor();
    const api = as(tc.app, await login(tc.app, 'home-browser-leader'));
    const records = (await api.get('/api/service-records/counts')).json() as { pending: number };
    await poll(() => countIn(page, 'hours')).toBe(records.pending);
    expect(await page.getByTestId('todo-dispatch').count()).toBe(0);
    expect(await page.getByTestId('home-figures').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
