import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { idCheckCharacter } from '@civic/contracts';
import { notifyVolunteers } from '../../src/modules/notifications/index.ts';
import type { TestContext } from '../support/context.ts';
import { canRunBrowser, launchChromium, serveWebApp } from '../support/browser-harness.ts';
import { registerVolunteer, VOLUNTEER_PASSWORD } from '../support/volunteer-factories.ts';
import { axeViolations } from '../support/axe.ts';

// The mobile face (群众/志愿者端) at 375 px in Debian's Chromium; `npm test` builds the web app first.

const PASSWORD = 'Volunteer#2026';
/** 西乡县 (GB/T 2260), the demo county. */
const REGION = '610724';

/** A valid 18-character ID number for someone born on `birth` (YYYYMMDD), with its check character. */
function idNumberFor(birth: string): string {
  const sequence = String(crypto.randomInt(100, 999));
  const first17 = `${REGION}${birth}${sequence}`;
  return `${first17}${idCheckCharacter(first17)}`;
}

function uniquePhone(): string {
  return `139${String(crypto.randomInt(0, 1e8)).padStart(8, '0')}`;
}

describe.runIf(canRunBrowser)('mobile H5 in a real browser at 375 px', () => {
  let tc: TestContext;
  let browser: Browser;
  let baseUrl: string;
  let town: { name: string; village: string };

  beforeAll(async () => {
    ({ tc, baseUrl } = await serveWebApp());
    const orgs = (await tc.app.inject({ method: 'GET', url: '/api/public/residence-orgs' })).json<
      { name: string; children: { name: string }[] }[]
    >();
    const picked = orgs.find((o) => o.children.length > 3) ?? orgs[0]!;
    town = { name: picked.name, village: picked.children[Math.min(3, picked.children.length - 1)]!.name };
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await tc?.close();
  });

  const newPage = () => browser.newPage({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' });

  // Vant puts data-testid on the field's wrapper; the <input> is inside
  async function fill(page: Page, testId: string, value: string) {
    const el = page.getByTestId(testId);
    const tag = await el.evaluate((node) => node.tagName);
    await (tag === 'INPUT' || tag === 'TEXTAREA' ? el : el.locator('input, textarea').first()).fill(value);
  }

  async function expectNoHorizontalOverflow(page: Page) {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
  }

  async function pickResidence(page: Page) {
    await page.getByTestId('h5-register-org').click();
    await page.getByRole('menuitemradio', { name: town.name, exact: true }).click();
    await page.getByRole('menuitemradio', { name: town.village, exact: true }).click();
    await expect
      .poll(async () => (await page.getByTestId('h5-register-org').locator('button').textContent())?.trim())
      .toBe(`${town.name} / ${town.village}`);
  }

  async function fillIdentity(page: Page, name: string, idNumber: string, phone: string) {
    await page.goto(`${baseUrl}/h5/register`);
    await fill(page, 'h5-register-name', name);
    await fill(page, 'h5-register-id', idNumber);
    await fill(page, 'h5-register-phone', phone);
    await fill(page, 'h5-register-password', PASSWORD);
    await fill(page, 'h5-register-password2', PASSWORD);
    await pickResidence(page);
    await page.getByTestId('h5-political-status-masses').click();
  }

  async function volunteerCount(): Promise<number> {
    const row = await tc.ctx.db.system
      .selectFrom('volunteers')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it('a resident registers at 375 px, lands on 我的 with a ZY number, and is stored encrypted', async () => {
    const page = await newPage();
    const idNumber = idNumberFor('19850615');
    const phone = uniquePhone();
    await fillIdentity(page, '李秀兰', idNumber, phone);
    expect(await page.getByTestId('h5-guardian-name').count()).toBe(0);
    await page.getByTestId('h5-register-skill-medical').click();
    await page.getByTestId('h5-register-skill-first_aid').click();
    await page.getByTestId('h5-register-availability-weekends').click();
    await page.getByTestId('h5-register-privacy').click();
    await expectNoHorizontalOverflow(page);
    await page.getByTestId('h5-register-submit').click();

    await page.waitForURL(/\/h5\/me/);
    const numberEl = page.getByTestId('h5-me-volunteer-no');
    await expect.poll(() => numberEl.textContent()).toMatch(/^\s*ZY\d+\s*$/);
    const volunteerNo = ((await numberEl.textContent()) ?? '').trim();
    await expect.poll(() => page.getByTestId('h5-me-id-number').textContent()).toContain('*');
    expect(await page.getByTestId('h5-me-id-number').textContent()).not.toContain(idNumber);
    expect(await page.getByTestId('h5-me-skills').textContent()).toContain('医疗护理');
    await expectNoHorizontalOverflow(page);

    const row = await tc.ctx.db.system
      .selectFrom('volunteers')
      .selectAll()
      .where('volunteer_no', '=', volunteerNo)
      .executeTakeFirstOrThrow();
    expect(row.name).toBe('李秀兰');
    expect(row.id_number_enc).not.toContain(idNumber);
    expect(row.id_number_enc).not.toContain(idNumber.slice(6, 14));
    expect(row.phone_enc ?? '').not.toContain(phone);
    expect(row.skills).toEqual(expect.arrayContaining(['medical', 'first_aid']));
    expect(row.consent_channel).toBe('online');
    expect(row.is_minor).toBe(false);

    // 我的队伍: loads (empty or not) without overflowing
    await page.goto(`${baseUrl}/h5/teams`);
    await page.getByTestId('h5-teams-list').waitFor();
    await page.getByTestId('h5-teams-available').waitFor();
    await expectNoHorizontalOverflow(page);

    // log out, then back in with the phone number
    await page.goto(`${baseUrl}/h5/me`);
    await page.getByTestId('h5-me-logout').click();
    await page.waitForURL((url) => url.pathname === '/h5/');
    await page.goto(`${baseUrl}/h5/me`);
    await page.waitForURL(/\/h5\/login/);
    await fill(page, 'h5-login-username', phone);
    await fill(page, 'h5-login-password', PASSWORD);
    await page.getByTestId('h5-login-submit').click();
    await page.waitForURL(/\/h5\/me/);
    await expect.poll(() => page.getByTestId('h5-me-volunteer-no').textContent()).toContain(volunteerNo);
    await page.close();
  });

  it('a 10-year-old needs a guardian: without consent the form refuses and nothing is created', async () => {
    const page = await newPage();
    const year = new Date().getFullYear() - 10;
    const idNumber = idNumberFor(`${year}0101`);
    const before = await volunteerCount();
    await fillIdentity(page, '王小明', idNumber, uniquePhone());
    await page.getByTestId('h5-guardian-name').waitFor();
    await fill(page, 'h5-guardian-name', '王建国');
    await fill(page, 'h5-guardian-phone', uniquePhone());
    await page.getByTestId('h5-register-privacy').click();
    await expectNoHorizontalOverflow(page);
    await page.getByTestId('h5-register-submit').click();

    await expect
      .poll(() => page.locator('.van-field__error-message').allTextContents())
      .toContain('须由监护人勾选同意后才能注册');
    expect(page.url()).toContain('/h5/register');
    expect(await volunteerCount()).toBe(before);

    // with the guardian's consent the child is registered as a minor
    await page.getByTestId('h5-guardian-consent').click();
    await page.getByTestId('h5-register-submit').click();
    await page.waitForURL(/\/h5\/me/);
    await expect.poll(() => page.getByTestId('h5-me-volunteer-no').textContent()).toMatch(/ZY\d+/);
    expect(await volunteerCount()).toBe(before + 1);
    await page.close();
  });

  it('home, register, login and privacy pass axe (WCAG 2.1 A/AA) at 375 px', async () => {
    // axe is injected as an inline script, which the server's CSP (rightly) refuses
    const context = await browser.newContext({
      viewport: { width: 375, height: 812 },
      locale: 'zh-CN',
      bypassCSP: true,
    });
    const page = await context.newPage();
    const found: Record<string, string[]> = {};
    async function check(state: string) {
      const violations = await axeViolations(page);
      if (violations.length) found[state] = violations;
    }
    for (const [path, ready] of [
      ['/h5/', 'h5-home-links'],
      ['/h5/register', 'h5-register-form'],
      ['/h5/login', 'h5-login-form'],
      ['/h5/privacy', 'h5-privacy-notice'],
    ] as const) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByTestId(ready).waitFor();
      await page.waitForLoadState('networkidle');
      await check(path);
    }

    // the registration form's popups, open: the notice, and the residence picker (from the keyboard)
    await page.goto(`${baseUrl}/h5/register`);
    await page.getByTestId('h5-privacy-link').click();
    await page.getByTestId('h5-privacy-agree').waitFor();
    await check('/h5/register, notice open');
    await page.getByRole('button', { name: '关闭' }).last().click();
    await page.getByTestId('h5-privacy-agree').waitFor({ state: 'hidden' });
    await page.getByTestId('h5-register-org').locator('button').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitemradio', { name: town.name, exact: true }).waitFor();
    await check('/h5/register, residence picker open');

    expect(found, `axe violations:\n${JSON.stringify(found, null, 2)}`).toEqual({});
    await context.close();
  });

  it('shows the unread badge on 我的消息 whole, in normal and 大字 mode', async () => {
    const station = await tc.ctx.db.system
      .selectFrom('orgs')
      .select(['id', 'path'])
      .where('kind', '=', 'station')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const volunteer = await registerVolunteer(tc, station.id);
    // 12 unread messages: a two-digit count, the widest badge short of "99+"
    await tc.ctx.db.system
      .transaction()
      .execute((tx) =>
        Promise.all(
          Array.from({ length: 12 }, (_, i) =>
            notifyVolunteers(
              tx,
              [volunteer.id],
              { orgId: station.id, orgPath: station.path },
              { kind: 'activity.reminder', title: `提醒 ${i + 1}` },
              tc.ctx.now(),
            ),
          ),
        ),
      );
    const page = await newPage();
    await page.goto(`${baseUrl}/h5/login`);
    await fill(page, 'h5-login-username', volunteer.phone);
    await fill(page, 'h5-login-password', VOLUNTEER_PASSWORD);
    await page.getByTestId('h5-login-submit').click();
    await page.waitForURL(/\/h5\/me/);

    /** How much of the badge its clipping ancestors hide (0 when it shows whole). */
    const hiddenPixels = () =>
      page.getByTestId('h5-home-unread').evaluate((badge) => {
        const box = badge.getBoundingClientRect();
        let hidden = 0;
        for (let el = badge.parentElement; el; el = el.parentElement) {
          const style = getComputedStyle(el);
          if (style.overflow === 'visible' && style.overflowX === 'visible' && style.overflowY === 'visible')
            continue;
          const clip = el.getBoundingClientRect();
          hidden = Math.max(
            hidden,
            clip.left - box.left,
            box.right - clip.right,
            clip.top - box.top,
            box.bottom - clip.bottom,
          );
        }
        return Math.max(0, Math.round(hidden * 10) / 10);
      });

    for (const mode of ['normal', '大字'] as const) {
      await page.goto(`${baseUrl}/h5/`);
      if (mode === '大字') {
        await page.evaluate(() => localStorage.setItem('h5-large-text', '1'));
        await page.reload();
      }
      const badge = page.getByTestId('h5-home-unread');
      await expect.poll(async () => (await badge.textContent())?.trim()).toBe('12');
      expect(await hiddenPixels(), `badge clipped in ${mode} mode`).toBe(0);
      await expectNoHorizontalOverflow(page);
    }
    await page.close();
  });

  it('/h5/register loads without console errors (the icon font is not blocked by the CSP)', async () => {
    const page = await newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${baseUrl}/h5/register`);
    await page.getByTestId('h5-register-form').waitFor();
    await page.waitForLoadState('networkidle');
    // the nav bar's back arrow is drawn with Vant's icon font: it must have loaded from the data: URL
    const iconFont = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts]
        .filter((face) => face.family.replace(/"/g, '') === 'vant-icon')
        .map((face) => face.status);
    });
    expect(iconFont).toEqual(['loaded']);
    expect(errors, errors.join('\n')).toEqual([]);
    await page.close();
  });
});
