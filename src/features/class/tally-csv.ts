import type { ClassTally } from '../../contract';
import type { RosterEntry } from './class-store';

/**
 * The class's answers as CSV, for the teacher to keep (nothing else of the class is kept
 * anywhere): one row per question and choice. A question id is `<lesson>:<step>` (0-based
 * step; the CSV says the step as the lesson shows it, from 1). Choices are named A, B, C… as
 * on the projector.
 */
export function tallyCsv(
  history: Readonly<Record<string, ClassTally>>,
  roster: readonly RosterEntry[] = [],
): string {
  const rows = [['lesson', 'step', 'choice', 'chose', 'answered', 'present']];
  for (const tally of Object.values(history)) {
    const [lesson, step] = where(tally.question);
    tally.counts.forEach((count, i) => {
      rows.push([
        lesson,
        step,
        choiceLetter(i),
        String(count),
        String(tally.answered),
        String(tally.present),
      ]);
    });
  }
  // Then who answered what, for those who gave a nickname. The validator lets no comma or
  // quote into one; a leading dash is kept from reading as a formula in a spreadsheet.
  if (roster.length > 0) {
    rows.push([], ['nickname', 'lesson', 'step', 'choice']);
    for (const r of roster)
      rows.push([r.nick.replace(/^-/, "'-"), ...where(r.question), choiceLetter(r.choice)]);
  }
  return rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
}

/** A question id `<lesson>:<0-based step>` as the CSV says it: the lesson, the step from 1. */
function where(question: string): [string, string] {
  const [lesson = question, step] = question.split(':');
  return [lesson, step === undefined ? '' : String(Number(step) + 1)];
}

export function choiceLetter(i: number): string {
  return String.fromCharCode(65 + i);
}
