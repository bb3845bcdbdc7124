import type { LessonSlug } from '../../contract';
import { useStore } from 'zustand';
import { CONTENT } from '../../content';
import { lessonKey } from '../../content/keys';
import { HandoutButton } from '../../features/handout/HandoutButton';
import { controls } from '../../store/controls';
import { lessonStore, setListOpen } from '../../store/lesson-store';
import { useT } from '../hooks';
import { FinishView } from './FinishView';
import { QuizView } from './QuizView';
import { RichText } from './RichText';
import { StepView } from './StepView';
import { useLessonText } from './use-lesson-text';
import './highlights.css';
import './lessons.css';

/**
 * The lesson panel (DESIGN §5), beside the machine while a lesson runs: the lesson's title and
 * version, then its current step, its quiz or its finish screen.
 */
export function LessonPanel() {
  const slug = useStore(lessonStore, (s) => s.slug);
  const page = useStore(lessonStore, (s) => s.page);
  if (!slug) return null;
  return (
    <section className="ls-panel" data-testid="lesson-panel" aria-labelledby="ls-title">
      <LessonHeader slug={slug} />
      {page === 'quiz' ? (
        <QuizView slug={slug} />
      ) : page === 'finish' ? (
        <FinishView slug={slug} />
      ) : (
        <StepView slug={slug} />
      )}
    </section>
  );
}

function LessonHeader({ slug }: { readonly slug: LessonSlug }) {
  const t = useT();
  const { tx } = useLessonText(slug);
  const version = CONTENT[slug].version;
  return (
    <header className="ls-head">
      <p className="ls-kicker">{t('lessons.panel.kicker')}</p>
      <h2 id="ls-title">{tx(lessonKey.title(slug))}</h2>
      <details className="ls-version">
        <summary>
          <span className="ls-badge" data-testid="lesson-version">
            {t(`lessons.version.${version ?? 'any'}`)}
          </span>
        </summary>
        <p>
          <RichText text={tx(lessonKey.version(slug))} />
        </p>
      </details>
      <div className="ls-head-tools">
        <button
          type="button"
          aria-haspopup="dialog"
          data-testid="lesson-list-open"
          onClick={() => setListOpen(true)}
        >
          {t('lessons.all')}
        </button>
        <button
          type="button"
          data-testid="lesson-sandbox"
          onClick={() => void controls.leaveLesson()}
        >
          {t('lessons.sandbox')}
        </button>
        <HandoutButton slug={slug} />
      </div>
    </header>
  );
}
