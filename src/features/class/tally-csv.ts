import type { ClassTally } from '../../contract';

/**
 * The class's answers as CSV, for the teacher to keep (nothing else of the class is kept
 * anywhere): one row per question and choice. A question id is `<lesson>:<step>` (0-based
 * step; the CSV says the step as the lesson shows it, from 1). Choices are named A, B, C… as
 * on the projector.
 */
export function tallyCsv(history: Readonly<Record<string, ClassTally>>): string {
  const rows = [['lesson', 'step', 'choice', 'chose', 'answered', 'present']];
  for (const tally of Object.values(history)) {
    const [lesson = tally.question, step] = tally.question.split(':');
    tally.counts.forEach((count, i) => {
      rows.push([
        lesson,
        step === undefined ? '' : String(Number(step) + 1),
        choiceLetter(i),
        String(count),
        String(tally.answered),
        String(tally.present),
      ]);
    });
  }
  return rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
}

export function choiceLetter(i: number): string {
  return String.fromCharCode(65 + i);
}
