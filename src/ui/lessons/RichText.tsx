import { Fragment, type ReactNode } from 'react';
import { glossaryKey } from '../../content/keys';
import { lessonText } from '../../i18n/lesson-text';
import { openGlossary } from '../../store/lesson-store';
import { useStore } from 'zustand';
import { useLang, useT } from '../hooks';
import { isRunnable, requestRun, runRequests } from '../shell/run-request';
import { MARK } from './marks';

/**
 * Lesson text with its marks: a glossary term becomes a button that opens the glossary at that
 * entry; code is shown as code, and a command the shell runs gets a "Run this" button (when the
 * page has a shell) that types it there; a control's name in bold.
 */
export function RichText({ text }: { readonly text: string }) {
  const lang = useLang();
  const t = useT();
  const shell = useStore(runRequests, (s) => s.shells > 0);
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(MARK)) {
    const at = m.index;
    if (at > last) parts.push(text.slice(last, at));
    const [, id, words, code, strong] = m;
    if (id) {
      parts.push(
        <button
          key={at}
          type="button"
          className="ls-term"
          aria-haspopup="dialog"
          data-glossary={id}
          onClick={() => openGlossary(id)}
        >
          {words ?? lessonText(lang, null, glossaryKey.term(id))}
        </button>,
      );
    } else if (strong !== undefined) {
      parts.push(<strong key={at}>{strong}</strong>);
    } else if (shell && code && isRunnable(code)) {
      parts.push(
        <span key={at} className="ls-run">
          <code>{code}</code>
          <button
            type="button"
            className="ls-run-btn"
            data-testid="run-this"
            data-line={code}
            aria-label={t('lessons.runThis.label', { line: code })}
            onClick={() => requestRun(code)}
          >
            {t('lessons.runThis')}
          </button>
        </span>,
      );
    } else {
      parts.push(<code key={at}>{code}</code>);
    }
    last = at + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <Fragment>{parts}</Fragment>;
}
