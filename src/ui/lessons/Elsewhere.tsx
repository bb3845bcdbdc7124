import { useStore } from 'zustand';
import type { Control } from '../../content/controls';
import { lessonStore } from '../../store/lesson-store';
import { useLang, useT } from '../hooks';
import { labHref } from './lab-href';
import { showMe } from './navigation';

/** "the shell and the Sandbox": the controls' names as one list, in the page's language. */
function useControlList(controls: readonly Control[]): string {
  const t = useT();
  const lang = useLang();
  return new Intl.ListFormat(lang, { type: 'conjunction' }).format(
    controls.map((c) => t(`control.${c}`)),
  );
}

function OpenInLab() {
  const t = useT();
  const lang = useLang();
  const slug = useStore(lessonStore, (s) => s.slug);
  const step = useStore(lessonStore, (s) => (s.status?.slug === s.slug ? s.status.step : null));
  return (
    <a
      href={labHref({ slug, step, lang })}
      target="_blank"
      rel="noopener"
      data-testid="elsewhere-open"
    >
      {t('embed.open')} <span className="sr-only">{t('embed.openHint')}</span>
    </a>
  );
}

/**
 * In place of a task this surface cannot do (it lacks `missing`): say so, and offer the step's
 * "show me" here (unless the surface shows its own) and the app at this very step.
 */
export function TaskElsewhere(props: {
  readonly missing: readonly Control[];
  readonly offerShowMe: boolean;
}) {
  const t = useT();
  const list = useControlList(props.missing);
  const playing = useStore(lessonStore, (s) => (s.status?.scriptLeft ?? 0) > 0);
  return (
    <div
      className="ls-elsewhere"
      data-testid="task-elsewhere"
      data-missing={props.missing.join(' ')}
    >
      <p>{t('embed.elsewhere', { controls: list })}</p>
      <p className="ls-elsewhere-do">
        {props.offerShowMe ? (
          <button
            type="button"
            data-testid="elsewhere-show-me"
            disabled={playing}
            onClick={() => showMe(false)}
          >
            {playing ? t('lessons.showMe.playing') : t('lessons.showMe')}
          </button>
        ) : null}
        <OpenInLab />
      </p>
    </div>
  );
}

/** After "what to look at", when it points to what this surface does not draw. */
export function SeenElsewhere({ missing }: { readonly missing: readonly Control[] }) {
  const t = useT();
  const list = useControlList(missing);
  return (
    <p className="ls-muted" data-testid="seen-elsewhere" data-missing={missing.join(' ')}>
      {t('embed.seenElsewhere', { controls: list })}
    </p>
  );
}
