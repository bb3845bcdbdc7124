import type { OutLine } from '../../contract';
import { addEnglish, type Lang, type MessageKey } from '../../i18n';
import { formatNs } from '../format';
import shellEn from '../../i18n/en/shell.json';
import type { ShellEntry } from '../../store/sim-store';

// The shell's English strings travel in its chunk (src/i18n/index.ts): in the catalog from here on.
addEnglish(shellEn);

/** What the prompt shows: the lab's shell runs on the host, as root (kerf needs root). */
export const PROMPT = 'root@host:~#';

type Translate = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;

function isKey(k: string): k is MessageKey {
  return Object.hasOwn(shellEn, k);
}

/**
 * The worker gives a duration as a number of ns under a name ending in `Ns` (`waitedNs`); the
 * message names it without the suffix (`{waited}`), written in the reader's language.
 */
function localParams(lang: Lang, params: Readonly<Record<string, string | number>> = {}) {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) {
    if (k.endsWith('Ns') && typeof v === 'number') out[k.slice(0, -2)] = formatNs(lang, v);
    else out[k] = v;
  }
  return out;
}

/** One output line as plain text: kernel and tool text verbatim, the lab's prose translated. */
export function lineText(t: Translate, lang: Lang, l: OutLine): string {
  if ('text' in l) return l.text;
  return isKey(l.key) ? t(l.key, localParams(lang, l.params)) : l.key;
}

/** The transcript as plain text (what "Copy" puts on the clipboard). */
export function transcriptText(t: Translate, lang: Lang, entries: readonly ShellEntry[]): string {
  return entries
    .map((e) => [`${PROMPT} ${e.line}`, ...e.output.map((l) => lineText(t, lang, l))].join('\n'))
    .join('\n');
}

/** What a terminal sends for Ctrl-C (ETX); the shell ends a blocked call with it (src/shell). */
export const INTERRUPT = '\u0003';
