import type { z } from './zod';
import type { Checked, FileProblem, ProblemCode } from '../problems';

/**
 * How a zod error becomes the project's `FileProblem`: one place that names the first bad field
 * in document order, as a path like `setup[3].cpus[1]`, with a message code and what the message
 * shows (the value, the range, the choices). The validators raise problems of their own (a CPU
 * the machine lacks, a duplicate) as custom issues whose params are a `Flag`.
 */

export type Params = Readonly<Record<string, string | number>>;
type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/**
 * A custom issue's params. `other`: a second place the message names (where a duplicate was
 * first given), as a path from the checked value, which sits `depth` steps above the issue.
 */
export interface Flag {
  readonly problem: ProblemCode;
  readonly params: Params;
  readonly other?: { readonly depth: number; readonly path: Path };
}

/** A short, safe echo of a bad value for the message. */
export function shown(v: unknown): string {
  let s: string;
  try {
    s = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  } catch {
    // Too deep for JSON.stringify, and String() would recurse as deep: say only what it is.
    s = Array.isArray(v) ? '[…]' : typeof v === 'object' && v !== null ? '{…}' : String(v);
  }
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

/** A key a path can write after a dot and still be read back as that key. */
const PLAIN_KEY = /^[^\s.[\]"'\\]+$/;

/**
 * `setup[3].cpus[1]`: list items in brackets, keys after dots; a key that would read as
 * something else (empty, `a.b`, `[0]`, spaces, quotes) is quoted in brackets: `lessons["a.b"]`.
 */
function pathText(path: Path): string {
  let out = '';
  for (const seg of path) {
    const key = String(seg);
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (!PLAIN_KEY.test(key)) out += `[${JSON.stringify(key)}]`;
    else out += out ? `.${key}` : key;
  }
  return out;
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function valueAt(data: unknown, path: Path): unknown {
  let cur = data;
  for (const seg of path) {
    if (Array.isArray(cur) && typeof seg === 'number') cur = cur[seg] as unknown;
    else if (isRecord(cur)) cur = cur[String(seg)];
    else return undefined;
  }
  return cur;
}

/** Where a path sits in the document: list indices, and each key's place among its object's. */
function position(data: unknown, path: Path): number[] {
  const out: number[] = [];
  let cur = data;
  for (const seg of path) {
    if (Array.isArray(cur) && typeof seg === 'number') {
      out.push(seg);
      cur = cur[seg] as unknown;
    } else if (isRecord(cur)) {
      const keys = Object.keys(cur);
      const i = keys.indexOf(String(seg));
      // A missing key sorts after every key that is there.
      out.push(i < 0 ? keys.length : i);
      cur = cur[String(seg)];
    } else {
      out.push(0);
      cur = undefined;
    }
  }
  return out;
}

function before(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++)
    if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number);
  return a.length < b.length;
}

interface Located {
  readonly path: Path;
  /** Null for an unknown key (zod reports them together, one issue per object). */
  readonly issue: Issue | null;
}

/** How far a union's branch got into the value: deeper, and past its type, says more. */
function reach(issues: readonly Issue[]): number {
  const depth = Math.max(0, ...issues.map((i) => i.path.length));
  const typeMiss = issues.some(
    (i) => i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value'),
  );
  return depth * 2 + (typeMiss ? 0 : 1);
}

/** One entry per problem, with absolute paths: unknown keys apart, a union by its best branch. */
function locate(issues: readonly Issue[], base: Path): Located[] {
  return issues.flatMap((issue): Located[] => {
    const path = [...base, ...issue.path];
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((k) => ({ path: [...path, k], issue: null }));
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // The branch that got furthest into the value says the most about what is wrong.
      const best = issue.errors.reduce((a, b) => (reach(b) > reach(a) ? b : a));
      return locate(best, path);
    }
    return [{ path, issue }];
  });
}

const choices = (xs: readonly unknown[] | undefined): string => (xs ?? []).map(String).join(', ');

