// Dev-only: drive the sandbox, inspector and keys overlay in Chromium and take screenshots.
/* global window, document */
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';

const BASE = process.env.BASE ?? 'http://127.0.0.1:4192';
const OUT = process.env.OUT ?? '/tmp/sbx';
const b = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless'],
});
const ctx = await b.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
const p = await ctx.newPage();
const errors = [];
p.on('pageerror', (e) => errors.push(e.message));
p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
const log = (...a) => console.log(...a);

await p.goto(`${BASE}/?testhooks&scenario=two-kernels`);
await p.waitForFunction(() => window.__mklab?.phase() === 'running');
await p.waitForTimeout(500);
const state = (n) => p.evaluate((name) => window.__mklab.kernelState(name), n);

await p.getByTestId('sandbox').screenshot({ path: `${OUT}/sandbox-1280.png` });

// Validation: a reversed range.
await p.getByTestId('create-name').fill('gamma');
await p.getByTestId('create-cpus').fill('9-2');
await p.getByTestId('action-instance.create').click();
log('inline error:', await p.locator('.sbx-error').allTextContents());
await p
  .locator('form', { has: p.getByTestId('action-instance.create') })
  .screenshot({ path: `${OUT}/create-error.png` });

// Move CPU 3 to the pool, then create / load / exec gamma on it.
await p.getByTestId('group-resources').locator('summary').click();
await p.getByTestId('cpu-select').selectOption('3');
await p.getByTestId('action-cpu.toPool').click();
await p.waitForFunction(() => window.__mklab.view()?.cpus[3]?.owner === -1);
log('cpu 3 in pool');
await p.getByTestId('create-cpus').fill('3');
await p.getByTestId('create-mem').fill('512');
await p.getByTestId('action-instance.create').click();
await p.waitForFunction(() => window.__mklab.kernelState('gamma') === 'ready');
log('gamma', await state('gamma'));
await p.getByTestId('manage-kernel').selectOption('gamma');
await p.getByTestId('action-instance.load').click();
await p.waitForFunction(() => window.__mklab.kernelState('gamma') === 'loaded', null, {
  timeout: 15000,
});
log('gamma', await state('gamma'));
await p.getByTestId('action-instance.exec').click();
await p.waitForFunction(() => window.__mklab.kernelState('gamma') === 'active', null, {
  timeout: 15000,
});
log('gamma', await state('gamma'));

// A refusal next to its form: exec on an active kernel.
await p.getByTestId('action-instance.exec').click();
await p.waitForTimeout(400);
log('refusal:', await p.getByTestId('form-refusal').allTextContents());
await p
  .locator('form', { has: p.getByTestId('action-instance.exec') })
  .screenshot({ path: `${OUT}/manage-refusal.png` });

// Inspector with gamma selected (through its own picker).
const gammaId = await p.evaluate(
  () => window.__mklab.view().instances.find((i) => i.name === 'gamma').id,
);
await p.getByTestId('inspector-pick').selectOption(`kernel:${gammaId}`);
await p.waitForTimeout(300);
await p.getByTestId('inspector').screenshot({ path: `${OUT}/inspector-gamma.png` });
await p.screenshot({ path: `${OUT}/page-1280.png`, fullPage: true });

// Panic it.
await p.getByTestId('group-faults').locator('summary').click();
await p.getByTestId('fault-panic-target').selectOption('gamma');
await p.getByTestId('action-fault-panic').click();
await p.waitForFunction(
  () => window.__mklab.view().instances.find((i) => i.name === 'gamma')?.panicked,
);
await p.waitForTimeout(600);
log('after panic', await state('gamma'));
await p.getByTestId('inspector').screenshot({ path: `${OUT}/inspector-panicked.png` });
await p.getByTestId('group-faults').screenshot({ path: `${OUT}/faults.png` });

// Latest message in the inspector.
await p.getByTestId('inspect-latest-message').click();
await p.waitForTimeout(200);
await p.getByTestId('inspector').screenshot({ path: `${OUT}/inspector-message.png` });
log('message fate:', await p.getByTestId('inspect-fate').textContent());

// Timing constant.
await p.getByTestId('inspector-pick').selectOption('constant:ipiLatency');
await p.waitForTimeout(200);
await p.getByTestId('inspector').screenshot({ path: `${OUT}/inspector-constant.png` });

