import type { Lang } from '../i18n';
import { formatNumber as num } from './number-text';

export function formatCount(lang: Lang, n: number): string {
  return num(lang, n, 0);
}

/** A duration in simulated ns, in the unit that reads best. */
export function formatNs(lang: Lang, ns: number): string {
  const abs = Math.abs(ns);
  if (abs >= 1e9) return `${num(lang, ns / 1e9, 3)} s`;
  if (abs >= 1e6) return `${num(lang, ns / 1e6, 2)} ms`;
  if (abs >= 1e3) return `${num(lang, ns / 1e3, 1)} µs`;
  return `${num(lang, ns, 0)} ns`;
}

export function formatMiB(lang: Lang, mib: number): string {
  return mib >= 1024 ? `${num(lang, mib / 1024, 1)} GiB` : `${num(lang, mib, 0)} MiB`;
}
