import { advanceTo, apply, twinInput, type ApplyResult, type Input, type Machine } from '../sim';
import { execLine, type ShellResult, type ShellWait } from '../shell';
import type { LogEntry } from '../contract';
import type { TrackerState } from '../lessons/tracker';

const NO_SUCH_STEP: ApplyResult = {
  ok: false,
  code: 'EINVAL',
  errno: -22,
  message: 'no such lesson step',
};

/** What a running lesson adds to the timeline (src/worker/lesson-runner.ts; absent in the sandbox). */
export interface TimelineLesson {
  /** Events per run chunk: the goals are checked after each one. */
  readonly chunk: number;
  /** With a twin: whether faults reach it too (lessons that panic one side at a time say no). */
  readonly mirrorFaults: boolean;
  /** Check the step's goals against the machine as it stands. */
  observe(): void;
  /** A `lesson.step` input: goal tracking starts again at `step`. */
  step(step: number): ApplyResult;
  noteLine(line: string, exit: number, wait?: ShellWait): void;
  /** When the playing "show me" script's next items are due (Infinity: none plays), and take them. */
  nextScriptAt(): number;
  fireScript(): void;
  /** Goal tracking's state, kept with each checkpoint; `restore(null)` starts it again. */
  save(): TrackerState;
  restore(state: TrackerState | null): void;
}

/** What applying one entry did. */
export interface EntryResult {
  readonly result: ApplyResult;
  readonly shell?: ShellResult;
}

/** What an entry is applied to. */
export interface EntryContext {
  readonly m: Machine;
  readonly tw: Machine | null;
  readonly lesson: TimelineLesson | null;
  /** Records the machine inputs a shell line expanded to (the twin's rebuild replays them). */
  readonly expanded: WeakMap<LogEntry, readonly Input[]>;
}

/**
 * Apply one log entry to the machine, the twin and the lesson: the one path for a live input, a
 * replayed one and a script's.
 */
export function applyEntry(ctx: EntryContext, e: LogEntry): EntryResult {
  const input = e.input;
  switch (input.type) {
    case 'shell.line': {
      const r = execLine(ctx.m, input.line);
      ctx.expanded.set(e, r.inputs);
      for (const i of r.inputs) applyTwin(ctx, i);
      ctx.lesson?.noteLine(input.line, r.exit, r.wait);
      return { result: { ok: true }, shell: r };
    }
    case 'lesson.step':
      return { result: ctx.lesson ? ctx.lesson.step(input.step) : NO_SUCH_STEP };
    case 'twin.only': {
      if (!ctx.tw) {
        return { result: { ok: false, code: 'ENOENT', errno: -2, message: 'no twin machine' } };
      }
      advanceTo(ctx.tw, ctx.m.now);
      return { result: apply(ctx.tw, input.input) };
    }
    default: {
      const result = apply(ctx.m, input);
      applyTwin(ctx, input);
      return { result };
    }
  }
}

function applyTwin(ctx: EntryContext, input: Input): void {
  if (!ctx.tw) return;
  if (input.type === 'fault' && ctx.lesson?.mirrorFaults === false) return;
  advanceTo(ctx.tw, ctx.m.now);
  const ti = twinInput(input);
  if (ti) apply(ctx.tw, ti);
}