function describe(issue: Issue, value: unknown, path: Path): { code: ProblemCode; params: Params } {
  switch (issue.code) {
    case 'custom': {
      const flag = issue.params as Flag | undefined;
      if (!flag?.problem) return { code: 'invalid', params: { value: shown(value) } };
      if (!flag.other) return { code: flag.problem, params: flag.params };
      const from = path.slice(0, path.length - flag.other.depth);
      return {
        code: flag.problem,
        params: { ...flag.params, other: pathText([...from, ...flag.other.path]) },
      };
    }
    case 'invalid_type':
      if (value === undefined) return { code: 'missing', params: {} };
      switch (issue.expected) {
        case 'object':
        case 'record':
          return { code: 'not-object', params: {} };
        case 'array':
        case 'tuple':
          return { code: 'not-array', params: {} };
        case 'number':
        case 'int':
        case 'nan':
          return { code: 'not-int', params: { value: shown(value) } };
        case 'string':
          return { code: 'not-string', params: { value: shown(value) } };
        case 'boolean':
          return { code: 'not-bool', params: { value: shown(value) } };
        default:
          return { code: 'invalid', params: { value: shown(value) } };
      }
    case 'invalid_union':
      if (value === undefined) return { code: 'missing', params: {} };
      return {
        code: 'not-one-of',
        params: { value: shown(value), choices: choices('options' in issue ? issue.options : []) },
      };
    case 'invalid_value':
      return {
        code: 'not-one-of',
        params: { value: shown(value), choices: choices(issue.values) },
      };
    case 'too_small':
    case 'too_big': {
      const len = typeof value === 'string' || Array.isArray(value) ? value.length : 0;
      if (issue.origin === 'int') return { code: 'not-int', params: { value: shown(value) } };
      if (issue.code === 'too_small' && (issue.origin === 'string' || issue.origin === 'array'))
        return { code: 'empty', params: {} };
      const max = 'maximum' in issue ? Number(issue.maximum) : len;
      if (issue.origin === 'string') return { code: 'too-long', params: { length: len, max } };
      if (issue.origin === 'array') return { code: 'too-many', params: { count: len, max } };
      return { code: 'invalid', params: { value: shown(value) } };
    }
    case 'not_multiple_of':
      return { code: 'not-multiple', params: { value: shown(value), step: Number(issue.divisor) } };
    default:
      return { code: 'invalid', params: { value: shown(value) } };
  }
}

/** The first of a zod error's problems in document order, as the page shows it. */
function firstProblem(issues: readonly Issue[], data: unknown): FileProblem {
  const all = locate(issues, []);
  let first = all[0] as Located;
  let at = position(data, first.path);
  for (const l of all.slice(1)) {
    const p = position(data, l.path);
    if (before(p, at)) {
      first = l;
      at = p;
    }
  }
  const path = pathText(first.path);
  if (first.issue === null) return { path, code: 'unknown-field', params: {} };
  return { path, ...describe(first.issue, valueAt(data, first.path), first.path) };
}

/**
 * Check `data` against `schema`. The value returned is `data` itself, not zod's copy: a file
 * reads back exactly as written (its keys in their order), and a log keeps its fingerprint.
 */
export function checked<T>(schema: z.ZodMiniType, data: unknown): Checked<T> {
  const r = schema.safeParse(data);
  if (r.success) return { ok: true, value: data as T };
  return { ok: false, problem: firstProblem(r.error.issues, data) };
}

/** JSON text after a size check: an oversize file is refused before it is read. */
export function readJson(text: string, maxChars: number): Checked<unknown> {
  if (text.length > maxChars) {
    const params = { size: Math.ceil(text.length / 1024), max: Math.floor(maxChars / 1024) };
    return { ok: false, problem: { path: '', code: 'too-big', params } };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, problem: { path: '', code: 'not-json', params: {} } };
  }
}
