import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// "The text names what the screen shows" (issue 16): what a lesson, a hint or a glossary entry
// names — a **bold** control, panel or label, a quoted label in a task, hint or what-to-look-at,
// a state word — must be text the screen really shows in that language. The screen's text is the
// UI catalog (every src/i18n/<lang>/*.json but the glossary; lesson text does not count, except a
// lesson's own cards, which the step shows), and what the shell and the kernels' logs print
// (string literals in src/sim and src/shell: kerf's and the kernel's own English lines).

export type Lang = 'en' | 'es';

export interface Screen {
  /** The UI catalog's strings. */
  readonly ui: readonly string[];
  /** Everything the shell and the kernel logs can print (source text). */
  readonly printed: string;
  /** English state word → the words the screen shows for it in this language. */
  readonly states: ReadonlyMap<string, ReadonlySet<string>>;
}

const json = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as Record<string, string>;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory()
      ? sources(p)
      : p.endsWith('.ts')
        ? [readFileSync(p, 'utf8')]
        : [];
  });
}

/** The CPU and kernel state words the UI names: state.*, cpustate.*, machine.cell.*. */
const STATE_KEY = /^(?:state|cpustate|machine\.cell)\.([a-z]+)$/;

/** What the screen shows in `lang`, read from the catalogs and the sources. */
export function screenOf(lang: Lang): Screen {
  const dir = `src/i18n/${lang}`;
  const files = readdirSync(dir).filter((n) => n.endsWith('.json') && n !== 'glossary.json');
  const catalog = Object.assign({}, ...files.map((n) => json(path.join(dir, n)))) as Record<
    string,
    string
  >;
  const en = Object.assign({}, ...files.map((n) => json(path.join('src/i18n/en', n)))) as Record<
    string,
    string
  >;
  const states = new Map<string, Set<string>>();
  for (const [key, word] of Object.entries(catalog)) {
    if (!STATE_KEY.test(key) || !en[key]) continue;
    const set = states.get(en[key]) ?? new Set<string>();
    states.set(en[key], set.add(word));
  }
  return {
    ui: Object.values(catalog),
    printed: [...sources('src/sim'), ...sources('src/shell')].join('\n'),
    states,
  };
}

/** Text as the screen compares it: no word joiners or soft hyphens, one kind of space. */
const norm = (s: string) =>
  s
    .normalize('NFC')
    .replace(/[\u2060\u00ad]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** A string's parts as the screen sets them apart: "dropped: target halted" shows "target halted". */
const segments = (t: string) =>
  [t, ...t.split(/\s*(?:·|:|→|—|;|\(|\))\s*/)].map(norm).filter(Boolean);

/** A template with enough words of its own to name something ("handled on CPU {cpu}, …"). */
function template(t: string): RegExp | null {
  const parts = t.split(/\{\w+\}/);
  if (parts.length < 2 || parts.join('').replace(/[^\p{L}]/gu, '').length < 4) return null;
  return new RegExp(
    `^${parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`,
    'u',
  );
}

/**
 * Does the screen show `name`: a UI string or one of its parts, the start of one when the name
 * ends in "…", a filled-in template of one, or (`printed`) a line the shell or a kernel prints.
 */
export function shows(
  screen: Screen,
  name: string,
  { cards = [], printed = false }: { cards?: readonly string[]; printed?: boolean } = {},
): boolean {
  const n = norm(name);
  const open = /…$/.test(n);
  const cut = norm(n.replace(/\s*…$/, ''));
  if (!cut) return true;
  const texts = [...screen.ui, ...cards].map(norm);
  if (texts.some((t) => segments(t).includes(cut) || (open && t.startsWith(cut)))) return true;
  const filled = n.replace(/…/g, 'x');
  if (texts.some((t) => template(t)?.test(filled))) return true;
  if (!printed || !/^[\x20-\x7e]+$/.test(cut)) return false;
  // A kernel's line is a template in the source: "instance ${inst.id} via NMI".
  const line = cut
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\d+/g, '(?:\\d+|\\$\\{[^}]*\\})');
  return new RegExp(line).test(screen.printed);
}

/** The keys whose quoted text names what to press or look at: a step's task, hints, what to look
 * at, and the UI's own help texts (a control's hint, a panel's about, the shell's help). */
const POINTING = /\.s\d+\.(?:task|h\d+|observe)$/;
const HELP = /(?:\.hint|Hint|\.about|\.intro|^shell\.help(?:\.[\w.]+)?|^keys\.help)$/;

/** What `text` (of `key`) names that the screen does not show in `lang`. */
export function unshown(
  lang: Lang,
  screen: Screen,
  key: string,
  text: string,
  cards: readonly string[] = [],
): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\*\*([^*]+)\*\*/g)) {
    if (!shows(screen, m[1] ?? '', { cards })) out.push(`**${m[1]}**`);
  }
  if (POINTING.test(key) || HELP.test(key)) {
    for (const m of text.matchAll(/«([^»]+)»|“([^”]+)”|"([^"]+)"/g)) {
      const q = m[1] ?? m[2] ?? m[3] ?? '';
      // A quoted placeholder is a value the user typed ("{token}"), not a name.
      if (/^\{\w+\}$/.test(q)) continue;
      if (!shows(screen, q, { cards, printed: true })) out.push(`“${q}”`);
    }
  }
  // State words: English in backticks is what kerf prints; Spanish names the screen's word beside
  // it on first mention («`loaded` (cargado)», «aparcada» (parked)).
  const seen = new Set<string>();
  for (const m of text.matchAll(/`([a-z]+)`(?: \(([^)`]+)\))?/g)) {
    const [, word = '', gloss] = m;
    const shown = screen.states.get(word);
    if (!shown) continue;
    if (lang === 'en' && !shown.has(word)) out.push(`\`${word}\``);
    if (lang === 'es' && !seen.has(word) && !(gloss && shown.has(gloss))) {
      out.push(`\`${word}\` without ${[...shown].map((w) => `«${w}»`).join(' or ')}`);
    }
    seen.add(word);
  }
  for (const m of text.matchAll(/«([^»]+)» \(([a-z]+)\)/g)) {
    const shown = screen.states.get(m[2] ?? '');
    if (shown && !shown.has(m[1] ?? '')) out.push(`«${m[1]}» (${m[2]})`);
  }
  return out;
}

/** A language's lesson and glossary texts: [file, key, text], and each lesson's card texts. */
export function namingTexts(
  lang: Lang,
): { file: string; key: string; text: string; cards: string[] }[] {
  const dir = `src/i18n/${lang}`;
  const files = [
    path.join(dir, 'glossary.json'),
    ...readdirSync(path.join(dir, 'lessons')).map((n) => path.join(dir, 'lessons', n)),
  ];
  const lessons = files.flatMap((file) => {
    const texts = json(file);
    const cards = Object.entries(texts)
      .filter(([k]) => /\.card\.(title|body)$/.test(k))
      .map(([, v]) => v);
    return Object.entries(texts).map(([key, text]) => ({ file, key, text, cards }));
  });
  // The UI's help texts name controls and states too (sandbox abouts, hints, the shell's help).
  const help = readdirSync(dir)
    .filter((n) => n.endsWith('.json') && n !== 'glossary.json')
    .flatMap((n) =>
      Object.entries(json(path.join(dir, n)))
        .filter(([key]) => HELP.test(key))
        .map(([key, text]) => ({ file: path.join(dir, n), key, text, cards: [] })),
    );
  return [...lessons, ...help];
}
