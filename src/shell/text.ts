/** Formatting and parsing helpers shaped like the real tools' (kerf is Python; the kernel is C). */

export const MIB_BYTES = 1024 * 1024;
export const GIB_BYTES = 1024 * MIB_BYTES;

/** Lowercase hex without a prefix. */
export const hex = (n: number): string => n.toString(16);

/** `%0*llx`: hex padded with zeros to `width` digits. */
export const hexPad = (n: number, width: number): string => hex(n).padStart(width, '0');

/** printk's `[%5lu.%06lu]` timestamp of a simulated time in ns. */
export function stamp(ns: number): string {
  const s = Math.floor(ns / 1_000_000_000);
  const us = Math.floor((ns % 1_000_000_000) / 1000);
  return `[${String(s).padStart(5, ' ')}.${String(us).padStart(6, '0')}]`;
}

/** Python's repr of a list of ints: `[4, 5]`. */
export const pyList = (xs: readonly number[]): string => `[${xs.join(', ')}]`;

/** The kernel's cpulist format (`0-3,6`), as /sys/devices/system/cpu/online prints it. */
export function cpuList(xs: readonly number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < s.length;) {
    let j = i;
    while (j + 1 < s.length && (s[j + 1] as number) === (s[j] as number) + 1) j++;
    parts.push(j > i ? `${s[i]}-${s[j]}` : String(s[i]));
    i = j + 1;
  }
  return parts.join(',');
}

/**
 * Python's `f"{bytes / 2**30:.2f}"`: two decimals, ties to even on the exact binary value (our
 * sizes are multiples of 128 MiB, so the quotient is exact). Integer arithmetic only.
 */
export function gb2(bytes: number): string {
  const scaled = bytes * 100;
  let q = Math.floor(scaled / GIB_BYTES);
  const r = scaled - q * GIB_BYTES;
  if (r * 2 > GIB_BYTES || (r * 2 === GIB_BYTES && q % 2 === 1)) q++;
  return `${Math.floor(q / 100)}.${String(q % 100).padStart(2, '0')}`;
}

const PY_INT = /^\s*[+-]?\d+\s*$/;
const PY_FLOAT = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

/** `int(s)` in Python, or the ValueError text it raises. */
function pyInt(s: string): number | string {
  return PY_INT.test(s)
    ? Number(s.trim())
    : `invalid literal for int() with base 10: '${s.replace(/'/g, "\\'")}'`;
}

/** Above any machine the lab builds: parsing stops here instead of expanding a huge range. */
export const CPU_ID_LIMIT = 1_000_000;

/**
 * kerf's `parse_cpu_spec` ("4", "4-7", "4,5,6,7", "4-7,10-12"): sorted unique ids, or the
 * ValueError message kerf prints after "Invalid APIC ID specification '…': ".
 */
export function parseCpuSpec(spec: string): number[] | { readonly error: string } {
  const cpus = new Set<number>();
  for (const raw of spec.trim().split(',')) {
    const part = raw.trim();
    if (part.includes('-')) {
      const at = part.indexOf('-');
      const a = pyInt(part.slice(0, at).trim());
      const b = pyInt(part.slice(at + 1).trim());
      const inner =
        typeof a === 'string'
          ? a
          : typeof b === 'string'
            ? b
            : a > b
              ? `Invalid CPU range: ${a} > ${b}`
              : null;
      if (inner !== null) return { error: `Invalid CPU range format '${part}': ${inner}` };
      const lo = a as number;
      const hi = b as number;
      if (hi >= CPU_ID_LIMIT) return [...cpus, lo, hi].sort((x, y) => x - y);
      for (let c = lo; c <= hi; c++) cpus.add(c);
    } else {
      const v = pyInt(part);
      if (typeof v === 'string') return { error: `Invalid CPU ID '${part}': ${v}` };
      cpus.add(v);
    }
  }
  if (cpus.size === 0) return { error: 'CPU specification must include at least one CPU' };
  return [...cpus].sort((x, y) => x - y);
}

const UNITS: readonly (readonly [string, number])[] = [
  ['KB', 1024],
  ['MB', MIB_BYTES],
  ['GB', GIB_BYTES],
  ['TB', 1024 * GIB_BYTES],
];

/** kerf's `parse_memory_spec` ("2GB", "2048MB", "2097152KB", bytes): bytes, or kerf's message. */
export function parseMemorySpec(spec: string): number | { readonly error: string } {
  const s = spec.trim().toUpperCase();
  for (const [unit, mult] of UNITS) {
    if (!s.endsWith(unit)) continue;
    const num = s.slice(0, -unit.length).trim();
    const bytes = Number(num) * mult;
    if (!PY_FLOAT.test(num) || !Number.isFinite(bytes)) {
      return { error: `Invalid memory value '${s}': expected number before ${unit}` };
    }
    return Math.trunc(bytes);
  }
  if (!PY_INT.test(s)) {
    return {
      error: `Invalid memory specification '${s}': expected size with unit (GB/MB/KB) or bytes`,
    };
  }
  return Number(s.trim());
}

/** Bytes to whole MiB for the machine's inputs (rounded up; the machine carves 128 MiB blocks). */
export function bytesToMiB(bytes: number): number {
  const mib = Math.ceil(bytes / MIB_BYTES);
  return Number.isSafeInteger(mib) ? Math.min(mib, 2 ** 40) : 2 ** 40;
}

/** Edit distance (insert, delete, substitute, swap of neighbours), for "did you mean". */
export function distance(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push([i]);
  for (let j = 0; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = d[i] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(
        ((d[i - 1] as number[])[j] as number) + 1,
        (row[j - 1] as number) + 1,
        ((d[i - 1] as number[])[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = v;
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/** The closest of `options` to `word`, if it is close enough to be a likely typo. */
export function closest(word: string, options: readonly string[]): string | null {
  const w = word.toLowerCase();
  let best: string | null = null;
  let bestD = Infinity;
  for (const o of options) {
    const d = o.startsWith(w) && w.length >= 2 ? 0.5 : distance(w, o);
    if (d < bestD) {
      best = o;
      bestD = d;
    }
  }
  const limit = Math.max(1, Math.min(2, Math.floor(w.length / 3)));
  return best !== null && bestD <= limit ? best : null;
}
