import './class.css';
import { useStore } from 'zustand';
import { useClassT } from './use-class-t';
import { classOnProjector } from '../presenter/class-on-projector';
import { RoomQr } from './RoomQr';
import { TallyBars } from './TallyBars';

/**
 * The live class on the projector (the audience window): how to join, and the room's tally of
 * the step's prediction — counts before the reveal, the right choice marked after it.
 */
export function ProjectedClass() {
  const t = useClassT();
  const room = useStore(classOnProjector, (s) => s.room);
  if (!room) return null;
  return (
    <aside
      className="cl-projected"
      aria-label={t('class.panel.label')}
      data-testid="projected-class"
    >
      <RoomQr code={room.code} url={room.url} />
      {room.question ? <TallyBars question={room.question} tally={room.tally} /> : null}
    </aside>
  );
}
