import { describe, expect, it } from 'vitest';
import { namingTexts, screenOf, shows, unshown, type Lang } from './screen-words';

// Issue 16: every control, panel, label and state a lesson step, a hint, a glossary entry or a UI
// help text (a control's hint, a panel's about, the shell's help) names is one the screen really
// shows, in that language (rules in screen-words.ts).

const SCREEN = { en: screenOf('en'), es: screenOf('es') } as const;

describe.each(['en', 'es'] as const)('(%s) lesson and glossary text', (lang: Lang) => {
  it('names only what the screen shows', () => {
    const wrong = namingTexts(lang).flatMap(({ key, text, cards }) =>
      unshown(lang, SCREEN[lang], key, text, cards).map((w) => `${key}: ${w}`),
    );
    expect(wrong).toEqual([]);
  });
});

describe('the rule can fail', () => {
  const task = 'x.s1.task';

  it('a bold label the UI does not have fails, in each language', () => {
    expect(unshown('en', SCREEN.en, task, 'Press **Reboot machine**.')).toEqual([
      '**Reboot machine**',
    ]);
    expect(unshown('es', SCREEN.es, task, 'Abre el **Inspector** y pulsa **Provocar**.')).toEqual([
      '**Inspector**',
    ]);
    expect(unshown('es', SCREEN.es, task, 'Pulsa **Cargar (load)**.')).toEqual([
      '**Cargar (load)**',
    ]);
    expect(
      unshown('es', SCREEN.es, task, 'Abre **Fallos** → **Pánico** y pulsa **Provocar**.'),
    ).toEqual([]);
  });

  it('a quoted label in a task, hint or what-to-look-at fails unless the screen shows it', () => {
    expect(unshown('en', SCREEN.en, task, 'Open “Kernel instances” → “Reboot all”.')).toEqual([
      '“Reboot all”',
    ]);
    expect(unshown('es', SCREEN.es, task, 'En la «Zona de pruebas», abre «Sandbox».')).toEqual([
      '“Sandbox”',
    ]);
    // Outside a step's pointing text a quotation is a quotation.
    expect(unshown('en', SCREEN.en, 'x.s1.explain', 'He called it “the root”.')).toEqual([]);
  });

  it('a UI help text that quotes a label the UI does not have fails, in each language', () => {
    expect(
      unshown('en', SCREEN.en, 'sandbox.fault.panic.about', 'Then press “Reboot machine”.'),
    ).toEqual(['“Reboot machine”']);
    expect(
      unshown('es', SCREEN.es, 'sandbox.aggregate.hint', 'Abre la «Consola» y pulsa **Provocar**.'),
    ).toEqual(['“Consola”']);
    expect(unshown('es', SCREEN.es, 'shell.help.kerf.kill', 'Deja el kernel en `loaded`.')).toEqual(
      ['`loaded` without «cargado»'],
    );
    // The same quote in a text that is not help (a fact in the About box) is a quotation.
    expect(unshown('en', SCREEN.en, 'about.fact.4', 'Spanish says “núcleo”.')).toEqual([]);
  });

  it('a state word must be the screen’s: Spanish names it beside kerf’s English', () => {
    const task = 'x.s1.explain';
    expect(unshown('es', SCREEN.es, task, 'db queda en `loaded`.')).toEqual([
      '`loaded` without «cargado»',
    ]);
    expect(unshown('es', SCREEN.es, task, 'db queda en `loaded` (cargada).')).toHaveLength(1);
    expect(
      unshown('es', SCREEN.es, task, 'db queda en `loaded` (cargado); sigue en `loaded`.'),
    ).toEqual([]);
    expect(unshown('es', SCREEN.es, task, 'Las dos celdas dicen «apagada» (offline).')).toEqual([
      '«apagada» (offline)',
    ]);
    expect(unshown('es', SCREEN.es, task, 'Las dos celdas dicen «aparcada» (parked).')).toEqual([]);
  });

  it('matches templates, word joiners and what the kernels print', () => {
    expect(shows(SCREEN.en, 'handled on CPU 4, … after it was sent')).toBe(true);
    expect(shows(SCREEN.en, 'Sends refused (-ENOSPC)')).toBe(true);
    expect(
      shows(SCREEN.en, 'Force halting multikernel instance 3 via NMI', { printed: true }),
    ).toBe(true);
    expect(shows(SCREEN.en, 'Force halting multikernel instance 3 via NMI')).toBe(false);
    expect(shows(SCREEN.en, 'Shared-hardware pressure is now …')).toBe(true);
    expect(shows(SCREEN.es, 'Presión del hardware compartido')).toBe(false);
  });
});
