import type { Lang } from '../i18n';
import { formatNumber } from './number-text';

/** A formatter of at most `digits` fraction digits (see number-text.ts for why not Intl). */
const fmt = (lang: Lang, digits: number) => ({
  format: (x: number) => formatNumber(lang, x, digits),
});

export function formatCount(lang: Lang, n: number): string {
  return fmt(lang, 0).format(n);
}

/** A duration in simulated ns, in the unit that reads best. */
export function formatNs(lang: Lang, ns: number): string {
  const abs = Math.abs(ns);
  if (abs >= 1e9) return `${fmt(lang, 3).format(ns / 1e9)} s`;
  if (abs >= 1e6) return `${fmt(lang, 2).format(ns / 1e6)} ms`;
  if (abs >= 1e3) return `${fmt(lang, 1).format(ns / 1e3)} µs`;
  return `${fmt(lang, 0).format(ns)} ns`;
}

export function formatMiB(lang: Lang, mib: number): string {
  return mib >= 1024 ? `${fmt(lang, 1).format(mib / 1024)} GiB` : `${fmt(lang, 0).format(mib)} MiB`;
}
