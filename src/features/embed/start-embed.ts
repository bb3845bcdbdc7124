import type { SimEndpoint } from '../../bridge/endpoint';
import { SimBridge } from '../../bridge/sim-bridge';
import { mainThreadSim, workerSim } from '../../app/sim-host';
import { loadLocale, type Lang } from '../../i18n';
import { controls, registerControls } from '../../store/controls';
import { simControls } from '../../app/sim-controls';
import { embedStore } from './embed-store';
import { playbackStore, setPlaying } from '../../store/playback-store';
import { prefsStore, setPrefs } from '../../store/prefs-store';
import { simStore } from '../../store/sim-store';
import { currentStep, gotoStep } from './step-goto';
import { LessonSession } from '../../app/lesson-session';
import { installTestHooks } from '../../app/test-hooks';
import { HostLink } from './host-link';
import { readEmbedOptions } from './options';
import type { Command } from './commands';
import { announce } from './announce';

/** Whether this frame may use localStorage (a sandbox or privacy setting can make it throw). */
function storageWorks(): boolean {
  try {
    const key = 'mklab.probe';
    localStorage.setItem(key, '1');
    localStorage.removeItem(key);
    return true;
  } catch {
    return false;
  }
}

function spawnSim(): SimEndpoint {
  if (!embedStore.getState().workerBlocked) {
    try {
      return workerSim();
    } catch {
      // The Worker constructor throws where workers are blocked: say so, run on this thread.
      embedStore.setState({ workerBlocked: true });
    }
  }
  return mainThreadSim();
}

export async function changeLang(lang: Lang): Promise<void> {
  await loadLocale(lang);
  prefsStore.setState({ lang });
}

function applyCommand(command: Command): boolean {
  switch (command.type) {
    case 'mklab:goto':
      return gotoStep(command.step - 1);
    case 'mklab:play':
      setPlaying(true);
      return true;
    case 'mklab:pause':
      setPlaying(false);
      return true;
    case 'mklab:seek':
      if (simStore.getState().view === null) return false;
      void controls.seek(command.tNs).catch(() => undefined);
      return true;
    case 'mklab:setLang':
      void changeLang(command.lang);
      return true;
  }
}

/** What tests (and a curious host author) may read: `window.__mklabEmbed` inside the frame. */
export interface EmbedHooks {
  readonly ignored: number;
  step(): number | null;
  t(): number;
  playing(): boolean;
  hash(): Promise<string> | undefined;
}

declare global {
  interface Window {
    __mklabEmbed?: EmbedHooks;
  }
}

let bridge: SimBridge | null = null;

/**
 * The embed's composition root (embed.html): one lesson step or one scenario, the same worker,
 * bridge and lesson engine as the app, driven by its reader and by the host page's commands.
 */
export function startEmbed(): SimBridge {
  if (bridge) return bridge;
  const opts = readEmbedOptions(location.search);
  const lesson = opts.route.kind === 'lesson' ? opts.route.slug : null;
  embedStore.setState({
    controls: opts.controls,
    origins: opts.origins,
    storageBlocked: !storageWorks(),
    scenario: lesson ? null : opts.preset,
  });
  setPrefs({ theme: opts.theme });
  if (opts.lang) void changeLang(opts.lang);
  const b = new SimBridge({ spawn: spawnSim, start: { scenario: opts.preset, seed: opts.seed } });
  bridge = b;
  const lessons = new LessonSession(b, { preset: opts.preset, seed: opts.seed });
  // The same operations as the app's (src/app/start.ts), on this frame's bridge.
  registerControls(simControls(b, lessons));
  const link = new HostLink(opts.origins, applyCommand);
  link.listen();
  announce(link, b, { lesson, scenario: lesson ? null : opts.preset });
  window.__mklabEmbed = {
    get ignored() {
      return embedStore.getState().ignored;
    },
    step: () => currentStep()?.step ?? null,
    t: () => simStore.getState().t,
    playing: () => playbackStore.getState().playing,
    hash: () => b.hash(),
  };
  if (opts.hooks) installTestHooks(b);
  // Saved progress is read before the route is followed (a lesson may resume from it).
  void lessons
    .restore()
    .catch(() => undefined)
    .then(() => {
      lessons.prepare(opts.route);
      lessons.watch();
      // A lesson opens paused (LessonSession); so does a scenario here, unless `autoplay` asks,
      // and never when the reader asked the system for reduced motion.
      const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
      setPlaying(opts.autoplay && !reduced);
      void b.start();
    });
  return b;
}
