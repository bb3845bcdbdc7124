import type { LessonSlug } from '../contract';
import { CONTENT, LESSON_ORDER } from '../content';
import { isBareAddress, lastPlace, rememberPlace } from '../store/last-place';

/** A lesson deep link (DESIGN §7): `?lesson=<slug>&step=<1-based>`. */
export type LessonRoute =
  | { readonly kind: 'none' }
  | { readonly kind: 'lesson'; readonly slug: LessonSlug; readonly step: number | null }
  | { readonly kind: 'bad'; readonly what: 'lesson' | 'step'; readonly value: string };

export function readLessonRoute(search: string): LessonRoute {
  const q = new URLSearchParams(search);
  const slug = q.get('lesson');
  if (slug === null) return { kind: 'none' };
  if (!(LESSON_ORDER as readonly string[]).includes(slug)) {
    return { kind: 'bad', what: 'lesson', value: slug.slice(0, 60) };
  }
  const lesson = slug as LessonSlug;
  const stepText = q.get('step');
  if (stepText === null) return { kind: 'lesson', slug: lesson, step: null };
  const n = /^\d{1,3}$/.test(stepText) ? Number(stepText) : NaN;
  if (!(n >= 1 && n <= CONTENT[lesson].steps.length)) {
    return { kind: 'bad', what: 'step', value: stepText.slice(0, 20) };
  }
  return { kind: 'lesson', slug: lesson, step: n - 1 };
}

/**
 * The bare address, for a learner who was in a lesson on this browser: back to that lesson
 * (resumed from its saved progress). Any other address keeps its own route.
 */
export function routeBack(route: LessonRoute, search: string, hash: string): LessonRoute {
  if (route.kind !== 'none' || !isBareAddress(search, hash)) return route;
  const place = lastPlace();
  return place && place !== 'sandbox' ? { kind: 'lesson', slug: place, step: null } : route;
}

/**
 * Keep the address bar on the lesson and step the learner is at (a reload returns there), and
 * remember the place for the bare address.
 */
export function syncUrl(slug: LessonSlug | null, step: number | null): void {
  rememberPlace(slug ?? 'sandbox');
  const url = new URL(location.href);
  if (slug) {
    url.searchParams.set('lesson', slug);
    if (step !== null) url.searchParams.set('step', String(step + 1));
  } else {
    url.searchParams.delete('lesson');
    url.searchParams.delete('step');
  }
  if (url.href !== location.href) history.replaceState(history.state, '', url);
}
