import { createStore } from 'zustand/vanilla';
import type { Happening, MachineView } from '../sim';
import type { AppliedInput, Frame } from '../worker/engine';

export const LOG_CAP = 200;

export interface SimState {
  readonly t: number;
  readonly view: MachineView | null;
  readonly twin: MachineView | null;
  /** Narrated happenings, newest last, bounded. */
  readonly happenings: readonly Happening[];
  readonly lastSeq: number;
  readonly logLength: number;
  readonly fork: Frame['fork'];
  /** Inputs the machine refused, newest last, for the UI to explain. */
  readonly rejected: readonly AppliedInput[];
  readonly seeking: boolean;
}

export const initialSim: SimState = {
  t: 0,
  view: null,
  twin: null,
  happenings: [],
  lastSeq: -1,
  logLength: 0,
  fork: null,
  rejected: [],
  seeking: false,
};

export const simStore = createStore<SimState>(() => initialSim);

/** Fold one frame from the worker into the store. */
export function receiveFrame(f: Frame): void {
  simStore.setState((s) => {
    // After a rewind the worker numbers happenings from an earlier point: start the log afresh.
    const rewound = f.happeningHead <= s.lastSeq;
    const kept = rewound ? [] : s.happenings;
    const happenings = [...kept, ...f.happenings].slice(-LOG_CAP);
    const refused = f.applied.filter((a) => !a.result.ok);
    return {
      t: f.t,
      view: f.view,
      twin: f.twin,
      happenings,
      lastSeq: happenings[happenings.length - 1]?.seq ?? (rewound ? -1 : s.lastSeq),
      logLength: f.logLength,
      fork: f.fork ?? s.fork,
      rejected: refused.length ? [...s.rejected, ...refused].slice(-20) : s.rejected,
      seeking: f.seeking,
    };
  });
}
