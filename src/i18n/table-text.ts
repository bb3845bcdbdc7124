import type { Lang } from './index';

type Params = Readonly<Record<string, string | number>>;

/**
 * A lazy area's own text table (About, the live class): its strings stay out of the main
 * catalog, in the area's chunk. English fills any string the other language lacks.
 */
export function tableText<K extends string>(
  en: Readonly<Record<K, string>>,
  es: Readonly<Record<string, string>>,
): (lang: Lang, key: K, params?: Params) => string {
  const tables: Readonly<Record<Lang, Readonly<Record<string, string>>>> = { en, es };
  return (lang, key, params = {}) =>
    (tables[lang][key] ?? en[key]).replace(/\{(\w+)\}/g, (whole, name: string) => {
      const v = params[name];
      return v === undefined ? whole : String(v);
    });
}
