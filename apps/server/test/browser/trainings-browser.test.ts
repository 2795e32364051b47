// 培训管理 in a real browser: demo-institute opens it from the menu, creates a training that started
// yesterday in the drawer, opens it, adds a volunteer of its own with the picker, uploads a PDF
// handout, marks it held and sees the 年度统计 count it; the list filters by kind; every page passes
// axe with no console errors. A team leader has no menu entry for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import type { TestContext } from '../support/context.ts';
import { createUser, orgOfUser, type OrgRef } from '../support/org-factories.ts';
import { activeVolunteersUnder, TINY_PDF } from '../support/training-factories.ts';
import {
  BROWSER_WAIT,
  canRunBrowser,
  consoleSignedIn,
  fillTestId,
  launchChromium,
  serveWebApp,
} from '../support/browser-harness.ts';
import { axeViolations } from '../support/axe.ts';

const poll = <T>(read: () => Promise<T> | T, timeout = BROWSER_WAIT) => expect.poll(read, { timeout });
const TITLE = '浏览器测试：文明实践骨干培训';
const HOUR = 3_600_000;

/** `2026-12-07 09:00:00` in China time, as the date picker shows it. */
const pickerText = (at: Date) =>
  new Date(at.getTime() + 8 * HOUR).toISOString().slice(0, 19).replace('T', ' ');

