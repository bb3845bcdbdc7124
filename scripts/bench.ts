// npm run bench — one run, on the datacenter preset (64 CPUs, 8 kernels), of:
//   1. sim throughput: events/s (an event = one queue pop a rule handled; stale pops apart),
//      simulated ns per wall second, and the event mix by kind;
//   2. a bare binary-heap pop+push loop (src/sim/heap.ts) at the sim's typical queue size, the
//      sim's ceiling (this loop and how it is timed stay as they are, so the ceiling does not move);
//   3. the sim's speed as a share of that ceiling, `events/s ÷ heap ops/s: <ratio>` beside its
//      budget (≥ 0.35, issue 14; it retires the old absolute 2 M events/s) — reported, never fatal;
//   4. seeks in the worker over the first 60 s of simulated time (`seek p95: <ms> ms`);
//   5. the largest frame the worker would send (JSON bytes and V8 structured-clone bytes).
// `--seek`: only 4., exit 1 over its budget (npm test's test:seek). Otherwise not part of npm
// test; exits 1 only when something throws.
import os from 'node:os';
import { serialize } from 'node:v8';
import { advanceTo, createMachine, EVENT_NAMES, preset, type Input } from '../src/sim';
import { heapPop, heapPush, type Ev } from '../src/sim/heap';
import { MS, S } from '../src/sim/time';
import type { Frame, Since } from '../src/contract';
import { Engine } from '../src/worker/engine';

const SEED = 1;
const WARMUP_NS = 500 * MS;
const MIN_EVENTS = 3_000_000;
const BUDGET_RATIO = 0.35;
const FRAMES = 600;

const now = (): bigint => process.hrtime.bigint();
const secondsSince = (t0: bigint): number => Number(now() - t0) / 1e9;
const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const pct = (part: number, whole: number): string =>
  `${((100 * part) / Math.max(1, whole)).toFixed(1)}%`;
const row = (label: string, value: string): void => console.log(`  ${label.padEnd(26)}${value}`);
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

interface SimResult {
  readonly eventsPerS: number;
  readonly queueLen: number;
}

function benchSim(): SimResult {
  const m = createMachine(preset('datacenter'), SEED);
  // Warm-up: the first half in one go, the second in 1 ms steps sampling the queue length.
  const warmStart = m.now;
  const warmE0 = m.counters.events;
  advanceTo(m, warmStart + WARMUP_NS / 2);
  const lens: number[] = [];
  while (m.now < warmStart + WARMUP_NS) {
    advanceTo(m, m.now + MS);
    lens.push(m.queue.length);
  }
  const warmEvents = m.counters.events - warmE0;
  const warmRate = Math.max(1, (warmEvents * S) / (m.now - warmStart));

  // Enough simulated time for MIN_EVENTS at the warm-up rate (+15 %), topped up if short.
  const e0 = m.counters.events;
  const s0 = m.counters.stale;
  const kinds0 = [...m.counters.byKind];
  const t0Sim = m.now;
  const span = Math.ceil(((MIN_EVENTS * 1.15) / warmRate) * S);
  const t0 = now();
  let handled = advanceTo(m, t0Sim + span);
  while (handled < MIN_EVENTS) handled += advanceTo(m, m.now + 100 * MS);
  const wall = secondsSince(t0);
  const simNs = m.now - t0Sim;
  const stale = m.counters.stale - s0;
  if (handled !== m.counters.events - e0) throw new Error('advanceTo and counters.events disagree');

  const eventsPerS = handled / wall;
  console.log('sim (datacenter preset, seed 1)');
  row('warm-up', `${WARMUP_NS / MS} ms simulated, ${int(warmEvents)} events`);
  row(
    'queue length (warm-up)',
    `median ${median(lens)}, min ${Math.min(...lens)}, max ${Math.max(...lens)}`,
  );
  row('events handled', `${int(handled)} in ${(simNs / S).toFixed(2)} s simulated`);
  row(
    'stale pops',
    `${int(stale)} (${pct(stale, handled + stale)} of pops; not counted as events)`,
  );
  row('wall time', `${wall.toFixed(3)} s`);
  row('events/s', int(eventsPerS));
  row(
    'simulated ns / wall s',
    `${(simNs / wall).toExponential(3)} (${(simNs / S / wall).toFixed(1)}× real time)`,
  );
  console.log('  mix by kind');
  const mix = EVENT_NAMES.map((name, i) => ({
    name,
    n: (m.counters.byKind[i] ?? 0) - (kinds0[i] ?? 0),
  })).sort((a, b) => b.n - a.n);
  for (const { name, n } of mix.filter((x) => x.n > 0)) {
    console.log(`    ${name.padEnd(16)}${int(n).padStart(12)}${pct(n, handled).padStart(8)}`);
  }
  const none = mix.filter((x) => x.n === 0).map((x) => x.name);
  if (none.length > 0) console.log(`    (none: ${none.join(', ')})`);
  return { eventsPerS, queueLen: Math.max(1, median(lens)) };
}

