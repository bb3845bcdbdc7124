import type { LessonContent } from './types';

const NVME = '0000:04:00.0';

/** L2: carving the machine (CURRICULUM L2): the GitHub tree's pool, parking, overlays, lending. */
export const carving: LessonContent = {
  slug: 'carving-the-machine',
  version: 'github',
  sources: ['1.4', '1.5', '1.6', '1.7', '5'],
  uncertain: 2,
  steps: [
    {
      uses: ['shell'],
      predict: { choices: 3, answer: 2 },
      hints: 2,
      goals: ['iomem'],
      highlights: [{ kind: 'shell' }, { kind: 'pool' }, { kind: 'memory' }],
      sources: ['1.4', '1.6'],
    },
    {
      uses: ['sandbox', 'shell'],
      predict: { choices: 3, answer: 1 },
      hints: 2,
      goals: ['pool', 'parked', 'host'],
      highlights: [{ kind: 'cpu', ids: [4, 5] }, { kind: 'pool' }],
      sources: ['1.5'],
    },
    {
      uses: ['shell'],
      sees: ['sandbox', 'shell'],
      predict: { choices: 3, answer: 2 },
      hints: 2,
      goals: ['state', 'cpus', 'mem', 'parked'],
      highlights: [
        { kind: 'kernel', names: ['db'] },
        { kind: 'cpu', ids: [4, 5] },
        { kind: 'shell' },
      ],
      sources: ['1.4', '1.5', '1.6'],
      uncertain: true,
    },
    {
      uses: ['shell'],
      predict: { choices: 3, answer: 2 },
      hints: 2,
      goals: ['refused', 'unchanged'],
      highlights: [{ kind: 'shell' }, { kind: 'cpu', ids: [5] }],
      sources: ['1.4'],
    },
    {
      uses: ['sandbox', 'shell'],
      predict: { choices: 3, answer: 2 },
      hints: 2,
      goals: ['grown', 'consistent'],
      highlights: [{ kind: 'pool' }, { kind: 'memory' }],
      sources: ['1.4', '1.6'],
    },
    {
      uses: ['sandbox', 'shell'],
      predict: { choices: 3, answer: 2 },
      hints: 2,
      goals: ['lent'],
      highlights: [
        { kind: 'device', pci: NVME },
        { kind: 'kernel', names: ['db'] },
      ],
      sources: ['1.7'],
    },
  ],
  quiz: [
    { choices: 3, answer: 2 },
    { choices: 3, answer: 2 },
    { choices: 3, answer: 2 },
  ],
};