describe.runIf(canRunBrowser)('培训管理 in the console', () => {
  let tc: TestContext;
  let browser: Browser;
  let baseUrl: string;
  let institute: OrgRef;
  let page: Page;
  let errors: string[];
  let volunteer: { id: number; volunteerNo: string };

  beforeAll(async () => {
    ({ tc, baseUrl } = await serveWebApp());
    institute = await orgOfUser(tc.ctx.db.system, 'demo-institute');
    const station = await orgOfUser(tc.ctx.db.system, 'demo-station');
    await createUser(tc.ctx.db.system, 'trainings-browser-leader', 'team_leader', station.id);
    const [id] = await activeVolunteersUnder(tc.ctx.db.system, station.path, 1);
    const row = await tc.ctx.db.system
      .selectFrom('volunteers')
      .select(['volunteer_no'])
      .where('id', '=', id!)
      .executeTakeFirstOrThrow();
    volunteer = { id: id!, volunteerNo: row.volunteer_no };
    browser = await launchChromium();
    ({ page, errors } = await consoleSignedIn(browser, baseUrl, 'demo-institute'));
  });

  afterAll(async () => {
    await browser?.close();
    await tc?.close();
  });

  const training = () =>
    tc.ctx.db.system
      .selectFrom('trainings')
      .select(['id', 'status', 'kind', 'org_id'])
      .where('title', '=', TITLE)
      .executeTakeFirst();
  const summaryRow = () =>
    page
      .getByTestId('training-summary-table')
      .locator('.el-table__body tr')
      .filter({ hasText: '（本级）' })
      .first();
  /** The 已举办 figure of the institute's own row in 年度统计. */
  const ownHeld = async () => Number((await summaryRow().locator('td').nth(1).textContent())?.trim());

  let heldBefore = 0;

  it('opens 培训管理 from the menu and creates a training in the drawer', async () => {
    await page.getByRole('menuitem', { name: '培训管理', exact: true }).last().click();
    await page.waitForURL(/\/trainings$/);
    // the seeded sessions and the year's counts
    await poll(() => page.getByTestId('training-link').count()).toBeGreaterThan(0);
    await poll(() => summaryRow().count()).toBe(1);
    heldBefore = await ownHeld();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByTestId('training-create').click();
    const drawer = page.getByTestId('training-form');
    await drawer.getByRole('heading', { name: '新建培训' }).waitFor();
    await fillTestId(page, 'training-title', TITLE);
    await page.getByTestId('training-kind').click();
    await page.getByRole('option', { name: '文明实践骨干' }).click();
    // started yesterday (or at midnight on 1 January, to count in this year): it can be marked held
    const year = new Date(Date.now() + 8 * HOUR).getUTCFullYear();
    const start = new Date(Math.max(Date.now() - 24 * HOUR, Date.UTC(year, 0, 1) - 8 * HOUR));
    const from = drawer.getByPlaceholder('开始时间');
    const to = drawer.getByPlaceholder('结束时间');
    await from.fill(pickerText(start));
    await to.fill(pickerText(new Date(start.getTime() + 3 * HOUR)));
    await to.press('Tab');
    await drawer.getByRole('heading', { name: '新建培训' }).click();
    await poll(() => from.inputValue()).toBe(pickerText(start));
    await fillTestId(page, 'training-place', '实践所会议室');
    await fillTestId(page, 'training-trainer', '县委党校 王老师');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('training-save').click();
    await poll(async () => (await training())?.status).toBe('planned');
    expect(await training()).toMatchObject({ kind: 'backbone', org_id: institute.id });
    await drawer.waitFor({ state: 'hidden' });
    await page.getByTestId('training-link').filter({ hasText: TITLE }).waitFor();
  });

  it('opens it, adds a volunteer with the picker, uploads a PDF and marks it held', async () => {
    await page.getByTestId('training-link').filter({ hasText: TITLE }).click();
    await page.waitForURL(/\/trainings\/\d+$/);
    await page.getByTestId('training-detail').waitFor();
    expect((await page.getByTestId('training-status').textContent())?.trim()).toBe('计划中');
    // empty lists say so
    expect(await page.getByTestId('training-attendees').textContent()).toContain('还没有参加人员');
    expect(await page.getByTestId('training-materials').textContent()).toContain('还没有培训材料');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByTestId('training-add-attendees').click();
    const dialog = page.getByTestId('training-picker');
    await fillTestId(page, 'training-add-search', volunteer.volunteerNo);
    await dialog.getByRole('button', { name: '搜索' }).click();
    const candidate = page
      .getByTestId('training-add-table')
      .locator('.el-table__body tr')
      .filter({ hasText: volunteer.volunteerNo });
    await poll(() => candidate.count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await candidate.locator('.el-checkbox').click();
    await poll(async () => (await page.getByTestId('training-add-confirm').textContent())?.trim()).toBe(
      '添加 1 人',
    );
    await page.getByTestId('training-add-confirm').click();
    await dialog.waitFor({ state: 'hidden' });
    const listed = page
      .getByTestId('training-attendees')
      .locator('.el-table__body tr')
      .filter({ hasText: volunteer.volunteerNo });
    await poll(() => listed.count()).toBe(1);

    await page
      .getByTestId('training-material-input')
      .setInputFiles({ name: '骨干培训课件.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
    await page
      .getByTestId('training-materials')
      .locator('.el-table__body tr')
      .filter({ hasText: '骨干培训课件.pdf' })
      .waitFor();

    await page.getByTestId('training-held').click();
    await poll(async () => (await page.getByTestId('training-status').textContent())?.trim()).toBe('已举办');
    await poll(async () => (await training())?.status).toBe('held');
    const id = (await training())!.id;
    const [attendees, materials] = await Promise.all([
      tc.ctx.db.system
        .selectFrom('training_attendees')
        .select('volunteer_id')
        .where('training_id', '=', id)
        .execute(),
      tc.ctx.db.system
        .selectFrom('training_materials')
        .select(['file_name', 'mime_type'])
        .where('training_id', '=', id)
        .execute(),
    ]);
    expect(attendees.map((a) => Number(a.volunteer_id))).toEqual([volunteer.id]);
    expect(materials).toEqual([{ file_name: '骨干培训课件.pdf', mime_type: 'application/pdf' }]);
    // held: no more 修改 / 标记已举办 / 取消, but the staff who came are still counted
    expect(await page.getByTestId('training-held').count()).toBe(0);
    await fillTestId(page, 'training-others', '4');
    await page.getByTestId('training-others-save').click();
    await poll(async () => (await page.getByTestId('training-head-count').textContent())?.trim()).toBe(
      '志愿者 1 人，其他 4 人',
    );
    expect(
      (
        await tc.ctx.db.system
          .selectFrom('trainings')
          .select('other_attendees')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).other_attendees,
    ).toBe(4);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('says so when a training is not there', async () => {
    expect(errors).toEqual([]);
    await page.goto(`${baseUrl}/trainings/999999999`);
    await page.locator('.el-empty').filter({ hasText: '培训不存在或不在您的数据范围内' }).waitFor();
    expect(await page.getByTestId('training-detail').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: '返回培训管理' }).click();
    await page.waitForURL(/\/trainings$/);
    // the browser logs the 404 of the failed load, and nothing else
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.filter((e) => !/404/.test(e))).toEqual([]);
    errors.length = 0;
  });

  it('counts it in 年度统计 and filters the list by kind', async () => {
    await page.getByRole('menuitem', { name: '培训管理', exact: true }).last().click();
    await page.waitForURL(/\/trainings$/);
    await poll(ownHeld).toBe(heldBefore + 1);

    const rows = page.getByTestId('trainings-table').locator('.el-table__body tr');
    const mine = rows.filter({ hasText: TITLE });
    await poll(() => mine.count()).toBe(1);
    const filterBy = async (label: string) => {
      await page.getByTestId('training-filter-kind').click();
      await page.getByRole('option', { name: label, exact: true }).click();
      await page.getByRole('button', { name: '查询' }).click();
    };
    await filterBy('文明实践骨干');
    await poll(() => mine.count()).toBe(1);
    const kinds = async () => (await rows.locator('td:nth-child(3)').allTextContents()).map((k) => k.trim());
    await poll(async () => [...new Set(await kinds())]).toEqual(['文明实践骨干']);
    await filterBy('新招募志愿者');
    await poll(() => mine.count()).toBe(0);
    await poll(async () => [...new Set(await kinds())]).toEqual(['新招募志愿者']);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a team leader has no menu entry for it', async () => {
    const leader = await consoleSignedIn(browser, baseUrl, 'trainings-browser-leader');
    await leader.page.getByRole('menuitem').first().waitFor();
    expect(await leader.page.getByRole('menuitem', { name: '培训管理' }).count()).toBe(0);
    expect(leader.errors).toEqual([]);
    await leader.page.context().close();
  });
});
