// Keyboard and selection in the machine view (helper A), against `vite preview --port 4190`.
/* global document, window -- used inside page.evaluate, in the browser */
import { chromium } from '@playwright/test';

const b = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless'],
});
const p = await b.newPage({ viewport: { width: 1280, height: 800 } });
p.on('pageerror', (e) => console.log('pageerror', e.message));
await p.goto('http://127.0.0.1:4190/?testhooks&scenario=two-kernels');
await p.waitForFunction(() => window.__mklab?.phase() === 'running');
await p.evaluate(() => window.__mklab.setPlaying(false));
const cpu = p.getByTestId('cpu-4');
await cpu.focus();
await p.keyboard.press('Space');
console.log('cpu-4 pressed:', await cpu.getAttribute('aria-pressed'));
console.log('cpu-4 label:', await cpu.getAttribute('aria-label'));
console.log('still paused:', await p.getByTestId('play-toggle').getAttribute('aria-pressed'));
await p.keyboard.press('Shift+Tab');
const focused = await p.evaluate(
  () =>
    document.activeElement?.getAttribute('data-testid') ??
    document.activeElement?.getAttribute('aria-label'),
);
console.log('shift+tab focus:', focused);
await p.locator('.mk-measure').first().screenshot({ path: '/tmp/mk-shots/keys-focus.png' });
await p.getByTestId('group-beta').press('Enter');
console.log('group-beta pressed:', await p.getByTestId('group-beta').getAttribute('aria-pressed'));
console.log('cpu-4 pressed now:', await cpu.getAttribute('aria-pressed'));
await p.getByTestId('device-0000:03:00.0').click();
console.log(
  'device pressed:',
  await p.getByTestId('device-0000:03:00.0').getAttribute('aria-pressed'),
);
await p.locator('.mk-measure').first().screenshot({ path: '/tmp/mk-shots/keys-selected.png' });
console.log('svg label:', await p.getByTestId('machine-view').getAttribute('aria-label'));
console.log('tab stops:', await p.locator('[data-testid="machine-view"] [tabindex="0"]').count());
await b.close();
