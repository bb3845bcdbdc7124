/**
 * The lesson registry: every lesson's slug, in teaching order (DESIGN §6). It is the one list of
 * lessons; everything else finds a lesson by its slug:
 * - its logic (worker): `src/lessons/<slug>.ts`, collected in `src/lessons/catalog.ts`;
 * - its content (page): `src/content/<slug>.ts`, collected in `src/content/catalog.ts`;
 * - its text: `src/i18n/<lang>/lessons/<slug>.json`, found by file name.
 * docs/authoring-lessons.md walks a new author through adding one.
 */
export const LESSON_SLUGS = [
  'one-kernel-owns-everything',
  'carving-the-machine',
  'booting-a-second-kernel',
  'talking-between-kernels',
  'crash-containment',
  'recovery-without-reboot',
  'noisy-neighbours',
  'zero-downtime-update',
  'what-it-does-not-protect',
  'roots',
] as const;
export type LessonSlug = (typeof LESSON_SLUGS)[number];

/**
 * One side's lesson halves by slug, in the registry's order. A registered lesson whose half is
 * missing, a half listed twice and a half no lesson registers all fail here, as the side loads,
 * with a message that names the slug and the file to fix: the type checker cannot see that a
 * catalog is complete, and a lesson that loads without its half would fail far from the cause.
 * `slugs` is the registry (`LESSON_SLUGS`), passed in so a test can register a fixture lesson.
 */
export function byRegistry<H extends { readonly slug: string }>(
  slugs: readonly LessonSlug[],
  halves: readonly H[],
  catalog: string,
): Readonly<Record<LessonSlug, H>> {
  const bySlug = new Map<string, H>();
  for (const half of halves) {
    if (bySlug.has(half.slug)) throw new Error(`${catalog} lists lesson '${half.slug}' twice`);
    if (!slugs.includes(half.slug as LessonSlug)) {
      throw new Error(
        `${catalog} lists lesson '${half.slug}', which src/contract/lessons.ts does not register`,
      );
    }
    bySlug.set(half.slug, half);
  }
  const missing = slugs.filter((s) => !bySlug.has(s));
  if (missing.length > 0) {
    throw new Error(
      `lesson ${missing.map((s) => `'${s}'`).join(', ')} is registered in ` +
        `src/contract/lessons.ts but ${catalog} does not list it`,
    );
  }
  return Object.fromEntries(slugs.map((s) => [s, bySlug.get(s) as H])) as Record<LessonSlug, H>;
}
