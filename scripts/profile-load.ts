// npm run profile:load [-- '<address>' …] — where a page load's main thread goes (issue 14, point 1:
// "a CPU profile of the load, not a guess"). Each page (default: the four `npm run audit` audits)
// is loaded 3 times in Chromium at Lighthouse's phone (412×823 at 1.75, mobile, touch), not slowed,
// and traced with the CPU profiler for its first 5 s. Printed per page: when the first paint was
// seen, the blocking time Lighthouse's 4× simulation would charge for the tasks after it, and for
// the median run each task over 12.5 ms (50 ms at 4×) with what it spent its time on. The build is
// unminified so the functions keep their names. The profiler's sampling slows the page: these
// figures say where the time goes; the budget is Lighthouse's (`npm run audit`).
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, requireChromium } from '../tests/e2e/find-chromium';
import { build, serveStatic } from '../tests/e2e/static-server';
import { LONG_AT_4X_MS, readLoad, type LoadProfile, type TraceEvent } from './load-trace';

const RUNS = 3;
const WATCH_MS = 5000;
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
    const page = await browser.newPage({
      viewport: { width: 412, height: 823 },
      deviceScaleFactor: 1.75,
      isMobile: true,
      hasTouch: true,
    });
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

const f0 = (x: number) => x.toFixed(0);
const list = (xs: readonly [string, number][]) =>
  xs.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join(' · ');

const asked = process.argv.slice(2).filter((a) => a !== '--');
const pages = asked.length ? asked : PAGES;
const server = await serveStatic(build('./', ['--minify=false']), '/', () => ({}), { gzip: true });
try {
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
} finally {
  await server.close();
}
