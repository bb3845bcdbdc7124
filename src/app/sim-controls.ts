import type { SimBridge } from '../bridge/sim-bridge';
import type { SimControls } from '../store/controls';
import type { LessonSession } from './lesson-session';

/** The operations the UI calls through `controls`, on one page's bridge and lesson session. */
export function simControls(b: SimBridge, lessons: LessonSession): SimControls {
  return {
    stepEvent: () => b.stepEvent(),
    skipToHappening: (maxNs) => b.skipToHappening(maxNs),
    seek: (t) => b.seek(t),
    loadScenario: async ({ preset, seed, version }) => {
      await b.load({ scenario: preset, seed, ...(version ? { version } : {}) });
    },
    setTwin: (on) => b.setTwin(on),
    exportTrace: () => b.exportTrace(),
    startLesson: (slug, step) => lessons.start(slug, step),
    leaveLesson: () => lessons.leave(),
    chooseProgress: (which) => lessons.choose(which),
    resetProgress: () => lessons.reset(),
    showMe: (jump) => b.showMe(jump),
    rewindToStep: (step) => b.rewindToStep(step),
    cancelReplay: () => Promise.resolve(b.cancelReplay()),
    retry: async () => {
      await b.retry();
    },
  };
}
