// The volunteer and team pages of the admin console in a real browser: a bulk import with a bad
// row, searching a volunteer and revealing the ID number (audited), and a station's team tree.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { AGE_RANGE_LABELS, ageOn, ageRangeOf, PRIVACY_POLICY_VERSION } from '@civic/contracts';
import { as, DEMO_PASSWORD, nextIp, type TestContext } from '../support/context.ts';
import { countOf, orgOfUser } from '../support/org-factories.ts';
import {
  freshPhone,
  goodRows,
  importWorkbook,
  volunteerInput,
  VOLUNTEER_PASSWORD,
  volunteersWithIds,
  withBadCheckDigit,
  XLSX_TYPE,
  type ImportRow,
} from '../support/volunteer-factories.ts';
import { canRunBrowser, launchChromium, serveWebApp } from '../support/browser-harness.ts';

const MASKED_ID = /^\d\*{16}[\dX]$/;

describe.runIf(canRunBrowser)('volunteer and team pages of the admin console in a real browser', () => {
  let tc: TestContext;
  let browser: Browser;
  let baseUrl: string;
  /** The rows the institute imported: four valid, then the one with a bad check digit. */
  let validRows: ImportRow[] = [];

  const db = () => tc.ctx.db.system;
  const importedCount = () =>
    countOf(db(), sql`SELECT count(*) AS n FROM volunteers WHERE source = 'import'`);

  beforeAll(async () => {
    ({ tc, baseUrl } = await serveWebApp());
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await tc?.close();
  });

  // Element Plus puts data-testid on the native <input> of an el-input; accept either placement
  async function fill(page: Page, testId: string, value: string) {
    const el = page.getByTestId(testId);
    const tag = await el.evaluate((node) => node.tagName);
    await (tag === 'INPUT' ? el : el.locator('input')).fill(value);
  }

  /** Signs in on the console's home page; `errors` collects every uncaught page error. */
  async function logIn(username: string): Promise<{ page: Page; errors: Error[] }> {
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
    const errors: Error[] = [];
    page.on('pageerror', (error) => errors.push(error));
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/login/);
    await fill(page, 'login-username', username);
    await fill(page, 'login-password', DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('header-role').waitFor();
    return { page, errors };
  }

  async function openMenu(page: Page, title: string, url: RegExp) {
    await page.getByRole('menuitem', { name: title, exact: true }).click();
    await page.waitForURL(url);
  }

  it('an institute admin imports a workbook, sees the bad row and imports only the valid ones', async () => {
    const institute = await orgOfUser(db(), 'demo-institute');
    const town = await db()
      .selectFrom('orgs')
      .select('short_name')
      .where('id', '=', institute.id)
      .executeTakeFirstOrThrow();
    const stations = await db()
      .selectFrom('orgs')
      .select('short_name')
      .where('parent_id', '=', institute.id)
      .where('kind', '=', 'station')
      .where('status', '=', 'active')
      .orderBy('id')
      .execute();
    expect(stations.length).toBeGreaterThan(1);
    const places = stations.map((s): [string, string] => [town.short_name!, s.short_name!]);

    const rows = await goodRows(tc, 5, places);
    const badRow = rows[2]!;
    const badId = withBadCheckDigit(badRow['身份证号*']!);
    badRow['身份证号*'] = badId;
    validRows = rows.filter((row) => row !== badRow);
    const validIds = validRows.map((row) => row['身份证号*']!);
    const importedBefore = await importedCount();

    const { page, errors } = await logIn('demo-institute');
    await openMenu(page, '批量导入', /\/volunteers\/import$/);
    await page
      .getByTestId('import-upload')
      .locator('input[type=file]')
      .setInputFiles({
        name: '城北街道志愿者.xlsx',
        mimeType: XLSX_TYPE,
        buffer: await importWorkbook(rows),
      });

    const report = page.getByTestId('import-report');
    await expect.poll(() => report.textContent()).toContain('城北街道志愿者.xlsx');
    const errorsTable = page.getByTestId('import-errors-table');
    await errorsTable.waitFor();
    // Excel row 1 is the header: the third data row is row 4
    const errorRow = errorsTable.locator('tbody tr').filter({ hasText: '身份证号' });
    await expect.poll(() => errorRow.count()).toBe(1);
    expect(((await errorRow.locator('td').first().textContent()) ?? '').trim()).toBe('4');
    expect(await errorRow.textContent()).toContain('身份证号校验位不正确');

    const commitAll = page.getByTestId('import-commit-all');
    expect(await commitAll.isDisabled()).toBe(true);
    const commitValid = page.getByTestId('import-commit-valid');
    expect(await commitValid.textContent()).toContain('4 行');
    await commitValid.click();
    const confirm = page.locator('.el-message-box');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('将导入 4 行有效数据，跳过 1 行错误数据');
    await confirm.getByRole('button', { name: '导入' }).click();

    await expect.poll(() => page.getByTestId('import-done').textContent()).toContain('已导入 4 人');
    expect(await page.getByTestId('import-done').textContent()).toContain('已跳过 1 行错误数据');

    const imported = await volunteersWithIds(tc, validIds);
    expect(imported).toHaveLength(4);
    expect(imported.every((v) => v.source === 'import')).toBe(true);
    expect(imported.map((v) => v.name).sort()).toEqual(validRows.map((row) => row['姓名*']).sort());
    expect(await volunteersWithIds(tc, [badId])).toHaveLength(0);
    expect(await importedCount()).toBe(importedBefore + 4);

    expect(errors).toEqual([]);
    await page.close();
  });

  it('a centre admin finds an imported volunteer, sees the masked ID and reveals it (audited)', async () => {
    const row = validRows[0];
    expect(row).toBeDefined();
    const [volunteer] = await volunteersWithIds(tc, [row!['身份证号*']!]);
    expect(volunteer).toBeDefined();
    const revealsBefore = await countOf(
      db(),
      sql`SELECT count(*) AS n FROM audit_log WHERE action = 'volunteer.reveal' AND resource_id = ${String(volunteer!.id)}`,
    );

    const { page, errors } = await logIn('demo-center');
    await openMenu(page, '志愿者', /\/volunteers$/);
    await fill(page, 'volunteer-search-keyword', volunteer!.name);
    await page.getByRole('button', { name: '查询' }).click();
    // the seeded county may hold namesakes: pick the row by the volunteer number
    const tableRow = page
      .getByTestId('volunteers-table')
      .locator('tbody tr')
      .filter({ hasText: volunteer!.volunteer_no });
    await expect.poll(() => tableRow.count()).toBe(1);
    await tableRow.getByRole('button', { name: volunteer!.name, exact: true }).click();

    const detail = page.getByTestId('volunteer-detail');
    await expect.poll(() => detail.textContent()).toContain(volunteer!.volunteer_no);
    const idValue = page.getByTestId('volunteer-reveal-id-value');
    const masked = ((await idValue.textContent()) ?? '').trim();
    expect(masked).toMatch(MASKED_ID);
    expect(masked.slice(0, 1)).toBe(row!['身份证号*']!.slice(0, 1));
    expect(masked.slice(-1)).toBe(row!['身份证号*']!.slice(-1));
    // the centre admin may see the number in full, so the birth date is shown too
    const id = row!['身份证号*']!;
    expect(await detail.textContent()).toContain(
      `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    );

    await page.getByTestId('volunteer-reveal-id').click();
    await expect.poll(async () => ((await idValue.textContent()) ?? '').trim()).toBe(row!['身份证号*']);
    expect(await detail.textContent()).toContain('此操作已记录审计日志');

    const reveals = await db()
      .selectFrom('audit_log')
      .select(['action', 'actor_username', 'outcome'])
      .where('action', '=', 'volunteer.reveal')
      .where('resource_id', '=', String(volunteer!.id))
      .execute();
    expect(reveals).toHaveLength(revealsBefore + 1);
    expect(reveals.at(-1)).toMatchObject({ actor_username: 'demo-center', outcome: 'success' });

    expect(errors).toEqual([]);
    await page.close();
  });

  it('a station admin sees age ranges, not birth dates, and confirms a rejoin request after seeing the person', async () => {
    const station = await orgOfUser(db(), 'demo-station');
    // registered on H5, withdrew asking for erasure, then registered again from another phone
    const input = await volunteerInput(tc, station.id);
    const registration = { ...input, password: VOLUNTEER_PASSWORD, privacyConsent: true };
    const register = (payload: Record<string, unknown>) =>
      tc.app.inject({
        method: 'POST',
        url: '/api/volunteers/register',
        payload: { ...payload, privacyVersion: PRIVACY_POLICY_VERSION },
        remoteAddress: nextIp(),
      });
    const first = await register(registration);
    expect(first.statusCode, first.body).toBe(200);
    const { csrfToken, volunteer } = first.json() as {
      csrfToken: string;
      volunteer: { id: number; volunteerNo: string };
    };
    const cookie = first.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const out = await as(tc.app, { cookie, csrf: csrfToken }).post('/api/me/volunteer/withdraw', {
      erase: true,
    });
    expect(out.statusCode, out.body).toBe(200);
    const newPhone = await freshPhone(tc);
    expect((await register({ ...registration, phone: newPhone })).statusCode).toBe(409);
    const id = input.idNumber as string;
    const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
    const range = AGE_RANGE_LABELS[ageRangeOf(ageOn(birthDate, new Date()))];

    const { page, errors } = await logIn('demo-station');
    await openMenu(page, '志愿者', /\/volunteers$/);
    await fill(page, 'volunteer-search-keyword', volunteer.volunteerNo);
    await page.getByRole('button', { name: '查询' }).click();
    const tableRow = page
      .getByTestId('volunteers-table')
      .locator('tbody tr')
      .filter({ hasText: volunteer.volunteerNo });
    await expect.poll(() => tableRow.count()).toBe(1);
    expect(await tableRow.getByTestId('volunteer-row-age').textContent()).toContain(range);
    expect(await tableRow.textContent()).toContain('已注销');
    await tableRow.getByRole('button', { name: input.name as string, exact: true }).click();
    const detail = page.getByTestId('volunteer-detail');
    await expect.poll(() => detail.textContent()).toContain(volunteer.volunteerNo);
    await page.getByTestId('volunteer-birth-hidden').waitFor();
    expect(await detail.textContent()).toContain(range);
    expect(await detail.textContent()).not.toContain(birthDate);
    await page.keyboard.press('Escape');

    // the pending request: counted on the button, listed with the phone masked
    await expect
      .poll(async () =>
        Number((await page.getByTestId('rejoin-pending-count').locator('sup').textContent()) ?? 0),
      )
      .toBeGreaterThan(0);
    await page.getByTestId('rejoin-requests-open').click();
    const requestRow = page
      .getByTestId('rejoin-requests-table')
      .locator('tbody tr')
      .filter({ hasText: volunteer.volunteerNo });
    await expect.poll(() => requestRow.count()).toBe(1);
    const rowText = (await requestRow.textContent()) ?? '';
    expect(rowText).toContain(`${newPhone.slice(0, 3)}****${newPhone.slice(-4)}`);
    expect(rowText).not.toContain(newPhone);
    expect(rowText).toContain('曾申请删除个人信息');

    await requestRow.getByTestId('rejoin-confirm').click();
    const confirm = page.locator('.el-message-box');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('身份证');
    await confirm.getByRole('button', { name: '已核实，确认' }).click();
    await expect.poll(() => requestRow.count()).toBe(0);

    const row = await db()
      .selectFrom('volunteers')
      .select(['status', 'erasure_requested_at'])
      .where('id', '=', volunteer.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('active');
    expect(row.erasure_requested_at).not.toBeNull();
    const audits = await db()
      .selectFrom('audit_log')
      .select('actor_username')
      .where('action', '=', 'volunteer.rejoin_confirm')
      .where('resource_id', '=', String(volunteer.id))
      .execute();
    expect(audits).toEqual([{ actor_username: 'demo-station' }]);
    // the list behind the drawer shows the volunteer active again
    await page.keyboard.press('Escape');
    await expect.poll(() => tableRow.textContent()).toContain('正常');

    expect(errors).toEqual([]);
    await page.close();
  });

  it("a station admin sees the station's squadron in the team tree and opens its members", async () => {
    const station = await orgOfUser(db(), 'demo-station');
    const squadron = await db()
      .selectFrom('teams')
      .select(['id', 'name'])
      .where('org_id', '=', station.id)
      .where('tier', '=', 'squadron')
      .where('status', '=', 'active')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const members = await db()
      .selectFrom('team_members')
      .innerJoin('volunteers', 'volunteers.id', 'team_members.volunteer_id')
      .select('volunteers.name')
      .where('team_members.team_id', '=', squadron.id)
      .where('team_members.status', '=', 'active')
      .execute();
    expect(members.length).toBeGreaterThan(0);

    const { page, errors } = await logIn('demo-station');
    await openMenu(page, '志愿服务队', /\/teams$/);
    const tree = page.getByTestId('teams-tree');
    await expect.poll(() => tree.textContent()).toContain(squadron.name);
    const node = page.getByTestId('team-tree-node').filter({ hasText: squadron.name }).first();
    expect(await node.textContent()).toContain('中队');

    await node.click();
    await page.waitForURL(new RegExp(`/teams/${squadron.id}$`));
    await expect.poll(() => page.getByTestId('team-name').textContent()).toBe(squadron.name);
    const table = page.getByTestId('team-members-table');
    const rows = table.locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const text = (await table.textContent()) ?? '';
    expect(members.some((m) => text.includes(m.name))).toBe(true);

    expect(errors).toEqual([]);
    await page.close();
  });
});
