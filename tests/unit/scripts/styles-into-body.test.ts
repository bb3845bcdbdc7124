import { describe, expect, it } from 'vitest';
import { stylesIntoBody } from '../../../scripts/first-paint';

// The built page's stylesheets go from its head to the start of its body (scripts/first-paint.ts:
// in the head they held the first frame, and Lighthouse's launcher then held the first paint).

const page = `<!doctype html>
<html lang="en">
  <head>
    <title>Multikernel Lab</title>
    <link rel="preload" as="font" type="font/woff2" crossorigin href="./assets/inter.woff2" />
    <script type="module" crossorigin src="./assets/main.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/vanilla.js">
    <link rel="stylesheet" crossorigin href="./assets/a.css">
    <link rel="stylesheet" crossorigin href="./assets/b.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`;

describe('the stylesheets of the built page', () => {
  it('open its body, in their order, before #root; the other links stay in its head', () => {
    const out = stylesIntoBody(page);
    const [head, body] = out.split('</head>') as [string, string];
    expect(head).not.toContain('stylesheet');
    expect(head).toContain('rel="modulepreload"');
    expect(head).toContain('rel="preload" as="font"');
    const a = body.indexOf('a.css');
    const b = body.indexOf('b.css');
    expect(body.indexOf('<body>')).toBeLessThan(a);
    expect(a).toBeLessThan(b);
    expect(b).toBeLessThan(body.indexOf('<div id="root">'));
    // Nothing lost or added besides the move.
    expect(out.replace(/\s+/g, '')).toHaveLength(page.replace(/\s+/g, '').length);
  });

  it('stops the build when there is no stylesheet to move', () => {
    expect(() => stylesIntoBody(page.replace(/<link rel="stylesheet"[^>]*>/g, ''))).toThrow(
      /no stylesheet/,
    );
  });
});
