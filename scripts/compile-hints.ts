// Vite plugin (build only): the scripts a page runs as it opens start with V8's explicit compile
// hint, `//# allFunctionsCalledOnLoad` (Chromium ≥ 136; other engines read a comment). V8 then
// compiles all of their functions as the file streams in, on a background thread, instead of
// each one on the main thread the first time it is called — and a page's opening calls most of
// React DOM and of the app's first screen. Issue 14: the module evaluation was the load's longest
// main-thread task (≈ 130–270 ms on this VM at a phone's size, the first paint already shown);
// with the hint, ≈ 115–160 ms (3 loads each, measured 2026-12-05). Chunks loaded later (the
// workbench, a lesson's text, the class) keep V8's lazy compiling: most of their code never runs.
import type { Plugin, Rolldown } from 'vite';

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/** The entry chunks and every chunk they import statically: what runs before the first render. */
export function openingChunks(bundle: OutputBundle): OutputChunk[] {
  const chunks = new Map<string, OutputChunk>();
  for (const item of Object.values(bundle))
    if (item.type === 'chunk') chunks.set(item.fileName, item);
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    const chunk = chunks.get(name);
    if (!chunk) return;
    seen.add(name);
    for (const dep of chunk.imports) visit(dep);
  };
  for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
  return [...seen].map((name) => chunks.get(name)).filter((c): c is OutputChunk => c !== undefined);
}

export function compileHints(): Plugin {
  return {
    name: 'mklab-compile-hints',
    apply: 'build',
    generateBundle: {
      // After Vite's own rewriting of the chunks (its preload helper goes on their first line):
      // the hint must be the file's first line.
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of openingChunks(bundle)) {
          if (!chunk.code.startsWith(COMPILE_HINT)) chunk.code = COMPILE_HINT + chunk.code;
        }
      },
    },
  };
}
