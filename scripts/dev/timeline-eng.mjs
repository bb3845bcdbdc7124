// Dev only (timeline/metrics engineer): screenshots of the preview at several sizes and themes.
// Usage: node scripts/dev/timeline-eng.mjs [name-filter]
import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:4191';
const filter = process.argv[2] ?? '';
const shots = [];
for (const [sname, path, act] of [
  ['two', '/?scenario=two-kernels', null],
  ['dc', '/?scenario=datacenter', null],
  ['panic', '/?scenario=two-kernels&testhooks', { type: 'fault', kind: 'panic', target: 'beta' }],
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
  if (s.act) {
    await p.evaluate((a) => window.__mklab.act(a), s.act);
    await p.waitForTimeout(3000);
  }
  const sw = await p.evaluate(() => document.documentElement.scrollWidth);
  if (sw > s.w) console.log(s.name, 'HORIZONTAL SCROLL', sw);
  await p.screenshot({ path: `/tmp/shots/${s.name}.png`, fullPage: true });
  console.log('shot', s.name);
  await p.close();
}
await b.close();
