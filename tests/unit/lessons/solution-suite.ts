import { describe, expect, it } from 'vitest';
import { LESSONS, type LessonSlug } from '../../../src/lessons';
import { stepDone } from '../../../src/lessons/tracker';
import { checkInvariants } from '../../../src/sim';
import { Engine } from '../../../src/worker/engine';

const idle = { inputs: [], advanceNs: 0, sinceHappening: -1 } as const;
const SEED = 1;

/** Run a lesson's solutions step by step through the real engine, as the page's worker does. */
function walk(slug: LessonSlug, each: (e: Engine, step: number) => void): Engine {
  const logic = LESSONS[slug];
  const e = new Engine({ scenario: logic.scenario, seed: SEED, lesson: slug });
  for (let step = 0; step < logic.steps.length; step++) {
    e.showMe(true, true);
    each(e, step);
    if (step + 1 < logic.steps.length) {
      e.frame({ ...idle, inputs: [{ type: 'lesson.step', step: step + 1 }] });
    }
  }
  return e;
}

/**
 * The proof each lesson's logic needs, one block per lesson: its solution meets every goal
 * through the real engine, each task step can fail, and a deep link to its last step replays
 * deterministically. Run over the registry (tests/unit/lessons/solutions.test.ts).
 */
export function describeLessonSolutions(slugs: readonly LessonSlug[]): void {
  describe.each(slugs)('lesson %s', (slug) => {
    const logic = LESSONS[slug];

    it('its solution meets every goal of every step, and the machine stays consistent', () => {
      const unmet: string[] = [];
      walk(slug, (e, step) => {
        const st = e.lessonTracker;
        expect(st?.step).toBe(step);
        if (!st || !stepDone(st, logic)) {
          const goals = logic.steps[step]?.goals ?? [];
          const missing = goals.filter((_, i) => st?.met[i] !== true).map((g) => g.id);
          unmet.push(`step ${step + 1}: ${missing.join(', ')}`);
        }
        expect(checkInvariants(e.machine)).toEqual([]);
      });
      expect(unmet).toEqual([]);
    });

    it('its task steps are not met by waiting alone (each check can fail)', () => {
      logic.steps.forEach((step, i) => {
        if (step.goals.length === 0 || step.waitOnly) return;
        const e = new Engine({ scenario: logic.scenario, seed: SEED, lesson: slug });
        e.gotoStep(i);
        e.frame({ ...idle, advanceNs: 500_000_000 });
        const st = e.lessonTracker;
        expect(st?.step).toBe(i);
        expect(st && stepDone(st, logic), `step ${i + 1} is met without doing anything`).toBe(
          false,
        );
      });
    });

    it('a deep link to the last step replays deterministically', () => {
      const last = logic.steps.length - 1;
      const a = new Engine({ scenario: logic.scenario, seed: SEED, lesson: slug });
      a.gotoStep(last);
      const b = new Engine({ scenario: logic.scenario, seed: SEED, lesson: slug });
      b.gotoStep(last);
      expect(b.lessonTracker?.step).toBe(last);
      expect(b.hash()).toBe(a.hash());
      expect(b.now).toBe(a.now);
      // And seed + log alone rebuild it (a reload or a restarted worker).
      const c = new Engine({
        scenario: logic.scenario,
        seed: SEED,
        lesson: slug,
        log: a.logEntries,
        t: a.now,
      });
      expect(c.hash()).toBe(a.hash());
      expect(c.lessonTracker?.step).toBe(last);
    });
  });
}
