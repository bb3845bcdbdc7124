import { createStore } from 'zustand/vanilla';
import type { FileProblem } from '../../contract';

/**
 * Sharing (DESIGN §7): replay links, the Share dialog, and progress / scenario files. The page
 * asks through `sharing` (registered by the composition root, which owns the bridge and the
 * codecs); what it shows lives in `shareStore`.
 */

export type ImportResult =
  { readonly ok: true } | { readonly ok: false; readonly problem: FileProblem };

/** A notice about the link the page was opened with (replayed with a caveat, or refused). */
export type LinkNotice =
  | { readonly kind: 'engine'; readonly link: number; readonly ours: number }
  | { readonly kind: 'refused'; readonly problem: FileProblem };

/**
 * A link of the machine as it stands, and whether the lab could open it (the page's own checks,
 * e.g. a link longer than `MAX_REPLAY_CHARS`): then the dialog offers the file that holds it.
 */
export interface SharedLink {
  readonly url: string;
  readonly problem: FileProblem | null;
  /** The file that holds the same state: a lesson's progress, or the sandbox's scenario. */
  readonly file: 'progress' | 'scenario';
}

/** What the last import said (kept here: a loaded scenario remounts the sandbox that asked). */
export type FileResult = {
  readonly kind: 'progress' | 'scenario';
  readonly ok: boolean;
  readonly problem?: FileProblem;
  /** An unexpected failure (a file that cannot be read), in the browser's words. */
  readonly error?: string;
};

export interface ShareState {
  /** The Share dialog: the link it shows, or null when closed. */
  readonly dialog: SharedLink | null;
  readonly notice: LinkNotice | null;
  /** The name of the imported scenario the sandbox runs (shown as text), or null for a preset. */
  readonly scenarioName: string | null;
  readonly fileResult: FileResult | null;
}

export const shareStore = createStore<ShareState>(() => ({
  dialog: null,
  notice: null,
  scenarioName: null,
  fileResult: null,
}));

export interface SharingControls {
  /** The link of the machine as it stands now (lesson or scenario, seed, time, replay). */
  link(): Promise<SharedLink>;
  exportProgress(): Promise<string>;
  importProgress(text: string): Promise<ImportResult>;
  /** The sandbox's scenario file: its machine, setup, and the inputs given since. */
  exportScenario(): Promise<string>;
  importScenario(text: string): Promise<ImportResult>;
}

let impl: SharingControls | null = null;

export function registerSharing(c: SharingControls): void {
  impl = c;
}

const notReady = () => Promise.reject(new Error('the simulator is not ready'));

export const sharing: SharingControls = {
  link: () => impl?.link() ?? notReady(),
  exportProgress: () => impl?.exportProgress() ?? notReady(),
  importProgress: (text) => impl?.importProgress(text) ?? notReady(),
  exportScenario: () => impl?.exportScenario() ?? notReady(),
  importScenario: (text) => impl?.importScenario(text) ?? notReady(),
};

export function openShareDialog(link: SharedLink): void {
  shareStore.setState({ dialog: link });
}

export function closeShareDialog(): void {
  shareStore.setState({ dialog: null });
}

export function dismissLinkNotice(): void {
  shareStore.setState({ notice: null });
}

export function setFileResult(r: FileResult | null): void {
  shareStore.setState({ fileResult: r });
}
