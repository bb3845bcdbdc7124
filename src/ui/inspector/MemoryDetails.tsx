import { useStore } from 'zustand';
import { simStore } from '../../store/sim-store';
import { formatMiB } from '../format';
import { useLang, useT } from '../hooks';
import { Gone, ownerLink } from './detail-links';
import { Facts, Head, Note, Row } from './parts';

/**
 * The memory bar, selected: who owns each run of the machine's memory, in address order, and what
 * that ownership means (each kernel is told its range at boot; nothing but the kernels' own
 * discipline keeps one out of another's).
 */
export function MemoryDetails() {
  const t = useT();
  const lang = useLang();
  const view = useStore(simStore, (s) => s.view);
  if (!view) return <Gone />;
  const total = view.memory.reduce((n, r) => n + r.sizeMiB, 0);
  return (
    <div data-testid="inspect-memory">
      <Head title={t('inspector.memory')} kind={formatMiB(lang, total)} />
      <Facts>
        {view.memory.map((r) => (
          <Row
            key={r.startMiB}
            term={t('inspector.memory.run', {
              start: formatMiB(lang, r.startMiB),
              size: formatMiB(lang, r.sizeMiB),
            })}
          >
            {ownerLink(t, view, r.owner)}
          </Row>
        ))}
      </Facts>
      <Note>{t(view.memory.length === 1 ? 'inspector.memory.one' : 'inspector.memory.many')}</Note>
    </div>
  );
}
