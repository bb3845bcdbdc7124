/* global window, document */
// Dev only (shell engineer): drive the shell panel in the preview and screenshot it.
// Usage: node scripts/dev/shell-eng.mjs [base-url] [lang] [theme] [width]
import { chromium } from '@playwright/test';
const base = process.argv[2] ?? 'http://127.0.0.1:4195';
const lang = process.argv[3] ?? 'en';
const theme = process.argv[4] ?? 'light';
const width = Number(process.argv[5] ?? 1280);
const b = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless'],
});
const p = await b.newPage({ viewport: { width, height: 900 } });
p.on('pageerror', (e) => console.log('pageerror', e.message));
p.on('console', (m) => m.type() === 'error' && console.log('console', m.text()));
await p.goto(`${base}/?testhooks&lang=${lang}`);
await p.waitForFunction(() => window.__mklab?.phase() === 'running');
await p.evaluate((th) => (document.documentElement.dataset.theme = th), theme);
const input = p.getByTestId('shell-input');
const count = () => p.getByTestId('shell-entry').count();
async function type(line) {
  const n = await count();
  await input.fill(line);
  await input.press('Enter');
  await p.waitForFunction(
    (k) => document.querySelectorAll('[data-testid="shell-entry"]').length > k,
    n,
  );
}
const state = (name) => p.evaluate((n) => window.__mklab.kernelState(n), name);
async function until(name, want) {
  try {
    await p.waitForFunction(([n, w]) => window.__mklab.kernelState(n) === w, [name, want], {
      timeout: 15000,
    });
  } catch (e) {
    console.log(await p.getByTestId('shell-output').innerText());
    throw e;
  }
}
await p.evaluate(() => window.__mklab.setPlaying(true));
await type('kerf init --cpus=3-7 --memory=5GB');
await type('kerf create db --cpus=3 --memory=1GB');
await type('kerf load db --kernel=/boot/vmlinuz');
await until('db', 'loaded');
await type('kerf exec db');
await until('db', 'active');
await type('cat /proc/iomem');
await type('mklab panic db');
await until('db', 'loaded');
await type('dmesg | grep -i halted');
await type('kerf exec db');
await until('db', 'active');
await type('cat /sys/fs/multikernel/instances/db/status');
await type('kerv show');
console.log('state', await state('db'));
const panel = p.getByTestId('shell-panel');
await panel.scrollIntoViewIfNeeded();
await panel.screenshot({ path: `/tmp/sh/shell-${lang}-${theme}-${width}.png` });
const out = await p.getByTestId('shell-output').innerText();
console.log(out.slice(-3000));
const hscroll = await p.evaluate(
  () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
);
console.log('page horizontal scroll:', hscroll);
await b.close();
