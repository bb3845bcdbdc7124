import type { LessonContent } from './types';

/** L7: isolation and noisy neighbours (CURRICULUM L7), beside the monolithic twin. */
export const noisyNeighbours: LessonContent = {
  slug: 'noisy-neighbours',
  version: 'github',
  sources: ['1.5', '1.9', '1.12', '2', '3', '5'],
  uncertain: 2,
  steps: [
    {
      uses: ['sandbox', 'shell'],
      predict: { choices: 3, answer: 2 },
      hints: 2,
      goals: ['twin', 'isolated'],
      highlights: [
        { kind: 'twin' },
        { kind: 'kernel', names: ['noisyk'] },
        { kind: 'metric', workload: 'web' },
        { kind: 'metric', workload: 'rt' },
      ],
      sources: ['1.12', '5'],
      uncertain: true,
    },
    {
      uses: ['inspector'],
      predict: { choices: 3, answer: 3 },
      hints: 2,
      goals: [],
      highlights: [
        { kind: 'metric', workload: 'noisy' },
        { kind: 'metric', workload: 'web' },
      ],
      sources: ['1.5'],
      uncertain: true,
    },
    {
      uses: ['sandbox', 'shell'],
      predict: { choices: 3, answer: 1 },
      hints: 2,
      goals: ['kernel', 'p99'],
      highlights: [
        { kind: 'kernel', names: ['webk'] },
        { kind: 'metric', workload: 'web' },
      ],
      sources: ['1.12'],
    },
    {
      uses: ['sandbox', 'shell'],
      predict: { choices: 3, answer: 2 },
      hints: 2,
      goals: ['idle', 'busy'],
      highlights: [{ kind: 'cpu', ids: [2, 3, 6, 7] }, { kind: 'twin' }],
      sources: ['1.9', '2'],
    },
    {
      uses: ['inspector', 'timeline'],
      predict: { choices: 3, answer: 2 },
      hints: 2,
      goals: [],
      highlights: [
        { kind: 'kernel', names: ['rtk'] },
        { kind: 'cpu', ids: [4, 5] },
        { kind: 'timeline' },
      ],
      sources: ['1.12'],
    },
  ],
  quiz: [
    { choices: 3, answer: 2 },
    { choices: 3, answer: 2 },
    { choices: 3, answer: 1 },
  ],
};
