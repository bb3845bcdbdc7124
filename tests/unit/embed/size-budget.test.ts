import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `npm test` runs scripts/check-size.ts after the build: it must fail when the embed's JavaScript
// before ready passes 120 KB gzip (DESIGN §8), counting what embed.html loads statically.

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A fake dist/ whose embed.html loads about `embedKb` KB gzip of JS (random bytes, over two chunks). */
function fakeDist(embedKb: number, withEmbed = true): string {
  const dist = mkdtempSync(path.join(tmpdir(), 'mk-size-'));
  dirs.push(dist);
  mkdirSync(path.join(dist, 'assets'));
  const js = (kb: number) => `export const x = "${randomBytes(kb * 1024).toString('base64')}";\n`;
  writeFileSync(path.join(dist, 'assets', 'main.js'), js(10));
  writeFileSync(path.join(dist, 'assets', 'sim.worker.js'), js(10));
  writeFileSync(
    path.join(dist, 'index.html'),
    '<script type="module" src="./assets/main.js"></script>',
  );
  // Half in the entry, half in a chunk it imports statically; a lazy chunk does not count.
  writeFileSync(
    path.join(dist, 'assets', 'embed.js'),
    `import "./shared.js";\nconst lazy = () => import("./lazy.js");\n${js(embedKb / 2)}`,
  );
  writeFileSync(path.join(dist, 'assets', 'shared.js'), js(embedKb / 2));
  writeFileSync(path.join(dist, 'assets', 'lazy.js'), js(200));
  if (withEmbed) {
    writeFileSync(
      path.join(dist, 'embed.html'),
      '<script type="module" crossorigin src="./assets/embed.js"></script>',
    );
  }
  return dist;
}

const checkSize = (dist: string) =>
  spawnSync('npx', ['tsx', 'scripts/check-size.ts', dist], { encoding: 'utf8' });

describe('check-size: the embed budget', () => {
  it('passes an embed under 120 KB gzip before ready (a lazy chunk is not counted)', () => {
    const r = checkSize(fakeDist(100));
    expect(r.stdout).toMatch(/✓ embed \(embed\.html\)/);
    expect(r.status).toBe(0);
  });

  it('fails an embed over 120 KB gzip before ready', () => {
    const r = checkSize(fakeDist(130));
    expect(r.stdout).toMatch(/✗ embed \(embed\.html\)/);
    expect(r.stderr).toMatch(/over budget: embed/);
    expect(r.status).toBe(1);
  });

  it('fails a build that has no embed.html', () => {
    const r = checkSize(fakeDist(10, false));
    expect(r.stderr).toMatch(/embed\.html not found/);
    expect(r.status).toBe(1);
  });
});
