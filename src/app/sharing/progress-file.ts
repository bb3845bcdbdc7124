import type { LessonSlug } from '../../contract';
import { CONTENT, LESSON_ORDER } from '../../content';
import { PROGRESS_VERSION, type LessonProgress, type Progress } from '../../store/progress';
import {
  arr,
  at,
  attempt,
  bad,
  bool,
  fields,
  int,
  item,
  obj,
  oneOf,
  parseJson,
  shown,
  type Checked,
} from './check';
import { checkLog, MAX_SEED, MAX_T } from './log-check';

/**
 * Lesson progress as a file (docs/sharing.md): the object kept in localStorage (`Progress`,
 * src/store/progress.ts) with a `schema` tag. Unlike reading localStorage, which drops what it
 * cannot read, an imported file is all or nothing: the first bad field is named and nothing
 * changes.
 */
export const PROGRESS_SCHEMA = 'mklab.progress';
export const MAX_PROGRESS_CHARS = 4 * 1024 * 1024;

export type ProgressFile = Progress & { readonly schema: typeof PROGRESS_SCHEMA };

/** Keys of a per-step record: 0-based indices below `n`. */
function indexed(v: unknown, path: string, n: number, value: (x: unknown, p: string) => void) {
  const o = obj(v, path);
  for (const [k, x] of Object.entries(o)) {
    const p = at(path, k);
    if (!/^\d{1,3}$/.test(k) || Number(k) >= n) bad(p, 'range', { value: k, min: 0, max: n - 1 });
    value(x, p);
  }
}

function lessonProgress(v: unknown, path: string, slug: LessonSlug): LessonProgress {
  const c = CONTENT[slug];
  const steps = c.steps.length;
  const o = obj(v, path);
  fields(o, path, ['step', 'seed', 'log', 't', 'predictions', 'hints', 'cards', 'uiDone', 'quiz']);
  int(o.step, at(path, 'step'), 0, steps - 1);
  int(o.seed, at(path, 'seed'), 0, MAX_SEED);
  checkLog(o.log, at(path, 'log'), steps);
  int(o.t, at(path, 't'), 0, MAX_T);
  indexed(o.predictions, at(path, 'predictions'), steps, (x, p) =>
    int(x, p, 1, c.steps[Number(p.slice(p.lastIndexOf('.') + 1))]?.predict.choices ?? 1),
  );
  indexed(o.hints, at(path, 'hints'), steps, (x, p) =>
    int(x, p, 0, c.steps[Number(p.slice(p.lastIndexOf('.') + 1))]?.hints ?? 0),
  );
  indexed(o.cards, at(path, 'cards'), steps, bool);
  indexed(o.uiDone, at(path, 'uiDone'), steps, bool);
  indexed(o.quiz, at(path, 'quiz'), c.quiz.length, (x, p) =>
    int(x, p, 1, c.quiz[Number(p.slice(p.lastIndexOf('.') + 1))]?.choices ?? 1),
  );
  return o as unknown as LessonProgress;
}

export function checkProgressFile(data: unknown): ProgressFile {
  const o = obj(data, '');
  if (o.schema !== PROGRESS_SCHEMA)
    bad('schema', 'schema', { value: String(o.schema).slice(0, 40), expected: PROGRESS_SCHEMA });
  if (o.v !== PROGRESS_VERSION)
    bad('v', 'version', { value: String(o.v).slice(0, 20), expected: PROGRESS_VERSION });
  fields(o, '', ['schema', 'v', 'current', 'lessons', 'finished', 'reached']);
  const lessons = obj(o.lessons, 'lessons');
  for (const [slug, p] of Object.entries(lessons)) {
    const s = oneOf(slug, at('lessons', slug), LESSON_ORDER);
    lessonProgress(p, at('lessons', slug), s);
  }
  if (o.current !== null) {
    const s = oneOf(o.current, 'current', LESSON_ORDER);
    if (!(s in lessons)) bad(at('lessons', s), 'missing');
  }
  const finished = arr(o.finished, 'finished', LESSON_ORDER.length);
  finished.forEach((s, i) => {
    oneOf(s, item('finished', i), LESSON_ORDER);
    if (finished.indexOf(s) !== i)
      bad(item('finished', i), 'duplicate', {
        value: shown(s),
        other: item('finished', finished.indexOf(s)),
      });
  });
  const reached = obj(o.reached, 'reached');
  for (const [slug, n] of Object.entries(reached)) {
    const s = oneOf(slug, at('reached', slug), LESSON_ORDER);
    int(n, at('reached', slug), 0, CONTENT[s].steps.length - 1);
  }
  return o as unknown as ProgressFile;
}

export function parseProgressFile(text: string): Checked<Progress> {
  return attempt(() => {
    const { schema: _schema, ...progress } = checkProgressFile(parseJson(text, MAX_PROGRESS_CHARS));
    return progress;
  });
}

/** The file's text: a fixed field order, so exporting what was imported gives it back. */
export function progressFileText(p: Progress): string {
  const out: ProgressFile = {
    schema: PROGRESS_SCHEMA,
    v: p.v,
    current: p.current,
    lessons: p.lessons,
    finished: p.finished,
    reached: p.reached,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
