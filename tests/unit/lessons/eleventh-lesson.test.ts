import { describe, expect, it, vi } from 'vitest';
import { LESSON_SLUGS } from '../../../src/contract';
import { CONTENT, LESSON_ORDER } from '../../../src/content';
import { LESSONS } from '../../../src/lessons';
import { readLessonRoute } from '../../../src/app/lesson-route';
import { Engine } from '../../../src/worker/engine';
import { throwawayContent } from '../../fixtures/lessons/throwaway-content';
import { throwawayLogic } from '../../fixtures/lessons/throwaway-logic';
import { THROWAWAY } from '../../fixtures/lessons/register-throwaway';
import { describeLessonMetadata } from './metadata-suite';
import { describeLessonSolutions } from './solution-suite';

// Register the throwaway eleventh lesson (tests/fixtures/lessons) as an author would, in the four
// places a lesson is found; no list in src/ or tests/ names it. The checks below are the ones
// every lesson gets, reached through the registry.
vi.mock('../../../src/contract/lessons', async (real) =>
  (await import('../../fixtures/lessons/register-throwaway')).withThrowaway.registry(real),
);
vi.mock('../../../src/lessons/catalog', async (real) =>
  (await import('../../fixtures/lessons/register-throwaway')).withThrowaway.logic(real),
);
vi.mock('../../../src/content/catalog', async (real) =>
  (await import('../../fixtures/lessons/register-throwaway')).withThrowaway.content(real),
);
vi.mock('../../../src/i18n/lesson-text-files', async (real) =>
  (await import('../../fixtures/lessons/register-throwaway')).withThrowaway.text(real),
);

describe('registering an eleventh lesson', () => {
  it('puts it last in the registry, and both sides find its half by slug', () => {
    expect(LESSON_SLUGS.at(-1)).toBe(THROWAWAY);
    expect(LESSON_ORDER).toEqual(LESSON_SLUGS);
    expect(LESSONS[THROWAWAY]).toBe(throwawayLogic);
    expect(CONTENT[THROWAWAY]).toBe(throwawayContent);
  });
});

// (a) The metadata checks, over the registry: the ten real lessons and the eleventh.
describe('metadata', () => describeLessonMetadata(LESSON_ORDER));

// (b) The solution proof (the ten real lessons run in solutions.test.ts; here the one added).
describe('solutions', () => describeLessonSolutions([THROWAWAY]));

describe('the page offers it: a deep link to its step 2', () => {
  const route = readLessonRoute(`?lesson=${THROWAWAY}&step=2`);

  it('is a lesson route (the step count comes from its content), and step 3 is not', () => {
    expect(route).toEqual({ kind: 'lesson', slug: THROWAWAY, step: 1 });
    expect(readLessonRoute(`?lesson=${THROWAWAY}&step=3`)).toMatchObject({ kind: 'bad' });
  });

  it('replays step 1’s solution and stands at step 2, the same every time', () => {
    if (route.kind !== 'lesson' || route.step === null) throw new Error('not a lesson route');
    // The start spec the page's lesson session sends for a deep link.
    const spec = {
      scenario: 'two-kernels',
      seed: 7,
      lesson: route.slug,
      step: route.step,
    } as const;
    const a = Engine.start(spec);
    const b = Engine.start(spec);
    expect(a.lessonStatus()).toMatchObject({ slug: THROWAWAY, step: 1, met: [false] });
    expect(a.machine.cpus[7]?.state).toBe('parked');
    expect({ t: b.now, hash: b.hash() }).toEqual({ t: a.now, hash: a.hash() });
    // A reload or a restarted worker: seed + log alone.
    const c = Engine.start({ ...spec, log: a.logEntries, t: a.now });
    expect({ t: c.now, hash: c.hash(), step: c.lessonTracker?.step }).toEqual({
      t: a.now,
      hash: a.hash(),
      step: 1,
    });
  });
});
