/**
 * Where the session server is: by default the origin that served the lab (`npm run class`
 * serves both, so the shipped CSP's `connect-src 'self'` covers it). A school that hosts the
 * lab and the server apart builds with `VITE_CLASS_SERVER=https://class.school.example`, which
 * scripts/csp.ts also adds to `connect-src` (docs/classroom.md).
 */
function origin(): URL {
  const set = import.meta.env.VITE_CLASS_SERVER as string | undefined;
  return new URL(set || location.origin);
}

export function apiUrl(path: string): string {
  return new URL(path, origin()).href;
}

export function socketUrl(): string {
  const url = new URL('/class/ws', origin());
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

/** The short address a student opens (what the QR code holds): the lab, with the room. */
export function joinUrl(code: string): string {
  const url = new URL(location.pathname, location.origin);
  url.searchParams.set('class', code);
  return url.href;
}
