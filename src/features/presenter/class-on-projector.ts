import { createStore } from 'zustand/vanilla';
import type { ProjectedRoom } from '../../contract';

/**
 * The audience window's copy of the live class the presenter runs (its `class` messages): the
 * room code to join by and the current question's tally. Null while no class runs.
 */
export const classOnProjector = createStore<{ readonly room: ProjectedRoom | null }>(() => ({
  room: null,
}));
