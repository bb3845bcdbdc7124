import fc from 'fast-check';
import type { FileProblem } from '../../src/contract';

// What the fuzz properties throw at every input surface (links, files, storage, shell lines,
// embed and presenter messages): values of the wrong type and size, numbers past every range,
// nesting deeper than any recursive walk survives, keys that name Object's own machinery, and
// text that runs script wherever it is taken for markup or a URL.

/** Every fuzz property runs seeded (a failure replays) and bounded (seconds, not minutes). */
export const fuzzRuns = (numRuns: number) => ({ seed: 20_260_611, numRuns });

/** Text that sets `window.__pwned` or opens a dialog if the page ever treats it as code. */
export const SCRIPT_PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload="window.__pwned=1;alert(1)">',
  '</script><script>window.__pwned=1</script>',
  'javascript:window.__pwned=1',
  "');window.__pwned=1;alert(1);//",
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '${window.__pwned=1}',
] as const;

/** Keys a naive merge or lookup takes for Object's own (prototype pollution and friends). */
export const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '',
  'a.b',
  '[0]',
  SCRIPT_PAYLOADS[0],
] as const;

/** Numbers outside every range the lab has, and those JSON cannot say (they arrive as null). */
export const HOSTILE_NUMBERS = [
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  2 ** 53 + 2,
  1e21,
  2 ** 60,
  -1,
  -0,
  0.5,
  Number.NaN,
  Infinity,
  -Infinity,
] as const;

/** Three megabytes: past every text limit, and past a link's whole size. */
export const MEGABYTES = 'x'.repeat(3 * 1024 * 1024);

/** Nesting 10,000 deep: past what JSON.stringify, String() or any recursive walk survives. */
const DEPTH = 10_000;

/**
 * Where a document holds nesting `DEPTH` deep. JSON.stringify cannot write such a value, so the
 * document holds this mark, and `jsonText` writes the nesting out as text.
 */
class Deep {
  constructor(readonly kind: 'array' | 'object') {}
  get text(): string {
    return this.kind === 'array'
      ? `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`
      : `${'{"a":'.repeat(DEPTH)}0${'}'.repeat(DEPTH)}`;
  }
}

const MARK = '\u0000deep:';

/** A document as JSON text, deep nesting included (the text a link, file or storage carries). */
export function jsonText(doc: unknown): string {
  const text = JSON.stringify(doc, (_k, v: unknown) =>
    v instanceof Deep ? `${MARK}${v.kind}` : v,
  );
  if (text === undefined) return 'null';
  return text.replace(
    /"\\u0000deep:(array|object)"/g,
    (_m, kind: 'array' | 'object') => new Deep(kind).text,
  );
}

/** A document as a message carries it: deep nesting made real, everything else as it is. */
export function materialize(doc: unknown): unknown {
  let deep = false;
  JSON.stringify(doc, (_k, v: unknown) => {
    if (v instanceof Deep) deep = true;
    return v instanceof Deep ? null : v;
  });
  return deep ? (JSON.parse(jsonText(doc)) as unknown) : doc;
}

/** An object whose own `__proto__` key holds data, as JSON.parse makes one. */
const protoObject = (): unknown => JSON.parse('{"__proto__":{"polluted":1},"constructor":{}}');

