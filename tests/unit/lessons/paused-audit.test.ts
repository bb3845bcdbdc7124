import { describe, expect, it } from 'vitest';
import { LESSON_SLUGS, type LabInput } from '../../../src/contract';
import { LESSONS } from '../../../src/lessons';
import { stepDone } from '../../../src/lessons/tracker';
import { MS } from '../../../src/sim/time';
import { Engine } from '../../../src/worker/engine';

// Every task step done as a learner does it with the clock stopped: the step's first action at
// the step's first instant (none of the waits "show me" makes before it), the rest as "show me"
// spaces them, then Play. The check must hold within the step's settle time: a check that needs
// the clock to have run *before* the learner acts (a baseline nobody measured yet) is one the
// screen cannot lead anyone to.

const idle = { inputs: [], advanceNs: 0, sinceHappening: -1 } as const;

/** Play for `ns` of simulated time (a frame may cover less than it is asked for). */
function runFor(e: Engine, ns: number): void {
  const until = e.now + ns;
  while (e.now < until) e.frame({ ...idle, advanceNs: Math.min(50 * MS, until - e.now) });
}

describe.each(LESSON_SLUGS)('lesson %s, done with the clock stopped', (slug) => {
  const logic = LESSONS[slug];
  it('each task step is met by its actions at the step’s first instant, then Play', () => {
    // One learner through the whole lesson: a step's first instant is where the last one ended.
    const e = new Engine({ scenario: logic.scenario, seed: 1, lesson: slug });
    const st = e.lessonTracker!;
    const unmet: number[] = [];
    logic.steps.forEach((step, i) => {
      if (i > 0) e.frame({ ...idle, inputs: [{ type: 'lesson.step', step: i }] });
      if (step.goals.length === 0) return;
      const from = e.now;
      const script = step.solution ?? step.show;
      const first = step.waitOnly ? script.length : script.findIndex((x) => x.type !== 'wait');
      for (const x of script.slice(first)) {
        if (x.type === 'wait') runFor(e, x.ns);
        else e.frame({ ...idle, inputs: [x as LabInput] });
      }
      const until = from + (step.settleNs ?? 2000 * MS) + 1000 * MS;
      while (!stepDone(st, logic) && e.now < until) runFor(e, 50 * MS);
      if (stepDone(st, logic)) return;
      unmet.push(i + 1);
      e.showMe(true, true); // and on to the next step, as "Skip to the end" would
    });
    expect(unmet, 'steps whose check the paused learner cannot meet').toEqual([]);
  });
});
