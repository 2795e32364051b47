// What every browser test needs: Debian's Chromium driven by playwright-core, and the app with the
// built web pages listening on a free port over a fresh test database.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { WEB_DIST } from '../../src/app.ts';
import { createTestContext, type TestContext } from './context.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Browser tests run when Chromium is installed (CI installs it); `npm test` builds the web app first. */
export const canRunBrowser =
  fs.existsSync(CHROMIUM) &&
  ['index.html', 'h5.html'].every((page) => fs.existsSync(path.join(WEB_DIST, page)));

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
}

export async function serveWebApp(): Promise<{ tc: TestContext; baseUrl: string }> {
  const tc = await createTestContext({ webDist: WEB_DIST });
  await tc.app.listen({ port: 0, host: '127.0.0.1' });
  return { tc, baseUrl: `http://127.0.0.1:${(tc.app.server.address() as { port: number }).port}` };
}
