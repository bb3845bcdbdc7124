import type { Input, LessonStatus, MachineView } from '../contract';
import type { SimBridge } from '../bridge/sim-bridge';
import { setPrefs, type PrefsState } from '../store/prefs-store';
import { controls } from '../store/controls';
import { pushInput } from '../store/input-store';
import { playbackStore, setPlaying } from '../store/playback-store';
import { simStore } from '../store/sim-store';
import { statusStore } from '../store/status-store';
import { lessonStore } from '../store/lesson-store';

/**
 * Hooks for the end-to-end tests (`?testhooks`): read state and provoke failures without
 * waiting on the wall clock.
 */
export interface TestHooks {
  t(): number;
  delivered(): number;
  phase(): string;
  restarts(): number;
  hash(): Promise<string> | undefined;
  goldenHash(seed: number): Promise<{ hash: string; events: number }> | undefined;
  hangWorker(): void;
  crashWorker(): void;
  seek(t: number): Promise<void>;
  act(input: Input): void;
  /** Type a line into the shell (as the panel does: one `shell.line` input). */
  shell(line: string): void;
  setPlaying(on: boolean): void;
  kernelState(name: string): string | undefined;
  prefs(p: Partial<PrefsState>): void;
  speed(index: number): void;
  twin(on: boolean): Promise<void>;
  view(): MachineView | null;
  /** The lesson's state as the worker reports it (step, goals met), or null. */
  lesson(): LessonStatus | null;
}

declare global {
  interface Window {
    __mklab?: TestHooks;
  }
}

export function installTestHooks(bridge: SimBridge): void {
  window.__mklab = {
    t: () => simStore.getState().t,
    delivered: () => simStore.getState().view?.messages.fates.delivered ?? 0,
    phase: () => statusStore.getState().phase,
    restarts: () => statusStore.getState().restarts,
    hash: () => bridge.hash(),
    goldenHash: (seed) => bridge.goldenHash(seed),
    hangWorker: () => bridge.hangWorker(),
    crashWorker: () => bridge.crashWorker(),
    seek: (t) => bridge.seek(t),
    act: (input) => pushInput(input),
    shell: (line) => pushInput({ type: 'shell.line', line }),
    setPlaying: (on) => setPlaying(on),
    prefs: (p) => setPrefs(p),
    twin: (on) => controls.setTwin(on),
    speed: (index) => playbackStore.setState({ speedIndex: index }),
    view: () => simStore.getState().view,
    kernelState: (name) => simStore.getState().view?.instances.find((i) => i.name === name)?.state,
    lesson: () => lessonStore.getState().status,
  };
}
