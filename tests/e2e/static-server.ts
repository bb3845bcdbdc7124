// A small static file server for e2e: serves a built dist/ under a sub-path (`/some/sub/path/`),
// as a static host would, on a free port of 127.0.0.1. No caching headers, no rewrites.
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import { requestPath } from '../../server/class/static-site';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticServer {
  /** The URL of the sub-path, ending in `/`. */
  readonly url: string;
  close(): Promise<void>;
}

/** Response headers to add per served file (e.g. a Content-Security-Policy on HTML pages). */
export type ExtraHeaders = (file: string) => Readonly<Record<string, string>>;

/** What a static host compresses (fonts and pictures are compressed already). */
const COMPRESSED = new Set(['.html', '.js', '.css', '.json', '.txt', '.svg']);

/** `gzip`: text files go gzip to a client that accepts it, as any static host sends them. */
export async function serveStatic(
  dir: string,
  prefix: string,
  headers: ExtraHeaders = () => ({}),
  { gzip = false }: { readonly gzip?: boolean } = {},
): Promise<StaticServer> {
  const root = path.resolve(dir);
  const server: Server = createServer((req, res) => {
    // Not an address (`//x`, a stray `%`): a bad request, not an exception that stops the run.
    const pathname = requestPath(req.url);
    if (pathname === null) {
      res.writeHead(400).end('bad address');
      return;
    }
    if (pathname === prefix.replace(/\/$/, '')) {
      res.writeHead(301, { location: prefix }).end();
      return;
    }
    if (!pathname.startsWith(prefix)) {
      res.writeHead(404).end('not under the sub-path');
      return;
    }
    let file = path.resolve(root, `.${pathname.slice(prefix.length - 1)}`);
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    const zip =
      gzip &&
      COMPRESSED.has(path.extname(file)) &&
      /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      ...(zip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
      ...headers(file),
    });
    const body = createReadStream(file);
    // A file removed while its request was on the way (a test's folder deleted as the page asks
    // again for sw.js) ends that response; unhandled, it threw in the test runner (ENOENT).
    body.on('error', () => res.destroy());
    if (zip) body.pipe(createGzip()).pipe(res);
    else body.pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A production build with this base, in a fresh temporary folder (about a second); `more`: other
 * `vite build` options (another config, `--minify=false`).
 */
export function build(base = './', more: readonly string[] = []): string {
  const out = mkdtempSync(path.join(tmpdir(), 'mklab-build-'));
  execFileSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', `--base=${base}`, `--outDir=${out}`, ...more],
    { stdio: 'pipe' },
  );
  return out;
}
