// Does a CPU glide to its new group (and not with reduced motion)? Helper A, port 4190.
/* global DOMMatrix, document, getComputedStyle, requestAnimationFrame, window -- used inside page.evaluate, in the browser */
import { chromium } from '@playwright/test';

const b = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless'],
});
for (const reduced of [false, true]) {
  const ctx = await b.newContext({
    viewport: { width: 1280, height: 800 },
    reducedMotion: reduced ? 'reduce' : 'no-preference',
  });
  const p = await ctx.newPage();
  await p.goto('http://127.0.0.1:4190/?testhooks&scenario=two-kernels');
  await p.waitForFunction(() => window.__mklab?.phase() === 'running');
  const track = await p.evaluate(async () => {
    const cell = () => document.querySelector('[data-testid="cpu-3"]');
    const pos = () => new DOMMatrix(getComputedStyle(cell()).transform).e.toFixed(0);
    const seen = [pos()];
    window.__mklab.act({ type: 'cpu.toPool', cpu: 3 });
    const t0 = performance.now();
    await new Promise((resolve) => {
      const step = () => {
        seen.push(`${(performance.now() - t0).toFixed(0)}ms:${pos()}`);
        if (performance.now() - t0 < 700) requestAnimationFrame(step);
        else resolve();
      };
      requestAnimationFrame(step);
    });
    return seen.filter((_, i) => i % 4 === 0).join(' ');
  });
  console.log(reduced ? 'reduced:' : 'motion: ', track);
  await ctx.close();
}
await b.close();
