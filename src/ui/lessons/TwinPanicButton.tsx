import type { MachineView } from '../../contract';
import { pushInput } from '../../store/input-store';
import { useT } from '../hooks';

/**
 * "Panic the twin's kernel": a panic for the monolithic twin alone (lesson 5 panics one side at
 * a time). Shown whenever the twin is; disabled once its kernel has panicked.
 */
export function TwinPanicButton({ view }: { readonly view: MachineView | null }) {
  const t = useT();
  const host = view?.instances.find((i) => i.id === 0);
  const panicked = !!host?.panicked;
  return (
    <button
      type="button"
      className="ls-twin-panic"
      data-testid="twin-panic"
      data-control="twin-button"
      disabled={!view || panicked}
      onClick={() =>
        pushInput({ type: 'twin.only', input: { type: 'fault', kind: 'panic', target: 'host' } })
      }
    >
      {panicked ? t('lessons.twin.panicked') : t('lessons.twin.panic')}
    </button>
  );
}
