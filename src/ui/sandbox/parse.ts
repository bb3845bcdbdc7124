import { NAME_RE, type InstanceState, type PresetId, type ProposalVersion } from '../../contract';
import type { MessageKey } from '../../i18n';
import { PRESET_LIST } from './catalog';

/**
 * Pure helpers behind the sandbox forms: parse what the user typed, say what is wrong with it
 * (as a message key and its parameters, so the page can translate it), and format lists back.
 * No React, no stores: tests/unit/ui/parse.test.ts covers them.
 */

export interface FieldError {
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, string | number>>;
}
export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: FieldError };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (key: MessageKey, params?: Record<string, string | number>): Parsed<never> => ({
  ok: false,
  error: params ? { key, params } : { key },
});

/**
 * A CPU list as kerf and sysfs write it: "4-5,7" (ranges and single ids, commas or spaces
 * between). Order is kept: the first CPU listed is the one the kernel boots on (facts §1.5).
 * `cpuCount` bounds the ids (the machine's CPUs are 0 … cpuCount − 1).
 */
export function parseCpuList(text: string, cpuCount: number): Parsed<number[]> {
  const trimmed = text.trim();
  if (trimmed === '') return bad('sandbox.err.cpusEmpty');
  const out: number[] = [];
  const seen = new Set<number>();
  for (const token of trimmed.split(/[\s,]+/).filter((x) => x !== '')) {
    const m = /^(\d{1,4})(?:\s*[-–]\s*(\d{1,4}))?$/.exec(token);
    if (!m) return bad('sandbox.err.cpusSyntax', { token });
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (b < a) return bad('sandbox.err.cpusReversed', { range: token, a, b });
    for (let c = a; c <= b; c++) {
      if (c >= cpuCount) return bad('sandbox.err.cpusUnknown', { cpu: c, max: cpuCount - 1 });
      if (seen.has(c)) return bad('sandbox.err.cpusTwice', { cpu: c });
      seen.add(c);
      out.push(c);
    }
  }
  return ok(out);
}

/** "4–5, 7" for [4, 5, 7]: runs of consecutive ids (in the order given) become ranges. */
export function formatCpuList(cpus: readonly number[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < cpus.length) {
    const start = cpus[i] as number;
    let end = start;
    while (i + 1 < cpus.length && cpus[i + 1] === end + 1) {
      end++;
      i++;
    }
    parts.push(
      end === start ? String(start) : end === start + 1 ? `${start}, ${end}` : `${start}–${end}`,
    );
    i++;
  }
  return parts.join(', ');
}

/** A whole number in [min, max]; `optional` lets an empty field through as `undefined`. */
export function parseIntField(
  text: string,
  min: number,
  max: number,
  optional = false,
): Parsed<number | undefined> {
  const trimmed = text.trim();
  if (trimmed === '') return optional ? ok(undefined) : bad('sandbox.err.required');
  if (!/^-?\d+$/.test(trimmed)) return bad('sandbox.err.notWhole');
  const n = Number(trimmed);
  if (!Number.isSafeInteger(n) || n < min || n > max) return bad('sandbox.err.range', { min, max });
  return ok(n);
}

/** A required whole number in [min, max]. */
export function parseRequiredInt(text: string, min: number, max: number): Parsed<number> {
  const r = parseIntField(text, min, max);
  if (!r.ok) return r;
  return r.value === undefined ? bad('sandbox.err.required') : ok(r.value);
}

/** The machine's largest sensible request (MiB): the forms stop typos, the machine the rest. */
export const MAX_MIB = 1_048_576;

/** Workload names: the sim takes any 1–64 characters; the form asks for something shell-friendly. */
const WORKLOAD_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export function parseInstanceName(text: string, taken: readonly string[]): Parsed<string> {
  const name = text.trim();
  if (name === '') return bad('sandbox.err.required');
  if (!NAME_RE.test(name)) return bad('sandbox.err.name');
  if (taken.includes(name)) return bad('sandbox.err.nameTaken', { name });
  return ok(name);
}

export function parseWorkloadName(text: string, taken: readonly string[]): Parsed<string> {
  const name = text.trim();
  if (name === '') return bad('sandbox.err.required');
  if (!WORKLOAD_RE.test(name)) return bad('sandbox.err.workloadName');
  if (taken.includes(name)) return bad('sandbox.err.workloadTaken', { name });
  return ok(name);
}

/** An optional free-text token (a message subtype): letters, digits, `_` and `-`, ≤ 32. */
export function parseSubtype(text: string): Parsed<string | undefined> {
  const s = text.trim();
  if (s === '') return ok(undefined);
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(s)) return bad('sandbox.err.subtype');
  return ok(s);
}

/** The largest message a version carries: the GitHub ring's entries, or v1/v2's slot (facts §1.9). */
export function messageLimit(version: ProposalVersion): number {
  return version === 'github' ? 4096 : 256;
}

export type Verb = 'load' | 'exec' | 'kill' | 'force' | 'unload' | 'delete' | 'memAdd';

/** The verbs DESIGN §3's lifecycle table allows from a state; every other one is refused. */
export function allowedVerbs(state: InstanceState): readonly Verb[] {
  switch (state) {
    case 'ready':
      return ['load', 'delete'];
    case 'loaded':
      return ['exec', 'unload'];
    case 'active':
      return ['kill', 'force', 'memAdd'];
    case 'failed':
      return ['delete'];
  }
}

/** The option to show in a select: the chosen value while it is still offered, else the first. */
export function effective<T>(chosen: T, offered: readonly T[], fallback: T): T {
  if (offered.includes(chosen)) return chosen;
  return offered.length > 0 ? (offered[0] as T) : fallback;
}

/** The preset and seed the page started with, read from the URL as src/app/start.ts reads it. */
export function startFromSearch(search: string): { preset: PresetId; seed: number } {
  const q = new URLSearchParams(search);
  const p = q.get('scenario') ?? '';
  const preset = (PRESET_LIST as readonly string[]).includes(p) ? (p as PresetId) : 'two-kernels';
  const seedText = q.get('seed');
  const seed = seedText !== null && /^\d{1,15}$/.test(seedText) ? Number(seedText) : 1;
  return { preset, seed };
}
