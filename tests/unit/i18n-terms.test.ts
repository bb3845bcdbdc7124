import { describe, expect, it } from 'vitest';
import { checkI18n } from '../../scripts/i18n-rules';
import { prose, TERMS_ES, wrongTerms } from '../../scripts/i18n-terms';

/** The concepts a Spanish string gets wrong. */
const wrong = (s: string, key = 'k') => wrongTerms(key, s).map((w) => w.term.concept);

// One fixture per family of forbidden words: each must fail, and its fix must pass.
const FIXTURES: readonly (readonly [concept: string, bad: string, good: string])[] = [
  ['memory pool', 'Las CPU vuelven al pool.', 'Las CPU vuelven a la reserva (pool).'],
  ['host kernel', 'La CPU 3 ha vuelto al host.', 'La CPU 3 ha vuelto al anfitrión.'],
  ['kernel panic', 'db sufrió un panic.', 'db entró en pánico (kernel panic).'],
  ['overlay', 'Deshacer un overlay', 'Deshacer una superposición (overlay)'],
  ['device tree', 'sube un device tree', 'sube un árbol de dispositivos'],
  ['hard lockup, stall', 'WBINVD: un bloqueo en cada carril', 'batch está en un bloqueo duro'],
  ['stray write', 'Una escritura perdida', 'Una escritura errante'],
  ['NVMe drive', 'el disco NVMe de db', 'la unidad NVMe de db'],
  ['ring (a kernel’s inbox)', 'El buzón de mensajes de un kernel', 'El buzón de la CPU 4'],
  ['Inspector panel', 'el Inspector la muestra', 'el panel «Inspección» la muestra'],
  ['Sandbox panel', 'En el Sandbox abre **Fallos**', 'En la **Zona de pruebas** abre **Fallos**'],
  ['shell', 'En la consola: escribe help', 'En la terminal: escribe help'],
  ['card', 'Abre la tarjeta de este paso.', 'Abre la ficha; la tarjeta de red no cambia.'],
  ['timeline', 'en la línea de tiempo', 'en la línea temporal'],
  ['lane', 'una calle por CPU', 'un carril por CPU'],
  ['event', 'Último suceso', 'Último evento'],
  ['help synopsis', 'Usage: kerf kill [OPCIONES]\n\nOpciones:', 'Uso: kerf kill [OPCIONES]'],
  ['claim (a mailbox, a ring slot)', 'la reclamación del buzón', 'la toma del buzón'],
  ['bare (IPI, metal)', 'Una IPI desnuda', 'Una IPI sin mensaje'],
  [
    'spin (with interrupts off)',
    'la CPU gira con las interrupciones desactivadas',
    'la CPU se queda en un bucle',
  ],
  [
    'give up',
    'el anfitrión se rinde al cabo de 1 s',
    'el anfitrión deja de esperar al cabo de 1 s',
  ],
  ['online (CPU)', 'si la CPU está en línea', 'si la CPU está conectada'],
  ['crash', 'el kernel se estrella', 'el kernel cae'],
  ['side by side', 'Lado a lado: el gemelo', 'En paralelo: el gemelo'],
  ['run (a program)', 'noisy corre en noisyk', 'noisy se ejecuta en noisyk; corresponde a rt'],
  ['escalate', 'nada escala por sí solo', 'nada pasa por sí solo a la parada forzada'],
  ['register', 'Pulse Tab para completar.', 'Pulsa Tab para completar.'],
];

describe('Spanish terminology (scripts/i18n-terms.ts)', () => {
  it.each(FIXTURES)('%s: the wrong word fails, the glossary’s passes', (concept, bad, good) => {
    expect(wrong(bad)).toContain(concept);
    expect(wrong(good)).toEqual([]);
  });

  it('has a failing fixture for every term', () => {
    expect(TERMS_ES.map((t) => t.concept).sort()).toEqual(FIXTURES.map((f) => f[0]).sort());
  });

  it('reads only prose: code, commands, paths, placeholders and English glosses are left out', () => {
    expect(wrong('(En la terminal: `mklab cpu pool 4`, `kerf show`.)')).toEqual([]);
    expect(wrong('mklab cpu pool CPU, mklab cpu host CPU  pasa una CPU a la reserva')).toEqual([]);
    expect(wrong('el indicador `root@host:~#`; `mkkernel_pool=4G`; gen_pool')).toEqual([]);
    expect(wrong('registra «Instance 3 (batch) halted, CPUs parking in pool»')).toEqual([]);
    expect(
      wrong('la [[pool|reserva (pool)]] y el [[panic|pánico del kernel (kernel panic)]]'),
    ).toEqual([]);
    expect(wrong('CPU en la reserva: {pool}')).toEqual([]);
    expect(prose('a `b` c')).toBe('a   c');
  });

  it('lets kerf’s own console be a «consola», and nothing else', () => {
    expect(wrong('Muestra la consola de una instancia.', 'shell.help.kerf.console')).toEqual([]);
    expect(wrong('Muestra la consola de una instancia.', 'lessons.x')).toEqual(['shell']);
  });

  it('reports a wrong term as a "term" problem of the Spanish string, naming the fix', () => {
    const { problems } = checkI18n(
      { k: 'CPU 3 went back to the host' },
      { k: 'La CPU 3 volvió al host' },
    );
    expect(problems.map((p) => p.rule)).toEqual(['term']);
    expect(problems[0]?.message).toContain('anfitrión');
  });
});
