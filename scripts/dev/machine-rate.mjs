// How many IPI messages per simulated ms the datacenter preset sends (helper A's sizing check).
/* global document, window -- used inside page.evaluate, in the browser */
import { chromium } from '@playwright/test';
const b = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless'],
});
const p = await b.newPage({ viewport: { width: 1440, height: 900 } });
await p.goto(`http://127.0.0.1:4190/?scenario=${process.argv[2] ?? 'datacenter'}&testhooks`);
await p.waitForFunction(() => window.__mklab?.phase() === 'running');
await p.evaluate(() => {
  window.__mklab.prefs({ aggregate: false });
  window.__mklab.speed(7);
});
const a = await p.evaluate(() => ({
  t: window.__mklab.t(),
  sent: window.__mklab.view().messages.sent,
}));
await p.waitForTimeout(3000);
const z = await p.evaluate(() => ({
  t: window.__mklab.t(),
  sent: window.__mklab.view().messages.sent,
}));
console.log(
  'sim ms',
  (z.t - a.t) / 1e6,
  'sent',
  z.sent - a.sent,
  'per ms',
  (z.sent - a.sent) / ((z.t - a.t) / 1e6),
);
const drawn = [];
for (let i = 0; i < 20; i++) {
  drawn.push(
    await p.evaluate(() =>
      document.querySelector('[data-testid="ipi-layer"]')?.getAttribute('data-drawn'),
    ),
  );
  await p.waitForTimeout(100);
}
console.log('drawn', drawn.join(' '));
await b.close();
