import type { LessonStatus } from '../../contract';
import { lessonKey } from '../../content/keys';
import { translate, type Lang } from '../../i18n';
import { lessonText } from '../../i18n/lesson-text';
import { plainText } from '../../ui/lessons/marks';
import { formatNs } from '../../ui/format';
import type { SlideCaption } from './slide';

/**
 * What a slide, a handout picture or a video frame says under the machine, in the page's
 * language: the lesson's title, then the step (number, count, title) and the simulated time.
 */
export function slideCaption(lang: Lang, status: LessonStatus | null, tNs: number): SlideCaption {
  const time = translate(lang, 'presenter.audience.time', { time: formatNs(lang, tNs) });
  if (!status) return { title: translate(lang, 'presenter.audience.sandbox'), detail: time };
  const { slug, step, steps } = status;
  const n = step + 1;
  const stepText = translate(lang, 'presenter.export.step', {
    n,
    total: steps,
    title: plainText(lessonText(lang, slug, lessonKey.step.title(slug, n))),
  });
  return {
    title: plainText(lessonText(lang, slug, lessonKey.title(slug))),
    detail: `${stepText} · ${time}`,
  };
}
