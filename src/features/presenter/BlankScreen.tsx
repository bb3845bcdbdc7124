import { useStore } from 'zustand';
import { presenterStore, setBlank } from './presenter-store';
import { useT } from '../../ui/hooks';
import { PresenterNotes } from './PresenterNotes';

/**
 * `b` in presenter mode: black over everything, in the presenter's window and the audience's
 * (a mirrored projector goes dark too). A click, `b` or Esc brings the picture back. On the
 * presenter's own window (`own`) a line says so; and when an audience window is open (so this
 * window is not the one projected) the teacher's notes stay readable over the black.
 */
export function BlankScreen({ own = false }: { readonly own?: boolean }) {
  const t = useT();
  const blank = useStore(presenterStore, (s) => s.blank);
  const audience = useStore(presenterStore, (s) => s.audience);
  if (!blank) return null;
  return (
    <div
      className={own ? `pr-blank is-own${audience ? '' : ' is-projected'}` : 'pr-blank'}
      data-testid="blank-screen"
      onClick={() => setBlank(false)}
    >
      {own ? (
        <div className="pr-blank-own">
          <p role="status" data-testid="blank-return">
            {t('presenter.blank.notes')}
          </p>
          {audience ? <PresenterNotes always /> : null}
        </div>
      ) : (
        <p className="sr-only" role="status">
          {t('presenter.blank.label')}
        </p>
      )}
    </div>
  );
}
