// Page errors with stacks, against `vite preview --port 4190` (helper A's debugging aid).
import { chromium } from '@playwright/test';
const b = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless'],
});
const p = await b.newPage();
p.on('pageerror', (e) => console.log('pageerror', e.stack));
await p.goto(`http://127.0.0.1:${process.env.PORT ?? 4190}/${process.argv[2] ?? ''}`);
await p.waitForTimeout(3000);
await b.close();
