import { CARD_STEP } from './controls';
import type { LessonContent } from './types';

/** L5: crash containment (CURRICULUM L5): the GitHub tree's halt to the pool, beside the twin. */
export const crashContainment: LessonContent = {
  slug: 'crash-containment',
  version: 'github',
  sources: ['1.7', '1.11', '1.12', '1.13', '6'],
  uncertain: 4,
  steps: [
    {
      uses: ['sandbox', 'shell'],
      sees: ['charts'],
      predict: { choices: 3, answer: 2 },
      hints: 2,
      goals: ['state', 'parked', 'others', 'tput'],
      highlights: [
        { kind: 'cpu', ids: [6, 7] },
        { kind: 'kernel', names: ['batch'] },
        { kind: 'metric', workload: 'web' },
      ],
      sources: ['1.11', '6'],
      uncertain: true,
    },
    {
      uses: ['twin-button'],
      sees: ['charts'],
      predict: { choices: 3, answer: 3 },
      hints: 2,
      goals: ['twin', 'twinTput', 'tput'],
      highlights: [{ kind: 'twin' }, { kind: 'metric', workload: 'web' }],
      sources: ['1.12'],
    },
    {
      uses: ['sandbox', 'shell'],
      sees: ['charts'],
      predict: { choices: 3, answer: 1 },
      hints: 2,
      goals: ['db', 'web', 'dropped'],
      highlights: [
        { kind: 'kernel', names: ['db', 'web'] },
        { kind: 'metric', workload: 'web' },
        { kind: 'metric', workload: 'cache' },
      ],
      sources: ['1.9', '1.11', '1.12'],
      uncertain: true,
    },
    {
      ...CARD_STEP,
      sees: ['card'],
      predict: { choices: 3, answer: 2 },
      hints: 2,
      sources: ['1.11', '1.13'],
      uncertain: true,
    },
    {
      ...CARD_STEP,
      predict: { choices: 3, answer: 3 },
      hints: 2,
      sources: ['1.7', '1.11', '6'],
      uncertain: true,
    },
  ],
  quiz: [
    { choices: 3, answer: 2 },
    { choices: 3, answer: 1 },
    { choices: 3, answer: 2 },
    { choices: 3, answer: 3 },
  ],
};
