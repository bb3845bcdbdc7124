import { describe, expect, it } from 'vitest';
import type { LessonLogic } from '../../../src/lessons';
import { noteLine, observe, settleLines, startTracker } from '../../../src/lessons/tracker';
import { execLine, settleWait } from '../../../src/shell';
import { advanceTo } from '../../../src/sim';
import { MS } from '../../../src/sim/time';
import { machine, twoKernels } from '../shell/helpers';

// A goal on a line blocked in a system call sees its real exit status, not the provisional 0
// the shell gives while the call waits: `kerf start` on a CPU that never claims its mailbox
// fails after 1 s, and only then.
const LINE = 'kerf start alpha';
const logic: LessonLogic = {
  slug: 'booting-a-second-kernel',
  scenario: twoKernels(),
  steps: [
    {
      goals: [
        { id: 'ok', check: (g) => g.did(LINE) },
        { id: 'fail', check: (g) => g.did(LINE, 'fail') },
      ],
      show: [],
    },
  ],
};

describe('lesson goals on a blocked shell line', () => {
  it('see neither success nor failure while it waits, then the answer the machine gives', () => {
    const m = machine();
    for (const line of ['kerf kill --force alpha', 'mklab claim-miss 4']) {
      execLine(m, line);
      advanceTo(m, m.now + 50 * MS);
    }
    const st = startTracker(logic.slug, m, null);
    const r = execLine(m, LINE);
    expect(r.wait).toBeDefined();
    expect(r.exit).toBe(0); // the shell's provisional status while the call blocks
    noteLine(st, LINE, r.exit, r.wait);
    const settle = () => settleLines(st, (w) => settleWait(m, w)?.exit ?? null);

    advanceTo(m, m.now + 500 * MS);
    settle();
    observe(st, logic, m, null);
    expect(st.met).toEqual([false, false]);

    advanceTo(m, m.now + 600 * MS);
    settle();
    observe(st, logic, m, null);
    expect(st.met).toEqual([false, true]);
  });

  it('Ctrl-C ends the blocked line as a failure (130)', () => {
    const m = machine();
    execLine(m, 'kerf kill --force alpha');
    advanceTo(m, m.now + 50 * MS);
    execLine(m, 'mklab claim-miss 4');
    const st = startTracker(logic.slug, m, null);
    const r = execLine(m, LINE);
    noteLine(st, LINE, r.exit, r.wait);
    settleLines(st, () => 130);
    observe(st, logic, m, null);
    expect(st.met).toEqual([false, true]);
    expect(st.lines).toEqual([{ line: LINE, exit: 130 }]);
  });
});
