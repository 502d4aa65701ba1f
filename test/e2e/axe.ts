// axe-core in a page (the context must be opened with bypassCSP: the pages allow no injected scripts).
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * WCAG 2.x A/AA violations as `rule-id (node count)`, within `include` selectors (default: the whole page).
 * Frames are checked on their own (pass the Frame): a cross-origin frame does not answer axe in its parent.
 */
export async function axeViolations(page: Page | Frame, include?: string[]): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (selectors) => {
    type Axe = { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
    const axe = (window as unknown as { axe: Axe }).axe;
    const context = selectors ? { include: selectors.map((s) => [s]) } : document;
    const result = await axe.run(context, {
      iframes: false,
      resultTypes: ['violations'],
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
  }, include);
}
