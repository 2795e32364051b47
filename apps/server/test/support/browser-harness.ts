// What every browser test needs: Debian's Chromium driven by playwright-core, and the app with the
// built web pages listening on a free port over a fresh test database.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createTestContext, DEMO_PASSWORD, type TestContext } from './context.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The web build the tests serve: a copy taken when the run started (global-setup.ts). */
export const WEB_DIST = inject('webDist');

/**
 * How long a step may wait for what the user waits for (an element, a response, a polled state).
 * Generous: a busy machine only makes the wait longer, it never makes the step wrong.
 */
export const BROWSER_WAIT = 60_000;

const missing = [
  ...(fs.existsSync(CHROMIUM)
    ? []
    : [`Chromium at ${CHROMIUM} (set CHROMIUM_PATH, or apt-get install chromium)`]),
  ...['index.html', 'h5.html']
    .map((page) => path.join(WEB_DIST, page))
    .filter((file) => !fs.existsSync(file))
    .map((file) => `the web build (${file}; npm test builds it first, or run npm run build)`),
];
const inCi = !!process.env.CI && !['false', '0'].includes(process.env.CI);

if (missing.length > 0) {
  const message = `browser tests cannot run without ${missing.join(' and ')}`;
  // in CI a missing browser is a broken pipeline, not a reason to pass quietly
  if (inCi) throw new Error(`${message} (CI=${process.env.CI})`);
  console.warn(`[browser tests skipped] ${message}`);
}

/** Browser tests run when Chromium and the web build are there; in CI (CI=true) they must be. */
export const canRunBrowser = missing.length === 0;

/**
 * Things a page did that no test may let pass: a dialog (alert/confirm/prompt — an XSS payload
 * from the factories that ran), or markup from test data that became an element (escaping failed
 * even where the CSP kept it from running). Collected by every context, reported by the test.
 */
const incidents: string[] = [];
function reportIncidents() {
  if (incidents.length === 0) return;
  const found = incidents.splice(0);
  throw new Error(`the page ran or rendered injected markup:\n  ${found.join('\n  ')}`);
}
afterEach(reportIncidents);
afterAll(reportIncidents);

/** Marks markup carrying the factories' payloads (test/support/xss.ts) as soon as it is attached. */
function watchForInjectedMarkup() {
  const report = (html: string) =>
    (window as unknown as { __civicInjectedMarkup(html: string): Promise<void> }).__civicInjectedMarkup(html);
  const runs = (code: string | null) => !!code && /alert\(/.test(code);
  const injected = (el: Element) =>
    runs(el.getAttribute('onerror')) ||
    runs(el.getAttribute('onload')) ||
    (el.tagName === 'SCRIPT' && runs(el.textContent));
  const reported = new WeakSet<Element>();
  const check = (node: Node) => {
    if (!(node instanceof Element)) return;
    for (const el of [node, ...node.querySelectorAll('[onerror], [onload], script')])
      if (!reported.has(el) && injected(el)) {
        reported.add(el);
        void report(el.outerHTML.slice(0, 200));
      }
  };
  new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach(check))).observe(document, {
    childList: true,
    subtree: true,
  });
}

async function guard(context: BrowserContext): Promise<void> {
  context.setDefaultTimeout(BROWSER_WAIT);
  context.setDefaultNavigationTimeout(BROWSER_WAIT);
  context.on('dialog', (dialog) => {
    incidents.push(`${dialog.type()} dialog on ${dialog.page()?.url() ?? '?'}: ${dialog.message()}`);
    dialog.dismiss().catch(() => undefined);
  });
  await context.exposeBinding('__civicInjectedMarkup', ({ page }, html: string) => {
    incidents.push(`element from injected markup on ${page?.url() ?? '?'}: ${html}`);
  });
  await context.addInitScript(watchForInjectedMarkup);
  // transitions and animations off: a step waits for the page's answer, not for a drawer to slide
  // in (Vue's <Transition> finishes at once when no duration is computed), and no frames are drawn
  // for spinners while the test waits
  await context.addInitScript(stillPage);
}

function stillPage() {
  const css = '*, *::before, *::after { transition: none !important; animation: none !important; }';
  const add = () => {
    const style = document.createElement('style');
    style.textContent = css;
    document.head.appendChild(style);
  };
  if (document.head) add();
  else document.addEventListener('DOMContentLoaded', add, { once: true });
}

/** Chromium whose every context (also the one behind browser.newPage()) is guarded as above. */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-extensions',
      '--disable-sync',
      '--mute-audio',
      '--disable-smooth-scrolling',
      '--force-prefers-reduced-motion',
      '--disable-features=Translate,OptimizationHints,MediaRouter,PaintHolding,BackForwardCache',
    ],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await guard(context);
    return context;
  };
  return browser;
}

export async function serveWebApp(): Promise<{ tc: TestContext; baseUrl: string }> {
  const tc = await createTestContext({ webDist: WEB_DIST });
  await tc.app.listen({ port: 0, host: '127.0.0.1' });
  return { tc, baseUrl: `http://127.0.0.1:${(tc.app.server.address() as { port: number }).port}` };
}

/** Fills the input behind a test id (the element itself, or the first input inside a wrapper). */
export async function fillTestId(page: Page, testId: string, value: string): Promise<void> {
  const el = page.getByTestId(testId);
  const tag = await el.evaluate((node) => node.tagName);
  await (tag === 'INPUT' || tag === 'TEXTAREA' ? el : el.locator('input, textarea').first()).fill(value);
}

/**
 * A fresh console page signed in as `username` (zh-CN, China time, CSP bypassed for axe), and the
 * page errors and console errors it logs from then on — the signed-out probe before the login
 * answers 401 by design and is not collected.
 */
export async function consoleSignedIn(
  browser: Browser,
  baseUrl: string,
  username: string,
  options: { width?: number; height?: number; downloads?: boolean } = {},
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1366, height: options.height ?? 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    bypassCSP: true,
    acceptDownloads: options.downloads ?? false,
  });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/`);
  await page.waitForURL(/\/login/);
  await fillTestId(page, 'login-username', username);
  await fillTestId(page, 'login-password', DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('header-role').waitFor();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { page, errors };
}
