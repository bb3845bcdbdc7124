import type { Input, LessonStatus, MachineView } from '../contract';
import type { SimBridge } from '../bridge/sim-bridge';
import { setPrefs, type PrefsState } from '../store/prefs-store';
import { controls } from '../store/controls';
import { pushInput } from '../store/input-store';
import { playbackStore, setPlaying } from '../store/playback-store';
import { simStore } from '../store/sim-store';
import { statusStore } from '../store/status-store';
import { lessonStore } from '../store/lesson-store';
import { metaStore } from '../store/meta-store';
import { presenterStore } from '../features/presenter/presenter-store';
import { videoStore } from '../features/video/video-store';

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
  /** How many entries the input log holds (as the bridge mirrors it). */
  logLength(): number;
  /** Presenter channel messages that failed validation and were dropped (DESIGN §7). */
  channelIgnored(): number;
  /** The engine version the worker said at its handshake (what this page's links carry). */
  engine(): number | null;
  /** The last step video made: frames, each one's pixel hash (before encoding) and caption line. */
  video(): { frames: number; hashes: readonly string[]; notes: readonly string[] } | null;
  /** Whether the page asks for a frame at every other animation frame, being behind. */
  paced(): boolean;
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
    goldenHash: (seed) => bridge.worker?.goldenHash(seed),
    hangWorker: () => void bridge.worker?.hang(),
    crashWorker: () => void bridge.worker?.crash(),
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
    logLength: () => bridge.inputLog.length,
    channelIgnored: () => presenterStore.getState().ignored,
    engine: () => metaStore.getState().engine,
    video: () => videoStore.getState().last,
    paced: () => bridge.pace.paced,
  };
}
