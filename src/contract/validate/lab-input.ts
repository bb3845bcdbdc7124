import { z } from './zod';
import { INPUT_TYPES } from '../inputs';
import { MAX_LINE } from '../limits';
import type { ProblemCode } from '../problems';
import { flag, intIn, text } from './fields';
import { machineInput } from './input';
import { shown } from './problem';

/**
 * The one input union the worker takes and logs (`LabInput`): machine inputs, shell lines, and
 * in a lesson of `lessonSteps` steps the lesson's own inputs. Outside a lesson those are refused
 * as belonging to one.
 */

/**
 * What stands before a union on `type`: an unknown type is named with the types allowed here,
 * and `elsewhere` names the types that belong somewhere else (a lesson, not a setup).
 */
export function typeGate(
  allowed: readonly string[],
  elsewhere: Readonly<Partial<Record<string, ProblemCode>>> = {},
) {
  return z.looseObject({
    type: z.string().check(
      z.superRefine((t: string, ctx) => {
        if (allowed.includes(t)) return;
        const code = Object.hasOwn(elsewhere, t) ? elsewhere[t] : undefined;
        if (code) flag(ctx, code, { value: shown(t) });
        else flag(ctx, 'not-one-of', { value: shown(t), choices: allowed.join(', ') });
      }),
    ),
  });
}

/**
 * `then` behind `gate`, both on the value as given. Not a pipe: a pipe hands `then` the gate's
 * copy, from which zod leaves out a `__proto__` key, so a strict object would never see it. Each
 * problem stops the checks above from reading into the value, as a pipe's would.
 */
export function gated(gate: z.ZodMiniType, then: z.ZodMiniType) {
  return z.unknown().check(
    z.superRefine((v: unknown, ctx) => {
      const g = gate.safeParse(v);
      const r = g.success ? then.safeParse(v) : g;
      if (!r.success) r.error.issues.forEach((i) => ctx.addIssue({ ...i, continue: false }));
    }),
  );
}

const shellLine = z.strictObject({ type: z.literal('shell.line'), line: text(MAX_LINE) });
const twinOnly = z.strictObject({ type: z.literal('twin.only'), input: machineInput });
const LESSON_TYPES = ['lesson.step', 'twin.only'];

const sandbox = gated(
  typeGate([...INPUT_TYPES, 'shell.line'], {
    'lesson.step': 'lesson-only',
    'twin.only': 'lesson-only',
  }),
  z.discriminatedUnion('type', [shellLine, machineInput]),
);
const lessons = new Map<number, z.ZodMiniType>();

/** A `LabInput` in a lesson of `lessonSteps` steps, or in the sandbox (null). */
export function labInput(lessonSteps: number | null): z.ZodMiniType {
  if (lessonSteps === null) return sandbox;
  let schema = lessons.get(lessonSteps);
  if (!schema) {
    const step = z.strictObject({
      type: z.literal('lesson.step'),
      step: intIn(0, lessonSteps - 1),
    });
    schema = gated(
      typeGate([...INPUT_TYPES, 'shell.line', ...LESSON_TYPES]),
      z.discriminatedUnion('type', [shellLine, step, twinOnly, machineInput]),
    );
    lessons.set(lessonSteps, schema);
  }
  return schema;
}
