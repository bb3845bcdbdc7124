import type { LessonProgress } from '../../../src/contract';
import type { LessonBody } from '../../../src/store/progress-sync';

/** A localStorage of the given capacity (in characters of keys and values), like a browser's. */
export class FakeStorage implements Storage {
  private readonly map = new Map<string, string>();

  constructor(private readonly capacity = Infinity) {}

  get length(): number {
    return this.map.size;
  }

  key(i: number): string | null {
    return [...this.map.keys()][i] ?? null;
  }

  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    const used = [...this.map].reduce((n, [k, v]) => n + (k === key ? 0 : k.length + v.length), 0);
    if (used + key.length + value.length > this.capacity)
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.map.set(key, String(value));
  }

  removeItem(key: string): void {
    this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
  }
}

/** A valid entry of crash-containment (or any lesson with ≥ 2 steps), at `step`, marked by `n`. */
export function entry(step: number, n = 0): LessonProgress {
  return {
    step,
    seed: 1,
    log: [],
    t: n * 1000,
    predictions: { 0: 1 },
    hints: {},
    cards: {},
    uiDone: {},
    quiz: {},
  };
}

export const body = (step: number, n = 0): LessonBody => ({
  entry: entry(step, n),
  finished: false,
  reached: step,
});
