import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/features/embed/commands';
import { MAX_SEEK_NS } from '../../../src/contract';
import { parseOrigin, readEmbedOptions } from '../../../src/features/embed/options';

// The embed's protocol (DESIGN §7): a host's command is accepted only when it is exactly one of
// the five, with v: 1 and values in range; the URL names the origins allowed to send them.

const validCommand = fc.oneof(
  fc.record({
    type: fc.constant('mklab:goto'),
    v: fc.constant(1),
    step: fc.integer({ min: 1, max: 99 }),
  }),
  fc.record({ type: fc.constantFrom('mklab:play', 'mklab:pause'), v: fc.constant(1) }),
  fc.record({
    type: fc.constant('mklab:seek'),
    v: fc.constant(1),
    tNs: fc.integer({ min: 0, max: MAX_SEEK_NS }),
  }),
  fc.record({
    type: fc.constant('mklab:setLang'),
    v: fc.constant(1),
    lang: fc.constantFrom('en', 'es'),
  }),
);

/** One field of a valid command made wrong: a bad version, a value out of range, an extra key. */
const broken = validCommand.chain((c) =>
  fc.oneof(
    fc.constantFrom(0, 2, '1', null, undefined).map((v) => ({ ...c, v })),
    fc.string({ minLength: 1, maxLength: 8 }).map((k) => ({ ...c, [`x${k}`]: 1 })),
    fc.constantFrom('MKLAB:play', 'mklab:stop', 'goto', '').map((type) => ({ ...c, type })),
    ...('step' in c
      ? [
          fc
            .constantFrom(0, -1, 100, 2.5, '3', Number.NaN, Infinity)
            .map((step) => ({ ...c, step })),
        ]
      : []),
    ...('tNs' in c
      ? [fc.constantFrom(-1, 0.5, MAX_SEEK_NS + 1, '10', Number.NaN).map((tNs) => ({ ...c, tNs }))]
      : []),
    ...('lang' in c ? [fc.constantFrom('fr', 'EN', '', 1).map((lang) => ({ ...c, lang }))] : []),
  ),
);

describe('embed commands', () => {
  it('accepts every well-formed command as it is', () => {
    fc.assert(
      fc.property(validCommand, (c) => {
        expect(parseCommand(c)).toEqual(c);
      }),
    );
  });

  it('rejects a command with one field wrong, and never throws on anything', () => {
    fc.assert(
      fc.property(broken, (c) => {
        expect(parseCommand(c)).toBeNull();
      }),
    );
    fc.assert(
      fc.property(fc.anything(), (x) => {
        expect(parseCommand(x)).toBeNull();
      }),
    );
  });
});

describe('embed options', () => {
  it('takes an origin only as a browser spells it', () => {
    expect(parseOrigin('https://docs.example.org')).toBe('https://docs.example.org');
    expect(parseOrigin(' http://127.0.0.1:8080/ ')).toBe('http://127.0.0.1:8080');
    for (const bad of [
      '*',
      'null',
      'docs.example.org',
      'https://docs.example.org/guide',
      'https://*.example.org',
      'javascript:alert(1)',
      'file:///tmp',
      'https://user@docs.example.org',
      '',
    ]) {
      expect(parseOrigin(bad), bad).toBeNull();
    }
  });

  it('reads the URL with safe defaults: minimal controls, auto theme, no autoplay, read-only', () => {
    const o = readEmbedOptions('?lesson=crash-containment&step=3');
    expect(o.route).toEqual({ kind: 'lesson', slug: 'crash-containment', step: 2 });
    expect(o).toMatchObject({ controls: 'minimal', theme: 'auto', lang: null, autoplay: false });
    expect(o.origins).toEqual([]);
    const bad = readEmbedOptions('?scenario=nope&controls=all&theme=pink&lang=fr&autoplay=0');
    expect(bad).toMatchObject({ preset: 'two-kernels', controls: 'minimal', theme: 'auto' });
    expect(bad).toMatchObject({ lang: null, autoplay: false });
  });

  it('reads every option it knows', () => {
    const o = readEmbedOptions(
      '?scenario=web-db&controls=none&theme=dark&lang=es&autoplay&origin=' +
        encodeURIComponent('https://a.example, https://a.example,bogus,http://b.example:81'),
    );
    expect(o).toMatchObject({ preset: 'web-db', controls: 'none', theme: 'dark', lang: 'es' });
    expect(o.autoplay).toBe(true);
    expect(o.origins).toEqual(['https://a.example', 'http://b.example:81']);
  });
});
