import type { OutLine } from '../../contract';
import { addEnglish, type MessageKey } from '../../i18n';
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

/** One output line as plain text: kernel and tool text verbatim, the lab's prose translated. */
export function lineText(t: Translate, l: OutLine): string {
  if ('text' in l) return l.text;
  return isKey(l.key) ? t(l.key, l.params) : l.key;
}

/** The transcript as plain text (what "Copy" puts on the clipboard). */
export function transcriptText(t: Translate, entries: readonly ShellEntry[]): string {
  return entries
    .map((e) => [`${PROMPT} ${e.line}`, ...e.output.map((l) => lineText(t, l))].join('\n'))
    .join('\n');
}

/** What a terminal sends for Ctrl-C (ETX); the shell ends a blocked call with it (src/shell). */
export const INTERRUPT = '\u0003';

/** Simulated time waited so far, as the shell prints it (`1.250 s`, `10.000 ms`). */
export function waitedText(ns: number): string {
  if (ns >= 1e9) return `${(ns / 1e9).toFixed(3)} s`;
  return `${(Math.max(0, ns) / 1e6).toFixed(3)} ms`;
}
