import { version } from '../../package.json';

/**
 * How to cite the lab: one source for the About page. CITATION.cff at the top of the repository
 * says the same (tests/unit/citation.test.ts keeps the two in step).
 */
export const CITATION = {
  title: 'Multikernel Lab',
  subtitle: 'see and play with the Linux multikernel architecture',
  author: 'Multikernel Lab contributors',
  year: 2026,
  version,
  license: 'MIT',
} as const;

/** One line in the usual author (year). Title (version) shape; `versionText` is translated. */
export function citationText(versionText: string): string {
  const c = CITATION;
  return `${c.author} (${c.year}). ${c.title}: ${c.subtitle} (${versionText}) [Software]. ${c.license} licence.`;
}

export function citationBibtex(): string {
  const c = CITATION;
  return [
    '@software{multikernel_lab,',
    `  author  = {{${c.author}}},`,
    `  title   = {{${c.title}}: ${c.subtitle}},`,
    `  year    = {${c.year}},`,
    `  version = {${c.version}},`,
    `  license = {${c.license}},`,
    '}',
  ].join('\n');
}
