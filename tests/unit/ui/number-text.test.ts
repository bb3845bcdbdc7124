import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../src/ui/number-text';

// The lab writes numbers without Intl.NumberFormat (its first use costs the first screen a long
// task); what it writes must stay what Intl writes, in both languages, at every precision used.

const intl = (lang: 'en' | 'es', x: number, digits: number) =>
  new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(
    x,
  );

describe('numbers as Intl writes them', () => {
  it.each([
    ['en', 1234.5, 1, '1,234.5'],
    ['es', 1234.5, 1, '1234,5'],
    ['es', 12345.678, 2, '12.345,68'],
    ['en', 999.995, 2, '1,000'],
    ['en', -0.001, 2, '-0'],
    ['en', 0, 3, '0'],
  ] as const)('%s %d (%d digits) reads %s', (lang, x, digits, text) => {
    expect(formatNumber(lang, x, digits)).toBe(text);
    expect(intl(lang, x, digits)).toBe(text);
  });

  it('agrees with Intl on any number the lab shows, in English and Spanish, 0–3 digits', () => {
    const value = fc.oneof(
      fc.double({ min: -1e15, max: 1e15, noNaN: true }),
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.integer({ min: 0, max: 1e7 }).map((n) => n / 1000),
      fc.integer({ min: 0, max: 1e5 }).map((n) => n / 8),
    );
    fc.assert(
      fc.property(
        value,
        fc.constantFrom('en' as const, 'es' as const),
        fc.integer({ min: 0, max: 3 }),
        (x, lang, digits) => {
          expect(formatNumber(lang, x, digits)).toBe(intl(lang, x, digits));
        },
      ),
      { seed: 20_261_204, numRuns: 20_000 },
    );
  });
});
