import { expect, it } from 'vitest';
import { LESSONS } from '../../../src/lessons';
import { stepDone } from '../../../src/lessons/tracker';
import { MS } from '../../../src/sim/time';
import { Engine } from '../../../src/worker/engine';

// A learner who reads each step with the clock stopped does L9's steps 1–3 at the lesson's first
// instant (they are instant actions), then types step 4's flood and presses Play. The step
// compares web's p99 with its value when the step began: there must be one (the lesson opens
// after its warm-up), and the flood must then meet the check within a second of play.

const slug = 'what-it-does-not-protect';
const idle = { inputs: [], advanceNs: 0, sinceHappening: -1 } as const;

it('L9 step 4 is met by its flood after steps 1–3 done with the clock stopped', () => {
  const logic = LESSONS[slug];
  const e = new Engine({ scenario: logic.scenario, seed: 1, lesson: slug });
  const opened = e.now;
  e.frame({
    ...idle,
    inputs: [
      { type: 'shell.line', line: 'mklab scribble batch db' },
      { type: 'lesson.step', step: 1 },
      { type: 'shell.line', line: 'mklab dma nvme0 web' },
      { type: 'lesson.step', step: 2 },
      { type: 'shell.line', line: 'mklab iommu on' },
      { type: 'shell.line', line: 'mklab dma nvme0 web' },
      { type: 'lesson.step', step: 3 },
      { type: 'shell.line', line: 'mklab flood batch web --count=1000000 --interval=280 --raw' },
    ],
  });
  const st = e.lessonTracker!;
  expect(e.now).toBe(opened);
  expect(st.step).toBe(3);
  expect(st.base.wl['web']?.p99 ?? 0).toBeGreaterThan(0);
  expect(stepDone(st, logic)).toBe(false); // the clock has not moved
  while (e.now < opened + 1000 * MS && !stepDone(st, logic))
    e.frame({ ...idle, advanceNs: 50 * MS });
  expect(stepDone(st, logic)).toBe(true);
});
