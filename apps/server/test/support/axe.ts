// Accessibility checks in the browser tests: axe-core (WCAG 2.1 A/AA) on a page as it is now. The
// page's context must bypass the server's CSP (`bypassCSP: true`): axe is injected as an inline
// script, which the CSP rightly refuses.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** axe-core's browser bundle. */
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeOptions {
  /** Only these axe rules, instead of every WCAG 2.1 A/AA rule. */
  rules?: string[];
  /** CSS selectors of parts left out (a third-party widget checked elsewhere). */
  exclude?: string[];
  /** Move the pointer away first: hover colours are checked apart (see theme.css). */
  restPointer?: boolean;
}

/** Each violation axe finds, with its impact and the elements it hits. */
export async function axeViolations(page: Page, options: AxeOptions = {}): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  // let transitions (a popup sliding in, an overlay fading in) finish: half-faded text fails contrast
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  if (options.restPointer) await page.mouse.move(0, 0);
  return page.evaluate(
    async ([tags, only, exclude]) => {
      const { axe } = window as unknown as {
        axe: {
          run(
            context: unknown,
            options: unknown,
          ): Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
          }>;
        };
      };
      const { violations } = await axe.run(
        exclude.length ? { include: [['html']], exclude: exclude.map((e) => [e]) } : document,
        { runOnly: only ? { type: 'rule', values: only } : { type: 'tag', values: tags } },
      );
      return violations.map(
        (v) =>
          `${v.id} (${v.impact ?? '?'}: ${v.help}) at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
      );
    },
    [AXE_TAGS, options.rules ?? null, options.exclude ?? []] as const,
  );
}

/** A phone page: no horizontal scrolling at its viewport's width, and nothing axe objects to. */
export async function expectAccessibleOnPhone(page: Page, options: AxeOptions = {}): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(page.viewportSize()!.width);
  expect(await axeViolations(page, options)).toEqual([]);
}
