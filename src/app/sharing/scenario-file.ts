import type { LogEntry, Scenario } from '../../contract';
import { attempt, bad, fields, int, obj, parseJson, str, type Checked } from './check';
import { checkLog, MAX_SEED, MAX_T } from './log-check';
import { checkParts } from './scenario-check';

/**
 * A sandbox scenario as a file (docs/sharing.md): the sim's `Scenario` (`config` + `setup`
 * inputs, on the top level) with a name and a seed, and optionally what was done since (the input log) and where
 * to stand (`t`). Versioned by `schema` + `v`; read back exactly as written.
 */
export const SCENARIO_SCHEMA = 'mklab.scenario';
export const SCENARIO_VERSION = 1;
/** A scenario file larger than this is refused before it is parsed. */
export const MAX_SCENARIO_CHARS = 1024 * 1024;
export const MAX_NAME = 80;

export interface ScenarioFile {
  readonly schema: typeof SCENARIO_SCHEMA;
  readonly v: typeof SCENARIO_VERSION;
  readonly name: string;
  readonly seed: number;
  readonly config: Scenario['config'];
  readonly setup: Scenario['setup'];
  readonly log?: readonly LogEntry[];
  readonly t?: number;
}

export function checkScenarioFile(data: unknown): ScenarioFile {
  const o = obj(data, '');
  if (o.schema !== SCENARIO_SCHEMA)
    bad('schema', 'schema', { value: String(o.schema).slice(0, 40), expected: SCENARIO_SCHEMA });
  if (o.v !== SCENARIO_VERSION)
    bad('v', 'version', { value: String(o.v).slice(0, 20), expected: SCENARIO_VERSION });
  fields(o, '', ['schema', 'v', 'name', 'seed', 'config', 'setup'], ['log', 't']);
  str(o.name, 'name', MAX_NAME);
  int(o.seed, 'seed', 0, MAX_SEED);
  checkParts(o.config, o.setup, '');
  if (o.log !== undefined) checkLog(o.log, 'log', null);
  if (o.t !== undefined) int(o.t, 't', 0, MAX_T);
  return o as unknown as ScenarioFile;
}

export function parseScenarioFile(text: string): Checked<ScenarioFile> {
  return attempt(() => checkScenarioFile(parseJson(text, MAX_SCENARIO_CHARS)));
}

/** The file's text: fields in a fixed order, so exporting what was imported gives it back. */
export function scenarioFileText(f: ScenarioFile): string {
  const out: ScenarioFile = {
    schema: SCENARIO_SCHEMA,
    v: SCENARIO_VERSION,
    name: f.name,
    seed: f.seed,
    config: f.config,
    setup: f.setup,
    ...(f.log !== undefined ? { log: f.log } : {}),
    ...(f.t !== undefined ? { t: f.t } : {}),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

export function scenarioOf(f: ScenarioFile): Scenario {
  return { config: f.config, setup: f.setup };
}
