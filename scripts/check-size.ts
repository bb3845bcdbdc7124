// npm run test:size — after `vite build`, checks the load budgets of DESIGN §8:
//   main-thread JS fetched before the app is ready ≤ 170 KB gzip, the worker ≤ 80 KB gzip,
//   and the embed page's (embed.html) JS ≤ 120 KB gzip.
// "Fetched before ready" = the <script type="module" src> and <link rel="modulepreload" href> of
// the HTML page, plus the chunks those import statically (dynamic import() is not counted).
// The worker = files in dist/assets whose name matches /worker/i (source maps excluded).
// Usage: tsx scripts/check-size.ts [distDir]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const KB = 1024;
const BUDGET = { main: 170 * KB, worker: 80 * KB, embed: 120 * KB };
const dist = path.resolve(process.argv[2] ?? 'dist');

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;
const rel = (file: string) => path.relative(dist, file);

function die(message: string): never {
  console.error(`check-size: ${message}`);
  process.exit(1);
}

/** Attribute values of the HTML's module scripts and modulepreload links. */
function entryRefs(html: string): string[] {
  const refs: string[] = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const attr = (name: string) =>
      new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
        .exec(tag)
        ?.slice(1)
        .find((v) => v !== undefined);
    if (/^<script/i.test(tag) && attr('type') === 'module' && attr('src')) refs.push(attr('src')!);
    if (/^<link/i.test(tag) && attr('rel') === 'modulepreload' && attr('href')) {
      refs.push(attr('href')!);
    }
  }
  return refs;
}

/** Maps a URL from the HTML (any base path) to a file in dist, or undefined for external URLs. */
function resolveRef(ref: string): string | undefined {
  if (/^(?:[a-z]+:)?\/\//i.test(ref) || ref.startsWith('data:')) return undefined;
  const clean = decodeURI(ref.replace(/[?#].*$/, ''));
  const parts = clean.split('/').filter((p) => p && p !== '.');
  // Try the whole path, then drop leading segments (the base path, e.g. /multikernel-lab/).
  for (let i = 0; i < parts.length; i++) {
    const candidate = path.join(dist, ...parts.slice(i));
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Static `import … from "./x.js"` / `export … from` / `import "./x.js"` in a built chunk. */
function staticImports(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const out: string[] = [];
  const re = /\b(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g;
  for (const m of code.matchAll(re)) {
    const target = path.resolve(path.dirname(file), m[1] ?? '');
    if (target.startsWith(dist) && existsSync(target)) out.push(target);
  }
  return out;
}

function pageJs(htmlFile: string): string[] {
  const html = readFileSync(htmlFile, 'utf8');
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const ref of entryRefs(html)) {
    const file = resolveRef(ref);
    if (!file) {
      if (!/^(?:[a-z]+:)?\/\//i.test(ref)) die(`${rel(htmlFile)} references ${ref}, not in dist/`);
      continue;
    }
    queue.push(file);
  }
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file) || !/\.m?js$/.test(file)) continue;
    seen.add(file);
    queue.push(...staticImports(file));
  }
  return [...seen].sort();
}

function report(label: string, files: string[], budget: number): boolean {
  const sizes = files.map((f) => [f, gz(f)] as const);
  const total = sizes.reduce((sum, [, n]) => sum + n, 0);
  const ok = total <= budget;
  console.log(
    `${ok ? '✓' : '✗'} ${label}: ${kb(total)} gzip (budget ${kb(budget)}) in ${files.length} file(s)`,
  );
  for (const [f, n] of sizes) console.log(`    ${kb(n).padStart(10)}  ${rel(f)}`);
  return ok;
}

if (!existsSync(path.join(dist, 'index.html'))) die(`${dist}/index.html not found: run vite build`);

const main = pageJs(path.join(dist, 'index.html'));
if (main.length === 0) die('dist/index.html loads no module script');
const assets = path.join(dist, 'assets');
const worker = existsSync(assets)
  ? readdirSync(assets, { recursive: true, encoding: 'utf8' })
      .filter((f) => /worker/i.test(path.basename(f)) && /\.m?js$/.test(f))
      .map((f) => path.join(assets, f))
      .sort()
  : [];

const over: string[] = [];
if (!report('main thread (index.html)', main, BUDGET.main)) over.push('main thread');
if (worker.length === 0) {
  console.log('  (no worker bundle found in dist/assets matching /worker/i)');
} else if (!report('worker', worker, BUDGET.worker)) {
  over.push('worker');
}
// The embed is a page of every build (vite.config.ts): a build without it must not pass unmeasured.
const embedHtml = path.join(dist, 'embed.html');
if (!existsSync(embedHtml))
  die(`${dist}/embed.html not found: vite.config.ts must build embed.html`);
if (!report('embed (embed.html)', pageJs(embedHtml), BUDGET.embed)) over.push('embed');

if (over.length) {
  console.error(`check-size: over budget: ${over.join(', ')}`);
  process.exit(1);
}
console.log('check-size: all bundles within budget');
