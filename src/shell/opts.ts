import { closest } from './text';

/** One option of a command, as click declares it. */
export interface OptSpec {
  readonly long: string;
  readonly short?: string;
  readonly flag?: true;
  readonly int?: true;
  readonly required?: true;
}

export interface ParsedOpts {
  readonly opts: ReadonlyMap<string, string | true>;
  readonly args: readonly string[];
  readonly help: boolean;
}

/**
 * click's option parsing, enough for kerf: `--opt=value`, `--opt value`, `-o value`, `-ovalue`,
 * flags, `--` and `--help` anywhere; positional arguments wherever they stand. Errors carry
 * click's wording ("No such option: --cpu Did you mean --cpus?").
 */
export function parseOpts(
  argv: readonly string[],
  specs: readonly OptSpec[],
): ParsedOpts | { readonly error: string } {
  const opts = new Map<string, string | true>();
  const args: string[] = [];
  let help = false;
  const byLong = new Map(specs.map((s) => [s.long, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short as string, s]));
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a === '--help') {
      help = true;
      continue;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a : a.slice(0, eq);
      const spec = byLong.get(name);
      if (!spec) {
        const near = closest(name, [...byLong.keys(), '--help']);
        return { error: `No such option: ${name}${near ? ` Did you mean ${near}?` : ''}` };
      }
      if (spec.flag) {
        if (eq >= 0) return { error: `Option '${name}' does not take a value.` };
        opts.set(spec.long, true);
        continue;
      }
      let value: string | undefined = eq >= 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined) return { error: `Option '${name}' requires an argument.` };
      if (spec.int && !/^\s*[+-]?\d+\s*$/.test(value)) {
        return { error: `Invalid value for '${spec.long}': '${value}' is not a valid integer.` };
      }
      if (spec.int) value = String(Number(value));
      opts.set(spec.long, value);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      // Short options; flags may be bundled (-fv), a value may be attached (-c4-5).
      for (let j = 1; j < a.length; j++) {
        const spec = byShort.get(`-${a[j]}`);
        if (!spec) return { error: `No such option: -${a[j]}` };
        if (spec.flag) {
          opts.set(spec.long, true);
          continue;
        }
        const rest = a.slice(j + 1);
        let value: string | undefined = rest !== '' ? rest : argv[++i];
        if (value === undefined) return { error: `Option '-${a[j]}' requires an argument.` };
        if (spec.int && !/^\s*[+-]?\d+\s*$/.test(value)) {
          return { error: `Invalid value for '${spec.long}': '${value}' is not a valid integer.` };
        }
        if (spec.int) value = String(Number(value));
        opts.set(spec.long, value);
        break;
      }
      continue;
    }
    args.push(a);
  }
  if (!help) {
    for (const s of specs) {
      if (s.required && !opts.has(s.long)) {
        return {
          error: `Missing option '${s.long}'${s.short ? ` / '${s.short}'` : ''}.`,
        };
      }
    }
  }
  return { opts, args, help };
}

export const str = (p: ParsedOpts, long: string): string | undefined => {
  const v = p.opts.get(long);
  return typeof v === 'string' ? v : undefined;
};
export const has = (p: ParsedOpts, long: string): boolean => p.opts.has(long);
