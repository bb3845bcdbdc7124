import { registerSharing, shareStore } from './share-store';
import { statusStore } from '../../store/status-store';
import type { Context } from './controller';

/**
 * Sharing's place in the composition root. The codecs and checks load on first use (a Share
 * click, a file, or a page opened from a `#r=` link), so the main bundle carries only this.
 */
const load = () => import('./controller');

export function wireSharing(ctx: Context): void {
  registerSharing({
    link: async () => (await load()).currentLink(ctx, location),
    exportProgress: async () => (await load()).exportProgress(ctx),
    importProgress: async (text) => (await load()).importProgress(ctx, text),
    exportScenario: async () => (await load()).exportScenario(ctx),
    importScenario: async (text) => (await load()).importScenario(ctx, text),
  });
  // Another machine (a preset, a lesson) replaces the imported scenario: its name goes too. An
  // import sets the name once its own load has begun.
  statusStore.subscribe((s, prev) => {
    if (s.phase === 'starting' && prev.phase !== 'starting')
      shareStore.setState({ scenarioName: null });
  });
}

/** Whether the address carries a replay (`#r=`): then the page waits for it before booting. */
export function hasReplay(hash: string): boolean {
  return new URLSearchParams(hash.replace(/^#/, '')).has('r');
}

/** Take the address's replay link, if it is one the page can open (see sharing/controller). */
export async function openReplay(ctx: Context): Promise<boolean> {
  return (await load()).openLink(ctx);
}

/** The link's machine did not boot: refuse the link as a bad one, and start without it. */
export async function refuseUnbootableLink(ctx: Context): Promise<boolean> {
  return (await load()).linkDidNotBoot(ctx);
}
