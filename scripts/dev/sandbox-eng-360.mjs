// Dev-only: at 360 px, nothing in the sandbox or the inspector is wider than its box; no text under 12 px.
/* global window, document, getComputedStyle */
import { chromium } from '@playwright/test';
const b = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless'],
});
const p = await b.newPage({ viewport: { width: 360, height: 800 } });
await p.goto('http://127.0.0.1:4192/?testhooks&scenario=datacenter');
await p.waitForFunction(() => window.__mklab?.phase() === 'running');
for (const g of ['resources', 'devices', 'messages', 'workloads', 'faults'])
  await p.getByTestId(`group-${g}`).locator('summary').click();
await p.getByTestId('inspector-pick').selectOption('kernel:4');
await p.waitForTimeout(300);
const r = await p.evaluate(() => {
  const out = [];
  for (const root of document.querySelectorAll('[data-testid=sandbox], [data-testid=inspector]')) {
    const rb = root.getBoundingClientRect();
    for (const el of root.querySelectorAll('*')) {
      const b = el.getBoundingClientRect();
      if (b.width > 0 && (b.right > rb.right + 0.5 || b.left < rb.left - 0.5))
        out.push(
          `overflow: ${el.tagName}.${el.className} ${Math.round(b.left)}–${Math.round(b.right)} vs ${Math.round(rb.left)}–${Math.round(rb.right)}`,
        );
      const fs = parseFloat(getComputedStyle(el).fontSize);
      if (fs < 12 && el.textContent.trim() && el.children.length === 0)
        out.push(`small: ${el.tagName}.${el.className} ${fs}px "${el.textContent.slice(0, 30)}"`);
    }
  }
  return [...new Set(out)].slice(0, 30);
});
console.log(r.length ? r : 'no overflow, no text under 12 px');
// Space on a group's summary opens it and leaves playback alone.
await p.evaluate(() => window.__mklab.setPlaying(true));
const playing = () => p.getByTestId('play-toggle').getAttribute('aria-pressed');
const before = await playing();
await p.getByTestId('group-faults').locator('summary').focus();
await p.keyboard.press(' ');
console.log(
  'faults open after Space:',
  await p.getByTestId('group-faults').evaluate((d) => d.open),
  'playing before/after:',
  before,
  await playing(),
);
await p
  .screenshot({
    path: '/tmp/sbx/inspector-360.png',
    clip: await p
      .getByTestId('inspector')
      .boundingBox()
      .then((bb) => ({ x: 0, y: bb.y + 0, width: 360, height: Math.min(800, bb.height) })),
  })
  .catch((e) => console.log(e.message));
await b.close();
