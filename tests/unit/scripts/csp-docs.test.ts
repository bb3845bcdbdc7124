import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cspString } from '../../../scripts/csp';

// docs/embedding.md gives hosts the header to send; the e2e test serves the build under
// cspString(). The two must be the same policy, first-paint hash included (it changes with the
// inline script of scripts/first-paint.ts), or a host following the docs would block it.

describe('the policy the docs give hosts', () => {
  const docs = readFileSync(new URL('../../../docs/embedding.md', import.meta.url), 'utf8');

  it('is the shipped one, for the app and for the embed', () => {
    expect(docs).toContain(
      `Content-Security-Policy: ${cspString({ 'frame-ancestors': "'none'" })}\n`,
    );
    expect(docs).toContain(
      `Content-Security-Policy: ${cspString({ 'frame-ancestors': 'https://docs.example.org' })}\n`,
    );
  });
});
