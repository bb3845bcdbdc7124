import type { CpuState } from '../../contract';
import { memo } from 'react';
import type { MessageKey } from '../../i18n';
import { markPath, type HappeningMarkKind } from '../../viz/timeline-marks';
import { useT } from '../hooks';
import './diagram-marks.css';
import './legend.css';

const STATES: readonly CpuState[] = ['online', 'parked', 'booting', 'halted', 'offline'];
const MARKS: readonly HappeningMarkKind[] = ['panic', 'lockup', 'timeout', 'state', 'claim'];

/** What the lane fills, arrows and marks mean (colour is never the only cue). Static: memoised. */
export const Legend = memo(function Legend() {
  const t = useT();
  return (
    <div className="tl-legend">
      <h3 className="tl-legend-title">{t('timeline.legend')}</h3>
      <ul>
        {STATES.map((s) => (
          <li key={s}>
            <svg width={28} height={14} aria-hidden="true">
              <defs>
                <pattern
                  id={`tl-legend-hatch-${s}`}
                  width={6}
                  height={6}
                  patternUnits="userSpaceOnUse"
                  patternTransform="rotate(45)"
                >
                  <line className="tl-hatch" x1={0} y1={0} x2={0} y2={6} />
                </pattern>
              </defs>
              <rect
                className={`tl-seg tl-seg-${s}`}
                x={1}
                y={1}
                width={26}
                height={12}
                style={{
                  fill:
                    s === 'offline'
                      ? undefined
                      : s === 'halted'
                        ? 'var(--danger)'
                        : 'var(--owner-1)',
                  stroke: s === 'halted' ? 'var(--danger)' : 'var(--owner-1)',
                }}
              />
              {s === 'parked' || s === 'halted' ? (
                <rect
                  className="tl-seg-hatch"
                  x={1}
                  y={1}
                  width={26}
                  height={12}
                  fill={`url(#tl-legend-hatch-${s})`}
                />
              ) : null}
            </svg>
            {t(`cpustate.${s}` as MessageKey)}
          </li>
        ))}
        <li>
          <svg width={28} height={14} aria-hidden="true">
            <line className="tl-arrow-line" x1={2} y1={3} x2={22} y2={11} />
            <path className="tl-head-fg" d="M21,6 L27,12 L19,13 z" />
          </svg>
          {t('timeline.legend.message')}
        </li>
        <li>
          <svg width={28} height={14} aria-hidden="true">
            <g className="tl-fate" transform="translate(14,7)">
              <path className="tl-fate-halo" d="M-4,-4L4,4M-4,4L4,-4" />
              <path className="tl-fate-x" d="M-4,-4L4,4M-4,4L4,-4" />
            </g>
          </svg>
          {t('timeline.legend.fate')}
        </li>
        <li>
          <svg width={28} height={14} aria-hidden="true">
            <path className="tl-ipi" d="M14,3.5V10.5" />
          </svg>
          {t('timeline.legend.ipi')}
        </li>
        {MARKS.map((m) => (
          <li key={m}>
            <svg width={28} height={14} aria-hidden="true">
              <path
                className={`tl-mark tl-mark-${m}`}
                d={markPath(m, 11)}
                transform="translate(14,7)"
                style={m === 'state' || m === 'claim' ? { fill: 'var(--owner-2)' } : undefined}
              />
            </svg>
            {t(`timeline.legend.${m}`)}
          </li>
        ))}
      </ul>
    </div>
  );
});
