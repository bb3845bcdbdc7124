import type { LessonSlug } from '../../contract';
import { CONTENT } from '../../content';

/**
 * Whether a step points at the charts (a metric highlight): then the projector shows those
 * charts (and the twin's too when it points at the twin).
 */
export function chartsOf(slug: LessonSlug, k: number): 'none' | 'own' | 'with-twin' {
  const marks = CONTENT[slug].steps[k]?.highlights ?? [];
  if (!marks.some((h) => h.kind === 'metric')) return 'none';
  return marks.some((h) => h.kind === 'twin') ? 'with-twin' : 'own';
}

/** The workloads whose charts a step points at (the projector draws only theirs). */
export function chartedWorkloads(slug: LessonSlug, k: number): string[] {
  const marks = CONTENT[slug].steps[k]?.highlights ?? [];
  return marks.flatMap((h) => (h.kind === 'metric' ? [h.workload] : []));
}
