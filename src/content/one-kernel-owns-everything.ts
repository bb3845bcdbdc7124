import { CARD_STEP } from './controls';
import type { LessonContent } from './types';

const ALL_CPUS = [0, 1, 2, 3, 4, 5, 6, 7];

/** L1: one kernel owns everything (CURRICULUM L1): the monolithic baseline, no proposal version. */
export const oneKernel: LessonContent = {
  slug: 'one-kernel-owns-everything',
  version: null,
  sources: ['1.5', '3', '4', '5'],
  uncertain: 1,
  steps: [
    {
      uses: ['inspector'],
      sees: ['timeline'],
      predict: { choices: 3, answer: 2 },
      hints: 2,
      goals: [],
      ui: { kind: 'select', what: 'cpu', each: ['cpu:2', 'cpu:6', 'memory:all'] },
      watchMs: 20,
      highlights: [
        { kind: 'timeline' },
        { kind: 'cpu', ids: ALL_CPUS },
        { kind: 'kernel', names: ['host'] },
        { kind: 'memory' },
      ],
      sources: ['3'],
    },
    {
      uses: ['shell'],
      predict: { choices: 3, answer: 2 },
      hints: 2,
      goals: ['iomem'],
      highlights: [{ kind: 'shell' }, { kind: 'memory' }],
      sources: ['1.4', '1.6'],
    },
    {
      uses: ['sandbox', 'shell'],
      sees: ['shell'],
      predict: { choices: 3, answer: 2 },
      hints: 2,
      goals: ['offline', 'back'],
      highlights: [{ kind: 'cpu', ids: [3] }],
      sources: ['1.5', '3'],
    },
    {
      uses: ['sandbox', 'shell'],
      predict: { choices: 3, answer: 3 },
      hints: 2,
      goals: ['panic', 'tput'],
      highlights: [
        { kind: 'cpu', ids: ALL_CPUS },
        { kind: 'metric', workload: 'web' },
        { kind: 'metric', workload: 'db' },
        { kind: 'metric', workload: 'batch' },
      ],
      sources: ['1.12'],
    },
    {
      ...CARD_STEP,
      sees: ['card'],
      predict: { choices: 3, answer: 2 },
      hints: 2,
      sources: ['5'],
      uncertain: true,
    },
  ],
  quiz: [
    { choices: 3, answer: 2 },
    { choices: 3, answer: 2 },
    { choices: 3, answer: 3 },
  ],
};
