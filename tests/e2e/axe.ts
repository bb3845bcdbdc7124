import axe from 'axe-core';
import type { Page } from '@playwright/test';

/**
 * axe-core's violations, with its default rules (what AxeBuilder runs), for the whole page or the
 * elements matching `include`. axe is injected once per loaded document and then run in place:
 * AxeBuilder injects it again on every call, which is most of its cost (≈ 2 s of ≈ 2.6 s here)
 * when a test checks one page many times, as the lesson walk does at every step.
 */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  const injected = await page.evaluate(() => 'axe' in window);
  if (!injected) await page.addScriptTag({ content: axe.source });
  return page.evaluate(async (selector) => {
    const a = (window as unknown as { axe: typeof axe }).axe;
    const result = await a.run(selector ?? document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`);
  }, include);
}
