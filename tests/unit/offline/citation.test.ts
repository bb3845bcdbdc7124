import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CITATION, citationBibtex } from '../../../src/content/citation';

/** CITATION.cff, LICENSE, package.json and the About page's citation say the same thing. */
describe('how to cite', () => {
  const cff = readFileSync('CITATION.cff', 'utf8');
  const field = (name: string) =>
    new RegExp(`^${name}:\\s*["']?([^"'\\n]+)["']?$`, 'm').exec(cff)?.[1]?.trim();
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
    version: string;
    license: string;
  };

  it('CITATION.cff has the version and licence of package.json', () => {
    expect(field('cff-version')).toBe('1.2.0');
    expect(field('version')).toBe(pkg.version);
    expect(field('license')).toBe(pkg.license);
    expect(CITATION.version).toBe(pkg.version);
    expect(CITATION.license).toBe(pkg.license);
  });

  it('the About page cites the same title and author as CITATION.cff', () => {
    expect(field('title')).toBe(`${CITATION.title}: ${CITATION.subtitle}`);
    expect(cff).toMatch(new RegExp(`- name: ["']${CITATION.author}["']`));
    expect(citationBibtex()).toContain(`version = {${pkg.version}}`);
  });

  it('LICENSE is the MIT licence with the same holder', () => {
    const licence = readFileSync('LICENSE', 'utf8');
    expect(licence).toMatch(/^MIT License/);
    expect(licence).toContain(`Copyright (c) ${CITATION.year} ${CITATION.author}`);
  });
});
