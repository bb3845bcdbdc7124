import type { LessonSlug } from '../../contract';
import type { Lang } from '../../i18n';
import { loadLessonText } from '../../i18n/lesson-text';
import { slideCaption } from '../presenter/slide-caption';
import { openSideMachine } from '../stills/side-machine';
import { stillOf } from '../stills/still-picture';

/** One step's picture: the real machine (and twin) where the step begins, as an SVG file. */
export interface StepPicture {
  readonly step: number;
  readonly url: string;
}

/**
 * The machine at the start of each step, drawn one after the other on a machine of its own
 * (src/features/stills): `onPicture` hears each as it comes; `stop()` true ends it early.
 */
export async function drawStepPictures(
  lang: Lang,
  slug: LessonSlug,
  seed: number,
  steps: number,
  onPicture: (p: StepPicture) => void,
  stop: () => boolean,
): Promise<void> {
  await loadLessonText(lang, slug);
  const side = openSideMachine();
  try {
    for (let k = 0; k < steps && !stop(); k++) {
      const frame = await side.atStep(slug, seed, k);
      if (stop()) return;
      const still = await stillOf(
        lang,
        frame.view,
        frame.twin,
        frame.t,
        slideCaption(lang, frame.lesson, frame.t),
        true,
      );
      const url = URL.createObjectURL(new Blob([still.text], { type: 'image/svg+xml' }));
      onPicture({ step: k, url });
    }
  } finally {
    side.close();
  }
}
