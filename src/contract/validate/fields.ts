import { z } from './zod';
import { MAX_T } from '../limits';
import type { ProblemCode } from '../problems';
import { shown, type Flag, type Params } from './problem';

/**
 * The building blocks every validator is made of: zod schemas whose failures read as the
 * project's problems (./problem.ts turns them into messages). A check that zod cannot say by
 * itself (a range with both ends, a name rule, a duplicate) raises its own problem with `flag`.
 */

type Ctx = Pick<z.core.$RefinementCtx, 'addIssue'>;
type Schema = z.ZodMiniType;

/**
 * Raise a problem at the checked value, or at `path` below it; `other` (a path from the checked
 * value) is the second place the message names, as `{other}`.
 */
export function flag(
  ctx: Ctx,
  problem: ProblemCode,
  params: Params = {},
  path: PropertyKey[] = [],
  other?: PropertyKey[],
): void {
  const f: Flag = other
    ? { problem, params, other: { depth: path.length, path: other } }
    : { problem, params };
  ctx.addIssue({ code: 'custom', params: f, path, message: problem });
}

/**
 * Check a part whose schema depends on another part (a log on its lesson, a step's answer on
 * the step): its problems are reported at `path` below the checked value.
 */
export function within(ctx: Ctx, schema: Schema, value: unknown, path: PropertyKey[]): void {
  const r = schema.safeParse(value);
  if (!r.success)
    for (const issue of r.error.issues) ctx.addIssue({ ...issue, path: [...path, ...issue.path] });
}

/**
 * A check on a value once zod has read it, typed as the contract says (zod's own type differs
 * only in how it writes optional keys).
 */
export function rule<T>(fn: (value: T, ctx: Ctx) => void) {
  return z.superRefine((v: unknown, ctx) => fn(v as T, ctx));
}

/** A whole number from `min` to `max` (both shown when it is outside). */
export function intIn(min: number, max: number) {
  return z.int().check(
    z.superRefine((v: number, ctx) => {
      if (v < min || v > max) flag(ctx, 'range', { value: v, min, max });
    }),
  );
}

const NS_PER_S = 1_000_000_000;

/**
 * Why a simulated time (ns) is refused, or null: not a whole number, negative, or past `MAX_T`
 * — then the message names the time asked and the limit in seconds, which a person can read.
 */
export function simTimeProblem(v: number): readonly [ProblemCode, Params] | null {
  if (v > MAX_T) return ['too-far', { value: String(v / NS_PER_S), max: MAX_T / NS_PER_S }];
  if (!Number.isInteger(v)) return ['not-int', { value: shown(v) }];
  if (v < 0) return ['range', { value: v, min: 0, max: MAX_T }];
  return null;
}

/** A simulated time in ns, from 0 to `MAX_T` (a link's `t`, a log entry's, a file's). */
export const simTime = () =>
  z.number().check(
    z.superRefine((v: number, ctx) => {
      const bad = simTimeProblem(v);
      if (bad) flag(ctx, bad[0], bad[1]);
    }),
  );

/** Non-empty text of at most `max` characters. */
export const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

/** A list of at most `max` items. */
export const list = <T extends Schema>(item: T, max: number) =>
  z.array(item).check(z.maxLength(max));

/** A list whose items must not repeat (the second one is named, pointing at the first). */
export const unique = <T extends Schema>(item: T, max: number) =>
  list(item, max).check(
    z.superRefine((xs: readonly unknown[], ctx) => {
      xs.forEach((x, i) => {
        const j = xs.indexOf(x);
        if (j !== i) flag(ctx, 'duplicate', { value: shown(x) }, [i], [j]);
      });
    }),
  );

/** A format tag (`schema`, `v`): anything else says which kind of thing it is not. */
export const tag = (expected: string | number, problem: 'schema' | 'version', chars = 40) =>
  z.unknown().check(
    z.superRefine((v, ctx) => {
      // String() of an object can recurse without end or throw (`{"toString": 1}`): shown() cannot.
      const said = typeof v === 'object' && v !== null ? shown(v) : String(v);
      if (v !== expected) flag(ctx, problem, { value: said.slice(0, chars), expected });
    }),
  );

/**
 * An object keyed by words from a list (or indices), whose values' schema depends on the key:
 * a lesson's progress by its slug, a step's answer by the step. A key not allowed is named with
 * `keyProblem`.
 */
export function keyed(
  keyProblem: (key: string) => readonly [ProblemCode, Params] | null,
  value: (key: string) => Schema,
) {
  // A schema per key, made once: making one costs far more than running it.
  const made = new Map<string, Schema>();
  const schemaOf = (k: string): Schema => {
    let s = made.get(k);
    if (!s) made.set(k, (s = value(k)));
    return s;
  };
  const record = z.record(z.string(), z.unknown());
  // The keys are read from the value as given: zod's record leaves out a `__proto__` key from
  // the copy it hands on, so a check on that copy would let such a key through unchecked.
  return z.unknown().check(
    z.superRefine((data: unknown, ctx) => {
      const shape = record.safeParse(data);
      // Not an object: nothing that reads into it (a check of the whole) may run.
      if (!shape.success)
        return shape.error.issues.forEach((i) => ctx.addIssue({ ...i, continue: false }));
      for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
        const bad = keyProblem(k);
        if (bad) flag(ctx, bad[0], bad[1], [k]);
        else within(ctx, schemaOf(k), v, [k]);
      }
    }),
  );
}

/** Keys that are 0-based indices below `n` (a lesson's steps, its quiz questions). */
export function indexKey(n: number) {
  return (k: string): readonly [ProblemCode, Params] | null =>
    /^\d{1,3}$/.test(k) && Number(k) < n ? null : ['range', { value: k, min: 0, max: n - 1 }];
}

/** A word from `choices` as an object key. */
export function choiceKey(choices: readonly string[]) {
  return (k: string): readonly [ProblemCode, Params] | null =>
    choices.includes(k) ? null : ['not-one-of', { value: shown(k), choices: choices.join(', ') }];
}
