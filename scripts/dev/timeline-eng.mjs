// Dev only (timeline/metrics engineer): screenshots of the preview at several sizes and themes.
/* global window, document -- used inside page.evaluate callbacks, which run in the page */
// Usage: node scripts/dev/timeline-eng.mjs [name-filter]
import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:4191';
const filter = process.argv[2] ?? '';
const shots = [];
for (const [sname, path, act] of [
  ['two', '/?scenario=two-kernels', null],
  ['dc', '/?scenario=datacenter', null],
  ['panic', '/?scenario=two-kernels&testhooks', { type: 'fault', kind: 'panic', target: 'beta' }],
  ['fast', '/?scenario=two-kernels&testhooks', 'fast'],
  ['dcfast', '/?scenario=datacenter&testhooks', 'fast'],
  ['twin', '/?scenario=two-kernels&testhooks', 'twin'],
]) {
  for (const [vname, w, h] of [
    ['wide', 1280, 800],
    ['narrow', 390, 844],
  ]) {
    for (const theme of ['light', 'dark'])
      shots.push({ name: `${sname}-${vname}-${theme}`, path, act, w, h, theme });
  }
}
const b = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless'],
});
for (const s of shots.filter((x) => x.name.includes(filter))) {
  const p = await b.newPage({ viewport: { width: s.w, height: s.h } });
  p.on('pageerror', (e) => console.log(s.name, 'pageerror', e.message));
  p.on('console', (m) => m.type() === 'error' && console.log(s.name, 'console', m.text()));
  await p.goto(base + s.path);
  await p.evaluate((th) => (document.documentElement.dataset.theme = th), s.theme);
  await p.waitForTimeout(2500);
  if (s.act === 'twin') {
    await p.getByText('Show the monolithic twin').click();
    await p.locator('body').press('+');
    await p.locator('body').press('+');
    await p.waitForTimeout(3000);
    await p.evaluate(() => window.__mklab.act({ type: 'fault', kind: 'panic', target: 'beta' }));
    await p.waitForTimeout(2500);
  } else if (s.act === 'fast') {
    // 1 s of simulated time per second, a few seconds, then a panic in the second spawn.
    await p.locator('body').press('+');
    await p.locator('body').press('+');
    await p.waitForTimeout(4000);
    await p.evaluate(() =>
      window.__mklab.act({
        type: 'fault',
        kind: 'panic',
        target: document.querySelector('[data-kernel]:nth-of-type(3)')?.dataset.kernel ?? 'beta',
      }),
    );
    await p.waitForTimeout(3000);
  } else if (s.act) {
    await p.evaluate((a) => window.__mklab.act(a), s.act);
    await p.waitForTimeout(1000);
    await p.evaluate(() => window.__mklab.setPlaying(false));
    await p.waitForTimeout(300);
  }
  const sw = await p.evaluate(() => document.documentElement.scrollWidth);
  if (sw > s.w) console.log(s.name, 'HORIZONTAL SCROLL', sw);
  await p.screenshot({ path: `/tmp/shots/${s.name}.png`, fullPage: true });
  for (const [part, sel] of [
    ['controls', '.controls'],
    ['timeline', '.timeline-area'],
    ['metrics', '.metrics-area'],
  ]) {
    const el = p.locator(sel).first();
    if (await el.count()) await el.screenshot({ path: `/tmp/shots/${s.name}-${part}.png` });
  }
  console.log('shot', s.name);
  await p.close();
}
await b.close();
