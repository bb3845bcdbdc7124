import { useStore } from 'zustand';
import { momentStore, replayThat } from '../store/moment-player';
import { describeHappening } from './happenings';
import { ownerName } from './owner-name';
import { useT } from './hooks';
import { useKernelNames } from './use-kernel-names';

/**
 * In a lesson: what the player slowed down for, and "Replay that" (key R) to see it again from
 * just before. The player's own controls: the machine's log and trace are untouched.
 */
export function MomentNotice() {
  const t = useT();
  const last = useStore(momentStore, (s) => s.last);
  const slow = useStore(momentStore, (s) => s.slowUntil !== null);
  const names = useKernelNames();
  if (!last) return null;
  return (
    <p className="notice moment" role="status" data-testid="moment" data-slow={String(slow)}>
      {t(slow ? 'moment.slow' : 'moment.last', {
        what:
          last.kind === 'happening'
            ? describeHappening(t, last.happening, names)
            : t('moment.ringFull', {
                name: ownerName(last.kernel, names.instances, t('machine.pool')),
              }),
      })}{' '}
      <button type="button" data-testid="replay-that" onClick={() => void replayThat()}>
        {t('moment.replay')}
      </button>
    </p>
  );
}
