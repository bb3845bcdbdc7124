import { z } from './zod';
import { SCENARIO_SCHEMA, SCENARIO_VERSION, type ScenarioFile } from '../files';
import { MAX_SCENARIO_CHARS, MAX_SCENARIO_NAME, MAX_SEED } from '../limits';
import type { Checked } from '../problems';
import { intIn, simTime, tag, text } from './fields';
import { inputLog } from './log';
import { checked, readJson } from './problem';
import { scenarioShape, setupChecks } from './scenario';

/**
 * A sandbox scenario as a file (docs/sharing.md): the scenario's `config` and `setup` on the top
 * level, a name and a seed, and optionally what was done since (a sandbox log) and where to stand
 * (`t`). Versioned by `schema` + `v`, which are read first: a file of another kind or version
 * says so rather than naming its first unknown field.
 */

const kind = z.looseObject({
  schema: tag(SCENARIO_SCHEMA, 'schema'),
  v: tag(SCENARIO_VERSION, 'version', 20),
});

const file = z
  .strictObject({
    schema: z.unknown(),
    v: z.unknown(),
    name: text(MAX_SCENARIO_NAME),
    seed: intIn(0, MAX_SEED),
    ...scenarioShape,
    log: z.optional(inputLog(null)),
    t: z.optional(simTime()),
  })
  .check(setupChecks);

export function checkScenarioFile(data: unknown): Checked<ScenarioFile> {
  const r = checked<ScenarioFile>(kind, data);
  return r.ok ? checked<ScenarioFile>(file, data) : r;
}

/** A scenario file's text: refused unread when too big, then checked whole. */
export function readScenarioFile(text: string): Checked<ScenarioFile> {
  const r = readJson(text, MAX_SCENARIO_CHARS);
  return r.ok ? checkScenarioFile(r.value) : r;
}
