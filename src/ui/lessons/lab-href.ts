import type { LessonSlug } from '../../contract';

/** The app at the same place (lesson and step, or the scenario), in the same language. */
export function labHref(at: {
  readonly slug: LessonSlug | null;
  readonly step: number | null;
  readonly scenario?: string | null;
  readonly lang: string;
}): string {
  const q = new URLSearchParams();
  if (at.slug) {
    q.set('lesson', at.slug);
    if (at.step !== null) q.set('step', String(at.step + 1));
  } else if (at.scenario) q.set('scenario', at.scenario);
  q.set('lang', at.lang);
  return `./?${q.toString()}`;
}
