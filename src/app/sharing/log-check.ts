import type { LogEntry } from '../../contract';
import { arr, at, bad, fields, int, item, machineInput, obj, shown, str } from './check';

/** A log longer than this is not accepted (a lesson's is a few dozen entries; the store keeps 5000). */
export const MAX_LOG = 5000;
/** The latest simulated time a file or link may name: about eleven days, far past any run. */
export const MAX_T = 1e15;
/** The largest seed the URL accepts (src/app/start.ts: up to 15 digits). */
export const MAX_SEED = 999_999_999_999_999;
const MAX_LINE = 1000;

/**
 * An engine input log as links, progress and scenario files carry it: entries in time order,
 * each a machine input, a shell line or (in a lesson of `lessonSteps` steps) a lesson input.
 * What an input does to the machine is not judged here: a logged input the machine refused was
 * refused in the original run too, and replays the same way.
 */
export function checkLog(
  v: unknown,
  path: string,
  lessonSteps: number | null,
): readonly LogEntry[] {
  const entries = arr(v, path, MAX_LOG);
  let last = 0;
  entries.forEach((e, i) => {
    const p = item(path, i);
    const o = obj(e, p);
    fields(o, p, ['atNs', 'input']);
    const atNs = int(o.atNs, at(p, 'atNs'), 0, MAX_T);
    if (atNs < last) bad(at(p, 'atNs'), 'order', { value: atNs, before: last });
    last = atNs;
    engineInput(o.input, at(p, 'input'), lessonSteps);
  });
  return entries as readonly LogEntry[];
}

function engineInput(v: unknown, path: string, lessonSteps: number | null): void {
  const o = obj(v, path);
  if (o.type === 'shell.line') {
    fields(o, path, ['type', 'line']);
    str(o.line, at(path, 'line'), MAX_LINE);
    return;
  }
  if (o.type === 'lesson.step' || o.type === 'twin.only') {
    if (lessonSteps === null) bad(at(path, 'type'), 'lesson-only', { value: shown(o.type) });
    if (o.type === 'lesson.step') {
      fields(o, path, ['type', 'step']);
      int(o.step, at(path, 'step'), 0, lessonSteps - 1);
    } else {
      fields(o, path, ['type', 'input']);
      machineInput(o.input, at(path, 'input'));
    }
    return;
  }
  machineInput(o, path);
}
