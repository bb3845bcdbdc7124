// Screenshots of the machine view (helper A's visual check), against `vite preview --port 4190`.
// Usage: node scripts/dev/machine-shots.mjs [outDir]
/* global document, window -- used inside page.evaluate, in the browser */
import { chromium } from '@playwright/test';

const out = process.argv[2] ?? '/tmp/mk-shots';
const base = `http://127.0.0.1:${process.env.PORT ?? 4190}/`;
const b = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless'],
});

async function shot(
  name,
  { url, w, h, dark = false, act, wait = 1500, reduced = false, whole = false },
) {
  const ctx = await b.newContext({
    viewport: { width: w, height: h },
    reducedMotion: reduced ? 'reduce' : 'no-preference',
  });
  const p = await ctx.newPage();
  p.on('pageerror', (e) => console.log(name, 'pageerror', e.message));
  p.on('console', (m) => m.type() === 'error' && console.log(name, 'console', m.text()));
  await p.goto(base + url);
  await p.waitForSelector('[data-testid="machine-view"]', { timeout: 15000 });
  if (dark) await p.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
  if (act) await act(p);
  await p.waitForTimeout(wait);
  if (whole) await p.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  else
    await p
      .locator('.mk-measure')
      .first()
      .screenshot({ path: `${out}/${name}.png` });
  const info = await p.evaluate(() => {
    const layer = document.querySelector('[data-testid="ipi-layer"]');
    return {
      drawn: layer?.getAttribute('data-drawn'),
      aggregated: layer?.getAttribute('data-aggregated'),
      groups: [...document.querySelectorAll('[data-testid^="group-"]')].map(
        (g) => `${g.getAttribute('data-testid')}:${g.getAttribute('data-state')}`,
      ),
    };
  });
  console.log(name, JSON.stringify(info));
  await ctx.close();
}

const panic = async (p) => {
  await p.evaluate(() => window.__mklab.act({ type: 'fault', kind: 'panic', target: 'beta' }));
};
/** Panic, then pause a moment later: the panicked kernel before its CPUs park. */
const panicNow = async (p) => {
  await p.evaluate(() => window.__mklab.speed(3));
  await panic(p);
  await p.waitForFunction(() => window.__mklab.view()?.instances.some((i) => i.panicked));
  await p.evaluate(() => window.__mklab.setPlaying(false));
};
/** Twin on (private build hook), then panic in both. */
const twinPanic = async (p) => {
  const toggle = p.getByTestId('twin-toggle');
  if (await toggle.count()) await toggle.check();
  else await p.evaluate(() => window.__mklab.twin(true));
  await p.waitForTimeout(800);
  await panic(p);
};
/** CPU 3 leaves the host for the pool; screenshot mid-move (200 ms of a 400 ms glide). */
const move = async (p) => {
  await p.evaluate(() => window.__mklab.act({ type: 'cpu.toPool', cpu: 3 }));
  await p.waitForFunction(
    () => document.querySelector('[data-testid="cpu-3"]')?.getAttribute('data-owner') === '-1',
  );
  await p.waitForTimeout(150);
};
/** A new kernel on CPUs 2–3, caught while it boots; an offline CPU; a device lent with IOMMU. */
const lifecycle = async (p) => {
  await p.evaluate(() => {
    const act = window.__mklab.act;
    act({ type: 'iommu.set', on: true });
    act({ type: 'cpu.toPool', cpu: 2 });
    act({ type: 'cpu.toPool', cpu: 3 });
    act({ type: 'cpu.hotplug', cpu: 1, online: false });
    act({ type: 'instance.create', name: 'gamma-with-a-long-name', cpus: [2, 3], memMiB: 512 });
    act({ type: 'device.lend', pci: '0000:03:00.0', name: 'gamma-with-a-long-name' });
    act({ type: 'instance.load', name: 'gamma-with-a-long-name' });
  });
  await p.waitForFunction(() =>
    window.__mklab
      .view()
      ?.instances.some((i) => i.name.startsWith('gamma') && i.state === 'loaded'),
  );
  await p.evaluate(() => {
    window.__mklab.speed(5);
    window.__mklab.act({ type: 'instance.exec', name: 'gamma-with-a-long-name' });
  });
  await p.waitForFunction(() => window.__mklab.view()?.cpus.some((c) => c.state === 'booting'));
  await p.evaluate(() => window.__mklab.setPlaying(false));
};
const faults = async (p) => {
  await p.evaluate(() => {
    window.__mklab.act({ type: 'fault', kind: 'scribble', from: 'alpha', target: 'beta' });
    window.__mklab.act({ type: 'fault', kind: 'lockup', target: 'beta' });
  });
  await p.waitForTimeout(200);
  await p.evaluate(() => {
    window.__mklab.speed(5);
    window.__mklab.act({
      type: 'fault',
      kind: 'ipi-flood',
      from: 'alpha',
      target: 'beta',
      count: 120,
      intervalNs: 300,
    });
  });
  await p.waitForTimeout(600);
  await p.evaluate(() => {
    window.__mklab.act({
      type: 'fault',
      kind: 'ipi-flood',
      from: 'host',
      target: 'alpha',
      count: 60,
      intervalNs: 400,
      raw: true,
    });
  });
  await p.waitForTimeout(500);
  await p.evaluate(() => window.__mklab.setPlaying(false));
};

