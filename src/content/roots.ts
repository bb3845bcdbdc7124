import { CARD_STEP } from './controls';
import type { LessonContent } from './types';

/** L10: roots (CURRICULUM L10): where the idea comes from, and what it is not. */
export const roots: LessonContent = {
  slug: 'roots',
  version: null,
  sources: ['1.1', '1.2', '2', '3', '4'],
  uncertain: 3,
  steps: [
    {
      uses: ['shell'],
      predict: { choices: 3, answer: 3 },
      hints: 2,
      goals: ['state', 'cpus'],
      highlights: [
        { kind: 'kernel', names: ['tiny'] },
        { kind: 'cpu', ids: [6] },
        { kind: 'shell' },
      ],
      sources: ['3', '1.2'],
    },
    {
      uses: ['inspector', 'timeline'],
      predict: { choices: 3, answer: 1 },
      hints: 2,
      goals: [],
      ui: { kind: 'select', what: 'message' },
      highlights: [{ kind: 'kernel', names: ['host', 'k1'] }, { kind: 'timeline' }],
      sources: ['3', '5'],
      uncertain: true,
    },
    {
      ...CARD_STEP,
      sees: ['card'],
      predict: { choices: 3, answer: 2 },
      hints: 2,
      sources: ['3', '1.2', '2'],
    },
    {
      uses: ['inspector', 'timeline'],
      predict: { choices: 3, answer: 1 },
      hints: 2,
      goals: [],
      highlights: [{ kind: 'kernel', names: ['tiny', 'k1'] }, { kind: 'timeline' }],
      sources: ['3', '2', '5'],
      uncertain: true,
    },
    {
      ...CARD_STEP,
      sees: ['card'],
      predict: { choices: 3, answer: 3 },
      hints: 2,
      uncertain: true,
    },
    {
      uses: ['card', 'timeline'],
      sees: ['card'],
      predict: { choices: 3, answer: 2 },
      hints: 2,
      goals: [],
      ui: { kind: 'open-card' },
      card: true,
      highlights: [{ kind: 'card' }],
      sources: ['1.1', '2'],
    },
  ],
  quiz: [
    { choices: 3, answer: 2 },
    { choices: 3, answer: 2 },
    { choices: 3, answer: 2 },
    { choices: 3, answer: 1 },
  ],
};
