import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { lessonsOnPage, pageProblems, walkLesson } from './lesson-drive';
import { build, serveStatic, type StaticServer } from './static-server';

/**
 * The throwaway eleventh lesson (tests/fixtures/lessons), registered in a test build of the app
 * (tests/fixtures/lessons/vite.config.ts): the page offers it after the others, and the same walk
 * as lessons-walk.spec.ts goes through it; a production build holds no trace of it.
 */
const SLUG = 'throwaway-lesson';

/** A build of the app with the throwaway lesson registered, in a fresh temporary folder. */
const buildWithThrowaway = () => build('./', ['--config=tests/fixtures/lessons/vite.config.ts']);

/** Whether any file of a build mentions the text. */
function mentions(dir: string, text: string): boolean {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).some(
    (f) => f.isFile() && readFileSync(path.join(f.parentPath, f.name), 'utf8').includes(text),
  );
}

test.describe('an eleventh lesson, registered in a test build', () => {
  // One build for both tests.
  test.describe.configure({ mode: 'serial' });
  let out = '';
  let server: StaticServer | null = null;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    out = buildWithThrowaway();
    server = await serveStatic(out, '/');
  });

  test.afterAll(async () => {
    await server?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  test('the lesson list offers it after the others, and a learner can walk it', async ({
    page,
  }) => {
    if (!server) throw new Error('no server');
    const problems = pageProblems(page);
    const registered = await lessonsOnPage(page);
    expect(await lessonsOnPage(page, server.url)).toEqual([...registered, SLUG]);
    await walkLesson(page, SLUG, 'en', server.url);
    expect(problems).toEqual([]);
  });

  test('a production build does not ship it', () => {
    test.setTimeout(120_000);
    expect(mentions(out, SLUG), 'the test build holds it').toBe(true);
    const production = build();
    try {
      expect(mentions(production, SLUG)).toBe(false);
    } finally {
      rmSync(production, { recursive: true, force: true });
    }
  });
});
