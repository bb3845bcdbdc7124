/**
 * Presenter mode's place in the URL (DESIGN §7): `?present` opens presenter mode, and
 * `?audience=<session>` the window on the projector that follows it. Kept apart from the
 * protocol so the main bundle carries only this.
 */
export type PresenterRoute =
  | { readonly mode: 'off' }
  | { readonly mode: 'presenter' }
  | { readonly mode: 'audience'; readonly session: string };

/** A session id as it may appear in `?audience=<id>`: short, URL-safe. */
export function isSessionId(s: string | null): s is string {
  return s !== null && /^[A-Za-z0-9_-]{6,40}$/.test(s);
}

export function readPresenterRoute(search: string): PresenterRoute {
  const q = new URLSearchParams(search);
  const audience = q.get('audience');
  if (isSessionId(audience)) return { mode: 'audience', session: audience };
  if (q.has('present')) return { mode: 'presenter' };
  return { mode: 'off' };
}