function benchHeap(size: number, pairs: number): number {
  let x = 0x2545f491;
  const lcg = (): number => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0);
  const h: Ev[] = [];
  let seq = 0;
  for (let i = 0; i < size; i++) {
    heapPush(h, { t: lcg() % 1_000_000, seq: seq++, k: i % 18, a: i, b: 0, c: 0 });
  }
  let check = 0;
  const loop = (n: number): void => {
    for (let i = 0; i < n; i++) {
      const e = heapPop(h) as Ev;
      check = (check + e.k) | 0;
      heapPush(h, { t: e.t + 1 + (lcg() % 1_000_000), seq: seq++, k: e.k, a: e.a, b: e.b, c: 0 });
    }
  };
  loop(200_000); // JIT warm-up, as the sim had
  const t0 = now();
  loop(pairs);
  const wall = secondsSince(t0);
  if (h.length !== size || check === -1) throw new Error('heap size drifted');
  const opsPerS = pairs / wall;
  console.log(`bare heap (src/sim/heap.ts, steady size ${size}, LCG times, fresh Ev per push)`);
  row('pop+push pairs', `${int(pairs)} in ${wall.toFixed(3)} s`);
  row('ops/s (pairs)', int(opsPerS));
  return opsPerS;
}

const SEEK_SPAN_NS = 60 * S;
const SEEKS = 40;
const SEEK_BUDGET_MS = 250;

/**
 * A seek in the worker, as a learner drags the timeline: the datacenter preset played 60 s of
 * simulated time in frames (checkpoints taken as the page's engine takes them), then SEEKS jumps
 * to times spread over those 60 s in a fixed pseudo-random order; each one's wall time.
 */
