import { chromium } from '@playwright/test';
const b = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless'],
});
const p = await b.newPage();
await p.goto('file:///tmp/mkcal/index.html');
await p.evaluate(() => document.fonts.load("12px 'Inter Variable'"));
await p.evaluate(() => document.fonts.load("600 14px 'Inter Variable'"));
const r = await p.evaluate(() => {
  const c = document.createElement('canvas').getContext('2d');
  const out = {};
  const chars =
    ' abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789·…:./-−×✕‖⏸⚠óáéíñú()%+';
  for (const w of [400, 600]) {
    c.font = `${w} 100px 'Inter Variable'`;
    out[w] = Object.fromEntries(
      [...chars].map((ch) => [ch, Math.round(c.measureText(ch).width) / 100]),
    );
  }
  c.font = "400 12px 'Inter Variable'";
  out.samples = ['CPU 63', '✕ halted', 'ring 12/63', 'NIC 0000:03:00.0', 'alpha · 1 · active'].map(
    (s) => [s, c.measureText(s).width],
  );
  return out;
});
console.log(JSON.stringify(r));
await b.close();
