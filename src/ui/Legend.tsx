import { homeText, type HomeKey } from '../i18n/home-text';
import { ownerColour, ownerInk } from '../viz/palette';
import { useLang } from './hooks';

/**
 * What the machine view's marks mean — kernel boxes, CPU cells, IPI dots, rings and the pool —
 * each beside a small drawing in the view's own colours. On the first visit's "start here", and
 * one click away from the header everywhere.
 */
export function Legend() {
  const lang = useLang();
  const h = (key: HomeKey) => homeText(lang, key);
  const rows = [
    { id: 'kernel', mark: <KernelMark /> },
    { id: 'cpu', mark: <CpuMark /> },
    { id: 'ipi', mark: <IpiMark /> },
    { id: 'ring', mark: <RingMark /> },
    { id: 'pool', mark: <PoolMark /> },
  ] as const;
  return (
    <dl className="legend" data-testid="legend">
      {rows.map((r) => (
        <div key={r.id} className="legend-row" data-legend={r.id}>
          <dt>
            <svg width="44" height="28" viewBox="0 0 44 28" aria-hidden="true">
              {r.mark}
            </svg>
            <span>{h(`legend.${r.id}.name` as HomeKey)}</span>
          </dt>
          <dd>{h(`legend.${r.id}` as HomeKey)}</dd>
        </div>
      ))}
    </dl>
  );
}

const KernelMark = () => (
  <rect
    x="2"
    y="2"
    width="40"
    height="24"
    rx="5"
    fill="none"
    stroke={ownerColour(1)}
    strokeWidth="2"
  />
);
const CpuMark = () => (
  <>
    <rect x="8" y="4" width="28" height="20" rx="4" fill={ownerColour(0)} />
    <circle cx="31" cy="9" r="2.5" fill={ownerInk(0)} />
  </>
);
const IpiMark = () => (
  <>
    <path d="M4 14 H34" stroke="var(--line)" strokeDasharray="3 3" />
    <circle cx="30" cy="14" r="5" fill="var(--accent)" />
  </>
);
const RingMark = () => (
  <>
    <rect x="4" y="9" width="36" height="10" rx="5" fill="none" stroke="var(--fg)" />
    <rect x="4" y="9" width="14" height="10" rx="5" fill={ownerColour(1)} />
  </>
);
const PoolMark = () => (
  <>
    <rect
      x="4"
      y="4"
      width="36"
      height="20"
      rx="4"
      fill="none"
      stroke="var(--fg)"
      strokeDasharray="4 3"
    />
    <path d="M8 22 L20 6 M18 22 L30 6 M28 22 L38 9" stroke="var(--owner-pool)" strokeWidth="2" />
  </>
);
