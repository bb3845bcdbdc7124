import { useRef, useState } from 'react';
import { useStore } from 'zustand';
import { lessonStore } from '../../store/lesson-store';
import { setFileResult, sharing, shareStore, type ImportResult } from './share-store';
import { useT } from '../../ui/hooks';
import { problemText } from './problem-text';
import './share.css';
import { downloadJson } from '../../ui/download';
import { MAX_PROGRESS_CHARS, MAX_SCENARIO_CHARS } from '../../contract';

/**
 * Files are refused unread past three bytes a character of the checks' own caps (UTF-8 takes at
 * most three bytes for one UTF-16 unit), so a file within the caps is never refused here.
 */
const MAX_FILE_BYTES = { progress: MAX_PROGRESS_CHARS, scenario: MAX_SCENARIO_CHARS } as const;

/**
 * Export and import of one kind of file: export downloads it; import reads the chosen file and
 * hands it to the checks, which either take it whole or name the first bad field (and nothing
 * changes).
 */
function FileTools(props: {
  readonly kind: 'progress' | 'scenario';
  readonly exportFile: () => Promise<string>;
  readonly importFile: (text: string) => Promise<ImportResult>;
  readonly disabled?: boolean;
}) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const { kind } = props;
  const said = useStore(shareStore, (s) => (s.fileResult?.kind === kind ? s.fileResult : null));
  const fail = (e: unknown) => setFileResult({ kind, ok: false, error: String(e) });

  const doExport = () => {
    setFileResult(null);
    props
      .exportFile()
      .then((text) => downloadJson(text, `multikernel-${kind}.json`))
      .catch(fail);
  };
  const doImport = (file: File | undefined) => {
    if (!file) return;
    setFileResult(null);
    const max = MAX_FILE_BYTES[kind];
    if (file.size > 3 * max) {
      const problem = {
        path: '',
        code: 'too-big' as const,
        params: { size: Math.ceil(file.size / 1024), max: max / 1024 },
      };
      setFileResult({ kind, ok: false, problem });
      return;
    }
    setBusy(true);
    file
      .text()
      .then(props.importFile)
      .then((r: ImportResult) =>
        setFileResult(r.ok ? { kind, ok: true } : { kind, ok: false, problem: r.problem }),
      )
      .catch(fail)
      .finally(() => {
        setBusy(false);
        if (input.current) input.current.value = '';
      });
  };

  return (
    <div className="sh-files" role="group" aria-label={t(`share.${kind}.files`)}>
      <button
        type="button"
        data-testid={`export-${kind}`}
        disabled={props.disabled}
        onClick={doExport}
      >
        {t(`share.${kind}.export`)}
      </button>
      <button
        type="button"
        data-testid={`import-${kind}`}
        disabled={busy || props.disabled}
        onClick={() => input.current?.click()}
      >
        {t(`share.${kind}.import`)}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid={`import-${kind}-file`}
        onChange={(e) => doImport(e.currentTarget.files?.[0])}
      />
      {said && !said.ok ? (
        <p className="sbx-refusal" role="alert" data-testid={`${kind}-file-problem`}>
          {t(`share.${kind}.refused`)}{' '}
          {said.problem ? problemText(t, said.problem) : (said.error ?? '')}
        </p>
      ) : said ? (
        <p role="status" data-testid={`${kind}-file-ok`}>
          {t(`share.${kind}.imported`)}
        </p>
      ) : null}
    </div>
  );
}

/** In the lesson list: the learner's progress in every lesson, to and from a file. */
export function ProgressFiles() {
  return (
    <FileTools
      kind="progress"
      exportFile={sharing.exportProgress}
      importFile={sharing.importProgress}
    />
  );
}

/** The imported scenario's name: whatever the file says, shown as text (React escapes it). */
export function ScenarioName({ name }: { readonly name: string }) {
  const t = useT();
  return (
    <p className="sh-name" data-testid="scenario-name">
      {t('share.scenario.running')} <strong>{name}</strong>
    </p>
  );
}

/** In the sandbox: the machine, its setup and what was done since, to and from a file. */
export function ScenarioFiles() {
  const name = useStore(shareStore, (s) => s.scenarioName);
  const inLesson = useStore(lessonStore, (s) => s.slug !== null);
  return (
    <>
      {name !== null ? <ScenarioName name={name} /> : null}
      <FileTools
        kind="scenario"
        exportFile={sharing.exportScenario}
        importFile={sharing.importScenario}
        disabled={inLesson}
      />
    </>
  );
}
