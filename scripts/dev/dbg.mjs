import { chromium } from '@playwright/test';
const b = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless'],
});
const p = await b.newPage();
p.on('console', (m) => console.log('console', m.type(), m.text()));
p.on('pageerror', (e) => console.log('pageerror', e.message));
await p.goto('http://127.0.0.1:4180/?testhooks');
await p.waitForTimeout(3000);
console.log((await p.content()).slice(0, 1500));
await p.screenshot({ path: '/tmp/shot.png', fullPage: true });
await b.close();
