import { beforeEach, describe, expect, it } from 'vitest';
import { lessonStore } from '../../../src/store/lesson-store';
import { presenterStore } from '../../../src/features/presenter/presenter-store';
import { chartsOf } from '../../../src/features/presenter/projected-charts';
import {
  projectedNow,
  revealedNow,
  revealNow,
  chartsShownNow,
} from '../../../src/features/presenter/reveal-now';
import { readKeptReveals } from '../../../src/contract/validate/kept-reveals';
import { CONTENT } from '../../../src/content';

// The one reveal (issue 13): the teacher's key reveals the answer to what is on screen now — a
// step's prediction or the lesson's quiz — once, in presenter mode only; the next step is asked
// unrevealed.

const status = (step: number) => ({ slug: 'crash-containment' as const, step, steps: 5 });

function stand(step: number, page: 'step' | 'quiz' | 'finish' = 'step'): void {
  lessonStore.setState({
    slug: 'crash-containment',
    page,
    status: { ...lessonStore.getState().status, ...status(step) } as never,
  });
}

describe('reveal', () => {
  beforeEach(() => {
    presenterStore.setState({ mode: 'presenter', revealed: [], chartsShown: null });
    stand(0);
  });

  it("reveals the step on screen, and only that step's answer", () => {
    expect(revealedNow()).toBe(false);
    revealNow();
    expect(revealedNow()).toBe(true);
    expect(presenterStore.getState().revealed).toEqual(['crash-containment:0']);
    stand(1);
    expect(revealedNow()).toBe(false);
    stand(0);
    expect(revealedNow()).toBe(true);
  });

  it("reveals the quiz's answers apart from the steps'", () => {
    stand(4, 'quiz');
    expect(projectedNow()).toEqual({ page: 'quiz', question: 'crash-containment:quiz' });
    revealNow();
    revealNow();
    expect(presenterStore.getState().revealed).toEqual(['crash-containment:quiz']);
    stand(4, 'step');
    expect(revealedNow()).toBe(false);
  });

  it('is a presenter key only', () => {
    presenterStore.setState({ mode: 'off' });
    revealNow();
    expect(presenterStore.getState().revealed).toEqual([]);
    presenterStore.setState({ mode: 'audience' });
    revealNow();
    expect(presenterStore.getState().revealed).toEqual([]);
  });

  // A long "why" beside a step's charts pushed them off a 1920×1080 projector: once revealed,
  // the key flips a charts step between its charts and its "why"; other steps reveal once.
  it('flips a revealed charts step between its charts and its why, step by step', () => {
    const steps = CONTENT['crash-containment'].steps;
    const withCharts = steps.findIndex((_, k) => chartsOf('crash-containment', k) !== 'none');
    const without = steps.findIndex((_, k) => chartsOf('crash-containment', k) === 'none');
    expect(withCharts).toBeGreaterThanOrEqual(0);
    expect(without).toBeGreaterThanOrEqual(0);

    stand(withCharts);
    revealNow();
    expect([revealedNow(), chartsShownNow()]).toEqual([true, false]);
    revealNow();
    expect(chartsShownNow()).toBe(true);
    revealNow();
    expect(chartsShownNow()).toBe(false);
    revealNow();
    expect(chartsShownNow()).toBe(true);
    // Another step does not inherit the flip.
    stand(without);
    expect(chartsShownNow()).toBe(false);
    revealNow();
    revealNow();
    expect([revealedNow(), chartsShownNow()]).toEqual([true, false]);
    // Coming back, the charts step still shows its why.
    stand(withCharts);
    expect(chartsShownNow()).toBe(true);
  });
});

describe('the reveals a presenter window keeps across a reload', () => {
  it('reads back what it wrote', () => {
    const kept = { revealed: ['crash-containment:0', 'crash-containment:quiz'], chartsShown: null };
    expect(readKeptReveals(JSON.stringify(kept))).toEqual(kept);
    const why = { revealed: ['noisy-neighbours:1'], chartsShown: 'noisy-neighbours:1' };
    expect(readKeptReveals(JSON.stringify(why))).toEqual(why);
  });

  it('reads anything else as nothing revealed, without a throw', () => {
    const none = { revealed: [], chartsShown: null };
    for (const text of [
      null,
      '',
      'not json',
      '[]',
      '{"revealed":"crash-containment:0","chartsShown":null}',
      '{"revealed":["a b"],"chartsShown":null}',
      '{"revealed":["x:0","x:0"],"chartsShown":null}',
      `{"revealed":["${'x'.repeat(65)}"],"chartsShown":null}`,
      JSON.stringify({
        revealed: Array.from({ length: 257 }, (_, i) => `x:${i}`),
        chartsShown: null,
      }),
      '{"__proto__":{"revealed":["x:0"]},"chartsShown":null}',
    ]) {
      expect(readKeptReveals(text)).toEqual(none);
    }
  });
});