/** Hostile text short enough to try many times over. */
export const hostileText = fc.oneof(
  fc.constantFrom<string>(...SCRIPT_PAYLOADS, ...HOSTILE_KEYS, '\u0000', '\ud800', ' ', '1e308'),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

/** Hostile text, megabytes now and then. */
export const hostileString = fc.oneof(
  { weight: 6, arbitrary: hostileText },
  { weight: 1, arbitrary: fc.constant(MEGABYTES) },
);

/** One hostile value: what a field gets in place of what it should hold. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...HOSTILE_NUMBERS, null, true, false, [], {}),
  hostileString,
  fc.constantFrom<'array' | 'object'>('array', 'object').map((k) => new Deep(k)),
  fc.constant(null).map(protoObject),
  fc.array(fc.constantFrom<unknown>(...HOSTILE_NUMBERS, ...SCRIPT_PAYLOADS), { maxLength: 4 }),
  fc.dictionary(fc.constantFrom(...HOSTILE_KEYS), fc.constantFrom<unknown>(1, 'x', null), {
    maxKeys: 3,
  }),
  fc.anything({ maxDepth: 2 }),
);

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Every place in a JSON document, as steps from its root (the root itself included). */
function places(doc: unknown): (string | number)[][] {
  const out: (string | number)[][] = [];
  const todo: { v: unknown; at: (string | number)[] }[] = [{ v: doc, at: [] }];
  while (todo.length > 0) {
    const { v, at } = todo.pop() as { v: unknown; at: (string | number)[] };
    out.push(at);
    if (Array.isArray(v)) v.forEach((x, i) => todo.push({ v: x, at: [...at, i] }));
    else if (isRecord(v)) for (const k of Object.keys(v)) todo.push({ v: v[k], at: [...at, k] });
  }
  return out;
}

/** The keys of `doc` no format of the lab has (a document that holds one must be refused). */
export function hostileKeysIn(doc: unknown): string[] {
  const keys: readonly string[] = HOSTILE_KEYS;
  return places(doc).flatMap((at) => {
    const last = at[at.length - 1];
    return typeof last === 'string' && keys.includes(last) ? [last] : [];
  });
}

/** One change to a valid document: a value made hostile, a field dropped, or a field added. */
export interface Mutation {
  readonly pick: number;
  readonly op: 'replace' | 'drop' | 'add';
  readonly key: string;
  readonly value: unknown;
}

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  pick: fc.nat(),
  op: fc.constantFrom('replace', 'drop', 'add'),
  key: fc.constantFrom(...HOSTILE_KEYS),
  value: hostileValue,
});

function valueAt(doc: unknown, at: readonly (string | number)[]): unknown {
  let v = doc;
  for (const step of at) v = (v as Record<string, unknown>)[step];
  return v;
}

/** A key added as JSON.parse adds it: an own property, even `__proto__`. */
function addKey(o: object, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/** `doc` (plain JSON, left as it is) with the mutation applied at one of its places. */
export function mutate(doc: unknown, m: Mutation): unknown {
  const copy = structuredClone(doc);
  const all = places(copy);
  const at = all[m.pick % all.length] as (string | number)[];
  const target = valueAt(copy, at);
  if (m.op === 'add' && isRecord(target)) {
    addKey(target, m.key, m.value);
    return copy;
  }
  if (at.length === 0) return m.value;
  const parent = valueAt(copy, at.slice(0, -1)) as Record<string, unknown>;
  const last = at[at.length - 1] as string | number;
  if (m.op === 'drop' && Array.isArray(parent)) parent.splice(last as number, 1);
  else if (m.op === 'drop') delete parent[last];
  else if (m.op === 'add' && Array.isArray(parent)) parent.push(m.value);
  else if (m.op === 'add') addKey(parent, m.key, m.value);
  else parent[last] = m.value;
  return copy;
}

/** Problems that are about the whole text or link, not one field of it. */
const WHOLE = new Set(['too-big', 'not-json', 'malformed', 'not-object']);

/**
 * Whether a refusal names a place in the document it refused: its path (as the page writes it,
 * `setup[3].cpus[1]`) leads from the root through what is there, the last step possibly a field
 * that is missing; an empty path only for what is about the whole.
 */
export function namesPlace(problem: FileProblem, doc: unknown): boolean {
  if (problem.path === '') return WHOLE.has(problem.code);
  const walk = (cur: unknown, rest: string, root: boolean): boolean => {
    if (rest === '') return true;
    const index = /^\[(\d+)\]/.exec(rest);
    if (index) {
      const i = Number(index[1]);
      return (
        Array.isArray(cur) && i < cur.length && walk(cur[i], rest.slice(index[0].length), false)
      );
    }
    // A key the path had to quote: `["a.b"]`.
    const quoted = /^\[("(?:[^"\\]|\\.)*")\]/.exec(rest);
    if (quoted) {
      const k = JSON.parse(quoted[1] as string) as string;
      const after = rest.slice(quoted[0].length);
      if (!isRecord(cur)) return false;
      return Object.hasOwn(cur, k) ? walk(cur[k], after, false) : after === '';
    }
    if (!root && !rest.startsWith('.')) return false;
    const key = root ? rest : rest.slice(1);
    if (!isRecord(cur)) return false;
    for (const k of Object.keys(cur))
      if (key.startsWith(k) && walk(cur[k], key.slice(k.length), false)) return true;
    // The last step may name a field the document lacks.
    return !/[.[]/.test(key);
  };
  return walk(doc, problem.path, true);
}
