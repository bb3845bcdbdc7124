import about from './en/about-ui.json';
import core from './en/core.json';
import embed from './en/embed.json';
import facts from './en/facts.json';
import inspector from './en/inspector.json';
import lessons from './en/lessons-ui.json';
import machine from './en/machine.json';
import presenter from './en/presenter.json';
import type sandboxEn from './en/sandbox.json';
import share from './en/share.json';
import type shellEn from './en/shell.json';
import type slidesEn from './en/slides.json';
import timeline from './en/timeline.json';
import { formatMessage } from './plural';

/**
 * English, merged from one file per area of the app (so each area's strings live together). The
 * shell's (help texts, kerf's notes: the biggest area) and the sandbox's forms' come with their
 * own chunk, which adds them (`addEnglish`) before it draws: the first screen and the embed do
 * not carry them (the sandbox's device and workload kinds, which the inspector names too, are in
 * inspector.json); so do the handout's and the step video's (slides.json,
 * src/features/stills/slides-text.ts).
 */
const base = {
  ...core,
  ...about,
  ...machine,
  ...timeline,
  ...inspector,
  ...lessons,
  ...facts,
  ...presenter,
  ...embed,
  ...share,
};

export type MessageKey =
  keyof typeof base | keyof typeof shellEn | keyof typeof sandboxEn | keyof typeof slidesEn;
const en: Record<string, string> = { ...base };

/** A lazy area's English strings, added to the catalog when its chunk loads. */
export function addEnglish(table: Readonly<Record<string, string>>): void {
  Object.assign(en, table);
}
export type Lang = 'en' | 'es';
export const LANGS: readonly Lang[] = ['en', 'es'];
type Catalog = Readonly<Record<MessageKey, string>>;

const catalogs: Partial<Record<Lang, Catalog>> = { en: en as Catalog };

/** English ships in the main bundle; Spanish loads on first use, as one chunk. */
export async function loadLocale(lang: Lang): Promise<void> {
  if (catalogs[lang]) return;
  if (lang === 'es') catalogs.es = (await import('./es')).es as Catalog;
}

export function parseLang(s: string | null | undefined): Lang | null {
  return s === 'en' || s === 'es' ? s : null;
}

/**
 * Look a key up, choose its plural forms (`{n, plural, one {…} other {…}}`, plural.ts) and fill
 * its `{placeholders}`; falls back to English while a locale loads.
 */
export function translate(
  lang: Lang,
  key: MessageKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  // A key of an area not loaded yet reads as itself (the area adds its strings before it draws).
  const catalog = catalogs[lang];
  const own = catalog?.[key];
  const text = own ?? en[key] ?? key;
  return formatMessage(own === undefined ? 'en' : lang, text, params);
}
