import type { LessonSlug } from '../../contract';
import { useRef, useState } from 'react';
import { useStore } from 'zustand';
import { CONTENT, LESSON_ORDER } from '../../content';
import { lessonKey } from '../../content/keys';
import { controls } from '../../store/controls';
import { dismissLessonNotice, lessonStore, setListOpen } from '../../store/lesson-store';
import { useT } from '../hooks';
import { ProgressFiles } from '../../features/sharing/FileTools';
import { RichText } from './RichText';
import { downloadAside } from './ProgressNotices';
import { useLessonTexts, type LessonTranslate } from './use-lesson-text';
import { useModal } from '../use-modal';
import '../dialogs.css';
import './lesson-list.css';
import './lessons.css';

/**
 * The ten lessons in order, each with its idea and the learner's progress, as a dialog opened
 * from the header (or shown for a bad deep link); also the way back to the sandbox and "reset
 * progress".
 */
export function LessonList() {
  const t = useT();
  const open = useStore(lessonStore, (s) => s.listOpen);
  const notice = useStore(lessonStore, (s) => s.notice);
  const running = useStore(lessonStore, (s) => s.slug);
  const aside = useStore(lessonStore, (s) => s.aside);
  const heading = useRef<HTMLHeadingElement>(null);
  const modal = useModal(open, () => setListOpen(false), heading);
  const { tx } = useLessonTexts(open ? LESSON_ORDER : []);
  if (!open) return null;
  return (
    <dialog
      {...modal}
      className="ls-dialog"
      aria-labelledby="ls-list-title"
      data-testid="lesson-list"
    >
      <div className="ls-dialog-box">
        <div className="ls-dialog-top">
          <h2 id="ls-list-title" ref={heading} tabIndex={-1}>
            {t('lessons.list.title')}
          </h2>
          <button type="button" onClick={() => setListOpen(false)}>
            {t('lessons.close')}
          </button>
        </div>
        {notice ? (
          <p className="notice" role="alert">
            {t(notice.key as Parameters<typeof t>[0], notice.params)}{' '}
            <button type="button" onClick={dismissLessonNotice}>
              {t('lessons.notice.dismiss')}
            </button>
          </p>
        ) : null}
        <ol className="ls-list">
          {LESSON_ORDER.map((slug) => (
            <LessonItem key={slug} slug={slug} tx={tx} running={running === slug} />
          ))}
        </ol>
        <div className="ls-tools">
          {running ? (
            <button
              type="button"
              data-testid="list-sandbox"
              onClick={() => {
                setListOpen(false);
                void controls.leaveLesson();
              }}
            >
              {t('lessons.sandbox')}
            </button>
          ) : null}
          <ResetProgress />
          {aside ? (
            <button type="button" data-testid="list-download-aside" onClick={downloadAside}>
              {t('lessons.aside.list')}
            </button>
          ) : null}
        </div>
        <ProgressFiles />
      </div>
    </dialog>
  );
}

function LessonItem(props: {
  readonly slug: LessonSlug;
  readonly tx: LessonTranslate;
  readonly running: boolean;
}) {
  const t = useT();
  const { slug, tx, running } = props;
  const finished = useStore(lessonStore, (s) => s.finished.includes(slug));
  const reached = useStore(lessonStore, (s) => s.reached[slug]);
  const steps = CONTENT[slug].steps.length;
  const progress = finished
    ? t('lessons.progress.finished')
    : reached !== undefined
      ? t('lessons.progress.step', { n: reached + 1, total: steps })
      : t('lessons.progress.none');
  const action = running
    ? t('lessons.list.current')
    : finished
      ? t('lessons.list.review')
      : reached !== undefined
        ? t('lessons.list.continue')
        : t('lessons.list.start');
  const titleId = `ls-item-${slug}`;
  return (
    <li className="ls-item" data-testid={`lesson-item-${slug}`} data-finished={finished}>
      <h3 id={titleId}>{tx(slug, lessonKey.title(slug))}</h3>
      <p className="ls-idea">
        <RichText text={tx(slug, lessonKey.idea(slug))} />
      </p>
      <p className="ls-item-foot">
        <span className="ls-progress-text">{progress}</span>
        <button
          type="button"
          aria-describedby={titleId}
          data-testid={`lesson-start-${slug}`}
          disabled={running}
          onClick={() => {
            setListOpen(false);
            void controls.startLesson(slug, finished ? 0 : (reached ?? 0));
          }}
        >
          {action}
        </button>
      </p>
    </li>
  );
}

/** "Reset progress", asked twice so one slip does not lose every answer. */
function ResetProgress() {
  const t = useT();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" data-testid="reset-progress" onClick={() => setAsking(true)}>
        {t('lessons.reset')}
      </button>
    );
  }
  return (
    <span className="ls-confirm" role="group" aria-label={t('lessons.reset')}>
      <span>{t('lessons.reset.ask')}</span>
      <button
        type="button"
        data-testid="reset-progress-yes"
        onClick={() => {
          controls.resetProgress();
          setAsking(false);
        }}
      >
        {t('lessons.reset.yes')}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        {t('lessons.reset.no')}
      </button>
    </span>
  );
}
