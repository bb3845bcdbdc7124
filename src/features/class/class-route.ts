import { normalizeRoomCode } from '../../contract/class-session';

/**
 * A live class in the URL: `?class=<code>` (a student joining; `?class` alone asks for the
 * code), and `?present#class=<code>.<token>` (the teacher's link printed by `npm run class`,
 * with the token that lets them publish — in the fragment, so it never reaches a server log).
 */
export type ClassRoute =
  | { readonly mode: 'off' }
  | { readonly mode: 'student'; readonly code: string | null }
  | { readonly mode: 'teacher'; readonly code: string; readonly token: string };

export function readClassRoute(search: string, hash: string): ClassRoute {
  const q = new URLSearchParams(search);
  const teacher = /^#class=([0-9A-Za-z]+)\.([A-Za-z0-9_-]{16,64})$/.exec(hash);
  const code = teacher ? normalizeRoomCode(teacher[1] ?? '') : null;
  if (q.has('present') && teacher && code) return { mode: 'teacher', code, token: teacher[2]! };
  if (q.has('class')) return { mode: 'student', code: normalizeRoomCode(q.get('class') ?? '') };
  return { mode: 'off' };
}
