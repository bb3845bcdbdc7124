// npm run profile:load [-- '<address>' …] — where a page load's main thread goes (issue 14, point 1:
// "a CPU profile of the load, not a guess"). Each page (default: the four `npm run audit` audits)
// is loaded 3 times in Chromium at Lighthouse's phone (412×823 at 1.75, mobile, touch), not slowed,
// and traced with the CPU profiler for its first 5 s. Printed per page: when the first paint was
// seen, the blocking time Lighthouse's 4× simulation would charge for the tasks after it, and for
// the median run each task over 12.5 ms (50 ms at 4×) with what it spent its time on. The build is
// unminified so the functions keep their names. The profiler's sampling slows the page: these
// figures say where the time goes; the budget is Lighthouse's (`npm run audit`).
// `--slow`: instead, each page loaded with the CPU slowed 4× (CDP), not traced, as a school laptop
// opens it: when the machine was drawn, when every part of the page was there (the parts below
// the first screen come once the page has been quiet for 3 s, src/ui/Later.tsx), and the blocking
// time its own long-task observer counts (Σ task − 50 ms) in the first 8 s: before those parts
// began to come, and after.
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, requireChromium } from '../tests/e2e/find-chromium';
import { build, serveStatic } from '../tests/e2e/static-server';
import { LONG_AT_4X_MS, readLoad, type LoadProfile, type TraceEvent } from './load-trace';

const RUNS = 3;
const WATCH_MS = 5000;
const SLOW_WATCH_MS = 8000;
/** Lighthouse's phone. */
const PHONE = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
} as const;
const PAGES = ['', '?lang=es', '?scenario=two-kernels', '?lesson=crash-containment&step=2'];
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'loading',
  'toplevel',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing', // navigationStart
].join(',');

async function profile(url: string): Promise<LoadProfile | null> {
  const browser = await chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage(PHONE);
    const cdp = await page.context().newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
    await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
    await page.goto(url);
    // The measurement is the load's first seconds, whatever they hold: a fixed window.
    await page.waitForTimeout(WATCH_MS);
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    return readLoad(events);
  } finally {
    await browser.close();
  }
}

/** Runs in the page before its scripts: long tasks, and when the machine and all parts appear. */
const WATCH_PARTS = `
  window.__mkLong = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__mkLong.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
  const look = () => {
    const now = performance.now();
    if (!window.__mkMachine && document.querySelector('[data-testid="machine-view"] [data-testid^="cpu-"]')) window.__mkMachine = now;
    // The parts below the first screen (src/ui/Later.tsx): when the first waiting box was filled
    // (on this phone, once the page had been quiet), and when none waited any more.
    const waiting = document.querySelectorAll('[data-waiting]').length;
    if (!window.__mkWoke && waiting < (window.__mkWaiting ?? 0)) window.__mkWoke = now;
    window.__mkWaiting = Math.max(window.__mkWaiting ?? 0, waiting);
    if (!window.__mkAll && document.querySelector('.sandbox-area > *') && waiting === 0) window.__mkAll = now;
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);`;

interface SlowLoad {
  readonly machineMs: number;
  readonly allMs: number;
  /** Σ (long task − 50 ms) of the tasks begun before the first waiting part came, and after. */
  readonly blockingMs: number;
  readonly blockingAfterMs: number;
  readonly longest: number;
}

async function slowLoad(url: string): Promise<SlowLoad> {
  const browser = await chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage(PHONE);
    await page.addInitScript(WATCH_PARTS);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(url);
    await page.waitForTimeout(SLOW_WATCH_MS);
    return await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const long = w.__mkLong as [number, number][];
      const woke = Number(w.__mkWoke ?? Infinity);
      // No named helper in here: tsx's name-keeping wrapper does not exist in the page.
      let before = 0;
      let after = 0;
      for (const [start, d] of long) {
        if (start < woke) before += Math.max(0, d - 50);
        else after += Math.max(0, d - 50);
      }
      return {
        machineMs: Math.round(Number(w.__mkMachine ?? NaN)),
        allMs: Math.round(Number(w.__mkAll ?? NaN)),
        blockingMs: Math.round(before),
        blockingAfterMs: Math.round(after),
        longest: Math.round(Math.max(0, ...long.map(([, d]) => d))),
      };
    });
  } finally {
    await browser.close();
  }
}

const f0 = (x: number) => x.toFixed(0);
const list = (xs: readonly [string, number][]) =>
  xs.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join(' · ');

const SLOW = process.argv.includes('--slow');
const asked = process.argv.slice(2).filter((a) => a !== '--' && a !== '--slow');
const pages = asked.length ? asked : PAGES;
// Slowed, the build users get (minified); traced, names kept for the profile.
const out = SLOW ? build() : build('./', ['--minify=false']);
const server = await serveStatic(out, '/', () => ({}), { gzip: true });
/** `--slow`: each page opened slowed 4×, not traced. */
async function printSlowLoads(): Promise<void> {
  console.log(
    `\nLoads at 412×823 @1.75 (mobile), CPU slowed 4× (CDP), not traced, first ${SLOW_WATCH_MS / 1000} s, ${RUNS} runs per page.`,
  );
  for (const page of pages) {
    console.log(`\n  ${page || '/'}`);
    for (let i = 0; i < RUNS; i++) {
      const r = await slowLoad(`${server.url}${page}`);
      console.log(
        `    machine drawn at ${r.machineMs} ms, every part at ${r.allMs} ms, blocking ${r.blockingMs} ms before the parts below the first screen began to come and ${r.blockingAfterMs} ms after (Σ long task − 50 ms), longest task ${r.longest} ms`,
      );
    }
  }
}

try {
  if (SLOW) await printSlowLoads();
  else await printProfiles();
} finally {
  await server.close();
}

/** The traced loads: blocking at 4× per run, the median run's long tasks. */
async function printProfiles(): Promise<void> {
  console.log(
    `\nLoads at 412×823 @1.75 (mobile), not slowed, first ${WATCH_MS / 1000} s, ${RUNS} runs per page.` +
      `\n"Blocking at 4×" = Σ max(0, 4·task − 50 ms) over the tasks after the first paint.`,
  );
  for (const page of pages) {
    const runs: LoadProfile[] = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await profile(`${server.url}${page}`);
      if (r) runs.push(r);
    }
    console.log(`\n  ${page || '/'}`);
    if (!runs.length) {
      console.log('    no first paint in any run');
      continue;
    }
    for (const r of runs) {
      console.log(
        `    first paint ${f0(r.firstPaintMs)} ms, blocking at 4× ${f0(r.blockingAt4xMs)} ms, ` +
          `${r.longTasks.length} tasks over ${LONG_AT_4X_MS} ms`,
      );
    }
    const sorted = [...runs].sort((a, b) => a.blockingAt4xMs - b.blockingAt4xMs);
    const median = sorted[Math.floor(sorted.length / 2)];
    if (!median) continue;
    console.log(`    the median run's long tasks (ms from navigation, + duration):`);
    for (const t of median.longTasks) {
      console.log(`      @${f0(t.atMs)} +${t.ms.toFixed(1)} ms`);
      if (t.functions.length) console.log(`        functions: ${list(t.functions)}`);
      if (t.browser.length) console.log(`        browser: ${list(t.browser)}`);
    }
  }
}
