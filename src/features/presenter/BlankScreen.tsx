import { useStore } from 'zustand';
import { presenterStore, setBlank } from './presenter-store';
import { useT } from '../../ui/hooks';

/**
 * `b` in presenter mode: black over everything, in the presenter's window and the audience's
 * (a mirrored projector goes dark too). A click, `b` or Esc brings the picture back.
 */
export function BlankScreen() {
  const t = useT();
  const blank = useStore(presenterStore, (s) => s.blank);
  if (!blank) return null;
  return (
    <div className="pr-blank" data-testid="blank-screen" onClick={() => setBlank(false)}>
      <p className="sr-only" role="status">
        {t('presenter.blank.label')}
      </p>
    </div>
  );
}