// Export trace.
const [dl] = await Promise.all([p.waitForEvent('download'), p.getByTestId('export-trace').click()]);
log('download name:', dl.suggestedFilename());
const path = await dl.path();
const trace = JSON.parse(readFileSync(path, 'utf8'));
const events = Array.isArray(trace) ? trace : trace.traceEvents;
const threads = events.filter((e) => e.ph === 'M' && e.name === 'thread_name');
log(
  'traceEvents:',
  events.length,
  'thread_name:',
  threads.length,
  'cpus:',
  await p.evaluate(() => window.__mklab.view().cpus.length),
);
log('thread names:', threads.map((e) => e.args?.name).join(', '));

// Twin, version, preset.
await p.getByTestId('twin-toggle').check();
await p.waitForTimeout(500);
log('twin pref:', await p.getByTestId('twin-toggle').isChecked());
await p.getByTestId('twin-toggle').uncheck();
await p.getByTestId('version').selectOption('v1');
await p.waitForFunction(() => window.__mklab.view()?.version === 'v1');
log('version now v1; select shows', await p.getByTestId('version').inputValue());
await p.getByTestId('cpu-select').selectOption('2');
await p.getByTestId('action-cpu.toPool').click();
await p.waitForTimeout(400);
log(
  'v1 toPool refusal:',
  await p
    .locator('form', { has: p.getByTestId('action-cpu.toPool') })
    .getByTestId('form-refusal')
    .textContent(),
);
await p
  .locator('form', { has: p.getByTestId('action-cpu.toPool') })
  .screenshot({ path: `${OUT}/cpu-refusal.png` });
await p.getByTestId('preset').selectOption('web-db');
await p.getByTestId('seed').fill('7');
await p.getByTestId('load-scenario').click();
await p.waitForFunction(() => window.__mklab.view()?.instances.some((i) => i.name === 'db'));
log(
  'web-db kernels:',
  await p.evaluate(() =>
    window.__mklab
      .view()
      .instances.map((i) => `${i.name}:${i.state}`)
      .join(' '),
  ),
);

// Keys overlay.
await p.locator('body').click({ position: { x: 5, y: 5 } });
await p.keyboard.press('?');
await p.waitForTimeout(200);
log(
  'dialog open:',
  await p.getByRole('dialog').isVisible(),
  'focused:',
  await p.evaluate(() => document.activeElement?.dataset.testid),
);
await p.screenshot({ path: `${OUT}/keys-1280.png` });
for (let i = 0; i < 3; i++) await p.keyboard.press('Tab');
log(
  'after tabs focused inside:',
  await p.evaluate(() => !!document.activeElement?.closest('dialog')),
);
await p.keyboard.press('Escape');
await p.waitForTimeout(200);
log('dialog after Esc:', await p.getByRole('dialog').count());
// Opened by the header button: focus returns to it.
await p.getByRole('button', { name: 'Keys (?)' }).click();
await p.waitForTimeout(100);
await p.getByTestId('keys-close').click();
await p.waitForTimeout(100);
log('focus back on:', await p.evaluate(() => document.activeElement?.textContent));

// Phone width.
await p.setViewportSize({ width: 390, height: 844 });
await p.waitForTimeout(300);
await p.getByTestId('sandbox').screenshot({ path: `${OUT}/sandbox-390.png` });
await p.getByTestId('inspector-pick').selectOption('kernel:2');
await p.waitForTimeout(200);
await p.getByTestId('inspector').screenshot({ path: `${OUT}/inspector-390.png` });
await p.keyboard.press('?');
await p.waitForTimeout(200);
await p.screenshot({ path: `${OUT}/keys-390.png` });
await p.keyboard.press('Escape');

// Spanish.
await p.setViewportSize({ width: 1280, height: 800 });
await p.goto(`${BASE}/?testhooks&scenario=two-kernels&lang=es`);
await p.waitForFunction(() => window.__mklab?.phase() === 'running');
await p.waitForTimeout(800);
await p.getByTestId('sandbox').screenshot({ path: `${OUT}/sandbox-es.png` });
await p.getByTestId('inspector-pick').selectOption('kernel:1');
await p.waitForTimeout(200);
await p.getByTestId('inspector').screenshot({ path: `${OUT}/inspector-es.png` });

log('errors:', errors);
await b.close();
