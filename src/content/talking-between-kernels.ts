import type { LessonContent } from './types';

/** L4: talking between kernels (CURRICULUM L4): the GitHub tree's ring, v2's types, v1's slot. */
export const talking: LessonContent = {
  slug: 'talking-between-kernels',
  version: 'github',
  sources: ['1.2', '1.6', '1.9', '3', '5'],
  uncertain: 4,
  steps: [
    {
      uses: ['play'],
      sees: ['inspector'],
      predict: { choices: 3, answer: 2 },
      hints: 2,
      goals: ['delivered'],
      highlights: [
        { kind: 'kernel', names: ['web', 'db'] },
        { kind: 'ring', name: 'db' },
      ],
      sources: ['1.9'],
      uncertain: true,
    },
    {
      uses: ['inspector'],
      predict: { choices: 3, answer: 2 },
      hints: 2,
      goals: [],
      ui: { kind: 'select', what: 'message' },
      highlights: [{ kind: 'kernel', names: ['db'] }],
      sources: ['3', '5'],
      uncertain: true,
    },
    {
      uses: ['sandbox', 'shell'],
      predict: { choices: 3, answer: 3 },
      hints: 2,
      goals: ['mem', 'memAdd'],
      highlights: [{ kind: 'kernel', names: ['db'] }, { kind: 'memory' }],
      sources: ['1.6', '1.9'],
    },
    {
      uses: ['sandbox', 'shell'],
      sees: ['inspector'],
      predict: { choices: 3, answer: 3 },
      hints: 2,
      goals: ['enospc'],
      highlights: [
        { kind: 'ring', name: 'db' },
        { kind: 'kernel', names: ['web'] },
      ],
      sources: ['1.9', '5'],
    },
    {
      uses: ['sandbox', 'shell'],
      predict: { choices: 3, answer: 2 },
      hints: 2,
      goals: ['v1', 'overwritten'],
      highlights: [
        { kind: 'cpu', ids: [4] },
        { kind: 'kernel', names: ['db'] },
      ],
      sources: ['1.2', '1.9'],
      uncertain: true,
    },
    {
      uses: ['play', 'sandbox', 'shell'],
      predict: { choices: 3, answer: 1 },
      hints: 2,
      goals: ['github', 'silent', 'delivered'],
      highlights: [{ kind: 'ring', name: 'db' }],
      sources: ['1.9', '1.13'],
    },
  ],
  quiz: [
    { choices: 3, answer: 2 },
    { choices: 3, answer: 1 },
    { choices: 3, answer: 2 },
    { choices: 3, answer: 3 },
  ],
};
