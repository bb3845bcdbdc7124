// npm run soak — memory over a long run (DESIGN §8): the busiest preset (datacenter: 64 CPUs,
// 8 kernels) run through the engine as the worker runs it (frames of at most 150,000 events,
// checkpoints taken and thinned), with the heap measured after a full GC: once after the first
// 10⁶ events (the baseline), then every 10⁷. The budget: every reading ≤ 1.2× the baseline.
//   npm run soak                      10⁸ events (about a minute here)
//   npm run test:soak                 10⁷ events: the shorter gate `npm test` runs
// Needs `node --expose-gc` (the npm scripts pass it). Exits 1 when a reading is over budget.
import { preset } from '../src/sim';
import type { Since } from '../src/contract';
import { Engine, FRAME_EVENT_BUDGET } from '../src/worker/engine';

const BASELINE_EVENTS = 1_000_000;
const REPORT_EVERY = 10_000_000;
const BUDGET_RATIO = 1.2;
/** Simulated time asked per frame: far more than the budget covers, so every frame is full. */
const FRAME_NS = 1_000_000_000;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  console.error('soak: run with node --expose-gc (npm run soak does)');
  process.exit(2);
}
const arg = process.argv.find((a) => a.startsWith('--events='));
const total = arg ? Number(arg.slice('--events='.length)) : 100_000_000;
if (!Number.isSafeInteger(total) || total < REPORT_EVERY) {
  console.error(`soak: --events must be a whole number ≥ ${REPORT_EVERY}`);
  process.exit(2);
}

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
function heap(): number {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed;
}

const engine = new Engine({ scenario: preset('datacenter'), seed: 1 });
let since: Since = { sinceHappening: -1 };
/** Run frames until the machine has handled `events` events in all. */
function runTo(events: number): void {
  while (engine.machine.counters.events < events) {
    const f = engine.frame({ inputs: [], advanceNs: FRAME_NS, ...since }, FRAME_EVENT_BUDGET);
    since = {
      sinceHappening: f.happeningHead - 1,
      sinceTraffic: f.trafficHead - 1,
      sinceCpuMark: f.cpuMarkHead - 1,
    };
  }
}

const started = process.hrtime.bigint();
runTo(BASELINE_EVENTS);
const base = heap();
console.log(`soak: datacenter preset, seed 1, ${total.toLocaleString('en-US')} events`);
console.log(`  ${'events'.padStart(12)}  ${'heap'.padStart(9)}  ratio  checkpoints  simulated`);
const line = (events: number, h: number) =>
  console.log(
    `  ${events.toLocaleString('en-US').padStart(12)}  ${mib(h).padStart(9)}  ${(h / base).toFixed(2)}×` +
      `  ${String(engine.checkpointCount()).padStart(11)}  ${(engine.now / 1e9).toFixed(1)} s`,
  );
line(engine.machine.counters.events, base);
let worst = 1;
for (let target = REPORT_EVERY; target <= total; target += REPORT_EVERY) {
  runTo(target);
  const h = heap();
  worst = Math.max(worst, h / base);
  line(engine.machine.counters.events, h);
}
const wall = Number(process.hrtime.bigint() - started) / 1e9;
const ok = worst <= BUDGET_RATIO;
console.log(
  `soak heap: max ${worst.toFixed(2)}× the heap after ${BASELINE_EVENTS.toLocaleString('en-US')} ` +
    `events (budget ≤ ${BUDGET_RATIO}×) — ${ok ? 'ok' : 'OVER BUDGET'} (${wall.toFixed(0)} s)`,
);
process.exit(ok ? 0 : 1);
