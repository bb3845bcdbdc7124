import { z } from './zod';
import { unique } from './fields';
import { questionId } from './class-message';

/** Every step of every lesson and their quizzes, with room to spare. */
export const MAX_KEPT_REVEALS = 256;

export interface KeptReveals {
  readonly revealed: readonly string[];
  readonly chartsShown: string | null;
}

const kept = z.object({
  revealed: unique(questionId, MAX_KEPT_REVEALS),
  chartsShown: z.nullable(questionId),
});

const NONE: KeptReveals = { revealed: [], chartsShown: null };

/**
 * What a presenter window kept in sessionStorage of the answers it revealed (so a reload mid-class
 * does not ask the room again). Any other text — damaged, hand-edited, from another version —
 * reads as nothing revealed; nothing here throws.
 */
export function readKeptReveals(text: string | null): KeptReveals {
  if (text === null) return NONE;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return NONE;
  }
  const r = kept.safeParse(data);
  if (!r.success) return NONE;
  return { revealed: r.data.revealed, chartsShown: r.data.chartsShown };
}
