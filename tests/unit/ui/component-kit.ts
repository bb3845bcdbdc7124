// What every component test (tests/unit/ui/*.test.tsx) shares: jest-dom's matchers, a clean DOM
// and fresh stores after each test, fake simulator controls, a real machine feeding the stores as
// the bridge does, and the page's languages. Import it before anything that renders.
import '@testing-library/jest-dom/vitest';
import { act, cleanup } from '@testing-library/react';
import { afterEach, vi, type Mock } from 'vitest';
import type { StoreApi } from 'zustand/vanilla';
import type { Frame, LabInput, MachineView, PresetId } from '../../../src/contract';
import { loadLocale, translate, type Lang, type MessageKey } from '../../../src/i18n';
import { preset } from '../../../src/sim';
import { MS } from '../../../src/sim/time';
import { registerControls, type SimControls } from '../../../src/store/controls';
import { inputStore, takeInputs } from '../../../src/store/input-store';
import { lessonStore } from '../../../src/store/lesson-store';
import { metaStore } from '../../../src/store/meta-store';
import { playbackStore } from '../../../src/store/playback-store';
import { prefsStore, setPrefs } from '../../../src/store/prefs-store';
import { selectionStore } from '../../../src/store/selection-store';
import { receiveFrame, simStore, sinceOf } from '../../../src/store/sim-store';
import { Engine } from '../../../src/worker/engine';

if (typeof document === 'undefined') {
  // A .test.tsx without the docblock would fail later with "document is not defined".
  throw new Error('component tests need `// @vitest-environment jsdom` as their first line');
}

// The stores are module singletons: each test starts from the state the page starts with
// (zustand's testing guide: keep the initial state, put it back after each test).
function resetter<S>(store: StoreApi<S>): () => void {
  const initial = store.getState();
  return () => store.setState(initial, true);
}
const RESETS = [
  resetter(simStore),
  resetter(selectionStore),
  resetter(lessonStore),
  resetter(playbackStore),
  resetter(prefsStore),
  resetter(inputStore),
  resetter(metaStore),
];

/** Controls that fail loudly: a test that means to click them registers fakes first. */
const unregistered = new Proxy({} as SimControls, {
  get: (_, name) => () => Promise.reject(new Error(`controls.${String(name)}: no fake registered`)),
});

afterEach(() => {
  cleanup();
  act(() => RESETS.forEach((reset) => reset()));
  registerControls(unregistered);
});

export type FakeControls = { readonly [K in keyof SimControls]: Mock<SimControls[K]> };

/** Register controls whose every call resolves and is recorded (the bridge in the app). */
export function fakeControls(): FakeControls {
  const ok = () => Promise.resolve();
  const fake: FakeControls = {
    stepEvent: vi.fn(ok),
    skipToHappening: vi.fn(ok),
    seek: vi.fn(ok),
    loadScenario: vi.fn(ok),
    setTwin: vi.fn(ok),
    exportTrace: vi.fn(() => Promise.resolve('')),
    startLesson: vi.fn(ok),
    leaveLesson: vi.fn(ok),
    chooseProgress: vi.fn(ok),
    resetProgress: vi.fn(),
    showMe: vi.fn(ok),
    rewindToStep: vi.fn(ok),
    cancelReplay: vi.fn(ok),
    retry: vi.fn(ok),
  };
  registerControls(fake);
  return fake;
}

/** English text of a page key, to name what a user reads without copying the catalog. */
export const en = (key: MessageKey, params?: Readonly<Record<string, string | number>>) =>
  translate('en', key, params);

/** Switch the page's language (Spanish loads lazily, as in the app). */
export async function speak(lang: Lang): Promise<void> {
  await loadLocale(lang);
  act(() => setPrefs({ lang }));
}

export interface LiveMachine {
  readonly engine: Engine;
  /**
   * One frame as the bridge asks for it: the page's queued inputs (plus `extra`), `ns` of
   * simulated time, only what is new since the stores' last; folded in with `receiveFrame`.
   */
  run(ns?: number, extra?: readonly LabInput[]): Frame;
  /** The view now in the store. */
  view(): MachineView;
}

/** A real machine (the worker's engine, run in the test) feeding the page's stores. */
export function liveMachine(id: PresetId = 'two-kernels', seed = 1): LiveMachine {
  const engine = new Engine({ scenario: preset(id), seed });
  return {
    engine,
    run(ns = 16 * MS, extra = []) {
      const inputs = [...takeInputs(), ...extra];
      const f = engine.frame({ inputs, advanceNs: ns, ...sinceOf(simStore.getState()) });
      act(() => receiveFrame(f));
      return f;
    },
    view() {
      const v = simStore.getState().view;
      if (!v) throw new Error('no frame received yet');
      return v;
    },
  };
}

/** Put a changed copy of the current view in the store (a state the engine is slow to reach). */
export function patchView(change: (v: MachineView) => MachineView): void {
  act(() => simStore.setState((s) => (s.view ? { view: change(s.view) } : {})));
}
