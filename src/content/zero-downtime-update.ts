import { CARD_STEP } from './controls';
import type { LessonContent } from './types';

/** L8: zero-downtime update (CURRICULUM L8): old and new kernels side by side, then a switch. */
export const zeroDowntime: LessonContent = {
  slug: 'zero-downtime-update',
  version: 'github',
  sources: ['1.4', '1.8', '1.11', '1.12', '2'],
  uncertain: 3,
  steps: [
    {
      uses: ['sandbox', 'shell'],
      predict: { choices: 3, answer: 3 },
      hints: 2,
      goals: ['new', 'old', 'cpus', 'app'],
      highlights: [
        { kind: 'kernel', names: ['app-v1', 'app-v2'] },
        { kind: 'cpu', ids: [4, 5] },
        { kind: 'shell' },
      ],
      sources: ['1.4', '1.12'],
    },
    {
      uses: ['sandbox', 'shell'],
      predict: { choices: 3, answer: 1 },
      hints: 2,
      goals: ['delivered', 'drained', 'nodrop'],
      highlights: [
        { kind: 'ring', name: 'app-v1' },
        { kind: 'kernel', names: ['app-v2'] },
        { kind: 'metric', workload: 'lb' },
        { kind: 'timeline' },
      ],
      sources: ['1.9', '1.12'],
    },
    {
      uses: ['sandbox', 'shell'],
      predict: { choices: 3, answer: 2 },
      hints: 2,
      goals: ['parked', 'rollback'],
      highlights: [
        { kind: 'kernel', names: ['app-v2'] },
        { kind: 'cpu', ids: [4, 5] },
        { kind: 'metric', workload: 'lb' },
      ],
      sources: ['1.11'],
    },
    {
      uses: ['sandbox', 'shell'],
      predict: { choices: 3, answer: 3 },
      hints: 2,
      goals: ['stopped', 'switched', 'nodrop'],
      highlights: [
        { kind: 'kernel', names: ['app-v1'] },
        { kind: 'cpu', ids: [2, 3] },
        { kind: 'metric', workload: 'lb' },
      ],
      sources: ['1.11'],
    },
    {
      uses: ['shell'],
      predict: { choices: 3, answer: 1 },
      hints: 2,
      goals: ['gone', 'pool'],
      highlights: [{ kind: 'pool' }, { kind: 'cpu', ids: [2, 3] }],
      sources: ['1.4', '1.6'],
    },
    {
      ...CARD_STEP,
      sees: ['card'],
      predict: { choices: 3, answer: 2 },
      hints: 2,
      sources: ['1.8', '1.12', '2'],
      uncertain: true,
    },
  ],
  quiz: [
    { choices: 3, answer: 1 },
    { choices: 3, answer: 1 },
    { choices: 3, answer: 3 },
  ],
};
