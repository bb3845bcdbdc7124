import { PRESET_IDS, type PresetId } from '../contract';
import { SimBridge } from '../bridge/sim-bridge';
import { mainThreadSim, mainWorkerSim } from './sim-host';
import { parseLang } from '../i18n';
import { registerControls } from '../store/controls';
import { lessonStore } from '../store/lesson-store';
import { watchMoments } from '../store/moment-player';
import { simControls } from './sim-controls';
import { LessonSession } from './lesson-session';
import { readLessonRoute, routeBack } from './lesson-route';
import { installTestHooks } from './test-hooks';
import {
  hasReplay,
  openReplay,
  refuseUnbootableLink,
  wireSharing,
} from '../features/sharing/wiring';
import { readPresenterRoute } from '../features/presenter/route';
import { wirePresenter } from '../features/presenter/wire';
import { readClassRoute } from '../features/class/class-route';
import { wireClass } from '../features/class/wire-class';

/** Read the start spec from the URL: `?scenario=<preset>&seed=<int>&lang=en|es`. */
export function readUrl(search: string): {
  preset: PresetId;
  seed: number;
  lang: 'en' | 'es' | null;
  hooks: boolean;
  mainThread: boolean;
} {
  const q = new URLSearchParams(search);
  const p = q.get('scenario');
  const preset = (PRESET_IDS as readonly string[]).includes(p ?? '')
    ? (p as PresetId)
    : 'two-kernels';
  const seedText = q.get('seed');
  const seed = seedText !== null && /^\d{1,15}$/.test(seedText) ? Number(seedText) : 1;
  return {
    preset,
    seed,
    lang: parseLang(q.get('lang')),
    hooks: q.has('testhooks'),
    mainThread: q.has('mainthread'),
  };
}

let bridge: SimBridge | null = null;

/** One bridge per page, created lazily (StrictMode mounts effects twice in development). */
/**
 * Before the first render: the lesson the address opens, if it opens one, so the page is laid out
 * for it from the first paint (the session follows the route only once saved progress is read).
 */
export function markOpeningLesson(): void {
  const asked = readLessonRoute(location.search);
  if (asked.kind !== 'lesson' || hasReplay(location.hash)) return;
  if (readPresenterRoute(location.search).mode === 'audience') return;
  if (readClassRoute(location.search, location.hash).mode === 'student') return;
  lessonStore.setState({ opening: asked.slug });
}

export function startSim(): SimBridge {
  if (bridge) return bridge;
  const url = readUrl(location.search);
  bridge = new SimBridge({
    // `?mainthread` (debug): the simulator on this thread, to compare frame times.
    spawn: url.mainThread ? mainThreadSim : mainWorkerSim,
    start: { scenario: url.preset, seed: url.seed },
  });
  const b = bridge;
  const lessons = new LessonSession(b, { preset: url.preset, seed: url.seed });
  // Saved progress is read before a lesson route is followed (it may resume that lesson).
  const restored = lessons.restore().catch(() => undefined);
  const presenter = readPresenterRoute(location.search);
  const share = { bridge: b, lessons, preset: url.preset, seed: url.seed };
  wireSharing(share);
  // A `#r=` replay link wins over the lesson route: its codec loads first, then the machine boots.
  const linked = presenter.mode !== 'audience' && hasReplay(location.hash);
  // An audience window replays the presenter's machine: it neither opens nor saves progress.
  // A student in a class replays the teacher's machine too, in their own lesson player.
  const student = readClassRoute(location.search, location.hash).mode === 'student';
  const asked = readLessonRoute(location.search);
  const route = (viaLink: boolean) => {
    if (presenter.mode === 'audience') return;
    if (!viaLink && !student) lessons.prepare(routeBack(asked, location.search, location.hash));
    lessonStore.setState({ opening: null });
    lessons.watch();
  };
  registerControls(simControls(b, lessons));
  // The player slows around a lesson's key moments (the player's own: the log is untouched).
  watchMoments(() => lessonStore.getState().slug !== null);
  if (url.hooks) installTestHooks(b);
  wirePresenter(b, presenter);
  wireClass(b, readClassRoute(location.search, location.hash));
  const taken = linked ? openReplay(share).catch(() => false) : Promise.resolve(false);
  void Promise.all([taken, restored]).then(async ([viaLink]) => {
    route(viaLink);
    // A link whose machine the worker will not boot is refused like any bad link.
    if (!(await b.start()) && viaLink) await refuseUnbootableLink(share);
  });
  return b;
}
