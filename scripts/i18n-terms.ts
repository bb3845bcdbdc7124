// The Spanish terminology check behind `npm run test:i18n` (rule "term" in i18n-rules.ts): the
// glossary's Spanish word for each concept (CURRICULUM.md, Glossary; docs/translating.md) and the
// calques, English leftovers and wrong words that must not stand for it in Spanish prose.

/** One concept: the word the Spanish UI uses, and what must not stand for it. */
export interface Term {
  /** The concept, in English. */
  readonly concept: string;
  /** The Spanish term to write instead (shown in the message). */
  readonly es: string;
  /** What must not appear in Spanish prose (code, commands and English glosses are left out). */
  readonly wrong: RegExp;
  /** Keys where the word is right after all (kerf's own console is a «consola»). */
  readonly except?: RegExp;
}

// A letter on either side makes a different word: \b does not know "á" or "ñ".
const W = (body: string, flags = 'iu') =>
  new RegExp(`(?<![\\p{L}\\p{N}_])(?:${body})(?![\\p{L}\\p{N}_])`, flags);

export const TERMS_ES: readonly Term[] = [
  // The glossary's terms, in the shell as everywhere.
  { concept: 'memory pool', es: 'reserva (de memoria)', wrong: W('pools?') },
  { concept: 'host kernel', es: 'anfitrión (kernel anfitrión)', wrong: W('hosts?') },
  { concept: 'kernel panic', es: 'pánico (del kernel)', wrong: W('panic') },
  { concept: 'overlay', es: 'superposición (overlay)', wrong: W('overlays?') },
  { concept: 'device tree', es: 'árbol de dispositivos', wrong: W('device tree') },
  {
    concept: 'hard lockup, stall',
    es: 'bloqueo duro (hard lockup); parón (a machine-wide stall)',
    wrong: W('bloqueo(?!\\s+duro)'),
  },
  {
    concept: 'stray write',
    es: 'escritura errante (o «en memoria ajena»)',
    wrong: W('escritura perdida'),
  },
  { concept: 'NVMe drive', es: 'unidad NVMe', wrong: W('disco NVMe') },
  {
    concept: 'ring (a kernel’s inbox)',
    es: 'anillo (bandeja de entrada); «buzón» es el mailbox',
    wrong: W('buzón de mensajes'),
  },
  // One name per panel and control, the one the UI shows.
  { concept: 'Inspector panel', es: 'panel «Inspección»', wrong: W('inspector') },
  { concept: 'Sandbox panel', es: 'Zona de pruebas', wrong: W('sandbox') },
  {
    concept: 'shell',
    es: 'terminal',
    wrong: W('consolas?'),
    except: /^shell\.(help\.kerf|kerf\.console)/,
  },
  { concept: 'card', es: 'ficha', wrong: W('tarjetas?(?!\\s+de\\s+red)') },
  { concept: 'timeline', es: 'línea temporal', wrong: W('línea de tiempo') },
  { concept: 'lane', es: 'carril', wrong: W('calles?') },
  { concept: 'event', es: 'evento', wrong: W('sucesos?') },
  { concept: 'help synopsis', es: 'Uso:', wrong: /^Usage:/mu },
  // Calques.
  {
    concept: 'claim (a mailbox, a ring slot)',
    es: 'tomar, la toma del buzón (o reservar, asignarse)',
    wrong: W('reclam\\p{L}*'),
  },
  {
    concept: 'bare (IPI, metal)',
    es: 'sin mensaje; directamente sobre el hardware',
    wrong: W('desnud[oa]s?'),
  },
  {
    concept: 'spin (with interrupts off)',
    es: 'quedarse en un bucle',
    wrong: W('gir(?:a|an|ar|ando)'),
  },
  { concept: 'give up', es: 'dejar de esperar', wrong: W('se rind(?:e|en|ió|ieron)|rendirse') },
  { concept: 'online (CPU)', es: 'conectada, en servicio', wrong: W('en línea') },
  { concept: 'crash', es: 'caer, fallar', wrong: W('se estrell\\p{L}*') },
  { concept: 'side by side', es: 'en paralelo, uno junto a otro', wrong: W('lado a lado') },
  {
    concept: 'run (a program)',
    es: 'ejecutar(se), avanzar',
    wrong: W('corr(?:e|en|er|iendo|a|an|ió|ieron)'),
  },
  {
    concept: 'escalate',
    es: 'pasar (por su cuenta) a la parada forzada',
    wrong: W('escal(?:a|an)\\s+(?:por|a|tras)'),
  },
  // One register: tú.
  {
    concept: 'register',
    es: 'tú (pulsa, selecciona, escribe…)',
    wrong: W(
      'usted(?:es)?|pulse|seleccione|introduzca|haga\\s+clic|quería\\s+decir|deshaga|bórrel[ao]',
    ),
  },
];

/**
 * The prose of a Spanish string: without code spans, commands, paths and identifiers, glossary
 * link targets, and the English glosses and quotations the text keeps on purpose ("(pool)",
 * «Instance 3 (batch) halted…»), so that a rule sees only what the reader reads as Spanish.
 */
export function prose(s: string): string {
  return s
    .normalize('NFC')
    .replace(/`[^`]*`/g, ' ')
    .replace(/\{\w+\}/g, ' ')
    .replace(/\[\[[^|\]]*\|/g, '')
    .replace(/\]\]/g, '')
    .replace(/\b(?:mklab|kerf)(?: [a-z][a-z-]*)+/g, ' ')
    .replace(/\S*[_/=@]\S*/g, ' ')
    .replace(/\([A-Za-z][A-Za-z ,.-]*\)/g, ' ')
    .replace(/«[\x20-\x7e]*»|“[\x20-\x7e]*”|"[\x20-\x7e]*"/g, ' ');
}

/** Each term a Spanish string gets wrong, with the words it used. */
export function wrongTerms(key: string, s: string): { term: Term; found: string }[] {
  const text = prose(s);
  const out: { term: Term; found: string }[] = [];
  for (const term of TERMS_ES) {
    if (term.except?.test(key)) continue;
    const m = term.wrong.exec(text);
    if (m) out.push({ term, found: m[0] });
  }
  return out;
}
