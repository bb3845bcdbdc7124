import { FAULT_KINDS, PROPOSAL_VERSIONS } from '../../contract';
import { validateInput } from '../../sim/validate';
import type { FileProblem, ProblemCode } from '../../store/share-store';

/**
 * The building blocks of the link and file checks. A check walks the JSON in document order and
 * stops at the first bad field (thrown as `Bad`, caught once by `attempt`), so the message names
 * exactly one place the user can go and fix.
 */

export class Bad extends Error {
  constructor(readonly problem: FileProblem) {
    super(`${problem.path}: ${problem.code}`);
  }
}

export function bad(
  path: string,
  code: ProblemCode,
  params: Readonly<Record<string, string | number>> = {},
): never {
  throw new Bad({ path, code, params });
}

export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: FileProblem };

export function attempt<T>(fn: () => T): Checked<T> {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    if (e instanceof Bad) return { ok: false, problem: e.problem };
    throw e;
  }
}

export const at = (path: string, key: string): string => (path ? `${path}.${key}` : key);
export const item = (path: string, i: number): string => `${path}[${i}]`;

/** A short, safe echo of a bad value for the message. */
export function shown(v: unknown): string {
  let s: string;
  try {
    s = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  } catch {
    s = String(v);
  }
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

export function obj(v: unknown, path: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) bad(path, 'not-object');
  return v as Record<string, unknown>;
}

/** Every key must be known; `required` ones must be there. Unknown first, in document order. */
export function fields(
  o: Record<string, unknown>,
  path: string,
  required: readonly string[],
  optional: readonly string[] = [],
): void {
  for (const k of Object.keys(o))
    if (!required.includes(k) && !optional.includes(k)) bad(at(path, k), 'unknown-field');
  for (const k of required) if (!(k in o)) bad(at(path, k), 'missing');
}

export function int(v: unknown, path: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) bad(path, 'not-int', { value: shown(v) });
  if (v < min || v > max) bad(path, 'range', { value: v, min, max });
  return v;
}

export function str(v: unknown, path: string, max: number): string {
  if (typeof v !== 'string') bad(path, 'not-string', { value: shown(v) });
  if (v.length === 0) bad(path, 'empty');
  if (v.length > max) bad(path, 'too-long', { length: v.length, max });
  return v;
}

export function bool(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') bad(path, 'not-bool', { value: shown(v) });
  return v;
}

export function oneOf<T extends string>(v: unknown, path: string, choices: readonly T[]): T {
  if (typeof v !== 'string' || !(choices as readonly string[]).includes(v))
    bad(path, 'not-one-of', { value: shown(v), choices: choices.join(', ') });
  return v as T;
}

export function arr(v: unknown, path: string, max: number): readonly unknown[] {
  if (!Array.isArray(v)) bad(path, 'not-array');
  if (v.length > max) bad(path, 'too-many', { count: v.length, max });
  return v;
}

/** Parse JSON text after a size check: an oversize file is refused before it is read. */
export function parseJson(text: string, maxChars: number): unknown {
  if (text.length > maxChars)
    bad('', 'too-big', { size: Math.ceil(text.length / 1024), max: Math.floor(maxChars / 1024) });
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return bad('', 'not-json');
  }
}

/** Every input type the engine's log may hold (machine inputs; shell lines and lesson inputs apart). */
export const INPUT_TYPES = [
  'instance.create',
  'instance.load',
  'instance.exec',
  'instance.kill',
  'instance.unload',
  'instance.delete',
  'instance.memAdd',
  'cpu.hotplug',
  'cpu.toPool',
  'cpu.fromPool',
  'pool.grow',
  'pool.rollback',
  'device.lend',
  'device.return',
  'iommu.set',
  'version.set',
  'msg.send',
  'workload.start',
  'workload.stop',
  'workload.load',
  'service.redirect',
  'fault',
] as const;

const ENUMS: Readonly<Record<string, readonly string[]>> = {
  version: PROPOSAL_VERSIONS,
  category: ['IO', 'RESOURCE', 'SYSTEM', 'USER', 'NETWORK'],
  wlkind: ['server', 'cpu', 'noisy', 'io', 'rt', 'service'],
  op: ['wbinvd', 'split-lock'],
};

const FIELD_CODES: Record<string, ProblemCode> = {
  str: 'not-string',
  int: 'not-int',
  bool: 'not-bool',
  ints: 'not-ints',
  strs: 'not-strings',
  image: 'not-image',
};

/**
 * The shape of one machine input, by the simulator's own validator (the one the shell and the
 * forms go through), its message turned into a field path and a message key.
 */
export function machineInput(v: unknown, path: string): void {
  const r = validateInput(v);
  if (!('ok' in r)) return;
  const m = r.message;
  const o = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
  let g: RegExpMatchArray | null;
  if (m === 'an input must be an object') bad(path, 'not-object');
  if (m === 'an input needs a "type"') bad(at(path, 'type'), 'missing');
  if ((g = /^unknown input type "(.*)"$/.exec(m)))
    bad(at(path, 'type'), 'not-one-of', { value: shown(g[1]), choices: INPUT_TYPES.join(', ') });
  if (/^fault: unknown kind/.test(m))
    bad(at(path, 'kind'), 'not-one-of', { value: shown(o.kind), choices: FAULT_KINDS.join(', ') });
  if ((g = /missing field "(\w+)"$/.exec(m))) bad(at(path, g[1] as string), 'missing');
  if ((g = /unknown field "(\w+)"$/.exec(m))) bad(at(path, g[1] as string), 'unknown-field');
  if ((g = /field "(\w+)" is not a valid (\w+)$/.exec(m))) {
    const key = g[1] as string;
    const code = FIELD_CODES[g[2] as string] ?? 'not-one-of';
    bad(at(path, key), code, {
      value: shown(o[key]),
      choices: (ENUMS[g[2] as string] ?? []).join(', '),
    });
  }
  bad(path, 'refused', { message: m });
}
