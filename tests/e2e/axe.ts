import axe from 'axe-core';
import type { Page } from '@playwright/test';

/**
 * The rules axe ships for WCAG 2.0–2.2 A and AA that its default run leaves out (experimental,
 * deprecated, or off by default like target-size): the checks run them too. Listed from
 * `axe._audit.rules` of axe-core 4.13 (every rule tagged wcag2a/wcag2aa/wcag21a/wcag21aa/wcag22aa
 * that is disabled or tagged experimental).
 */
const WCAG_RULES_OFF_BY_DEFAULT = [
  'aria-roledescription',
  'audio-caption',
  'css-orientation-lock',
  'label-content-name-mismatch',
  'p-as-heading',
  'table-fake-caption',
  'td-has-header',
  'target-size',
];

/**
 * axe-core's violations, with its default rules (what AxeBuilder runs), for the whole page or the
 * elements matching `include`. axe is injected once per loaded document and then run in place:
 * AxeBuilder injects it again on every call, which is most of its cost (≈ 2 s of ≈ 2.6 s here)
 * when a test checks one page many times, as the lesson walk does at every step.
 */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  const injected = await page.evaluate(() => 'axe' in window);
  // Evaluated, not added as a <script>: the page's Content-Security-Policy refuses inline scripts.
  if (!injected) await page.evaluate(axe.source);
  return page.evaluate(
    async ({ selector, WCAG_OFF_BY_DEFAULT }) => {
      const a = (window as unknown as { axe: typeof axe }).axe;
      const result = await a.run(selector ?? document, {
        resultTypes: ['violations'],
        rules: Object.fromEntries(WCAG_OFF_BY_DEFAULT.map((id) => [id, { enabled: true }])),
      });
      return result.violations.map(
        (v) =>
          `${v.id}: ${v.nodes.length} × ${v.help} (${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(' | ')})`,
      );
    },
    { selector: include, WCAG_OFF_BY_DEFAULT: WCAG_RULES_OFF_BY_DEFAULT },
  );
}
