import { PROGRESS_SCHEMA, type Checked, type Progress, type ProgressFile } from '../../contract';
import { readProgressFile } from '../../contract/validate/progress';
import { LESSON_BOUNDS } from '../../app/lesson-bounds';

/**
 * Lesson progress as a file (docs/sharing.md): the object kept in localStorage with a `schema`
 * tag. Unlike reading localStorage, which drops what it cannot read, an imported file is all or
 * nothing: the first bad field is named and nothing changes.
 */
export function parseProgressFile(text: string): Checked<Progress> {
  return readProgressFile(text, LESSON_BOUNDS);
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
