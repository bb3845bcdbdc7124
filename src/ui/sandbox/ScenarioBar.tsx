import type { PresetId, ProposalVersion } from '../../contract';
import { useState } from 'react';
import { useStore } from 'zustand';
import { controls } from '../../store/controls';
import { prefsStore, setPrefs } from '../../store/prefs-store';
import { startStore } from '../../store/start-store';
import { select } from '../../store/selection-store';
import { useT } from '../hooks';
import { PRESET_LIST, PRESETS, VERSION_LIST, VERSIONS } from './catalog';
import { parseRequiredInt, startFromSearch, type FieldError } from './parse';
import { Refusal } from './ActionForm';
import { SelectField, Switch, TextField } from './Fields';
import { useSend } from './use-send';
import { useMachine } from './view';
import { ScenarioFiles } from '../../features/sharing/FileTools';
import { ExportButtons } from '../../features/presenter/ExportButtons';
import { downloadJson } from '../download';
import './scenario-bar.css';

/** The largest seed the URL accepts (src/app/start.ts: up to 15 digits). */
const MAX_SEED = 999_999_999_999_999;

/**
 * Which machine runs (preset + seed, applied by a button), which version of the proposal it
 * follows (switched at run time, an input), and the page-side switches: the monolithic twin,
 * IPI aggregation, and the Chrome trace export.
 */
export function ScenarioBar() {
  const t = useT();
  const machine = useMachine();
  const twin = useStore(startStore, (s) => s.spec.twin ?? false);
  const aggregate = useStore(prefsStore, (s) => s.aggregate);
  const [start] = useState(() => startFromSearch(location.search));
  const [preset, setPreset] = useState<PresetId>(start.preset);
  const [seed, setSeed] = useState(String(start.seed));
  const [seedError, setSeedError] = useState<FieldError | undefined>();
  const [busy, setBusy] = useState<'load' | 'export' | 'twin' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const version = useSend();

  const load = () => {
    const s = parseRequiredInt(seed, 0, MAX_SEED);
    if (!s.ok) return setSeedError(s.error);
    setBusy('load');
    setProblem(null);
    // What was selected belonged to the old machine.
    select(null);
    // The preset runs as it is defined (its setup parks CPUs in the GitHub tree's pool, which v1
    // and v2 refuse); switch the version at run time below.
    controls
      .loadScenario({ preset, seed: s.value })
      .catch((e: unknown) => setProblem(t('sandbox.loadFailed', { error: String(e) })))
      .finally(() => setBusy(null));
  };

  const exportTrace = () => {
    setBusy('export');
    setProblem(null);
    controls
      .exportTrace()
      .then((json) => downloadJson(json, 'multikernel-trace.json'))
      .catch((e: unknown) => setProblem(t('sandbox.exportFailed', { error: String(e) })))
      .finally(() => setBusy(null));
  };

  const toggleTwin = (on: boolean) => {
    setBusy('twin');
    controls
      .setTwin(on)
      .catch((e: unknown) => setProblem(String(e)))
      .finally(() => setBusy(null));
  };

  return (
    <div className="sbx-scenario">
      <form
        className="sbx-form sbx-load"
        aria-labelledby="sbx-load-h"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          load();
        }}
      >
        <h3 id="sbx-load-h">{t('sandbox.scenario')}</h3>
        <div className="sbx-fields">
          <SelectField
            label={t('sandbox.preset')}
            value={preset}
            testid="preset"
            wide
            options={PRESET_LIST.map((p) => ({ value: p, label: t(PRESETS[p].name) }))}
            onChange={(v) => setPreset(v as PresetId)}
            hint={t(PRESETS[preset].about)}
          />
          <TextField
            label={t('sandbox.seed')}
            value={seed}
            numeric
            testid="seed"
            error={seedError}
            onChange={(v) => {
              setSeed(v);
              setSeedError(undefined);
            }}
          />
        </div>
        <div className="sbx-actions">
          <button
            type="submit"
            className="primary"
            data-testid="load-scenario"
            disabled={busy === 'load'}
          >
            {busy === 'load' ? t('sandbox.loading') : t('sandbox.load')}
          </button>
          <span className="sbx-hint">{t('sandbox.load.hint')}</span>
        </div>
        <ScenarioFiles />
      </form>

      <div className="sbx-form sbx-version" role="group" aria-labelledby="sbx-version-h">
        <h3 id="sbx-version-h">{t('sandbox.version')}</h3>
        <div className="sbx-fields">
          <SelectField
            label={t('sandbox.version.label')}
            value={machine.version}
            testid="version"
            wide
            options={VERSION_LIST.map((v) => ({ value: v, label: t(VERSIONS[v].name) }))}
            onChange={(v) => version.send({ type: 'version.set', version: v as ProposalVersion })}
            hint={t(VERSIONS[machine.version].about)}
          />
        </div>
        <Refusal refusal={version.refusal} />
      </div>

      <div className="sbx-form sbx-view" role="group" aria-labelledby="sbx-view-h">
        <h3 id="sbx-view-h">{t('sandbox.show')}</h3>
        <Switch
          label={t('sandbox.twin')}
          hint={t('sandbox.twin.hint')}
          checked={twin}
          disabled={busy === 'twin'}
          testid="twin-toggle"
          onChange={toggleTwin}
        />
        <Switch
          label={t('sandbox.aggregate')}
          hint={t('sandbox.aggregate.hint')}
          checked={aggregate}
          testid="aggregate-toggle"
          onChange={(on) => setPrefs({ aggregate: on })}
        />
        <div className="sbx-actions">
          <button
            type="button"
            data-testid="export-trace"
            disabled={busy === 'export' || !machine.ready}
            onClick={exportTrace}
          >
            {busy === 'export' ? t('sandbox.exporting') : t('sandbox.export')}
          </button>
          <span className="sbx-hint">{t('sandbox.export.hint')}</span>
        </div>
        <div className="sbx-actions">
          <ExportButtons />
          <span className="sbx-hint">{t('presenter.export.label')}</span>
        </div>
      </div>
      {problem ? (
        <p className="sbx-refusal sbx-problem" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
