import { beforeEach, describe, expect, it } from 'vitest';
import { lessonStore } from '../../../src/store/lesson-store';
import { presenterStore } from '../../../src/features/presenter/presenter-store';
import { projectedNow, revealedNow, revealNow } from '../../../src/features/presenter/reveal-now';

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
    presenterStore.setState({ mode: 'presenter', revealed: [] });
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
});
