// Cost of drawing IPIs one by one (helper A): datacenter preset, aggregation off, speed index 7,
// against `vite preview --port 4190`. Prints frame intervals, long tasks and dots drawn, then the
// top self-time entries of a 3 s CPU profile. Usage: node scripts/dev/machine-bench.mjs
// [preset] [aggregate]
/* global document, requestAnimationFrame, window -- used inside page.evaluate, in the browser */
import { chromium } from '@playwright/test';

const url = `http://127.0.0.1:4190/?scenario=${process.argv[2] ?? 'datacenter'}&testhooks`;
const aggregate = process.argv[3] === 'aggregate';
const b = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu'],
});
const p = await b.newPage({ viewport: { width: 1440, height: 900 } });
await p.goto(url);
await p.waitForFunction(() => window.__mklab?.phase() === 'running');
await p.evaluate((agg) => {
  window.__mklab.prefs({ aggregate: agg });
  window.__mklab.speed(7);
  window.__mklab.setPlaying(true);
}, aggregate);
await p.waitForTimeout(1500);
const r = await p.evaluate(async () => {
  const intervals = [];
  const drawn = [];
  const tasks = [];
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push(e.duration);
  });
  obs.observe({ type: 'longtask', buffered: false });
  // A forced style and layout flush after each frame: what the DOM changes left to do.
  const flush = [];
  await new Promise((resolve) => {
    let last = -1;
    const start = performance.now();
    const tick = (now) => {
      if (last >= 0) intervals.push(now - last);
      last = now;
      const layer = document.querySelector('[data-testid="ipi-layer"]');
      drawn.push(Number(layer?.getAttribute('data-drawn') ?? 0));
      const t0 = performance.now();
      layer?.getBoundingClientRect();
      flush.push(performance.now() - t0);
      if (now - start < 8000) requestAnimationFrame(tick);
      else resolve();
    };
    requestAnimationFrame(tick);
  });
  obs.disconnect();
  const q = (xs, f) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * f))] ?? 0;
  return {
    frames: intervals.length,
    p50: q(intervals, 0.5),
    p95: q(intervals, 0.95),
    longTasks: tasks.filter((d) => d >= 50).length,
    maxTask: Math.max(0, ...tasks),
    drawnMedian: q(drawn, 0.5),
    drawnMax: Math.max(...drawn),
    flushP95: q(flush, 0.95),
  };
});
console.log(JSON.stringify(r));
// A CPU profile of 3 s of play: how much of the main thread the machine view's code takes.
const cdp = await p.context().newCDPSession(p);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.start');
await p.waitForTimeout(3000);
const { profile } = await cdp.send('Profiler.stop');
const self = new Map();
const total = profile.timeDeltas.reduce((a, d) => a + d, 0);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const counts = new Map();
for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
const dt = total / profile.samples.length;
let idle = 0;
for (const [id, c] of counts) {
  const n = byId.get(id);
  const name = n.callFrame.functionName || '(anon)';
  if (name === '(idle)' || name === '(program)') idle += c * dt;
  const key = `${name} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + c * dt);
}
// Self time of the machine view's own functions (meaningful on a `--minify false` build).
const MINE =
  /^(ipiScene|placeDot|pairArrows|ipiGeometry|DotCanvas|MachineDrawing|MachineView|CpuCells|CpuCell|GroupHeads|GroupHead|GroupFrames|GroupFrame|GroupChips|Chip|MemoryMap|IpiMarks|IpiArrows|Pill|useIpiScene|buildSpec|memorySpec|summaryOf|layoutMachine|buildGroup|stateText|ownerName|deviceLabel|cellSlots|textAt|around|moved|pressable|resolve|stringify|parse) /;
const mine = [...self.entries()].filter(([k]) => MINE.test(k)).reduce((a, [, v]) => a + v, 0);
console.log(
  `machine view's own JS: ${(mine / 1000).toFixed(1)} ms in ${(total / 1e6).toFixed(1)} s`,
);
const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12);
console.log(`profile ${(total / 1000).toFixed(0)} ms, idle+program ${(idle / 1000).toFixed(0)} ms`);
for (const [k, v] of top) console.log(`  ${(v / 1000).toFixed(1).padStart(7)} ms  ${k}`);
await b.close();
