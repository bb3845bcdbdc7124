import type { LessonContent } from './types';

/** L6: recovery without reboot (CURRICULUM L6): re-exec, graceful halt, force halt by NMI. */
export const recovery: LessonContent = {
  slug: 'recovery-without-reboot',
  version: 'github',
  sources: ['1.4', '1.11', '1.12', '5'],
  uncertain: 2,
  steps: [
    {
      uses: ['sandbox', 'shell'],
      predict: { choices: 3, answer: 2 },
      hints: 2,
      goals: ['active', 'cpus', 'delivered'],
      highlights: [
        { kind: 'kernel', names: ['db'] },
        { kind: 'cpu', ids: [4, 5] },
      ],
      sources: ['1.4', '1.11', '1.12'],
    },
    {
      uses: ['sandbox', 'shell'],
      predict: { choices: 3, answer: 1 },
      hints: 2,
      goals: ['loaded', 'ack', 'parked'],
      highlights: [
        { kind: 'kernel', names: ['batch'] },
        { kind: 'cpu', ids: [6, 7] },
      ],
      sources: ['1.4', '1.11'],
    },
    {
      uses: ['sandbox', 'shell'],
      predict: { choices: 3, answer: 2 },
      hints: 2,
      goals: ['hung', 'state'],
      highlights: [
        { kind: 'kernel', names: ['batch'] },
        { kind: 'cpu', ids: [6, 7] },
      ],
      sources: ['1.11'],
      uncertain: true,
    },
    {
      uses: ['shell', 'speed'],
      predict: { choices: 3, answer: 3 },
      hints: 2,
      goals: ['timeout', 'state'],
      highlights: [{ kind: 'ring', name: 'batch' }, { kind: 'timeline' }],
      sources: ['1.11', '5'],
      uncertain: true,
    },
    {
      uses: ['sandbox', 'shell'],
      predict: { choices: 3, answer: 2 },
      hints: 2,
      goals: ['loaded', 'parked', 'others'],
      highlights: [
        { kind: 'cpu', ids: [6, 7] },
        { kind: 'kernel', names: ['web', 'db'] },
      ],
      sources: ['1.4', '1.11'],
    },
    {
      uses: ['shell'],
      predict: { choices: 3, answer: 1 },
      hints: 2,
      goals: ['active'],
      highlights: [{ kind: 'kernel', names: ['batch'] }],
      sources: ['1.11'],
    },
  ],
  quiz: [
    { choices: 3, answer: 1 },
    { choices: 3, answer: 2 },
    { choices: 3, answer: 3 },
    { choices: 3, answer: 2 },
  ],
};
