import { describe, expect, it } from 'vitest';
import { readLoad, type TraceEvent } from '../../../scripts/load-trace';

// A made-up load, in trace microseconds: navigation at 1,000,000; first paint 100 ms later.
const NAV = 1_000_000;
const PID = 7;
const MAIN = 1;
const at = (ms: number) => NAV + ms * 1000;
const task = (startMs: number, ms: number, name = 'RunTask'): TraceEvent => ({
  name,
  ph: 'X',
  pid: PID,
  tid: MAIN,
  ts: at(startMs),
  dur: ms * 1000,
});
const meta: TraceEvent[] = [
  { name: 'thread_name', ph: 'M', pid: PID, tid: MAIN, ts: 0, args: { name: 'CrRendererMain' } },
  { name: 'navigationStart', ph: 'R', pid: PID, tid: MAIN, ts: at(0) },
  { name: 'firstContentfulPaint', ph: 'R', pid: PID, tid: MAIN, ts: at(100) },
];
const fn = (id: number, functionName: string, url = 'https://x/app.js') => ({
  id,
  callFrame: { functionName, url, lineNumber: 9 },
});
// Samples every millisecond from 200 ms: 20 in `layoutMachine`, then 10 in "(program)".
const profile: TraceEvent[] = [
  {
    name: 'Profile',
    ph: 'P',
    pid: PID,
    tid: MAIN,
    ts: at(0),
    id: '0x1',
    args: { data: { startTime: at(199) } },
  },
  {
    name: 'ProfileChunk',
    ph: 'P',
    pid: PID,
    tid: MAIN,
    ts: at(0),
    id: '0x1',
    args: {
      data: {
        cpuProfile: {
          nodes: [fn(1, 'layoutMachine'), { id: 2, callFrame: { functionName: '(program)' } }],
          samples: [...Array<number>(20).fill(1), ...Array<number>(10).fill(2)],
        },
        timeDeltas: Array<number>(30).fill(1000),
      },
    },
  },
];

describe('readLoad (npm run profile:load)', () => {
  const events = [
    ...meta,
    task(300, 4), // listed before its outer task (below), as a trace may
    task(20, 80), // before the first paint: not charged
    task(200, 30), // 4 × 30 − 50 = 70 ms blocking, a long task
    { ...task(205, 10, 'Layout') }, // the browser's work inside it
    task(240, 10), // 4 × 10 < 50: not blocking, not long
    task(300, 20, 'ThreadControllerImpl::RunTask'), // 4 × 20 − 50 = 30
    task(305, 5), // nested in the previous one: not a task of its own
    ...profile,
  ];

  it('charges what Lighthouse would at 4×, only after the first paint', () => {
    const r = readLoad(events);
    expect(r?.firstPaintMs).toBe(100);
    expect(r?.blockingAt4xMs).toBe(70 + 30);
    expect(r?.longTasks.map((t) => [t.atMs, t.ms])).toEqual([
      [200, 30],
      [300, 20],
    ]);
  });

  it("names the functions and the browser's work inside a long task", () => {
    const first = readLoad(events)?.longTasks[0];
    expect(first?.functions).toEqual([
      ['layoutMachine app.js:10', 20],
      ['(program)', 10],
    ]);
    expect(first?.browser).toEqual([['Layout', 10]]);
  });

  it('says nothing without a first paint', () => {
    expect(readLoad(events.filter((e) => e.name !== 'firstContentfulPaint'))).toBeNull();
  });
});
