// The built index.html's module preloads beyond Vite's own (scripts/first-paint.ts applies it):
// the chunks every page asks for as it opens that the entry does not import, so they do not wait
// for the entry to have run (issue 14).

export type Bundle = Readonly<Record<string, { readonly type: string }>>;
type Chunk = {
  readonly type: 'chunk';
  readonly fileName: string;
  readonly facadeModuleId: string | null;
  readonly imports: readonly string[];
  readonly isEntry: boolean;
};
export const chunks = (bundle: Bundle): Chunk[] =>
  Object.values(bundle).filter((f): f is Chunk => f.type === 'chunk');

/**
 * The chunks every page asks for as it opens that the entry does not import: the saved progress's
 * reader (src/app/progress-keeper.ts, loaded by LessonSession.restore before a lesson route is
 * followed) and what it imports beyond the entry's own (issue 14: a lesson's link waited a round
 * trip for them).
 */
function openingChunks(all: readonly Chunk[]): string[] {
  const byName = new Map(all.map((c) => [c.fileName, c]));
  const closure = (from: Chunk, seen = new Set<string>()): Set<string> => {
    for (const name of from.imports) {
      if (seen.has(name)) continue;
      seen.add(name);
      const next = byName.get(name);
      if (next) closure(next, seen);
    }
    return seen;
  };
  const entry = all.find((c) => c.isEntry && c.facadeModuleId?.endsWith('/index.html'));
  const keeper = all.find((c) => c.facadeModuleId?.endsWith('/src/app/progress-keeper.ts'));
  if (!entry || !keeper) throw new Error('module-preloads: no entry or progress-keeper chunk');
  const loaded = closure(entry);
  loaded.add(entry.fileName);
  return [keeper.fileName, ...closure(keeper)].filter((f) => !loaded.has(f));
}

/**
 * `html` with the opening chunks preloaded after the entry's own modules: before them, they took
 * the connections the entry's script and its largest chunk wait for (HTTP/1.1 opens six to a host).
 */
export function modulePreloads(html: string, bundle: Bundle, base: string): string {
  const tags = openingChunks(chunks(bundle)).map(
    (f) => `<link rel="modulepreload" crossorigin href="${base}${f}">`,
  );
  const last = [...html.matchAll(/<link rel="modulepreload"[^>]*>/g)].pop();
  const entry = /<script type="module" crossorigin src="[^"]+"><\/script>/.exec(html);
  const after = last ?? entry;
  if (!after) throw new Error('module-preloads: index.html has no entry script');
  const at = after.index + after[0].length;
  return `${html.slice(0, at)}\n    ${tags.join('\n    ')}${html.slice(at)}`;
}
