import { useStore } from 'zustand';
import { lessonStore, type ProgressAsk } from '../../store/lesson-store';
import { asideFileText } from '../../store/progress';
import { controls } from '../../store/controls';
import { downloadJson } from '../download';
import { useT } from '../hooks';

// What the page says about saved progress when it must (issue 11): loaded only then, so none of
// it weighs on a first view (the embed's budget).

/** Everything set aside in this browser, as one file (the original texts unchanged). */
export function downloadAside(): void {
  downloadJson(asideFileText(), 'multikernel-progress-set-aside.json');
}

/** Beside the notice that something was set aside: download it. */
export function AsideDownload() {
  const t = useT();
  return (
    <button type="button" data-testid="download-aside" onClick={downloadAside}>
      {t('lessons.aside.download')}
    </button>
  );
}

const choose = (which: 'saved' | 'here') => void controls.chooseProgress(which).catch(() => {});

/** Which progress the learner wants: asked until answered, and nothing is written meanwhile. */
export function ProgressQuestion({ embedded }: { readonly embedded: boolean }) {
  const t = useT();
  const ask = useStore(lessonStore, (s) => s.ask);
  if (!ask) return null;
  const [text, saved, here] = words(t, ask, embedded);
  return (
    <div
      className="notice"
      role="group"
      aria-labelledby="progress-ask-text"
      data-testid="progress-ask"
      data-kind={ask.kind}
    >
      <p id="progress-ask-text" role="alert">
        {text}
      </p>
      <button type="button" data-testid="progress-keep-saved" onClick={() => choose('saved')}>
        {saved}
      </button>{' '}
      <button type="button" data-testid="progress-keep-here" onClick={() => choose('here')}>
        {here}
      </button>
    </div>
  );
}

function words(
  t: ReturnType<typeof useT>,
  ask: ProgressAsk,
  embedded: boolean,
): readonly [string, string, string] {
  if (ask.kind === 'link') {
    const steps = { saved: ask.saved + 1, link: ask.link + 1 };
    return [
      embedded ? t('lessons.ask.embed', steps) : t('lessons.ask.link', steps),
      t('lessons.ask.continue', { n: steps.saved }),
      t(embedded ? 'lessons.ask.from-embed' : 'lessons.ask.from-link', { n: steps.link }),
    ];
  }
  return [
    ask.step === null ? t('lessons.ask.tab-reset') : t('lessons.ask.tab', { n: ask.step + 1 }),
    t('lessons.ask.load'),
    t('lessons.ask.keep'),
  ];
}

/** A save the browser refused: said politely, retried, and gone once a write lands. */
export function SaveFailed() {
  const t = useT();
  const failed = useStore(lessonStore, (s) => s.saveFailed);
  if (!failed) return null;
  return (
    <p className="notice" role="status" data-testid="save-failed">
      {t('lessons.save-failed')}
    </p>
  );
}
