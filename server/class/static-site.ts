import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

/**
 * The built lab (dist/) served next to the session server, so a class needs one command and
 * one origin: the shipped CSP's `connect-src 'self'` then covers the session's WebSocket too.
 */

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** A request's decoded path; null for one that is not an address (`//x`, a stray `%`). */
export function requestPath(url: string | undefined): string | null {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://x').pathname);
  } catch {
    return null;
  }
}

/** Answers a GET for a file under `root` (index.html for a folder); false when there is none. */
export function serveFile(root: string, req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const name = requestPath(req.url);
  if (name === null) return false;
  const base = path.resolve(root);
  const file = path.resolve(base, `.${name}`);
  // Nothing outside the site folder, whatever the path says.
  if (file !== base && !file.startsWith(base + path.sep)) return false;
  let target = file;
  try {
    if (statSync(target).isDirectory()) target = path.join(target, 'index.html');
    if (!statSync(target).isFile()) return false;
  } catch {
    return false;
  }
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(target)] ?? 'application/octet-stream',
    // The service worker and the page are checked for updates on every visit.
    'Cache-Control': /\/assets\//.test(target) ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(target).pipe(res);
  return true;
}
