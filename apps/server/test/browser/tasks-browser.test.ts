// 调度任务 in a real browser: the centre's admin issues a task to demo-station on 工作任务 (form in
// the drawer: title, deadline, the unit picked in the tree, at least one photo, scored out of 10);
// demo-station's admin finds it on 任务待办, uploads a photo and reports; the centre's admin opens
// the unit's row on the task's progress page and approves it with a score. No page errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { DEMO_PASSWORD, type TestContext } from '../support/context.ts';
import { orgOfUser, TINY_PNG, type OrgRef } from '../support/org-factories.ts';
import { BROWSER_WAIT, canRunBrowser, launchChromium, serveWebApp } from '../support/browser-harness.ts';

const poll = <T>(read: () => Promise<T> | T, timeout = BROWSER_WAIT) => expect.poll(read, { timeout });
const TITLE = '浏览器测试：重阳节敬老活动';

describe.runIf(canRunBrowser)('调度任务: issue, report with a photo, approve with a score', () => {
  let tc: TestContext;
  let browser: Browser;
  let baseUrl: string;
  let station: OrgRef & { name: string };
  const errors: string[] = [];

  beforeAll(async () => {
    ({ tc, baseUrl } = await serveWebApp());
    const org = await orgOfUser(tc.ctx.db.system, 'demo-station');
    const { name } = await tc.ctx.db.system
      .selectFrom('orgs')
      .select('name')
      .where('id', '=', org.id)
      .executeTakeFirstOrThrow();
    station = { ...org, name };
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await tc?.close();
  });

  /** The input a test id (or an aria-label) marks: the element itself, or the first input inside it. */
  async function inputOf(page: Page, testId: string, by: 'testid' | 'label' = 'testid') {
    const el = (by === 'label' ? page.locator(`[aria-label="${testId}"]`) : page.getByTestId(testId)).first();
    const tag = await el.evaluate((node) => node.tagName);
    return tag === 'INPUT' || tag === 'TEXTAREA' ? el : el.locator('input, textarea').first();
  }
  async function fill(page: Page, testId: string, value: string) {
    await (await inputOf(page, testId)).fill(value);
  }

  async function signIn(username: string, menu: string): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 800 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(`${username}: ${error.message}`));
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/login/);
    await fill(page, 'login-username', username);
    await fill(page, 'login-password', DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('header-role').waitFor();
    // the item's name may carry its badge (任务待办 3)
    await page.getByRole('menuitem', { name: new RegExp(`^${menu}`) }).click();
    return page;
  }

  const assignment = () =>
    tc.ctx.db.system
      .selectFrom('task_assignments as a')
      .innerJoin('work_tasks as t', 't.id', 'a.task_id')
      .select(['a.id', 'a.status', 'a.score', 't.id as task_id'])
      .where('t.title', '=', TITLE)
      .where('a.org_id', '=', station.id)
      .executeTakeFirst();

  it('the centre issues a task to one station in the drawer', async () => {
    const page = await signIn('demo-center', '工作任务');
    await page.waitForURL(/\/tasks$/);
    await page.getByTestId('task-create').click();
    await fill(page, 'task-form-title', TITLE);
    await fill(page, 'task-form-description', '每站开展 1 次敬老活动并上传照片');
    // a deadline ten days ahead, typed as the picker shows it
    const due = new Date(Date.now() + 10 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    const deadline = await inputOf(page, '截止时间', 'label');
    await deadline.fill(`${due} 18:00`);
    await deadline.press('Enter');
    await page.getByRole('heading', { name: '下达工作任务' }).click();
    // the station, found by name in the tree
    const orgs = await inputOf(page, '指定单位', 'label');
    await orgs.click({ force: true });
    await orgs.fill(station.name);
    const node = page.locator('.el-tree-node__content:visible').filter({ hasText: station.name }).first();
    await node.click();
    await poll(async () =>
      (await page.locator('.el-select__tags-text:visible').allTextContents()).join(),
    ).toContain(station.name);
    await page.getByRole('heading', { name: '下达工作任务' }).click();
    await fill(page, 'task-form-min-photos', '1');
    await page.getByTestId('task-form-save').click();
    await page.waitForURL(/\/tasks\/\d+$/);
    await page
      .getByTestId('task-assignments')
      .locator('.el-table__row')
      .filter({ hasText: station.name })
      .waitFor();
    await poll(async () => (await assignment())?.status).toBe('pending');
    await page.context().close();
  });

  it('the station reports with a photo from its to-do list', async () => {
    const page = await signIn('demo-station', '任务待办');
    await page.waitForURL(/\/tasks\/todo/);
    await page
      .getByTestId('task-todo-table')
      .locator('.el-table__row')
      .filter({ hasText: TITLE })
      .getByTestId('todo-open')
      .click();
    await page.waitForURL(/\/tasks\/assignments\/\d+/);
    await page.getByTestId('report-form').waitFor();
    // the menu's badge counts the station's tasks to report
    expect(Number(await page.getByTestId('menu-badge-/tasks/todo').textContent())).toBeGreaterThan(0);
    await page
      .getByTestId('report-photo-input')
      .setInputFiles({ name: '敬老活动.png', mimeType: 'image/png', buffer: TINY_PNG });
    await page.locator('.photo img').first().waitFor();
    await fill(page, 'report-text', '已于重阳节前开展敬老活动，走访老人 12 户。');
    await page.getByTestId('report-submit').click();
    await page.getByTestId('report-entry').first().waitFor();
    await poll(async () => (await assignment())?.status).toBe('submitted');
    expect(await page.getByTestId('task-state').first().textContent()).toContain('待审核');
    await page.context().close();
  });

  it('the centre approves the report with a score', async () => {
    const row = (await assignment())!;
    const page = await signIn('demo-center', '工作任务');
    await page.goto(`${baseUrl}/tasks/${row.task_id}`);
    await page
      .getByTestId('task-assignments')
      .locator('.el-table__row')
      .filter({ hasText: station.name })
      .getByTestId('assignment-open')
      .click();
    await page.waitForURL(/\/tasks\/assignments\/\d+/);
    // the report's photo is shown to the issuer
    await page.getByTestId('report-entry').locator('img').first().waitFor();
    await fill(page, 'approve-score', '9');
    await page.getByTestId('approve-submit').click();
    await page.getByTestId('assignment-score').waitFor();
    expect(await page.getByTestId('assignment-score').textContent()).toContain('9 / 10');
    await poll(async () => (await assignment())?.status).toBe('approved');
    expect((await assignment())?.score).toBe(9);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
