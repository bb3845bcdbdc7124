// npm run bench:ui — 10 s of play in Chromium with every IPI drawn one by one (aggregation off).
// Prints p50/p95 frame interval, main-thread tasks ≥ 50 ms and the page's element count.
//   (no flag)    the datacenter preset (64 CPUs, 8 kernels), the sim in its Web Worker and, beside
//                it, forced onto the main thread (`?mainthread`). Budget: p95 ≤ 17 ms, no long task,
//                ≥ 200 messages drawn one by one.
//   --big        the biggest machine the lab takes: 256 CPUs, 128 kernels (tests/e2e/big-machine.ts).
//                Budget (issue 11): p95 ≤ 50 ms.
//   --slow=4     the CPU slowed 4× (CDP Emulation.setCPUThrottlingRate), as on a school laptop.
// Without --big it also plays the default view with the CPU slowed 4× and prints, in issue 14's
// form, `slow-cpu frame p95: <ms> ms, long tasks: <n>` (budget ≤ 33 ms, none); and first, the
// time a deep link to the last step of the last lesson takes to show it (budget ≤ 1.5 s).
// How a play is measured: scripts/play-measure.ts.
import { execSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { ENGINE_VERSION } from '../src/contract/engine-version';
import { bigMachineScenario } from '../tests/e2e/big-machine';
import { CHROMIUM_ARGS, requireChromium } from '../tests/e2e/find-chromium';
import { withPreview } from './preview-server';
import {
  measure,
  SCHOOL,
  schoolUrl,
  schoolVerdict,
  SPEED_INDEX,
  type Result,
} from './play-measure';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}`));
const BIG = arg('big') !== undefined;
const SLOW = Number(arg('slow')?.split('=')[1] ?? 1);

/** Issue 14: the deep link to the last step of the last lesson, each run in a fresh browser. */
const DEEP_LINK = { slug: 'roots', step: 6, runs: 5, budgetMs: 1500 } as const;

/** From navigation to the step shown and the machine drawn (its CPUs), in ms, per run. */
async function measureDeepLink(base: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < DEEP_LINK.runs; i++) {
    const browser = await chromium.launch({
      executablePath: requireChromium(),
      args: CHROMIUM_ARGS,
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${base}?testhooks&lesson=${DEEP_LINK.slug}&step=${DEEP_LINK.step}`);
      const shown = await page.waitForFunction(
        (k) =>
          window.__mklab?.lesson()?.step === k &&
          document.querySelector('[data-testid="lesson-step"]') &&
          document.querySelector('[data-testid="machine-view"] [data-testid^="cpu-"]')
            ? performance.now()
            : null,
        DEEP_LINK.step - 1,
        { timeout: 30_000, polling: 'raf' },
      );
      times.push(Math.round(Number(await shown.jsonValue())));
    } finally {
      await browser.close();
    }
  }
  return times;
}

function bigMachineUrl(base: string): string {
  const replay = {
    schema: 1,
    engine: ENGINE_VERSION,
    config: { scenario: bigMachineScenario(), seed: 1 },
    log: [],
  };
  return `${base}?testhooks&seed=1#r=${Buffer.from(JSON.stringify(replay)).toString('base64url')}`;
}

const row = (name: string, r: Result) =>
  `  ${name.padEnd(18)} ${String(r.frames).padStart(6)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${String(r.longTasks).padStart(10)} ${r.maxTask.toFixed(0).padStart(9)} ${String(r.drawnMedian).padStart(9)} ${String(r.drawnMax).padStart(9)} ${String(r.elements).padStart(9)}`;
const header = `  ${'sim runs in'.padEnd(18)} ${'frames'.padStart(6)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'tasks≥50ms'.padStart(10)} ${'max task'.padStart(9)} ${'dots p50'.padStart(9)} ${'dots max'.padStart(9)} ${'elements'.padStart(9)}`;
const slowed = SLOW > 1 ? `, CPU slowed ${SLOW}×` : '';

execSync('npx vite build', { stdio: 'inherit' });
await withPreview(4175, async (base) => {
  if (BIG) {
    const big = await measure(bigMachineUrl(base), false, SLOW);
    console.log(
      `\n10 s of play, 256 CPUs and 128 kernels, default view (messages bundled when many)${slowed}`,
    );
    console.log(header);
    console.log(row('Web Worker', big));
    console.log(`\nbudget (p95 ≤ 50 ms): ${big.p95 <= 50 ? 'PASS' : 'FAIL'}`);
    return;
  }
  const deep = await measureDeepLink(base);
  const deepMedian = [...deep].sort((a, b) => a - b)[Math.floor(deep.length / 2)] ?? 0;
  console.log(
    `deep link to ${DEEP_LINK.slug} step ${DEEP_LINK.step}: ${deep.join(', ')} ms; median ${deepMedian} ms (budget ≤ ${DEEP_LINK.budgetMs} ms)`,
  );
  const worker = await measure(`${base}?scenario=datacenter&testhooks`, true, SLOW);
  const main = await measure(`${base}?scenario=datacenter&testhooks&mainthread`, true, SLOW);
  console.log(
    `\n10 s of play, datacenter preset, aggregation off, speed index ${SPEED_INDEX}${slowed}`,
  );
  console.log(header);
  console.log(row('Web Worker', worker));
  console.log(row('main thread', main));
  const ok = worker.p95 <= 17 && worker.longTasks === 0 && worker.drawnMedian >= 200;
  console.log(
    `\nbudget with the worker (p95 ≤ 17 ms, no task ≥ 50 ms, ≥ 200 messages drawn one by one): ${ok ? 'PASS' : 'FAIL'}`,
  );
  console.log(`messages drawn one by one: median ${worker.drawnMedian}, max ${worker.drawnMax}`);
  // Issue 14: a school laptop — the CPU slowed 4×, the view as a user has it (it bundles
  // messages only past AGGREGATE_OVER, saying so with counts on the arrows).
  const school = await measure(schoolUrl(base), false, SCHOOL.slow);
  console.log(`\nthe same, CPU slowed ${SCHOOL.slow}×, default view`);
  console.log(header);
  console.log(row('Web Worker', school));
  console.log(schoolVerdict(school).line);
  // Behind, the page asks for a frame at every other animation frame (src/bridge/frame-pace.ts).
  const pace = (r: Result) => (r.paced ? 'every other animation frame' : 'every animation frame');
  console.log(
    `frames asked for at the end of each play: ${pace(worker)}, ${pace(main)}; slowed 4×: ${pace(school)}`,
  );
  const waits = [worker, main, school].map((r) => r.settledMs).join(', ');
  console.log(
    `(each play began once the page had settled: ${waits} ms after the machine first ran)`,
  );
});
