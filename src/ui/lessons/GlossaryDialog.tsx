import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { glossaryKey } from '../../content/keys';
import { lessonText } from '../../i18n/lesson-text';
import { lessonStore, openGlossary } from '../../store/lesson-store';
import { useLang, useT } from '../hooks';
import { GLOSSARY_IDS } from './glossary-ids';
import { useModal } from '../use-modal';
import '../dialogs.css';
import './glossary.css';

/**
 * The glossary (issue 5): every entry in the current language, alphabetical, as a modal dialog
 * opened from a term in a lesson's text; that entry is scrolled to, marked and focused.
 */
export function GlossaryDialog() {
  const t = useT();
  const lang = useLang();
  const current = useStore(lessonStore, (s) => s.glossary);
  const entry = useRef<HTMLElement>(null);
  const close = () => openGlossary(null);
  const modal = useModal(current !== null, close, entry);
  useEffect(() => {
    entry.current?.scrollIntoView?.({ block: 'center' });
  }, [current]);
  if (current === null) return null;
  const entries = GLOSSARY_IDS.map((id) => ({
    id,
    term: lessonText(lang, null, glossaryKey.term(id)),
    def: lessonText(lang, null, glossaryKey.def(id)),
  })).sort((a, b) => a.term.localeCompare(b.term, lang));
  return (
    <dialog
      {...modal}
      className="ls-dialog"
      aria-labelledby="glossary-title"
      data-testid="glossary-dialog"
    >
      <div className="ls-dialog-box">
        <div className="ls-dialog-top">
          <h2 id="glossary-title">{t('lessons.glossary.title')}</h2>
          <button type="button" onClick={close} data-testid="glossary-close">
            {t('lessons.close')}
          </button>
        </div>
        <dl className="ls-glossary">
          {entries.map((e) => {
            const here = e.id === current;
            return (
              <div
                key={e.id}
                className={here ? 'ls-entry is-current' : 'ls-entry'}
                data-entry={e.id}
                aria-current={here ? 'true' : undefined}
              >
                <dt ref={here ? entry : undefined} tabIndex={here ? -1 : undefined}>
                  {e.term}
                </dt>
                <dd>{e.def}</dd>
              </div>
            );
          })}
        </dl>
      </div>
    </dialog>
  );
}
