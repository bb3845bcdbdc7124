import { describe, expect, it } from 'vitest';
import { bareNucleo, checkI18n, placeholders } from '../../scripts/i18n-rules';

const rules = (en: object, es: object, allow: string[] = []) =>
  checkI18n(en as Record<string, unknown>, es as Record<string, unknown>, allow).problems.map(
    (p) => `${p.rule} ${p.key}`,
  );

describe('i18n rules', () => {
  it('passes a good pair', () => {
    const report = checkI18n(
      { 'app.title': 'Multikernel Lab', 'cpu.count': '{n} CPUs', 'term.kexec': 'kexec' },
      { 'app.title': 'Laboratorio multikernel', 'cpu.count': '{n} CPU', 'term.kexec': 'kexec' },
      ['term.kexec'],
    );
    expect(report.problems).toEqual([]);
    expect(report.keysChecked).toBe(3);
  });

  it('catches a key missing in either file, naming it', () => {
    expect(rules({ a: 'One', b: 'Two' }, { a: 'Uno' })).toEqual(['missing-in-es b']);
    expect(rules({ a: 'One' }, { a: 'Uno', c: 'Tres' })).toEqual(['missing-in-en c']);
    expect(rules({ a: 'One', b: 'Two' }, { a: 'Uno', b: 'Dos' })).toEqual([]);
  });

  it('catches values that are not strings', () => {
    expect(rules({ a: { nested: 'x' } }, { a: 'Uno' })).toEqual(['not-a-string a']);
  });

  it('catches differing placeholder sets', () => {
    expect(placeholders('{a} of {b} and {a}')).toEqual(['a', 'b']);
    expect(rules({ k: '{done} of {total}' }, { k: '{hecho} de {total}' })).toEqual([
      'placeholders-differ k',
    ]);
    expect(rules({ k: '{done} of {total}' }, { k: '{done} de' })).toEqual([
      'placeholders-differ k',
    ]);
    expect(rules({ k: '{done} of {total}' }, { k: '{total}: {done} hechos' })).toEqual([]);
  });

  it('catches an untranslated string unless its key or the string is allowlisted', () => {
    expect(rules({ 'btn.play': 'Play' }, { 'btn.play': 'Play' })).toEqual([
      'untranslated btn.play',
    ]);
    expect(rules({ 'term.ipi': 'IPI' }, { 'term.ipi': 'IPI' }, ['term.ipi'])).toEqual([]);
    expect(rules({ 'term.ipi': 'IPI' }, { 'term.ipi': 'IPI' }, ['IPI'])).toEqual([]);
    // No words, nothing to translate.
    expect(rules({ ratio: '{a}/{b}' }, { ratio: '{a}/{b}' })).toEqual([]);
  });

  it('catches a bare "núcleo"/"núcleos" but not "núcleo del SO" or "núcleo de CPU"', () => {
    expect(bareNucleo('El núcleo arranca')).toEqual(['núcleo']);
    expect(bareNucleo('Dos NÚCLEOS, un equipo')).toEqual(['NÚCLEOS']);
    expect(bareNucleo('núcleo.')).toEqual(['núcleo']);
    expect(bareNucleo('El núcleo del SO arranca')).toEqual([]);
    expect(bareNucleo('núcleos del sistema operativo')).toEqual([]);
    expect(bareNucleo('cuatro núcleos de CPU; el núcleo de la CPU 2')).toEqual([]);
    expect(bareNucleo('un procesador multinúcleo; un micronúcleo')).toEqual([]);
    // Decomposed accents (NFD) are the same word.
    expect(bareNucleo('el nu\u0301cleo')).toEqual(['núcleo']);
    expect(rules({ k: 'The kernel boots' }, { k: 'El núcleo arranca' })).toEqual(['bare-nucleo k']);
    expect(rules({ k: 'The kernel boots' }, { k: 'El kernel arranca' })).toEqual([]);
  });

  it('reports allowlist entries that match nothing', () => {
    const report = checkI18n({ a: 'CPU' }, { a: 'CPU' }, ['CPU', 'gone.key']);
    expect(report.problems).toEqual([]);
    expect(report.unusedAllowlist).toEqual(['gone.key']);
  });
});
