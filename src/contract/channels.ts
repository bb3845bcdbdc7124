import type { StartSpec } from './api';
import type { LogEntry } from './inputs';
import type { LessonSlug } from './lessons';
import type { ClassQuestion, ClassTally } from './class-session';

// The page's two message channels besides the worker: an embedding page's commands
// (postMessage, docs/embedding.md) and the presenter ↔ audience BroadcastChannel (DESIGN §7).
// Types and versions only: the checks are in ./validate, loaded where messages are read.

export const EMBED_PROTOCOL = 1;

/** What a host page may ask of an embed (every name `mklab:`, every message `v: 1`). */
export type EmbedCommand =
  | { readonly type: 'mklab:goto'; readonly v: typeof EMBED_PROTOCOL; readonly step: number }
  | { readonly type: 'mklab:play'; readonly v: typeof EMBED_PROTOCOL }
  | { readonly type: 'mklab:pause'; readonly v: typeof EMBED_PROTOCOL }
  | { readonly type: 'mklab:seek'; readonly v: typeof EMBED_PROTOCOL; readonly tNs: number }
  | {
      readonly type: 'mklab:setLang';
      readonly v: typeof EMBED_PROTOCOL;
      readonly lang: 'en' | 'es';
    };

export const PRESENTER_PROTOCOL = 1;

export type StartSpecLike = Omit<StartSpec, 'log' | 't'>;

export interface LessonPosition {
  readonly slug: LessonSlug;
  /** 0-based step, as the worker reports it. */
  readonly step: number;
  readonly steps: number;
}

export interface PlaybackSnapshot {
  readonly lesson: LessonPosition | null;
  readonly t: number;
  readonly playing: boolean;
  readonly speedIndex: number;
  readonly logLength: number;
  readonly logKey: string;
  readonly twin: boolean;
  readonly lang: 'en' | 'es';
  readonly theme: 'light' | 'dark' | 'auto';
  readonly blank: boolean;
  /**
   * What the projector shows of the lesson (issue 13): the page the presenter is on, whether the
   * teacher revealed its answer ("what to look at" and "why"; the quiz's answers) and whether the
   * step's card is open. `chartsShown`: a revealed step that points at its charts shows them
   * again in its answer's place (the teacher's reveal key flips between the two).
   */
  readonly page: ProjectedPage;
  readonly revealed: boolean;
  readonly chartsShown: boolean;
  readonly card: boolean;
}

export type ProjectedPage = 'step' | 'quiz' | 'finish';

export type PresenterMessage =
  | { readonly v: typeof PRESENTER_PROTOCOL; readonly type: 'hello' }
  | { readonly v: typeof PRESENTER_PROTOCOL; readonly type: 'bye' }
  | {
      readonly v: typeof PRESENTER_PROTOCOL;
      readonly type: 'sync';
      readonly start: StartSpecLike;
      readonly log: readonly LogEntry[];
      readonly logKey: string;
    }
  | {
      readonly v: typeof PRESENTER_PROTOCOL;
      readonly type: 'class';
      /** The live class the presenter runs, for the projector: its code, question and tally. */
      readonly room: ProjectedRoom | null;
    }
  | ({
      readonly v: typeof PRESENTER_PROTOCOL;
      readonly type: 'state';
      readonly seq: number;
    } & PlaybackSnapshot);

export interface ProjectedRoom {
  readonly code: string;
  /** The short address students open (the code alone works too). */
  readonly url: string;
  readonly question: ClassQuestion | null;
  readonly tally: ClassTally | null;
}
