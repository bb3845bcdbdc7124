import { useStore } from 'zustand';
import { CONTENT } from '../../content';
import { lessonKey } from '../../content/keys';
import { lessonStore } from '../../store/lesson-store';
import { isRunnable } from '../shell/run-request';
import { MARK } from './marks';
import { useLessonTexts } from './use-lesson-text';

/** A panel a lesson step needs beside the machine: the shell, the charts, the timeline. */
export type DockPanel = 'shell' | 'metrics' | 'timeline';

const NONE: readonly DockPanel[] = [];

/** Whether a step's task text holds a command the shell runs ("Run this" types it there). */
function hasCommand(text: string): boolean {
  for (const m of text.matchAll(MARK)) if (m[3] && isRunnable(m[3])) return true;
  return false;
}

/**
 * The panels the current step needs on its one screen, from what it highlights and what its task
 * asks to type: docked under the machine, so the step, the machine and the task's tool are seen
 * together. None outside lessons, on the quiz and on the finish page.
 */
export function useStepDock(): readonly DockPanel[] {
  const slug = useStore(lessonStore, (s) => s.slug);
  const k = useStore(lessonStore, (s) => (s.page === 'step' ? (s.status?.step ?? -1) : -1));
  const { tx } = useLessonTexts(slug ? [slug] : []);
  const step = slug ? CONTENT[slug].steps[k] : undefined;
  if (!slug || !step) return NONE;
  const kinds = new Set(step.highlights.map((h) => h.kind));
  const dock: DockPanel[] = [];
  if (kinds.has('shell') || hasCommand(tx(slug, lessonKey.step.task(slug, k + 1))))
    dock.push('shell');
  if (kinds.has('metric')) dock.push('metrics');
  if (kinds.has('timeline')) dock.push('timeline');
  return dock;
}
