/**
 * A live class in the URL: `?class=<code>` (a student joining; `?class` alone asks for the
 * code), and `?present#class=<code>.<token>` (the teacher's link printed by `npm run class`,
 * with the token that lets them publish — in the fragment, so it never reaches a server log).
 */
export type ClassRoute =
  | { readonly mode: 'off' }
  | { readonly mode: 'student'; readonly code: string | null }
  | { readonly mode: 'teacher'; readonly code: string; readonly token: string };

/**
 * The code as typed, loosely (letters and digits, dashes and spaces dropped): the class code
 * reads it strictly (normalizeRoomCode) when it loads. Kept light: this file is in the main
 * bundle.
 */
function loose(typed: string | null | undefined): string | null {
  const code = (typed ?? '').replace(/[\s-]/g, '').toUpperCase();
  return /^[0-9A-Z]{1,40}$/.test(code) ? code : null;
}

export function readClassRoute(search: string, hash: string): ClassRoute {
  const q = new URLSearchParams(search);
  const teacher = /^#class=([0-9A-Za-z]+)\.([A-Za-z0-9_-]{16,64})$/.exec(hash);
  const code = teacher ? loose(teacher[1]) : null;
  if (q.has('present') && teacher && code) return { mode: 'teacher', code, token: teacher[2]! };
  if (q.has('class')) return { mode: 'student', code: loose(q.get('class')) };
  return { mode: 'off' };
}
