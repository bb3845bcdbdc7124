// Dev only (timeline/metrics engineer): the e2e layout check and axe on the preview, per preset.
// Usage: npx tsx scripts/dev/timeline-eng-check.ts [port]
import AxeBuilder from '@axe-core/playwright';
import { chromium } from '@playwright/test';
import { layoutProblems } from '../../tests/e2e/layout-check';

const port = process.argv[2] ?? '4191';
const b = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless'],
});
for (const preset of ['two-kernels', 'datacenter', 'realtime', 'noisy-neighbour']) {
  for (const lang of ['en', 'es']) {
    const ctx = await b.newContext({ viewport: { width: 1280, height: 800 } });
    const p = await ctx.newPage();
    // tsx keeps function names with a helper the page does not have.
    await p.addInitScript('window.__name = (f) => f');
    await p.goto(`http://127.0.0.1:${port}/?testhooks&scenario=${preset}&lang=${lang}`);
    await p.waitForFunction(() => window.__mklab?.phase() === 'running');
    await p.waitForTimeout(1500);
    await p.evaluate(() => window.__mklab?.setPlaying(false));
    await p.waitForTimeout(300);
    for (const theme of ['light', 'dark']) {
      await p.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      await p.waitForTimeout(100);
      const axe = await new AxeBuilder({ page: p })
        .include('.controls')
        .include('.timeline-area')
        .include('.metrics-area')
        .analyze();
      for (const v of axe.violations)
        console.log(
          preset,
          lang,
          theme,
          'AXE',
          v.id,
          v.nodes.length,
          v.help,
          v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(' | '),
        );
    }
    await p.evaluate(() => (document.documentElement.dataset.theme = 'light'));
    // Only this engineer's areas: hide the others (their work is checked by their owners).
    await p.addStyleTag({ content: '.sandbox-area, .stage, .side { display: none !important; }' });
    for (const [w, h] of [
      [1280, 800],
      [390, 844],
      [1920, 1080],
    ] as const) {
      await p.setViewportSize({ width: w, height: h });
      await p.waitForTimeout(300);
      const problems = await layoutProblems(p);
      for (const x of problems) console.log(preset, lang, w, 'LAYOUT', x);
    }
    await ctx.close();
  }
}
await b.close();
console.log('done');
