import type { SimBridge } from '../../bridge/sim-bridge';
import type { ClassRoute } from './class-route';

/**
 * A student's class at the composition root: the session code (Yjs, the Hocuspocus provider,
 * the follower) loads only when the page was opened to join one. The teacher's side starts
 * from presenter mode's class panel.
 */
export function wireClass(bridge: SimBridge, route: ClassRoute): void {
  if (route.mode !== 'student' || !route.code) return;
  const code = route.code;
  void import('./student-link').then((m) => m.startStudentLink(bridge, code));
}
