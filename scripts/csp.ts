// The Content-Security-Policy the build ships (a <meta> in index.html and embed.html, added at
// build time: `vite dev` injects inline scripts of its own) and the header form hosts can send
// (docs/embedding.md). One list, so the meta, the docs and the e2e test that serves the build
// under the header cannot drift apart.
import type { Plugin } from 'vite';
import { FIRST_PAINT_HASH } from './first-paint';

/**
 * Beyond `'self'`: images and fonts from `data:`/`blob:` URLs (the SVG/PNG export embeds the
 * font and draws the SVG through a blob URL; the QR code is an SVG data URL). Nothing else is
 * loaded from anywhere but the lab's own origin.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  // The hash: index.html's inline first-paint script (scripts/first-paint.ts), nothing else.
  'script-src': `'self' ${FIRST_PAINT_HASH}`,
  'worker-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data: blob:",
  'font-src': "'self' data:",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
};

/**
 * The live class's session server, when the lab is built to reach one on another origin
 * (`VITE_CLASS_SERVER=https://class.school.example npm run build`, docs/classroom.md): its
 * origin for the API and the same host's WebSocket scheme. Served by `npm run class`, the lab
 * and the server share one origin and `'self'` covers both.
 */
export function classServerSources(setting: string | undefined): string {
  if (!setting) return '';
  const url = new URL(setting);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`VITE_CLASS_SERVER must be an http(s) URL, not ${setting}`);
  const ws = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return ` ${url.origin} ${ws}//${url.host}`;
}

/** `connect-src` with the class server's origin, when the build names one. */
export function connectSrc(setting = process.env.VITE_CLASS_SERVER): string {
  return `${CSP_DIRECTIVES['connect-src']}${classServerSources(setting)}`;
}

/** The policy as one string; `frame-ancestors` only works as a header, never in a <meta>. */
export function cspString(extra: Readonly<Record<string, string>> = {}): string {
  return Object.entries({ ...CSP_DIRECTIVES, ...extra })
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');
}

/** Vite plugin (build only): the policy as the first thing in every page's <head>. */
export function csp(): Plugin {
  return {
    name: 'mklab-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler: () => [
        {
          tag: 'meta',
          attrs: {
            'http-equiv': 'Content-Security-Policy',
            content: cspString({ 'connect-src': connectSrc() }),
          },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}
