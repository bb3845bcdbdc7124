import { controls } from '../../store/controls';
import { useT } from '../hooks';
import { showMe } from './navigation';

/** "Show me" (play the step's script), "Skip to the end" (jump past it) and "Reset step". */
export function StepTools({ k, playing }: { readonly k: number; readonly playing: boolean }) {
  const t = useT();
  return (
    <div className="ls-tools">
      <button type="button" data-testid="show-me" disabled={playing} onClick={() => showMe(false)}>
        {playing ? t('lessons.showMe.playing') : t('lessons.showMe')}
      </button>
      <button type="button" data-testid="show-me-jump" onClick={() => showMe(true)}>
        {t('lessons.showMe.jump')}
      </button>
      <button type="button" data-testid="reset-step" onClick={() => void controls.rewindToStep(k)}>
        {t('lessons.resetStep')}
      </button>
    </div>
  );
}
