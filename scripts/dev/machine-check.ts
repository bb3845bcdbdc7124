// Helper A's check of the machine view in the page: the e2e layout checker and axe, for every
// preset in both languages, at 1280×800 and 390×844, light and dark. Against `vite preview
// --port 4190`. Usage: npx tsx scripts/dev/machine-check.ts [preset…]
import AxeBuilder from '@axe-core/playwright';
import { chromium } from '@playwright/test';
import { layoutProblems } from '../../tests/e2e/layout-check';

const PRESETS = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['two-kernels', 'monolithic', 'web-db', 'realtime', 'noisy-neighbour', 'datacenter'];
const b = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless'],
});
let bad = 0;
for (const preset of PRESETS) {
  for (const lang of ['en', 'es']) {
    const ctx = await b.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    // tsx keeps function names with a helper the page does not have.
    await page.addInitScript('window.__name = (f) => f');
    page.on('pageerror', (e) => console.log(preset, lang, 'pageerror', e.message));
    await page.goto(
      `http://127.0.0.1:${process.env.PORT ?? 4190}/?testhooks&scenario=${preset}&lang=${lang}`,
    );
    await page.waitForFunction(() => window.__mklab?.phase() === 'running');
    await page.waitForFunction(() => (window.__mklab?.t() ?? 0) > 0);
    await page.waitForTimeout(700);
    await page.evaluate(() => window.__mklab?.setPlaying(false));
    await page.waitForTimeout(300);
    for (const theme of ['light', 'dark']) {
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      await page.waitForTimeout(100);
      const axe = await new AxeBuilder({ page }).include('.mk-figure').analyze();
      for (const v of axe.violations) {
        bad++;
        console.log(`${preset} ${lang} ${theme} axe ${v.id}: ${v.help}`);
        for (const n of v.nodes.slice(0, 3))
          console.log('   ', n.target.join(' '), n.failureSummary);
      }
    }
    await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
    for (const [w, h] of [
      [1280, 800],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(400);
      // Only problems that involve the machine view's own text (the rest of the page is others').
      const mine: string[] = await page.evaluate(() =>
        [...document.querySelectorAll('.mk-figure text, .mk-figure h2, .mk-figure p')].map((e) => {
          const s = (e.textContent ?? '').trim();
          return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
        }),
      );
      const all = await layoutProblems(page);
      const relevant = all.filter(
        (p) => /scrolls sideways/.test(p) || mine.some((m) => m.length > 1 && p.includes(m)),
      );
      for (const p of relevant) {
        bad++;
        console.log(`${preset} ${lang} ${w}: ${p}`);
      }
    }
    await ctx.close();
  }
}
await b.close();
console.log(bad ? `${bad} problems` : 'machine view: no layout or axe problems');
