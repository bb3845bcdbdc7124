import { useStore } from 'zustand';
import { lessonStore } from '../../store/lesson-store';
import { useT } from '../../ui/hooks';
import { presenterStore } from './presenter-store';
import { chartsNow, projectedNow, revealNow } from './reveal-now';

/**
 * The reveal key's button: reveals the answer on the projector; then, on a step that points at
 * its charts, flips the projector between the answer and those charts (issue 13).
 */
export function RevealButton(props: { readonly onDone: () => void }) {
  const t = useT();
  const inLesson = useStore(lessonStore, (s) => s.slug !== null && s.status !== null);
  const page = useStore(lessonStore, (s) => s.page);
  const question = useStore(lessonStore, () => projectedNow().question);
  const charts = useStore(lessonStore, () => chartsNow());
  const revealed = useStore(
    presenterStore,
    (s) => question !== null && s.revealed.includes(question),
  );
  const shown = useStore(presenterStore, (s) => question !== null && s.chartsShown === question);
  const flips = revealed && charts;
  const label = !revealed
    ? t('presenter.reveal')
    : !charts
      ? t('presenter.revealed')
      : shown
        ? t('presenter.showAnswer')
        : t('presenter.showCharts');
  return (
    <button
      type="button"
      data-testid="presenter-reveal"
      disabled={!inLesson || page === 'finish' || (revealed && !flips)}
      onClick={() => {
        revealNow();
        props.onDone();
      }}
    >
      {label}
    </button>
  );
}
