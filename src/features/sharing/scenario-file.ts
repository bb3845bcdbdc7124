import {
  SCENARIO_SCHEMA,
  SCENARIO_VERSION,
  type Checked,
  type Scenario,
  type ScenarioFile,
} from '../../contract';
import { readScenarioFile } from '../../contract/validate/scenario-file';

/**
 * A sandbox scenario as a file (docs/sharing.md): the sim's `Scenario` (`config` + `setup`
 * inputs, on the top level) with a name and a seed, and optionally what was done since (the
 * input log) and where to stand (`t`). Versioned by `schema` + `v`; read back exactly as written.
 */
export function parseScenarioFile(text: string): Checked<ScenarioFile> {
  return readScenarioFile(text);
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
    ...(f.warmupNs !== undefined ? { warmupNs: f.warmupNs } : {}),
    ...(f.log !== undefined ? { log: f.log } : {}),
    ...(f.t !== undefined ? { t: f.t } : {}),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

export function scenarioOf(f: ScenarioFile): Scenario {
  const { config, setup, warmupNs } = f;
  return warmupNs === undefined ? { config, setup } : { config, setup, warmupNs };
}
