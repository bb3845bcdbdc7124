// The embed's postMessage protocol (DESIGN §7, docs/embedding.md). Every name is prefixed
// `mklab:` and every message carries `v: 1` (the contract's `EMBED_PROTOCOL`). Commands come from
// the host page (the contract's `EmbedCommand`, validated in commands.ts); events go to it.

/** Events the embed posts (to the allowed origins; `mklab:resize` to any parent). */
export type EmbedEvent =
  | {
      readonly type: 'mklab:ready';
      readonly v: 1;
      readonly lesson: string | null;
      readonly scenario: string | null;
      /** 1-based, like the URL's `step=`; null for a scenario. */
      readonly step: number | null;
      readonly steps: number | null;
    }
  | {
      readonly type: 'mklab:step';
      readonly v: 1;
      readonly step: number;
      readonly steps: number;
    }
  | {
      readonly type: 'mklab:state';
      readonly v: 1;
      /** Simulated ns. */
      readonly t: number;
      readonly step: number | null;
      readonly playing: boolean;
      /** The machine's state hash, when paused (it costs a walk of the trace). */
      readonly hash?: string;
    }
  | { readonly type: 'mklab:resize'; readonly v: 1; readonly height: number };
