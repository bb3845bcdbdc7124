import type { Input } from '../sim';
import type { Ctx } from './ctx';
import { findDevice } from './model';
import type { OptSpec, ParsedOpts } from './opts';

// What an mklab subcommand is, and the argument readers the subcommand tables share.

export type Built =
  { readonly input: Input } | { readonly usage: true } | { readonly error: string };

export interface Sub {
  readonly usage: string;
  readonly opts: readonly OptSpec[];
  readonly args: number;
  readonly build: (ctx: Ctx, a: readonly string[], p: ParsedOpts) => Built;
  /** The message key and params of the lab's confirmation. */
  readonly done: (
    ctx: Ctx,
    input: Input,
    id: number | undefined,
  ) => [string, Record<string, string | number>];
}

export const int = (s: string | undefined): number | null =>
  s !== undefined && /^\s*\d+\s*$/.test(s) ? Number(s) : null;

/** "1G", "1GB", "512M", "512MiB", or a plain number of MiB. */
export function parseMiB(s: string): number | null {
  const m = /^\s*(\d+)\s*([kmgt]?)(i?b)?\s*$/i.exec(s);
  if (!m) return null;
  const n = Number(m[1]);
  const unit = (m[2] ?? '').toLowerCase();
  const mib =
    unit === 'k'
      ? Math.ceil(n / 1024)
      : unit === 'g'
        ? n * 1024
        : unit === 't'
          ? n * 1024 * 1024
          : n;
  return Number.isSafeInteger(mib) ? mib : null;
}

export const dev = (ctx: Ctx, ref: string) => findDevice(ctx.m, ref)?.pci ?? ref;
