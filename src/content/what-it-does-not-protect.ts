import { CARD_STEP } from './controls';
import type { LessonContent } from './types';

const NVME = '0000:04:00.0';

/** L9: what it does not protect (CURRICULUM L9): the trust model, fault by fault. */
export const notProtected: LessonContent = {
  slug: 'what-it-does-not-protect',
  version: 'github',
  sources: ['1.7', '1.12', '1.13', '2', '3', '5'],
  uncertain: 3,
  steps: [
    {
      uses: ['sandbox', 'shell'],
      predict: { choices: 3, answer: 2 },
      hints: 2,
      goals: ['corrupt', 'silent'],
      highlights: [{ kind: 'kernel', names: ['batch', 'db'] }, { kind: 'memory' }],
      sources: ['1.13', '2'],
      uncertain: true,
    },
    {
      uses: ['sandbox', 'shell'],
      predict: { choices: 3, answer: 1 },
      hints: 2,
      goals: ['corrupt'],
      highlights: [{ kind: 'device', pci: NVME }, { kind: 'memory' }],
      sources: ['1.7'],
    },
    {
      uses: ['sandbox', 'shell'],
      predict: { choices: 3, answer: 3 },
      hints: 2,
      goals: ['iommu', 'blocked', 'intact'],
      highlights: [{ kind: 'device', pci: NVME }, { kind: 'memory' }],
      sources: ['1.7', '1.13'],
    },
    {
      uses: ['sandbox', 'shell'],
      predict: { choices: 3, answer: 2 },
      hints: 2,
      goals: ['p99'],
      highlights: [
        { kind: 'cpu', ids: [2, 3] },
        { kind: 'metric', workload: 'web' },
        { kind: 'timeline' },
      ],
      sources: ['2', '1.13'],
      uncertain: true,
    },
    {
      uses: ['sandbox', 'shell'],
      predict: { choices: 3, answer: 1 },
      hints: 2,
      goals: ['host', 'web', 'db'],
      highlights: [{ kind: 'cpu', ids: [0, 1, 2, 3, 4, 5, 6, 7] }, { kind: 'timeline' }],
      sources: ['2'],
    },
    {
      ...CARD_STEP,
      predict: { choices: 3, answer: 3 },
      hints: 2,
      sources: ['2', '3', '5', '1.12', '1.13'],
    },
  ],
  quiz: [
    { choices: 3, answer: 2 },
    { choices: 3, answer: 1 },
    { choices: 3, answer: 2 },
    { choices: 3, answer: 1 },
  ],
};