async function benchSeek(): Promise<boolean> {
  const engine = new Engine({ scenario: preset('datacenter'), seed: SEED });
  const since: Since = { sinceHappening: -1, sinceTraffic: -1, sinceCpuMark: -1 };
  while (engine.now < SEEK_SPAN_NS) engine.frame({ inputs: [], advanceNs: 100 * MS, ...since });
  const end = engine.now;
  let x = 12345;
  const times: number[] = [];
  for (let i = 0; i < SEEKS; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const at = Math.floor(((x % 10_000) / 10_000) * end);
    const t0 = now();
    await engine.seek(at, async () => {});
    times.push(secondsSince(t0) * 1000);
    if (engine.now !== at) throw new Error(`seek to ${at} ended at ${engine.now}`);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const p95 = sorted[Math.ceil(0.95 * sorted.length) - 1] ?? 0;
  console.log(`seek (datacenter preset, ${SEEKS} seeks within the first ${SEEK_SPAN_NS / S} s)`);
  row('checkpoints', `${engine.checkpointCount()}`);
  row('median', `${median(times).toFixed(1)} ms`);
  console.log(`seek p95: ${p95.toFixed(1)} ms (budget ≤ ${SEEK_BUDGET_MS} ms)`);
  return p95 <= SEEK_BUDGET_MS;
}

type Step = { readonly advanceNs: number; readonly inputs: readonly Input[] };

/** The frame script: mostly 16 ms, some 1 ms and 100 ms, with faults every so often. */
function frameStep(i: number): Step {
  const advanceNs = i % 10 === 3 ? 100 * MS : i % 10 === 7 ? 1 * MS : 16 * MS;
  const faults: Record<number, Input> = {
    20: { type: 'fault', kind: 'ipi-flood', from: 'k2', target: 'k1', count: 200 },
    60: {
      type: 'fault',
      kind: 'ipi-flood',
      from: 'k5',
      target: 'k2',
      count: 500,
      intervalNs: 2000,
      raw: true,
    },
    100: { type: 'fault', kind: 'machine-wide', from: 'k4', op: 'wbinvd' },
    140: { type: 'fault', kind: 'ipi-flood', from: 'k3', target: 'k7', count: 10_000 },
    200: { type: 'fault', kind: 'panic', target: 'k6' },
    210: { type: 'instance.exec', name: 'k6' },
    260: { type: 'fault', kind: 'scribble', from: 'k5', target: 'k7', offsetMiB: 0 },
    300: { type: 'fault', kind: 'dma', device: '0000:20:00.0', target: 'k3' },
    340: { type: 'fault', kind: 'ipi-flood', from: 'k1', target: 'k3', count: 10_000 },
    380: { type: 'fault', kind: 'lockup', target: 'k2' },
    381: { type: 'instance.kill', name: 'k2' },
  };
  const f = faults[i];
  if (f) return { advanceNs, inputs: [f] };
  if (i % 25 === 5) {
    return {
      advanceNs,
      inputs: [{ type: 'fault', kind: 'ipi-flood', from: 'k5', target: 'k1', count: 200 }],
    };
  }
  return { advanceNs, inputs: [] };
}

function benchFrames(twin: boolean): void {
  const engine = new Engine({ scenario: preset('datacenter'), seed: SEED, twin });
  const enc = new TextEncoder();
  let maxJson = { bytes: 0, at: -1 };
  let maxClone = { bytes: 0, at: -1 };
  let sumJson = 0;
  let lagging = 0;
  let rejected = 0;
  let inputsTotal = 0;
  const t0 = now();
  // As the bridge does: ask only for happenings, traffic and CPU marks newer than the last frame's.
  let since: Since = { sinceHappening: -1, sinceTraffic: -1, sinceCpuMark: -1 };
  for (let i = 0; i < FRAMES; i++) {
    const { advanceNs, inputs } = frameStep(i);
    const frame: Frame = engine.frame({ inputs, advanceNs, ...since });
    since = {
      sinceHappening: frame.happeningHead - 1,
      sinceTraffic: frame.trafficHead - 1,
      sinceCpuMark: frame.cpuMarkHead - 1,
    };
    if (frame.lagging) lagging++;
    inputsTotal += frame.applied.length;
    rejected += frame.applied.filter((a) => !a.result.ok).length;
    const json = enc.encode(JSON.stringify(frame)).length;
    const clone = serialize(frame).length;
    sumJson += json;
    if (json > maxJson.bytes) maxJson = { bytes: json, at: i };
    if (clone > maxClone.bytes) maxClone = { bytes: clone, at: i };
  }
  const wall = secondsSince(t0);
  const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
  const step = (i: number): string => {
    const s = frameStep(i);
    const what = s.inputs.map((x) => (x.type === 'fault' ? `fault ${x.kind}` : x.type));
    return `${s.advanceNs / MS} ms${what.length > 0 ? `, ${what.join(', ')}` : ''}`;
  };
  console.log(
    `worker frames (${FRAMES} frames, twin ${twin ? 'on' : 'off'}, ` +
      `t = ${(engine.now / S).toFixed(2)} s, ${wall.toFixed(2)} s wall)`,
  );
  row(
    'max JSON (UTF-8)',
    `${int(maxJson.bytes)} B (${kib(maxJson.bytes)}) at frame ${maxJson.at} [${step(maxJson.at)}]`,
  );
  row(
    'max structured clone (v8)',
    `${int(maxClone.bytes)} B (${kib(maxClone.bytes)}) at frame ${maxClone.at} [${step(maxClone.at)}]`,
  );
  row('mean JSON', `${int(sumJson / FRAMES)} B`);
  row('lagging frames', `${lagging}`);
  row('inputs', `${inputsTotal} applied, ${rejected} rejected`);
}

async function main(): Promise<void> {
  const started = now();
  if (process.argv.includes('--seek')) {
    // npm test's gate (test:seek): the seek figure alone, failing over its budget.
    if (!(await benchSeek())) process.exit(1);
    return;
  }
  const cpus = os.cpus();
  console.log(`multikernel-lab bench — node ${process.version}, ${os.platform()} ${os.arch()}`);
  console.log(`cpu: ${cpus[0]?.model.trim() ?? 'unknown'} (${cpus.length} logical)`);
  console.log('');
  const sim = benchSim();
  console.log('');
  const heapOps = benchHeap(sim.queueLen, MIN_EVENTS);
  // Issue 14's form, one line: the sim's speed as a share of its own ceiling (budget ≥ 0.35).
  console.log(
    `events/s ÷ heap ops/s: ${(sim.eventsPerS / heapOps).toFixed(3)} (budget ≥ ${BUDGET_RATIO})`,
  );
  console.log('');
  await benchSeek();
  console.log('');
  benchFrames(false);
  benchFrames(true);
  console.log('');
  console.log(`total ${secondsSince(started).toFixed(1)} s`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
