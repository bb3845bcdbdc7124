import about from './en/about-ui.json';
import core from './en/core.json';
import embed from './en/embed.json';
import facts from './en/facts.json';
import inspector from './en/inspector.json';
import lessons from './en/lessons-ui.json';
import machine from './en/machine.json';
import presenter from './en/presenter.json';
import sandbox from './en/sandbox.json';
import share from './en/share.json';
import shell from './en/shell.json';
import timeline from './en/timeline.json';

/** English, merged from one file per area of the app (so each area's strings live together). */
const en = {
  ...core,
  ...about,
  ...machine,
  ...timeline,
  ...sandbox,
  ...inspector,
  ...shell,
  ...lessons,
  ...facts,
  ...presenter,
  ...embed,
  ...share,
};

export type MessageKey = keyof typeof en;
export type Lang = 'en' | 'es';
export const LANGS: readonly Lang[] = ['en', 'es'];
type Catalog = Readonly<Record<MessageKey, string>>;

const catalogs: Partial<Record<Lang, Catalog>> = { en };

/** English ships in the main bundle; Spanish loads on first use, as one chunk. */
export async function loadLocale(lang: Lang): Promise<void> {
  if (catalogs[lang]) return;
  if (lang === 'es') catalogs.es = (await import('./es')).es as Catalog;
}

export function parseLang(s: string | null | undefined): Lang | null {
  return s === 'en' || s === 'es' ? s : null;
}

/** Look a key up and fill its `{placeholders}`; falls back to English while a locale loads. */
export function translate(
  lang: Lang,
  key: MessageKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  const text = (catalogs[lang] ?? en)[key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}
