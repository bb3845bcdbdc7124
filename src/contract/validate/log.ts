import { z } from './zod';
import { MAX_LOG } from '../limits';
import { flag, list, rule, simTime } from './fields';
import { labInput } from './lab-input';

/**
 * An input log as links, files, progress and the presenter's channel carry it: entries in time
 * order, each a `LabInput` (lesson inputs only in a lesson of `lessonSteps` steps). What an input
 * does to the machine is not judged here: a logged input the machine refused was refused in the
 * original run too, and replays the same way.
 */
const made = new Map<string, z.ZodMiniType>();

export function inputLog(lessonSteps: number | null, max: number = MAX_LOG): z.ZodMiniType {
  const key = `${lessonSteps}/${max}`;
  let schema = made.get(key);
  if (!schema) made.set(key, (schema = make(lessonSteps, max)));
  return schema;
}

function make(lessonSteps: number | null, max: number) {
  const entry = z.strictObject({ atNs: simTime(), input: labInput(lessonSteps) });
  return list(entry, max).check(
    rule<readonly { atNs: number }[]>((entries, ctx) => {
      let last = 0;
      entries.forEach((e, i) => {
        if (e.atNs < last) flag(ctx, 'order', { value: e.atNs, before: last }, [i, 'atNs']);
        last = e.atNs;
      });
    }),
  );
}
