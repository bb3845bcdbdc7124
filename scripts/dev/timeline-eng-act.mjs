// Dev only (timeline/metrics engineer): drive the timeline, scrubber and playback bar in the preview.
/* global window, document -- used inside page.evaluate callbacks, which run in the page */
import { chromium } from '@playwright/test';
const b = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless'],
});
const p = await b.newPage({ viewport: { width: 1280, height: 800 } });
p.on('pageerror', (e) => console.log('pageerror', e.message));
const log = (...a) => console.log(...a);
const ns = async () => Number(await p.getByTestId('sim-time').getAttribute('data-ns'));
await p.goto('http://127.0.0.1:4191/?scenario=two-kernels&testhooks');
await p.waitForFunction(() => window.__mklab?.phase() === 'running');
await p.waitForTimeout(1500);
log(
  'arrows',
  await p.getByTestId('timeline-arrows').getAttribute('data-count'),
  await p.getByTestId('timeline-arrows').getAttribute('data-mode'),
);
// Pause, then step.
await p.getByTestId('play-toggle').click();
await p.waitForTimeout(300);
const t0 = await ns();
await p.getByTestId('next-event').click();
await p.waitForTimeout(400);
const t1 = await ns();
log('next-event', t0, '->', t1, t1 > t0 ? 'OK' : 'FAIL');
await p.getByTestId('prev-event').click();
await p.waitForTimeout(600);
const t2 = await ns();
log('prev-event', t1, '->', t2, t2 < t1 ? 'OK' : 'FAIL');
await p.getByTestId('skip-event').click();
await p.waitForTimeout(1500);
const t3 = await ns();
log('skip-event', t2, '->', t3, t3 > t2 ? 'OK' : 'FAIL');
// Speed.
const si = await p.getByTestId('speed').getAttribute('data-speed-index');
await p.getByRole('button', { name: 'Faster' }).click();
log(
  'speed',
  si,
  '->',
  await p.getByTestId('speed').getAttribute('data-speed-index'),
  await p.getByTestId('speed').textContent(),
);
await p.getByRole('button', { name: 'Slower' }).click();
// Zoom.
await p.getByTestId('timeline-zoom-in').click();
log('zoom in', await p.getByTestId('timeline-window').textContent());
await p.getByTestId('timeline-zoom-out').click();
await p.getByTestId('timeline-zoom-out').click();
log('zoom out', await p.getByTestId('timeline-window').textContent());
await p.getByTestId('timeline-zoom-in').click();
// Select a lane by click, then by keyboard.
await p.locator('[data-testid="timeline"] [data-cpu="4"]').click();
log('lane 4 pressed', await p.locator('[data-cpu="4"]').getAttribute('aria-pressed'));
await p.locator('[data-cpu="4"]').focus();
await p.keyboard.press('ArrowDown');
await p.keyboard.press('Enter');
log(
  'lane 5 pressed via keys',
  await p.locator('[data-cpu="5"]').getAttribute('aria-pressed'),
  'playing?',
  await p.getByTestId('play-toggle').getAttribute('aria-pressed'),
);
await p.keyboard.press('ArrowUp');
await p.keyboard.press('ArrowUp');
await p.locator('.timeline-area').screenshot({ path: '/tmp/shots/act-focus.png' });
await p.keyboard.press(' ');
log('space on lane keeps pause:', await p.getByTestId('play-toggle').getAttribute('aria-pressed'));
// Click an arrow: the middle of the first line in the arrows' path.
const d = await p
  .locator('[data-testid="timeline-arrows"] .tl-arrows-line')
  .first()
  .getAttribute('d');
const m = /M([\d.]+),([\d.]+)L([\d.]+),([\d.]+)/.exec(d ?? '');
if (m) {
  const svg = await p.getByTestId('timeline').boundingBox();
  const cx = svg.x + (Number(m[1]) + Number(m[3])) / 2;
  const cy = svg.y + (Number(m[2]) + Number(m[4])) / 2;
  await p.mouse.move(cx, cy);
  await p.waitForTimeout(100);
  log('hovered', await p.locator('[data-testid="timeline-arrows"] .is-hover').count());
  await p.mouse.click(cx, cy);
  await p.waitForTimeout(200);
  const sel = p.locator('[data-testid="timeline-arrows"] .is-selected');
  log(
    'arrow selected',
    await sel.count(),
    await sel.getAttribute('data-seq'),
    await sel.locator('title').textContent(),
  );
  await p.mouse.move(cx + 3, cy);
  await p.waitForTimeout(1500);
}
await p.screenshot({
  path: '/tmp/shots/act-selected.png',
  clip: { x: 0, y: 0, width: 1280, height: 800 },
});
// Scrubber: Home then release -> seek to start.
const before = await ns();
await p.getByTestId('scrubber').focus();
await p.keyboard.press('Home');
await p.waitForTimeout(1500);
log(
  'scrub Home',
  before,
  '->',
  await ns(),
  'scrubber',
  await p.getByTestId('scrubber').getAttribute('data-ns'),
);
// Drag: pointer down mid-track, move, up.
const box = await p.getByTestId('scrubber').boundingBox();
await p.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2);
await p.mouse.down();
await p.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 10 });
await p.mouse.up();
await p.waitForTimeout(1500);
log(
  'scrub drag ->',
  await ns(),
  'seeking?',
  await p.evaluate(() => document.querySelector('.tl-scrub-seeking')?.textContent ?? 'no'),
);
// Back to latest.
await p.getByRole('button', { name: 'Back to latest' }).click();
await p.waitForTimeout(1500);
log('latest ->', await ns());
// The list.
await p.getByText(/What is in view, as a list/).click();
await p.waitForTimeout(300);
log('list rows', await p.locator('[data-testid="timeline-list"] tbody tr').count());
await p.locator('[data-testid="timeline-list"]').screenshot({ path: '/tmp/shots/act-list.png' });
// Metrics attributes.
for (const n of ['web', 'db', 'api', 'batch']) {
  const m = p.getByTestId(`metric-${n}`);
  log(
    'metric',
    n,
    await m.getAttribute('data-tput'),
    await m.getAttribute('data-p99'),
    await m.getAttribute('data-misses'),
  );
}
// Tab order: how many tab stops in the timeline?
log('timeline tab stops', await p.locator('[data-testid="timeline"] [tabindex="0"]').count());
await b.close();
