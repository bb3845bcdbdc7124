import type { LessonContent } from './types';

/** L3: booting a second kernel (CURRICULUM L3): load, exec, the GitHub tree's mailbox wake. */
export const booting: LessonContent = {
  slug: 'booting-a-second-kernel',
  version: 'github',
  sources: ['1.2', '1.3', '1.4', '1.5', '1.8', '1.10', '5'],
  uncertain: 3,
  steps: [
    {
      uses: ['shell'],
      predict: { choices: 3, answer: 2 },
      hints: 2,
      goals: ['state', 'tput'],
      highlights: [
        { kind: 'kernel', names: ['db'] },
        { kind: 'memory' },
        { kind: 'metric', workload: 'web' },
      ],
      sources: ['1.2', '1.3', '1.4'],
    },
    {
      uses: ['shell'],
      predict: { choices: 3, answer: 1 },
      hints: 2,
      goals: ['kimage'],
      highlights: [{ kind: 'shell' }],
      sources: ['1.2', '1.3', '1.4'],
    },
    {
      uses: ['shell', 'speed'],
      predict: { choices: 3, answer: 1 },
      hints: 2,
      goals: ['claim', 'parked'],
      highlights: [
        { kind: 'cpu', ids: [4, 5] },
        { kind: 'kernel', names: ['db'] },
      ],
      sources: ['1.5', '1.10'],
      uncertain: true,
    },
    {
      uses: ['play'],
      predict: { choices: 3, answer: 2 },
      hints: 2,
      goals: ['state', 'cpus', 'running'],
      highlights: [
        { kind: 'cpu', ids: [4, 5] },
        { kind: 'kernel', names: ['db'] },
      ],
      sources: ['1.10', '5'],
    },
    {
      uses: ['shell', 'timeline'],
      predict: { choices: 3, answer: 2 },
      hints: 2,
      goals: [],
      highlights: [{ kind: 'timeline' }],
      sources: ['5'],
      uncertain: true,
    },
    {
      uses: ['shell'],
      predict: { choices: 3, answer: 2 },
      hints: 2,
      goals: ['status'],
      highlights: [{ kind: 'shell' }, { kind: 'kernel', names: ['db'] }],
      sources: ['1.4'],
    },
  ],
  quiz: [
    { choices: 3, answer: 2 },
    { choices: 3, answer: 2 },
    { choices: 3, answer: 2 },
    { choices: 3, answer: 3 },
  ],
};
