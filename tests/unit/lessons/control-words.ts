import type { Control } from '../../../src/content/controls';

// The words by which lesson text names a control, per language: what the step must declare
// (`uses`, `sees`) for the surfaces to resolve. A command in backticks is typed in the shell.

const EN: Readonly<Record<Control, RegExp>> = {
  shell: /\bshell\b|`(kerf|mklab|cat|echo)\b/,
  sandbox:
    /Sandbox|\*\*(Faults|Workloads|Devices)\*\*|“(Faults|Kernels|Proposal version|Version)”|CPUs and memory|Change a workload|Faults group/,
  inspector: /[Ii]nspector/,
  timeline: /timeline/,
  charts: /\bcharts?\b/,
  card: /\bcard\b/,
  play: /\bPlay\b|“Pause”|\*\*Pause\*\*/,
  speed: /Speed|Slower|Faster/,
  'twin-button': /Panic the twin/,
};

const ES: Readonly<Record<Control, RegExp>> = {
  shell: /\bterminal\b|\bconsola\b|`(kerf|mklab|cat|echo)\b/,
  sandbox:
    /Zona de pruebas|Sandbox|\*\*(Fallos|Cargas de trabajo|Dispositivos)\*\*|«(Fallos|Kernels|Instancias de kernel|Versión de la propuesta|Versión)»|CPU y memoria|Cambiar una carga/,
  inspector: /[Ii]nspector|[Ii]nspección/,
  timeline: /línea (temporal|de tiempo)/,
  charts: /gráficas?\b/,
  card: /\bficha\b|\btarjeta\b(?! de red)/,
  play: /\bReproducir\b|«Pausa»|\*\*Pausa\*\*/,
  speed: /Velocidad|Más lento|Más rápido/,
  'twin-button': /[Pp]ánico en el kernel del gemelo/,
};

/** Words that place a control on the screen: true of one surface, false of another. */
const WHERE = {
  en: /\b(bottom|top|left|right) (panel|pane)\b|\bon the (left|right)\b|\bbelow\b|\babove\b/,
  es: /panel (de abajo|de arriba|inferior|superior)|\b(a|de) la (izquierda|derecha)|\bdebajo\b|\bencima\b|\bde abajo\b/,
} as const;

export type Lang = 'en' | 'es';

/** The controls `text` names. */
export function named(lang: Lang, text: string): Control[] {
  const rules = lang === 'en' ? EN : ES;
  return (Object.keys(rules) as Control[]).filter((c) => rules[c].test(text));
}

/** The words of `text` that place something on the screen, if any. */
export function placed(lang: Lang, text: string): string | null {
  return WHERE[lang].exec(text)?.[0] ?? null;
}
