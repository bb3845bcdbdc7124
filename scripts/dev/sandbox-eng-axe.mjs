// Dev-only: axe on the sandbox, the inspector and the keys overlay (light and dark).
/* global window */
import { chromium } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
const b = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless'],
});
for (const theme of ['light', 'dark']) {
  const ctx = await b.newContext({ viewport: { width: 1280, height: 800 } });
  const p = await ctx.newPage();
  await p.goto('http://127.0.0.1:4192/?testhooks');
  await p.waitForFunction(() => window.__mklab?.phase() === 'running');
  await p.evaluate((t) => {
    window.__mklab.setPlaying(false);
    window.__mklab.prefs({ theme: t });
  }, theme);
  for (const g of ['resources', 'devices', 'messages', 'workloads', 'faults'])
    await p.getByTestId(`group-${g}`).locator('summary').click();
  await p.getByTestId('inspector-pick').selectOption('kernel:1');
  await p.getByTestId('create-cpus').fill('9-2');
  await p.getByTestId('action-instance.create').click();
  let r = await new AxeBuilder({ page: p })
    .include('[data-testid=sandbox]')
    .include('[data-testid=inspector]')
    .analyze();
  console.log(
    theme,
    'sandbox+inspector violations:',
    r.violations.map(
      (v) =>
        `${v.id} (${v.nodes.length}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    ),
  );
  await p.keyboard.press('Escape');
  await p.locator('body').click({ position: { x: 2, y: 2 } });
  await p.keyboard.press('?');
  await p.waitForTimeout(200);
  r = await new AxeBuilder({ page: p }).include('dialog').analyze();
  console.log(
    theme,
    'dialog violations:',
    r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
  );
  await ctx.close();
}
await b.close();
