import { LESSON_SLUGS, type LessonSlug } from '../contract';

/**
 * Where the learner last was on this browser — a lesson, or the sandbox — so that opening the
 * lab's bare address takes a returning learner back there, and a first visit (nothing kept) is
 * told where to start. Not progress: no answers, just the place.
 */
const KEY = 'mklab.last';

export type Place = LessonSlug | 'sandbox';

function area(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function lastPlace(): Place | null {
  let v: string | null = null;
  try {
    v = area()?.getItem(KEY) ?? null;
  } catch {
    return null;
  }
  if (v === 'sandbox') return v;
  return (LESSON_SLUGS as readonly string[]).includes(v ?? '') ? (v as LessonSlug) : null;
}

export function rememberPlace(place: Place): void {
  try {
    if (area()?.getItem(KEY) !== place) area()?.setItem(KEY, place);
  } catch {
    // Storage refused: the bare address then opens as a first visit; nothing else depends on it.
  }
}

/** The bare address: no lesson, scenario, replay or presenter route asks for something else. */
export function isBareAddress(search: string, hash: string): boolean {
  const q = new URLSearchParams(search);
  return (
    !['lesson', 'scenario', 'audience', 'present', 'step'].some((k) => q.has(k)) &&
    !/^#r=/.test(hash)
  );
}
