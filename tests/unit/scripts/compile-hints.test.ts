import { describe, expect, it } from 'vitest';
import type { Rolldown } from 'vite';
import { COMPILE_HINT, compileHints, openingChunks } from '../../../scripts/compile-hints';

/** A made-up bundle: only the fields the plugin reads. */
function chunk(fileName: string, imports: string[], isEntry = false): Rolldown.OutputChunk {
  return { type: 'chunk', fileName, imports, isEntry, code: `// ${fileName}\n` } as never;
}

function bundle(): Rolldown.OutputBundle {
  const parts = [
    chunk('main.js', ['react.js', 'store.js'], true),
    chunk('react.js', []),
    chunk('store.js', ['react.js']),
    chunk('embed.js', ['react.js'], true),
    // Imported only dynamically (import()): its code loads after the first paint.
    chunk('workbench.js', ['react.js', 'forms.js']),
    chunk('forms.js', []),
  ];
  const out: Record<string, unknown> = Object.fromEntries(parts.map((c) => [c.fileName, c]));
  out['main.css'] = { type: 'asset', fileName: 'main.css', source: '' };
  return out as Rolldown.OutputBundle;
}

describe('compile hints', () => {
  it('takes the entries and what they import statically, not what loads later', () => {
    const names = openingChunks(bundle()).map((c) => c.fileName);
    expect(names.sort()).toEqual(['embed.js', 'main.js', 'react.js', 'store.js']);
  });

  it('puts the hint on the first line of those chunks, once, and nowhere else', () => {
    const b = bundle();
    const hook = compileHints().generateBundle as { handler: (o: unknown, b: unknown) => void };
    hook.handler({}, b);
    hook.handler({}, b); // a second pass must not stack a second comment
    const code = (name: string) => (b[name] as Rolldown.OutputChunk).code;
    expect(code('main.js')).toBe(`${COMPILE_HINT}// main.js\n`);
    expect(code('react.js').startsWith(COMPILE_HINT)).toBe(true);
    expect(code('workbench.js')).toBe('// workbench.js\n');
    expect(code('forms.js')).toBe('// forms.js\n');
  });
});