await import('node:fs').then((fs) => fs.mkdirSync(out, { recursive: true }));
const only = process.env.ONLY;
const jobs = {
  'two-1280-light': { url: '?scenario=two-kernels', w: 1280, h: 800 },
  'two-1280-dark': { url: '?scenario=two-kernels', w: 1280, h: 800, dark: true },
  'two-390-light': { url: '?scenario=two-kernels', w: 390, h: 844 },
  'two-390-dark': { url: '?scenario=two-kernels', w: 390, h: 844, dark: true },
  'dc-1280-light': { url: '?scenario=datacenter', w: 1280, h: 800 },
  'dc-1280-dark': { url: '?scenario=datacenter', w: 1280, h: 800, dark: true },
  'dc-390-light': { url: '?scenario=datacenter', w: 390, h: 844 },
  'dc-390-dark': { url: '?scenario=datacenter', w: 390, h: 844, dark: true },
  'panic-1280-light': { url: '?scenario=two-kernels&testhooks', w: 1280, h: 800, act: panic },
  'panic-1280-dark': {
    url: '?scenario=two-kernels&testhooks',
    w: 1280,
    h: 800,
    act: panic,
    dark: true,
  },
  'panic-390-light': { url: '?scenario=two-kernels&testhooks', w: 390, h: 844, act: panic },
  'panic-390-dark': {
    url: '?scenario=two-kernels&testhooks',
    w: 390,
    h: 844,
    act: panic,
    dark: true,
  },
  'panicnow-1280-light': {
    url: '?scenario=two-kernels&testhooks',
    w: 1280,
    h: 800,
    act: panicNow,
    wait: 300,
  },
  'move-1280-light': {
    url: '?scenario=two-kernels&testhooks',
    w: 1280,
    h: 800,
    act: move,
    wait: 0,
  },
  'move-1280-reduced': {
    url: '?scenario=two-kernels&testhooks',
    w: 1280,
    h: 800,
    act: move,
    wait: 0,
    reduced: true,
  },
  'faults-1280-light': {
    url: '?scenario=two-kernels&testhooks',
    w: 1280,
    h: 800,
    act: faults,
    wait: 200,
  },
  'faults-390-dark': {
    url: '?scenario=two-kernels&testhooks',
    w: 390,
    h: 844,
    act: faults,
    wait: 200,
    dark: true,
  },
  'twin-1280-light': {
    url: '?scenario=two-kernels&testhooks',
    w: 1280,
    h: 800,
    act: twinPanic,
    wait: 1200,
    whole: true,
  },
  'twin-390-dark': {
    url: '?scenario=two-kernels&testhooks',
    w: 390,
    h: 844,
    act: twinPanic,
    wait: 1200,
    dark: true,
  },
  'es-dc-390-light': { url: '?scenario=datacenter&lang=es', w: 390, h: 844 },
  'es-web-1280-dark': { url: '?scenario=web-db&lang=es', w: 1280, h: 800, dark: true },
  'life-1280-light': {
    url: '?scenario=two-kernels&testhooks',
    w: 1280,
    h: 800,
    act: lifecycle,
    wait: 300,
  },
  'life-390-dark': {
    url: '?scenario=two-kernels&testhooks',
    w: 390,
    h: 844,
    act: lifecycle,
    wait: 300,
    dark: true,
  },
  'v1-1280-light': {
    url: '?scenario=two-kernels&testhooks',
    w: 1280,
    h: 800,
    act: (p) => p.evaluate(() => window.__mklab.act({ type: 'version.set', version: 'v1' })),
  },
  'page-1280-light': { url: '?scenario=two-kernels', w: 1280, h: 800, whole: true },
};
for (const [name, job] of Object.entries(jobs)) {
  if (only && !name.includes(only)) continue;
  await shot(name, job);
}
await b.close();
