import en from './en/about.json';
import es from './es/about.json';
import type { Lang } from './index';

/**
 * The About page's text (`src/i18n/<lang>/about.json`). Only the About dialog imports this file,
 * and that dialog is a lazy chunk: the main bundle carries none of this text.
 */
export type AboutKey = keyof typeof en;

const TABLES: Readonly<Record<Lang, Readonly<Record<string, string>>>> = { en, es };

/** A string with `{placeholders}` filled; English when the language lacks it. */
export function aboutText(
  lang: Lang,
  key: AboutKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  const text = TABLES[lang][key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}
