import type { Lang } from './index';
import { formatMessage, type Params } from './plural';

/**
 * A lazy area's own text table (About, the live class): its strings stay out of the main
 * catalog, in the area's chunk. English fills any string the other language lacks. Plural forms
 * and placeholders as in translate() (plural.ts).
 */
export function tableText<K extends string>(
  en: Readonly<Record<K, string>>,
  es: Readonly<Record<string, string>>,
): (lang: Lang, key: K, params?: Params) => string {
  const tables: Readonly<Record<Lang, Readonly<Record<string, string>>>> = { en, es };
  return (lang, key, params = {}) => {
    const own = tables[lang][key];
    return formatMessage(own === undefined ? 'en' : lang, own ?? en[key], params);
  };
}
