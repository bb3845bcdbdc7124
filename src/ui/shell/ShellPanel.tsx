import { MAX_LINE, type OutLine } from '../../contract';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { pushInput } from '../../store/input-store';
import { clearShell, pushShellEntry, simStore } from '../../store/sim-store';
import { useTypedRuns } from './use-typed-runs';
import { useLang, useT } from '../hooks';
import { formatNs } from '../format';
import { complete } from './complete';
import { INTERRUPT, PROMPT, lineText, transcriptText } from './text';
import './shell.css';
import { hlAttrs, useHighlighted } from '../lessons/highlights';

const HISTORY_CAP = 500;
/** How many output lines the screen-reader announcement reads before "…". */
const ANNOUNCE_LINES = 4;

function firstWord(line: string): string {
  const words = line.trim().split(/\s+/);
  while (words[0] === 'sudo') words.shift();
  return words[0] ?? '';
}

/**
 * The shell: a terminal-like bottom panel. Each line goes to the machine as an input
 * (`{type: 'shell.line'}`) through the one input queue; the worker parses and runs it, and its
 * answer comes back in a frame. `clear` and `history` act on the panel only.
 */
export function ShellPanel() {
  const t = useT();
  const lang = useLang();
  const inputId = useId();
  const highlighted = useHighlighted();
  const entries = useStore(simStore, (s) => s.shell);
  // While a line is blocked in a system call: the machine's time (how long it has waited).
  const blockedT = useStore(simStore, (s) => (s.shell.at(-1)?.waiting ? s.t : 0));
  const [line, setLine] = useState('');
  const [history, setHistory] = useState<readonly string[]>([]);
  const [browse, setBrowse] = useState<number | null>(null);
  const draft = useRef('');
  const logRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const announced = useRef(-1);
  const [announce, setAnnounce] = useState('');
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);

  const last = entries[entries.length - 1];
  // The newest line in view. Not at mount with nothing in the log: reading the height there laid
  // out the whole new page inside the shell's mount (issue 14: a 56 ms layout in a phone's load).
  useEffect(() => {
    const el = logRef.current;
    if (el && entries.length > 0) el.scrollTop = el.scrollHeight;
  }, [entries]);

  useEffect(() => {
    if (!last || last.id <= announced.current) return;
    const first = announced.current < 0 && entries.length > 1;
    announced.current = last.id;
    if (first) return;
    const lines = last.output.map((l) => lineText(t, lang, l)).filter((s) => s.trim() !== '');
    const shown =
      lines.slice(0, ANNOUNCE_LINES).join(' ') + (lines.length > ANNOUNCE_LINES ? ' …' : '');
    setAnnounce(
      lines.length
        ? t('shell.announce', { line: last.line, output: shown })
        : t('shell.announce.empty', { line: last.line }),
    );
  }, [last, entries.length, t, lang]);

  const blocked = last?.waiting === true;
  const run = (text = line) => {
    // The prompt waits for the blocked call, as a terminal does (Ctrl-C stops waiting).
    if (blocked) return;
    setLine('');
    setBrowse(null);
    draft.current = '';
    if (text.trim() !== '' && history[history.length - 1] !== text) {
      setHistory((h) => [...h, text].slice(-HISTORY_CAP));
    }
    const cmd = firstWord(text);
    if (cmd === 'clear') {
      clearShell();
      return;
    }
    if (cmd === 'history') {
      const all = text.trim() === '' ? history : [...history, text];
      const output: OutLine[] = all.length
        ? all.map((h, i) => ({ text: `${String(i + 1).padStart(5)}  ${h}` }))
        : [{ key: 'shell.history.empty' }];
      pushShellEntry({ line: text, output, exit: 0, atNs: null });
      return;
    }
    if (text.trim() === '') {
      pushShellEntry({ line: text, output: [], exit: 0, atNs: null });
      return;
    }
    if (text.length > MAX_LINE) {
      // The shell's own answer, given here: the log (and every link, file and saved progress
      // made of it) cannot carry such a line, so it never goes to the machine.
      const output: OutLine[] = [{ key: 'shell.tooLong', params: { max: MAX_LINE }, err: true }];
      pushShellEntry({ line: text, output, exit: 2, atNs: null });
      return;
    }
    pushInput({ type: 'shell.line', line: text });
  };

  useTypedRuns(inputRef, setLine, run);

  const recall = (dir: -1 | 1) => {
    if (history.length === 0) return;
    if (browse === null && dir === 1) return;
    if (browse === null) draft.current = line;
    const next = browse === null ? history.length - 1 : browse + dir;
    if (next < 0) return;
    if (next >= history.length) {
      setBrowse(null);
      setLine(draft.current);
      return;
    }
    setBrowse(next);
    setLine(history[next] ?? '');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (blocked && e.ctrlKey && e.key.toLowerCase() === 'c') {
      e.preventDefault();
      pushInput({ type: 'shell.line', line: INTERRUPT });
    } else if (e.key === 'Enter') {
      e.preventDefault();
      run();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      recall(-1);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      recall(1);
    } else if (e.key === 'Tab' && !e.shiftKey && line.trim() !== '') {
      // Tab completes on a non-empty line; on an empty one it moves focus as usual.
      e.preventDefault();
      // The machine as it is now (read, not watched: the panel need not redraw every frame).
      const c = complete(line, simStore.getState().view);
      if (c.line !== line) setLine(c.line);
      else if (c.options.length > 0) {
        pushShellEntry({
          line,
          output: [{ text: c.options.join('  ') }],
          exit: 0,
          atNs: null,
        });
      }
    } else if ((e.key === 'l' || e.key === 'L') && e.ctrlKey && !e.altKey && !e.metaKey) {
      e.preventDefault();
      clearShell();
    }
  };

  const copy = () => {
    const text = transcriptText(t, lang, simStore.getState().shell);
    const clip = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
    if (!clip) {
      setCopied('failed');
      return;
    }
    clip.writeText(text).then(
      () => setCopied('copied'),
      () => setCopied('failed'),
    );
  };

  return (
    <div
      className="sh-panel"
      data-testid="shell-panel"
      data-control="shell"
      {...hlAttrs('shell', highlighted)}
    >
      <div className="sh-head">
        <h2>{t('shell.area')}</h2>
        <p className="sh-keys">{t('shell.keys')}</p>
        <div className="sh-tools">
          <button type="button" onClick={copy} data-testid="shell-copy">
            {t('shell.copy')}
          </button>
          <button
            type="button"
            onClick={() => {
              clearShell();
              inputRef.current?.focus();
            }}
          >
            {t('shell.clear')}
          </button>
        </div>
      </div>
      <div
        ref={logRef}
        className="sh-log"
        data-testid="shell-output"
        role="log"
        aria-live="off"
        aria-label={t('shell.transcript')}
        tabIndex={0}
      >
        {entries.length === 0 ? <p className="sh-intro">{t('shell.intro')}</p> : null}
        {entries.map((e) => (
          <div
            key={e.id}
            className="sh-entry"
            data-testid="shell-entry"
            data-exit={e.exit}
            data-line={e.line}
          >
            <div className="sh-cmd">
              <span className="sh-prompt">{PROMPT}</span> {e.line}
            </div>
            {e.output.length > 0 ? (
              <pre className="sh-out">
                {e.output.map((l, i) => (
                  <span key={i} className={l.err ? 'sh-err' : 'text' in l ? undefined : 'sh-note'}>
                    {lineText(t, lang, l)}
                    {'\n'}
                  </span>
                ))}
              </pre>
            ) : null}
            {e.waiting ? (
              <span className="sh-note" data-testid="shell-waiting">
                {t('shell.wait.waiting', {
                  waited: formatNs(lang, Math.max(0, blockedT - (e.atNs ?? blockedT))),
                })}
              </span>
            ) : null}
            {e.exit !== 0 ? (
              <span className="sh-exit">{t('shell.exit', { code: e.exit })}</span>
            ) : null}
          </div>
        ))}
      </div>
      <form
        className="sh-form"
        onSubmit={(e) => {
          e.preventDefault();
          run();
        }}
      >
        <label htmlFor={inputId} className="sh-prompt">
          <span aria-hidden="true">{PROMPT}</span>
          <span className="sr-only">{t('shell.input.label')}</span>
        </label>
        <input
          ref={inputRef}
          id={inputId}
          className="sh-input"
          data-testid="shell-input"
          value={line}
          onChange={(e) => {
            setLine(e.target.value);
            setBrowse(null);
          }}
          onKeyDown={onKeyDown}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="send"
        />
      </form>
      <p className="sr-only" aria-live="polite" data-testid="shell-announce">
        {announce}
      </p>
      {copied ? (
        <p className="sh-copied" role="status">
          {t(copied === 'copied' ? 'shell.copied' : 'shell.copyFailed')}
        </p>
      ) : null}
    </div>
  );
}
